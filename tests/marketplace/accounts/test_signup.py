import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.accounts.models import Company, CompanyKind, MembershipRole, User, VerificationStatus
from marketplace.core.models import AuditEvent
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
    assert response.url == reverse("accounts:company")
    company = Company.objects.get()
    assert (company.kind, company.country, company.verification_status) == (kind, country, expected_status)
    membership = company.memberships.get()
    assert membership.role == MembershipRole.ADMIN
    assert membership.user.email == f"{kind}@example.com"
    assert membership.user.language == "zh-hans"
    assert membership.user.check_password(PASSWORD)
    assert AuditEvent.objects.for_subject(company).get().verb == "company.registered"
    # The new user is logged in.
    assert client.get(reverse("accounts:company")).status_code == 200
    # Suppliers and firms await verification, so operators are told; buyers need none.
    to_operator = [mail for mail in mailoutbox if mail.to == [operator.email]]
    assert len(to_operator) == (0 if kind == CompanyKind.BUYER else 1)


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


def test_an_email_already_registered_is_refused(client, buyer_user):
    response = client.post(
        reverse("accounts:signup-kind", args=["buyer"]), form_data("buyer", email=buyer_user.email)
    )

    assert "already exists" in str(response.context["form"].errors["email"])
    assert Company.objects.filter(name="Test buyer Co.").count() == 0


def test_the_same_registration_number_cannot_register_twice(client):
    client.post(reverse("accounts:signup-kind", args=["supplier"]), form_data("supplier"))
    client.logout()

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
    from tests.factories import PASSWORD as FACTORY_PASSWORD

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
