from django.urls import path

from catalog.documents import views

app_name = "documents"

urlpatterns = [
    path("supplier/products/<int:product_id>/documents/upload/", views.upload_document, name="upload"),
    path(
        "supplier/products/<int:product_id>/documents/<slug:kind>/history/",
        views.document_history,
        name="history",
    ),
    # Not /documents/…: Wagtail's document serving owns that prefix (documents/<id>/<anything>).
    path("product-documents/<int:pk>/download/", views.download_document, name="download"),
]
