from django.urls import path

from rfq import api

app_name = "rfq-api"

urlpatterns = [
    path("rfqs/", api.RFQList.as_view(), name="rfqs"),
    path("rfqs/<int:pk>/", api.RFQDetail.as_view(), name="rfq"),
    path("rfqs/<int:pk>/quotes/", api.RFQQuotes.as_view(), name="quotes"),
    path("rfqs/<int:pk>/messages/", api.RFQMessages.as_view(), name="messages"),
    path("quotes/<int:pk>/accept/", api.QuoteAccept.as_view(), name="accept"),
]
