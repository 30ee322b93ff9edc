from django.urls import path

from catalog.imports import views

app_name = "catalog_imports"

urlpatterns = [
    path("supplier/imports/", views.job_list, name="list"),
    path("supplier/imports/new/", views.job_create, name="new"),
    path("supplier/imports/<int:pk>/", views.job_detail, name="detail"),
    path("supplier/imports/<int:pk>/progress/", views.job_progress, name="progress"),
    path(
        "supplier/imports/templates/<slug:class_slug>.<str:file_format>",
        views.template_download,
        name="template",
    ),
    path(
        "supplier/imports/export/<slug:class_slug>.<str:file_format>",
        views.catalogue_export,
        name="export",
    ),
]
