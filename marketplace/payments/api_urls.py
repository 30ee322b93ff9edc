from django.urls import path

from marketplace.payments import api, views

app_name = "payments-api"

urlpatterns = [
    path("orders/<int:order_id>/payments/", api.OrderPayments.as_view(), name="order-payments"),
    path(
        "orders/<int:order_id>/payments/<int:milestone_id>/card/",
        api.CardPaymentStart.as_view(),
        name="card",
    ),
    path(
        "orders/<int:order_id>/payments/<int:milestone_id>/transfer-proof/",
        api.TransferProofUpload.as_view(),
        name="transfer-proof",
    ),
    # Stripe signs its requests; no session, no CSRF token.
    path("webhooks/stripe/", views.stripe_webhook, name="stripe-webhook"),
]
