"""Catalogue API: public reads of products and verified suppliers; suppliers write their own
products through the same forms as the portal (catalog/specs/forms.py)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from catalog.api_selectors import api_products, api_suppliers, own_products
from catalog.serializers import ProductInputSerializer, ProductSerializer, SupplierSerializer
from catalog.services import save_product


class CatalogPagination(PageNumberPagination):
    page_size = 24
    page_size_query_param = "page_size"
    max_page_size = 100


PRODUCT_FILTERS = [
    OpenApiParameter("class", str, description="Product class slug: chemical, battery, pv-module, vehicle…"),
    OpenApiParameter("category", int, description="Category id (includes its subcategories)"),
    OpenApiParameter("supplier", int, description="Supplier company id"),
    OpenApiParameter("hs", str, description="HS code prefix, e.g. 2905"),
    OpenApiParameter("cas", str, description="CAS number, e.g. 67-56-1"),
    OpenApiParameter("un", str, description="UN number, e.g. UN1230"),
]


PRODUCT_EXAMPLE = {
    "title": "Methanol 99.85%",
    "upc": "HGM-MEOH-IBC",
    "product_class": "chemical",
    "categories": [12],
    "trade_spec": {
        "hs_code": "2905110000",
        "commercial_unit": "t",
        "net_weight_kg": "1000",
        "gross_weight_kg": "1010",
        "origin_country": "CN",
    },
    "chemical_spec": {"cas_number": "67-56-1", "un_number": "UN1230", "transport_class": "3"},
    "translations": {"ru": {"title": "Метанол 99,85%"}, "zh-hans": {"title": "甲醇 99.85%"}},
}


MAX_ID = 2**63 - 1  # PostgreSQL's bigint


class ProductFilters(serializers.Serializer):
    """The list's query parameters: ids in range, short codes; DRF refuses NUL characters."""

    # ``class`` is a Python keyword, hence the explicit source name.
    product_class = serializers.SlugField(required=False, max_length=128)
    category = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    supplier = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    hs = serializers.RegexField(
        r"^\d{1,10}$", required=False, error_messages={"invalid": _("Up to 10 digits.")}
    )
    cas = serializers.CharField(required=False, max_length=20)
    un = serializers.CharField(required=False, max_length=10)

    def to_internal_value(self, data):
        data = {("product_class" if key == "class" else key): data[key] for key in data}
        values = super().to_internal_value(data)
        return {("class" if key == "product_class" else key): str(value) for key, value in values.items()}


def supplier_of(user):
    """The Oscar partner the user acts for, or refuse: only supplier members write products."""
    company = user.company if user.is_authenticated else None
    partner = getattr(company, "partner", None) if company else None
    if partner is None:
        raise PermissionDenied("Only members of a supplier company can list products.")
    return partner


class ReadPublicWriteOwn(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or request.user.is_authenticated


def _save(request, product=None):
    payload = ProductInputSerializer(data=request.data, partial=product is not None)
    payload.is_valid(raise_exception=True)
    return save_product(
        supplier=supplier_of(request.user), data=payload.validated_data, product=product, by=request.user
    )


class ProductList(generics.ListCreateAPIView):
    """Published products; POST creates one of your supplier's products with its typed specs."""

    permission_classes = [ReadPublicWriteOwn]
    serializer_class = ProductSerializer
    pagination_class = CatalogPagination

    @extend_schema(parameters=PRODUCT_FILTERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=ProductInputSerializer,
        responses={201: ProductSerializer},
        examples=[OpenApiExample("Methanol", value=PRODUCT_EXAMPLE, request_only=True)],
    )
    def post(self, request, *args, **kwargs):
        product = _save(request)
        return Response(
            self.get_serializer(own_products(product.supplier).get(pk=product.pk)).data, status=201
        )

    def get_queryset(self):
        filters = ProductFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return api_products(filters=filters.validated_data)


class ProductDetail(generics.RetrieveUpdateAPIView):
    """A published product, or one of your own; PUT/PATCH change your own products only."""

    permission_classes = [ReadPublicWriteOwn]
    serializer_class = ProductSerializer

    def get_queryset(self):
        if self.request.method not in permissions.SAFE_METHODS:
            return own_products(supplier_of(self.request.user))  # others' products: 404
        user = self.request.user
        partner = getattr(user.company, "partner", None) if user.is_authenticated and user.company else None
        return api_products(filters={}, include_own=partner)

    @extend_schema(request=ProductInputSerializer, responses={200: ProductSerializer})
    def put(self, request, *args, **kwargs):
        return self._update(request, partial=False)

    @extend_schema(request=ProductInputSerializer, responses={200: ProductSerializer})
    def patch(self, request, *args, **kwargs):
        return self._update(request, partial=True)

    def _update(self, request, *, partial: bool):
        product = self.get_object()
        if not partial:
            ProductInputSerializer(data=request.data).is_valid(raise_exception=True)
        _save(request, product)
        fresh = own_products(product.supplier).get(pk=product.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_200_OK)


class SupplierList(generics.ListAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = SupplierSerializer
    pagination_class = CatalogPagination

    def get_queryset(self):
        return api_suppliers()


class SupplierDetail(generics.RetrieveAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = SupplierSerializer

    def get_queryset(self):
        return api_suppliers()
