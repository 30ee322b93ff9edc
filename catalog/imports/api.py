"""Import API: a supplier uploads a spreadsheet and polls the job; nobody else sees the job."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from oscar.core.loading import get_model
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from catalog.api import supplier_of
from catalog.imports.selectors import import_jobs_of
from catalog.imports.serializers import ImportInputSerializer, ImportJobSerializer
from catalog.imports.services import start_import

ProductClass = get_model("catalogue", "ProductClass")


class ImportCreate(generics.GenericAPIView):
    """Upload a CSV or XLSX of one product type; 202 with the queued job to poll."""

    parser_classes = [MultiPartParser, FormParser]
    serializer_class = ImportJobSerializer

    @extend_schema(request=ImportInputSerializer, responses={202: ImportJobSerializer})
    def post(self, request):
        partner = supplier_of(request.user)
        payload = ImportInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        product_class = get_object_or_404(ProductClass, slug=payload.validated_data["product_class"])
        job = start_import(
            supplier=partner,
            user=request.user,
            product_class=product_class,
            upload=payload.validated_data["file"],
        )
        return Response(self.get_serializer(job).data, status=status.HTTP_202_ACCEPTED)


class ImportDetail(generics.RetrieveAPIView):
    """Status, progress counts and the problems of one of your supplier's import jobs."""

    serializer_class = ImportJobSerializer

    def get_queryset(self):
        user = self.request.user
        partner = getattr(user.company, "partner", None) if user.company else None
        return import_jobs_of(supplier=partner)  # another supplier's job, or no supplier: 404
