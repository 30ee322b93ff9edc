"""The API token login: axes' lockout answers 429, and the throttle keys on the real client."""

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED_OUT = {"detail": "Too many failed login attempts. Try again in 15 minutes."}


@pytest.fixture
def api():
    return APIClient()


def ask_for_token(api, email: str, password: str, **headers):
    return api.post(reverse("api:token"), {"email": email, "password": password}, format="json", **headers)


def test_ten_wrong_passwords_lock_the_token_login_until_the_cool_off_passes(api, settings, buyer_user):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert ask_for_token(api, buyer_user.email, f"wrong-{attempt}").status_code == 400
    assert ask_for_token(api, buyer_user.email, "wrong").status_code == 429

    response = ask_for_token(api, buyer_user.email, PASSWORD)

    assert response.status_code == 429
    assert response.json() == LOCKED_OUT
    assert response["Retry-After"] == "900"
    assert not Token.objects.exists()

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME)
    response = ask_for_token(api, buyer_user.email, PASSWORD)

    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=buyer_user).key


def test_rotating_x_forwarded_for_does_not_escape_the_lockout(api, settings, buyer_user):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        ask_for_token(api, f"guess{attempt}@example.com", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")

    response = ask_for_token(api, buyer_user.email, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")

    assert response.status_code == 429
    assert not Token.objects.exists()


def test_rotating_x_forwarded_for_does_not_escape_the_throttle(api, buyer_user):
    # Successful logins do not count towards a lockout, but the throttle counts every request.
    for attempt in range(20):
        response = ask_for_token(api, buyer_user.email, PASSWORD, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
        assert response.status_code == 200

    response = ask_for_token(api, buyer_user.email, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")

    assert response.status_code == 429
    assert response.json()["detail"].startswith("Request was throttled.")


def test_behind_one_trusted_proxy_the_throttle_keys_on_the_right_most_address(api, settings, buyer_user):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    for attempt in range(20):
        ask_for_token(api, buyer_user.email, PASSWORD, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.7")

    throttled = ask_for_token(api, buyer_user.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7")
    other_client = ask_for_token(api, buyer_user.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.8")

    assert throttled.status_code == 429
    assert other_client.status_code == 200


def test_an_overlong_address_is_refused_like_any_wrong_login(api):
    email = "a" * 300 + "@example.com"

    response = ask_for_token(api, email, "wrong")

    assert response.status_code == 400
    assert AccessAttempt.objects.get().username == email[:255]
