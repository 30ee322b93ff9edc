from django.urls import path

from catalog import api

app_name = "catalog-api"

urlpatterns = [
    path("products/", api.ProductList.as_view(), name="products"),
    path("products/<int:pk>/", api.ProductDetail.as_view(), name="product"),
    path("suppliers/", api.SupplierList.as_view(), name="suppliers"),
    path("suppliers/<int:pk>/", api.SupplierDetail.as_view(), name="supplier"),
]
