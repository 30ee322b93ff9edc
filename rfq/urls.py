from django.urls import path

from rfq import views

app_name = "rfq"

urlpatterns = [
    path("rfqs/", views.rfq_list, name="list"),
    path("rfqs/new/", views.rfq_create, name="create"),
    path("rfqs/<str:number>/", views.rfq_detail, name="detail"),
    path("rfqs/<str:number>/compare/", views.rfq_compare, name="compare"),
    path("rfqs/<str:number>/attachment/", views.rfq_attachment, name="attachment"),
    path("rfqs/<str:number>/actions/<slug:action>/", views.rfq_action, name="action"),
    path("rfqs/<str:number>/quotes/<int:quote_id>/accept/", views.quote_accept, name="accept"),
    path("rfqs/<str:number>/threads/<int:supplier_id>/", views.post_message, name="message"),
    path("supplier/rfqs/", views.supplier_inbox, name="inbox"),
    path("supplier/rfqs/<str:number>/", views.supplier_rfq, name="supplier_detail"),
    path("supplier/rfqs/<str:number>/quotes/<int:quote_id>/revise/", views.quote_revise, name="revise"),
    path("supplier/rfqs/<str:number>/quotes/<int:quote_id>/withdraw/", views.quote_withdraw, name="withdraw"),
]
