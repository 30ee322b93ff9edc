from django.urls import path

from marketplace.fulfillment.views import shipments, warehouse

app_name = "fulfillment"

urlpatterns = [
    path("shipments/", shipments.desk, name="desk"),
    path("shipments/late/", shipments.late_legs, name="late"),
    path("shipments/<str:number>/", shipments.shipment_detail, name="shipment"),
    path("shipments/<str:number>/legs/", shipments.add_leg, name="add_leg"),
    path("shipments/<str:number>/events/", shipments.add_event, name="add_event"),
    path("shipments/<str:number>/waybill/", shipments.fill_waybill, name="fill_waybill"),
    path("shipments/<str:number>/cancel/", shipments.cancel, name="cancel"),
    path("shipments/<str:number>/<slug:document>.pdf", shipments.shipping_document, name="document"),
    path("orders/<str:number>/tracking/", shipments.order_tracking, name="order_tracking"),
    path("orders/<str:number>/shipments/new/", shipments.new_order_shipment, name="new_order_shipment"),
    path("bookings/<int:pk>/shipments/new/", shipments.new_booking_shipment, name="new_booking_shipment"),
    path("bookings/<int:pk>/inbound/new/", warehouse.new_inbound, name="new_inbound"),
    path("warehouse/stock/", warehouse.stock, name="stock"),
    path("warehouse/inbound/", warehouse.inbound_list, name="inbound_list"),
    path("warehouse/inbound/<str:number>/", warehouse.inbound_detail, name="inbound"),
    path("warehouse/outbound/", warehouse.outbound_list, name="outbound_list"),
    path("warehouses/<int:pk>/outbound/new/", warehouse.new_outbound, name="new_outbound"),
    path("warehouse/outbound/<str:number>/", warehouse.outbound_detail, name="outbound"),
    path("warehouse/outbound/<str:number>/ship/", warehouse.ship_outbound, name="ship_outbound"),
    path("warehouse/outbound/<str:number>/deliver/", warehouse.deliver_outbound, name="deliver_outbound"),
    path("warehouse/outbound/<str:number>/proof-of-delivery/", warehouse.proof_of_delivery, name="pod"),
]
