from django.urls import path

from marketplace.customs import views, warehouse_views

app_name = "customs"

urlpatterns = [
    path("customs/", views.desk, name="desk"),
    path("customs/declarations/<int:pk>/", views.declaration_detail, name="declaration"),
    path("customs/declarations/<int:pk>/head/", views.declaration_head, name="declaration-head"),
    path("customs/declarations/<int:pk>/lines/<int:gnum>/", views.declaration_line, name="declaration-line"),
    path("customs/declarations/<int:pk>/waybill/", views.declaration_waybill, name="declaration-waybill"),
    path(
        "customs/declarations/<int:pk>/actions/<slug:action>/",
        views.declaration_action,
        name="declaration-action",
    ),
    path("customs/declarations/<int:pk>/receipts/", views.receipt_entry, name="receipt-entry"),
    path("customs/declarations/<int:pk>/receipts/upload/", views.receipt_upload, name="receipt-upload"),
    path("customs/declarations/<int:pk>/xml/<slug:message>/", views.export_xml, name="export-xml"),
    path("customs/declarations/<int:pk>/declaration.json", views.export_json, name="export-json"),
    path("customs/declarations/<int:pk>/declaration.pdf", views.export_pdf, name="export-pdf"),
    path("customs/declarations/<int:pk>/attachment.pdf", views.export_attachment, name="export-attachment"),
    path("customs/orders/<str:number>/declare/", views.new_for_order, name="new-for-order"),
    path("customs/bookings/<int:pk>/declare/", views.new_for_booking, name="new-for-booking"),
    path("customs/warehouses/", warehouse_views.warehouse_list, name="warehouses"),
    path("customs/warehouses/new/", warehouse_views.warehouse_new, name="warehouse-new"),
    path("customs/warehouses/<int:pk>/", warehouse_views.warehouse_detail, name="warehouse"),
    path(
        "customs/warehouses/<int:pk>/evidence/<int:evidence_pk>/",
        warehouse_views.evidence_file,
        name="warehouse-evidence",
    ),
    path("customs/bookings/", warehouse_views.booking_list, name="bookings"),
    path("customs/bookings/new/", warehouse_views.booking_new, name="booking-new"),
    path("customs/bookings/<int:pk>/", warehouse_views.booking_detail, name="booking"),
    path("customs/licences/", warehouse_views.licence_list, name="licences"),
    path("customs/licences/new/", warehouse_views.licence_new, name="licence-new"),
]
