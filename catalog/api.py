"""Public, read-only catalogue API: products with their typed specs, and verified suppliers."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions
from rest_framework.pagination import PageNumberPagination

from catalog.api_selectors import api_products, api_suppliers
from catalog.serializers import ProductSerializer, SupplierSerializer


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


class ProductList(generics.ListAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = ProductSerializer
    pagination_class = CatalogPagination

    @extend_schema(parameters=PRODUCT_FILTERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return api_products(filters=self.request.query_params)


class ProductDetail(generics.RetrieveAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = ProductSerializer

    def get_queryset(self):
        return api_products(filters={})


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
