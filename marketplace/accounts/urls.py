from django.urls import path

from marketplace.accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup_choice, name="signup"),
    # Before signup/<kind>/, which would take "sent" for a kind of company.
    path("signup/sent/", views.signup_sent, name="signup-sent"),
    path("signup/confirm/<uidb64>/<token>/", views.confirm_email, name="confirm-email"),
    path("signup/<slug:kind>/", views.signup, name="signup-kind"),
    path("company/", views.company_detail, name="company"),
    path("company/members/add/", views.add_member, name="add-member"),
    path("company/registration/resubmit/", views.resubmit_registration, name="resubmit-registration"),
    path("company/authorisations/", views.authorisations, name="authorisations"),
    path("company/authorisations/<int:pk>/revoke/", views.revoke_authorisation, name="revoke-authorisation"),
    path("companies/<int:pk>/registration-document/", views.company_document, name="company-document"),
    path("operator/companies/", views.operator_companies, name="operator-companies"),
    path("operator/companies/<int:pk>/", views.operator_company, name="operator-company"),
]
