from django.urls import path

from marketplace.fulfillment import api

app_name = "fulfillment-api"

urlpatterns = [
    path("shipments/", api.ShipmentList.as_view(), name="shipments"),
    path("shipments/<int:pk>/", api.ShipmentDetail.as_view(), name="shipment"),
    path("shipments/<int:pk>/events/", api.ShipmentEvents.as_view(), name="shipment-events"),
    # The warehouse list itself is customs' /api/v1/warehouses/; this is only its stock.
    path("warehouses/<int:pk>/stock/", api.WarehouseStock.as_view(), name="warehouse-stock"),
    path("outbound-orders/", api.OutboundList.as_view(), name="outbound-orders"),
    path("outbound-orders/<int:pk>/", api.OutboundDetail.as_view(), name="outbound-order"),
]
