from django.urls import path

from marketplace.suppliers import views

app_name = "supplier"

urlpatterns = [
    path("supplier/products/", views.product_list, name="products"),
    path("supplier/products/new/<slug:class_slug>/", views.product_create, name="product-create"),
    path("supplier/products/<int:pk>/", views.product_detail, name="product"),
    path("supplier/products/<int:pk>/status/", views.product_move, name="product-move"),
    path("supplier/products/<int:product_pk>/offers/new/", views.offer_create, name="offer-create"),
    path("supplier/offers/<int:pk>/", views.offer_edit, name="offer"),
    path("supplier/offers/<int:pk>/delete/", views.offer_delete, name="offer-delete"),
]
