import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from marketplace.accounts.models import Company, CompanyKind, MembershipRole, User, VerificationStatus
from marketplace.core.models import AuditEvent
from tests.factories import PASSWORD as FACTORY_PASSWORD
from tests.factories import valid_uscc

pytestmark = pytest.mark.django_db

PASSWORD = "Steppe-Horse-2026!"


def form_data(kind: str, **overrides) -> dict:
    data = {
        "name": f"Test {kind} Co.",
        "country": "CN",
        "city": "Ordos",
        "registration_number": valid_uscc(501),
        "customs_code": "0702960501",
        "first_name": "Li",
        "last_name": "Wei",
        "email": f"{kind}@example.com",
        "language": "zh-hans",
        "password": PASSWORD,
    }
    data.update(overrides)
    return data


def confirmation_path(mail) -> str:
    """The path of the confirmation link in an email."""
    return urlparse(re.search(r"http\S+/signup/confirm/\S+/", mail.body).group()).path


def without_csrf_tokens(html: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html.decode())


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize(
    ("kind", "country", "expected_status"),
    [
        (CompanyKind.BUYER, "MN", VerificationStatus.UNVERIFIED),
        (CompanyKind.SUPPLIER, "CN", VerificationStatus.UNVERIFIED),
        (CompanyKind.SERVICE_FIRM, "CN", VerificationStatus.UNVERIFIED),
    ],
)
def test_each_kind_of_company_signs_up_with_its_first_user_as_admin(
    client, operator, mailoutbox, django_capture_on_commit_callbacks, kind, country, expected_status
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:signup-kind", args=[kind]), form_data(kind, country=country))

    assert response.status_code == 302
    assert response.url == reverse("accounts:signup-sent")
    company = Company.objects.get()
    assert (company.kind, company.country, company.verification_status) == (kind, country, expected_status)
    membership = company.memberships.get()
    assert membership.role == MembershipRole.ADMIN
    assert membership.user.email == f"{kind}@example.com"
    assert membership.user.language == "zh-hans"
    assert membership.user.check_password(PASSWORD)
    assert AuditEvent.objects.for_subject(company).get().verb == "company.registered"
    # The new user confirms their address before they can log in; the link comes by email.
    assert not membership.user.is_active
    assert not is_logged_in(client)
    (to_user,) = [mail for mail in mailoutbox if mail.to == [membership.user.email]]
    assert to_user.subject == f"确认您的电子邮件地址，完成 Test {kind} Co. 的注册"
    assert confirmation_path(to_user).startswith("/signup/confirm/")
    # Suppliers and firms await verification, so operators are told; buyers need none.
    to_operator = [mail for mail in mailoutbox if mail.to == [operator.email]]
    assert len(to_operator) == (0 if kind == CompanyKind.BUYER else 1)


def test_the_confirmation_link_activates_the_account_and_logs_in(
    client, mailoutbox, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup-kind", args=["supplier"]), form_data("supplier", language="en"))
    (mail,) = mailoutbox
    assert mail.subject == "Confirm your email address to finish registering Test supplier Co."
    link = confirmation_path(mail)

    # Opening the link only shows a button: a mail scanner that opens it changes nothing.
    with django_assert_max_num_queries(4):
        page = client.get(link)
    assert page.status_code == 200
    assert "To finish registering Test supplier Co., confirm that supplier@example.com is your address." in (
        page.content.decode()
    )
    assert not User.objects.get(email="supplier@example.com").is_active

    response = client.post(link, follow=True)

    assert response.redirect_chain == [(reverse("accounts:company"), 302)]
    assert (
        "Welcome! Your company is registered; an operator will verify it shortly."
        in response.content.decode()
    )
    user = User.objects.get(email="supplier@example.com")
    assert user.is_active
    assert is_logged_in(client)
    assert [event.verb for event in AuditEvent.objects.for_subject(user.company).order_by("pk")] == [
        "company.registered",
        "account.confirmed",
    ]


def test_a_used_or_forged_link_is_refused(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup-kind", args=["buyer"]), form_data("buyer", country="MN"))
    link = confirmation_path(mailoutbox[0])
    user = User.objects.get(email="buyer@example.com")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    forged = [
        link[:-2] + ("a/" if link[-2] != "a" else "b/"),
        reverse("accounts:confirm-email", args=["bm90LWEtdXNlcg", "abc-123"]),
        # A password-reset link's token does not confirm an address.
        reverse("accounts:confirm-email", args=[uid, default_token_generator.make_token(user)]),
    ]
    for path in forged:
        for response in (client.get(path), client.post(path)):
            assert response.status_code == 400
            assert "This confirmation link is not valid" in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active
    assert not is_logged_in(client)

    client.post(link)
    client.logout()
    used = client.post(link)

    assert used.status_code == 400
    assert "This confirmation link is not valid: it was used already" in used.content.decode()
    assert not is_logged_in(client)


def test_an_unconfirmed_account_cannot_log_in(client):
    client.post(reverse("accounts:signup-kind", args=["buyer"]), form_data("buyer", country="MN"))

    response = client.post(
        reverse("customer:login"),
        {"login_submit": "Log In", "login-username": "buyer@example.com", "login-password": PASSWORD},
    )

    assert response.status_code == 200
    assert not is_logged_in(client)


def test_a_supplier_gets_an_oscar_partner_its_admin_can_manage(client):
    client.post(reverse("accounts:signup-kind", args=["supplier"]), form_data("supplier"))

    company = Company.objects.get()
    assert company.partner.name == company.name
    assert list(company.partner.users.values_list("email", flat=True)) == ["supplier@example.com"]


def test_an_invalid_uscc_is_shown_on_the_form_and_nothing_is_created(client):
    bad = valid_uscc(501)[:-1] + ("0" if valid_uscc(501)[-1] != "0" else "1")

    response = client.post(
        reverse("accounts:signup-kind", args=["supplier"]), form_data("supplier", registration_number=bad)
    )

    assert response.status_code == 200
    assert "not valid" in str(response.context["form"].errors["registration_number"])
    assert Company.objects.count() == 0
    assert User.objects.count() == 0


def test_a_chinese_supplier_must_give_its_uscc(client):
    response = client.post(
        reverse("accounts:signup-kind", args=["supplier"]), form_data("supplier", registration_number="")
    )

    assert "registration_number" in response.context["form"].errors
    assert Company.objects.count() == 0


def test_a_foreign_buyer_needs_no_uscc(client):
    response = client.post(
        reverse("accounts:signup-kind", args=["buyer"]),
        form_data("buyer", country="RU", registration_number="1225400012345", customs_code=""),
    )

    assert response.status_code == 302
    assert Company.objects.get().registration_number == "1225400012345"


def test_a_known_address_gets_the_same_answer_as_a_new_one_and_its_owner_an_email(
    buyer_user, mailoutbox, django_capture_on_commit_callbacks
):
    def sign_up(email: str):
        data = form_data("buyer", country="MN", registration_number="", email=email)
        with django_capture_on_commit_callbacks(execute=True):
            return Client().post(reverse("accounts:signup-kind", args=["buyer"]), data, follow=True)

    companies, users = Company.objects.count(), User.objects.count()
    known = sign_up(buyer_user.email.upper())

    # Nothing is created; the owner is told.
    assert (Company.objects.count(), User.objects.count()) == (companies, users)
    (to_owner,) = mailoutbox
    assert to_owner.to == [buyer_user.email]
    assert to_owner.subject == "Someone tried to register a company with your email address"
    assert "It already has an account, so nothing was created." in to_owner.body
    assert "/catalog/accounts/login/" in to_owner.body and "/password-reset/" in to_owner.body
    buyer_user.refresh_from_db()
    assert buyer_user.is_active and buyer_user.check_password(FACTORY_PASSWORD)

    new = sign_up("newcomer@example.com")

    assert User.objects.filter(email="newcomer@example.com").exists()
    assert known.status_code == new.status_code == 200
    assert known.redirect_chain == new.redirect_chain == [(reverse("accounts:signup-sent"), 302)]
    assert without_csrf_tokens(known.content) == without_csrf_tokens(new.content)
    assert "Check your email to finish registering" in new.content.decode()


def test_signing_up_again_before_confirming_sends_a_fresh_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    data = form_data("buyer", country="MN", registration_number="", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup-kind", args=["buyer"]), data)
        client.post(reverse("accounts:signup-kind", args=["buyer"]), {**data, "name": "Second try LLC"})

    assert list(Company.objects.values_list("name", flat=True)) == ["Test buyer Co."]
    first, again = mailoutbox
    assert "Your registration of Test buyer Co. is not confirmed yet." in again.body
    response = client.post(confirmation_path(again))
    assert response.url == reverse("accounts:company")
    assert User.objects.get(email="buyer@example.com").is_active


def test_a_registered_number_is_refused_whether_or_not_the_address_is_known(client, supplier, supplier_admin):
    for email in (supplier_admin.email, "someone.new@example.com"):
        response = client.post(
            reverse("accounts:signup-kind", args=["supplier"]),
            form_data("supplier", email=email, registration_number=supplier.registration_number),
        )

        assert response.status_code == 200
        assert "already registered" in str(response.context["form"].errors["registration_number"])
    assert not User.objects.filter(email="someone.new@example.com").exists()


def test_the_same_registration_number_cannot_register_twice(client):
    client.post(reverse("accounts:signup-kind", args=["supplier"]), form_data("supplier"))

    response = client.post(
        reverse("accounts:signup-kind", args=["supplier"]), form_data("supplier", email="other@example.com")
    )

    assert response.status_code == 200
    assert "already registered" in str(response.context["form"].errors["registration_number"])
    assert Company.objects.count() == 1
    assert User.objects.filter(email="other@example.com").count() == 0


def test_a_business_licence_is_stored_privately_and_checked(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("licence.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = client.post(
        reverse("accounts:signup-kind", args=["supplier"]),
        {**form_data("supplier"), "registration_document": fake},
    )

    assert "does not match" in str(response.context["form"].errors["registration_document"])
    real = SimpleUploadedFile("Licence 营业执照.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    response = client.post(
        reverse("accounts:signup-kind", args=["supplier"]),
        {**form_data("supplier"), "registration_document": real},
    )
    assert response.status_code == 302
    stored = Company.objects.get().registration_document
    assert stored.name.startswith("companies/registration/") and stored.name.endswith("/licence.pdf")
    assert (tmp_path / stored.name).read_bytes() == b"%PDF-1.7\n%test\n"


def test_signup_pages_render(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert client.get(reverse("accounts:signup")).status_code == 200
    with django_assert_max_num_queries(3):
        response = client.get(reverse("accounts:signup-kind", args=["service_firm"]))
    assert response.status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(reverse("accounts:signup-sent")).status_code == 200
    assert client.get("/signup/robots/").status_code == 404


def test_oscars_login_page_cannot_be_used_to_register(client):
    response = client.post(
        reverse("customer:login"),
        {
            "registration_submit": "Register",
            "registration-email": "sneaky@example.com",
            "registration-password1": PASSWORD,
            "registration-password2": PASSWORD,
        },
    )

    assert response.status_code == 400
    assert not User.objects.filter(email="sneaky@example.com").exists()
    assert client.get("/catalog/accounts/register/").url == reverse("accounts:signup")


def test_oscars_login_page_logs_in(client, buyer_user):
    response = client.post(
        reverse("customer:login"),
        {"login_submit": "Log In", "login-username": buyer_user.email, "login-password": FACTORY_PASSWORD},
    )

    assert response.status_code == 302
    assert client.get(reverse("api:me")).json()["email"] == buyer_user.email


@pytest.mark.parametrize(("language", "name"), [("en", "Mongolia"), ("ru", "Монголия"), ("zh-hans", "蒙古")])
def test_country_names_follow_the_page_language(client, language, name):
    prefix = "" if language == "en" else f"/{language}"

    response = client.get(f"{prefix}/signup/buyer/")

    assert f'<option value="MN">{name}</option>' in response.content.decode()
