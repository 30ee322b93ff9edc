from django.urls import path

from catalog import moderation_views

app_name = "product-review"

urlpatterns = [
    path("", moderation_views.review_queue, name="queue"),
    path("<int:pk>/", moderation_views.review_product, name="product"),
]
