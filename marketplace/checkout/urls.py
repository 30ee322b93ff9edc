from django.urls import path

from marketplace.checkout import views

app_name = "buying"

urlpatterns = [
    path("basket/", views.basket, name="basket"),
    path("basket/add/", views.add_to_basket, name="add"),
    path("checkout/", views.checkout, name="checkout"),
]
