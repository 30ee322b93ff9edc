from django.urls import path

from marketplace.fulfillment.api import shipments, warehouse

app_name = "fulfillment-api"

urlpatterns = [
    path("shipments/", shipments.ShipmentList.as_view(), name="shipments"),
    path("shipments/<int:pk>/", shipments.ShipmentDetail.as_view(), name="shipment"),
    path("shipments/<int:pk>/legs/", shipments.ShipmentLegs.as_view(), name="shipment-legs"),
    path("shipments/<int:pk>/events/", shipments.ShipmentEvents.as_view(), name="shipment-events"),
    # The warehouse list itself is customs' /api/v1/warehouses/; this is only its stock.
    path("warehouses/<int:pk>/stock/", warehouse.WarehouseStock.as_view(), name="warehouse-stock"),
    path("outbound-orders/", warehouse.OutboundList.as_view(), name="outbound-orders"),
    path("outbound-orders/<int:pk>/", warehouse.OutboundDetail.as_view(), name="outbound-order"),
    path("outbound-orders/<int:pk>/ship/", warehouse.OutboundShip.as_view(), name="outbound-order-ship"),
    path(
        "outbound-orders/<int:pk>/delivered/",
        warehouse.OutboundDelivered.as_view(),
        name="outbound-order-delivered",
    ),
]
