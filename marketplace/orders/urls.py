from django.urls import path

from marketplace.orders import views

app_name = "orders"

urlpatterns = [
    path("orders/", views.order_list, name="list"),
    path("orders/<str:number>/", views.order_detail, name="detail"),
    path("orders/<str:number>/proforma.pdf", views.proforma_invoice, name="proforma"),
    path("orders/<str:number>/actions/<slug:action>/", views.order_action, name="action"),
]
