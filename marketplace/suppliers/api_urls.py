from django.urls import path

from marketplace.suppliers import api

app_name = "offers-api"

urlpatterns = [
    path("products/<int:product_id>/offers/", api.ProductOffers.as_view(), name="product-offers"),
    path("offers/<int:pk>/", api.OfferDetail.as_view(), name="offer"),
]
