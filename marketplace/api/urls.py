from django.urls import path

from marketplace.api import views

app_name = "api"

urlpatterns = [
    path("auth/token/", views.ObtainTokenView.as_view(), name="token"),
    path("me/", views.MeView.as_view(), name="me"),
]
