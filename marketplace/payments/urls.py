from django.urls import path

from marketplace.payments import views

app_name = "payments"

urlpatterns = [
    path("orders/<str:number>/pay/", views.pay, name="pay"),
    path("orders/<str:number>/pay/<int:milestone_id>/card/", views.card, name="card"),
    path(
        "orders/<str:number>/pay/<int:milestone_id>/transfer-proof/", views.upload_proof, name="upload-proof"
    ),
    path("orders/<str:number>/payments/", views.order_payments, name="order-payments"),
    path("orders/<str:number>/payments/<int:milestone_id>/refund/", views.refund, name="refund"),
    path(
        "orders/<str:number>/transfer-proofs/<int:proof_id>/decide/", views.decide_proof, name="decide-proof"
    ),
    path(
        "orders/<str:number>/transfer-proofs/<int:proof_id>/download/",
        views.download_proof,
        name="download-proof",
    ),
]
