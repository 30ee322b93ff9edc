"""Documents API for suppliers' systems: list and upload a product's documents, download one."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from oscar.core.loading import get_model
from rest_framework import permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.api import ReadPublicWriteOwn
from catalog.documents import selectors, services
from catalog.documents.access import manages_documents
from catalog.documents.serializers import DocumentInputSerializer, DocumentSerializer
from marketplace.core.uploads import attachment_response

Product = get_model("catalogue", "Product")


class ProductDocuments(APIView):
    """GET: the product's documents you may download (every version for its supplier).
    POST (multipart): the product's supplier uploads a new version of a document."""

    permission_classes = [ReadPublicWriteOwn]

    def _product(self, product_id: int):
        product = Product.objects.select_related("supplier__company").filter(pk=product_id).first()
        user = self.request.user
        if product is None or not (selectors.product_is_listed(product) or manages_documents(user, product)):
            raise NotFound
        return product

    @extend_schema(
        description="The product's documents you may download: current versions (restricted ones "
        "only if you have access), every version for the product's supplier.",
        responses={200: DocumentSerializer(many=True)},
    )
    def get(self, request, product_id: int):
        documents = selectors.documents_visible_to(user=request.user, product=self._product(product_id))
        return Response(DocumentSerializer(documents, many=True, context={"request": request}).data)

    @extend_schema(
        description="The product's supplier uploads a PDF; it becomes the current version of its kind.",
        request={"multipart/form-data": DocumentInputSerializer},
        responses={201: DocumentSerializer},
    )
    def post(self, request, product_id: int):
        product = self._product(product_id)
        payload = DocumentInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        document = services.upload_document(product=product, by=request.user, **payload.validated_data)
        return Response(
            DocumentSerializer(document, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


class DocumentDownload(APIView):
    """The document's PDF as an attachment; 404 if you may not download it."""

    permission_classes = [permissions.AllowAny]

    def perform_content_negotiation(self, request, force=False):
        # The answer is a file whatever the client accepts; errors are JSON.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)})
    def get(self, request, pk: int):
        document = selectors.document_for_download(user=request.user, pk=pk)
        if document is None:
            raise NotFound
        try:
            return attachment_response(document.file)
        except FileNotFoundError as error:
            raise NotFound from error
