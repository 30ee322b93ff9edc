from django.urls import path

from catalog.imports import api

app_name = "imports-api"

urlpatterns = [
    path("imports/", api.ImportCreate.as_view(), name="imports"),
    path("imports/<int:pk>/", api.ImportDetail.as_view(), name="import"),
]
