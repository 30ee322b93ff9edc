from django.urls import path

from catalog.documents import api

app_name = "documents-api"

urlpatterns = [
    path("products/<int:product_id>/documents/", api.ProductDocuments.as_view(), name="product-documents"),
    path("documents/<int:pk>/download/", api.DocumentDownload.as_view(), name="download"),
]
