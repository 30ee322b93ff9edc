"""Login lockout (django-axes) on every password login page, per account and per client address."""

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.request import Request
from rest_framework.settings import api_settings

from marketplace.accounts.logins import client_ip
from marketplace.api.views import TokenLoginThrottle
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOCKED_OUT = "Too many failed login attempts. Try again in 15 minutes."
# (URL name, username field, password field, extra fields) of each login form.
LOGIN_FORMS = {
    "site": ("customer:login", "login-username", "login-password", {"login_submit": "Log In"}),
    "oscar dashboard": ("dashboard:login", "username", "password", {}),
    "django admin": ("admin:login", "username", "password", {}),
    "wagtail admin": ("wagtailadmin_login", "username", "password", {}),
}


def log_in(client, form: str, email: str, password: str, ip: str = "127.0.0.1", **headers):
    url_name, username_field, password_field, extra = LOGIN_FORMS[form]
    data = {username_field: email, password_field: password, **extra}
    return client.post(reverse(url_name), data, REMOTE_ADDR=ip, **headers)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def let_the_cool_off_pass(settings) -> None:
    # Time travel: every recorded failure becomes one cool-off older.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME)


@pytest.fixture
def operator_user(db):
    # Staff and superuser, so each of the four login pages lets them in.
    return UserFactory(email="chief@ordos.example", is_staff=True, is_superuser=True)


def test_the_limits_come_from_settings(settings):
    assert settings.AXES_FAILURE_LIMIT == 10
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_ten_wrong_passwords_lock_the_account_until_the_cool_off_passes(
    client, settings, operator_user, form
):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, form, operator_user.email, f"wrong-{attempt}")
    # The tenth failure already answers with the lockout page.
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()

    response = log_in(client, form, operator_user.email, PASSWORD)

    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert "Too many login attempts</h1>" in response.content.decode()
    assert response["Retry-After"] == "900"
    assert not logged_in(client)

    let_the_cool_off_pass(settings)
    response = log_in(client, form, operator_user.email, PASSWORD)

    assert response.status_code == 302
    assert logged_in(client)
    # A success clears the account's failures from that address.
    assert not AccessAttempt.objects.filter(username=operator_user.email).exists()


def test_the_lockout_page_is_translated(client, settings, buyer_user):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            "/ru/catalog/accounts/login/",
            {"login_submit": "Log In", "login-username": buyer_user.email, "login-password": "wrong"},
        )

    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа. Повторите через 15 минут." in response.content.decode()


def test_the_account_lock_holds_from_every_address_however_the_email_is_typed(client, settings, buyer_user):
    spellings = [buyer_user.email, buyer_user.email.upper(), f"  {buyer_user.email.title()} "]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "site", spellings[attempt % 3], "wrong", ip="203.0.113.1")

    response = log_in(client, "site", buyer_user.email, PASSWORD, ip="198.51.100.9")

    assert response.status_code == 429
    assert not logged_in(client)


def test_a_locked_address_does_not_lock_other_addresses(client, settings, buyer_user, supplier_admin):
    # Ten failures from one address, each on a different (unknown) account.
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "site", f"guess{attempt}@example.com", "wrong", ip="203.0.113.1")

    # That address may not try anyone, even with the right password...
    assert log_in(client, "site", buyer_user.email, PASSWORD, ip="203.0.113.1").status_code == 429
    assert not logged_in(client)
    # ...while the same account logs in from another address.
    assert log_in(client, "site", buyer_user.email, PASSWORD, ip="198.51.100.9").status_code == 302
    assert logged_in(client)


def test_logging_into_ones_own_account_does_not_clear_failures_against_another(
    client, settings, buyer_user, supplier_admin
):
    attacker_ip = "203.0.113.1"
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "site", buyer_user.email, "wrong", ip=attacker_ip)
    # The attacker logs into an account of their own from the same address, then out again.
    assert log_in(client, "site", supplier_admin.email, PASSWORD, ip=attacker_ip).status_code == 302
    client.logout()

    # The victim's nine failures still count: one more from anywhere locks the account.
    log_in(client, "site", buyer_user.email, "wrong", ip="192.0.2.5")
    response = log_in(client, "site", buyer_user.email, PASSWORD, ip="198.51.100.9")

    assert response.status_code == 429
    assert not logged_in(client)


def test_rotating_x_forwarded_for_does_not_escape_the_lock_without_a_trusted_proxy(
    client, settings, buyer_user
):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        forwarded = f"192.0.2.{attempt}"
        log_in(client, "site", f"guess{attempt}@example.com", "wrong", HTTP_X_FORWARDED_FOR=forwarded)

    response = log_in(client, "site", buyer_user.email, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")

    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_behind_one_trusted_proxy_the_right_most_address_is_the_client(client, settings, buyer_user):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        # Whatever the client writes on the left, the proxy appends the address it saw.
        log_in(
            client,
            "site",
            f"guess{attempt}@example.com",
            "wrong",
            ip=proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.7",
        )

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    locked = log_in(client, "site", buyer_user.email, PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert locked.status_code == 429
    other = log_in(client, "site", buyer_user.email, PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == 302


def test_the_attempted_password_is_not_stored(client):
    log_in(client, "site", "someone@example.com", "my-secret-guess")

    attempt = AccessAttempt.objects.get()
    assert attempt.username == "someone@example.com"
    assert "my-secret-guess" not in attempt.post_data


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (0, "", "127.0.0.1"),
        (0, "192.0.2.1, 203.0.113.7", "127.0.0.1"),
        (1, "", "127.0.0.1"),
        (1, "192.0.2.1, 203.0.113.7", "203.0.113.7"),
        (2, "192.0.2.1, 203.0.113.7", "192.0.2.1"),
        (2, "203.0.113.7", "203.0.113.7"),
    ],
)
def test_the_lockout_and_the_api_throttles_see_the_same_client(settings, proxies, forwarded, client):
    settings.TRUSTED_PROXY_COUNT = proxies
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1", **headers)

    assert api_settings.NUM_PROXIES == proxies
    assert client_ip(request) == client
    assert TokenLoginThrottle().get_ident(Request(request)) == client


def test_a_forwarded_address_that_is_not_an_address_falls_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-ip")

    assert client_ip(request) == "10.0.0.2"
