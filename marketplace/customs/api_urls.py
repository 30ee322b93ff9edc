from django.urls import path

from marketplace.customs import api, warehouse_api

app_name = "customs-api"

urlpatterns = [
    path("declarations/", api.DeclarationList.as_view(), name="declarations"),
    path("declarations/<int:pk>/", api.DeclarationDetail.as_view(), name="declaration"),
    path("declarations/<int:pk>/validate/", api.DeclarationValidate.as_view(), name="declaration-validate"),
    path("declarations/<int:pk>/state/", api.DeclarationState.as_view(), name="declaration-state"),
    path("declarations/<int:pk>/xml/<slug:message>/", api.DeclarationXml.as_view(), name="declaration-xml"),
    path("declarations/<int:pk>/receipts/", api.DeclarationReceipts.as_view(), name="declaration-receipts"),
    path("warehouses/", warehouse_api.WarehouseList.as_view(), name="warehouses"),
    path("bookings/", warehouse_api.BookingList.as_view(), name="bookings"),
    path("licences/", warehouse_api.LicenceList.as_view(), name="licences"),
]
