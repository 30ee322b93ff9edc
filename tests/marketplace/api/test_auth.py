import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_email_and_password_give_a_token_that_authenticates(api, supplier_admin, supplier):
    response = api.post(
        reverse("api:token"), {"email": supplier_admin.email, "password": PASSWORD}, format="json"
    )

    assert response.status_code == 200
    token = response.json()["token"]
    assert token == Token.objects.get(user=supplier_admin).key
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = api.get(reverse("api:me"))
    assert me.status_code == 200
    assert me.json() == {
        "email": supplier_admin.email,
        "first_name": "Test",
        "last_name": "",
        "language": "en",
        "is_operator": False,
        "company": {
            "id": supplier.pk,
            "name": supplier.name,
            "kind": "supplier",
            "country": "CN",
            "verification_status": "verified",
        },
        "role": "admin",
    }


def test_the_same_token_is_returned_on_a_second_login(api, buyer_user):
    first = api.post(reverse("api:token"), {"email": buyer_user.email, "password": PASSWORD}, format="json")
    second = api.post(reverse("api:token"), {"email": buyer_user.email, "password": PASSWORD}, format="json")

    assert first.json()["token"] == second.json()["token"]


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "nobody@example.com", "password": PASSWORD},
        {"email": "WRONG", "password": PASSWORD},
        {"password": PASSWORD},
    ],
)
def test_bad_credentials_get_a_clear_400_and_no_token(api, buyer_user, payload):
    response = api.post(reverse("api:token"), payload, format="json")

    assert response.status_code == 400
    assert Token.objects.count() == 0


def test_a_wrong_password_is_refused_with_a_message(api, buyer_user):
    response = api.post(reverse("api:token"), {"email": buyer_user.email, "password": "nope"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Unable to log in with this email and password."]}


def test_an_inactive_user_gets_no_token(api, buyer_user):
    buyer_user.is_active = False
    buyer_user.save()

    response = api.post(
        reverse("api:token"), {"email": buyer_user.email, "password": PASSWORD}, format="json"
    )

    assert response.status_code == 400


def test_the_api_refuses_anonymous_requests_and_accepts_a_session(api, client, buyer_user):
    assert api.get(reverse("api:me")).status_code == 401

    client.force_login(buyer_user)
    assert client.get(reverse("api:me")).json()["email"] == buyer_user.email


def test_the_schema_documents_the_public_api_only(client):
    response = client.get(reverse("schema"), HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    paths = set(response.json()["paths"])
    assert {"/api/v1/auth/token/", "/api/v1/me/"} <= paths
    assert all(path.startswith("/api/v1/") for path in paths)
    assert client.get(reverse("api-docs")).status_code == 200
