from django.urls import path

from marketplace.orders import api

app_name = "orders-api"

urlpatterns = [
    path("orders/", api.OrderList.as_view(), name="orders"),
    path("orders/<int:pk>/", api.OrderDetail.as_view(), name="order"),
]
