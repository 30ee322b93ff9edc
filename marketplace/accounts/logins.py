"""Login throttling: what django-axes needs from this project.

Every password login (the site's, Oscar's dashboard, Django admin, Wagtail admin and the API
token) goes through ``django.contrib.auth.authenticate``, where axes' backend refuses an
account or a client address that failed too often. The settings name the functions below.
"""

import ipaddress
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, trusting only the ``TRUSTED_PROXY_COUNT`` proxies in front of us.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    the client is the N-th entry from the right; anything further left was written by the client
    and proves nothing. With no trusted proxy the header is ignored. This is DRF's rule for
    ``NUM_PROXIES`` (which the settings set to the same number), so the login lockout and the
    API throttles see the same client.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies == 0 or not forwarded:
        return remote_addr
    addresses = forwarded.split(",")
    candidate = addresses[-min(proxies, len(addresses))].strip()
    try:
        # Axes stores the address in an inet column; a proxy that passed garbage on counts as
        # no proxy at all rather than a server error.
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


def login_name(request: HttpRequest, credentials: dict | None) -> str | None:
    """The account a login attempt is for, as one key however its email is typed.

    Oscar's email backend matches addresses case-insensitively, so ``Buyer@X`` and ``buyer@x``
    must count against the same account. The forms name the field ``username`` (our login page,
    both admins) or ``email`` (the API).
    """
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username")
    if not isinstance(name, str) or not name.strip():
        return None
    # Axes stores at most 255 characters; the API accepts addresses up to 320.
    return name.strip().lower()[:255]


def cool_off_minutes() -> int:
    cool_off = get_cool_off() or timedelta()
    return max(1, round(cool_off.total_seconds() / 60))


def lockout_message() -> str:
    minutes = cool_off_minutes()
    return ngettext(
        "Too many failed login attempts. Try again in %(minutes)d minute.",
        "Too many failed login attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def is_locked_out(request) -> bool:
    """Whether axes refused the login this request attempted (also on DRF's request wrapper)."""
    return bool(getattr(request, "axes_locked_out", False))


def api_lockout_response() -> JsonResponse:
    response = JsonResponse({"detail": lockout_message()}, status=429)
    response["Retry-After"] = str(cool_off_minutes() * 60)
    return response


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """What a locked-out login answers (axes' AXES_LOCKOUT_CALLABLE): 429 and when to retry."""
    if request.path.startswith("/api/"):
        return api_lockout_response()
    response = render(
        request,
        "accounts/locked_out.html",
        {"message": lockout_message(), "minutes": cool_off_minutes()},
        status=429,
    )
    response["Retry-After"] = str(cool_off_minutes() * 60)
    return response


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler, with a narrower reset on a successful login.

    Axes clears every failure that matches any lockout parameter, so with locks by account and
    by address, logging into one's own account would also wipe the failures every other account
    collected from that address: an attacker could try nine passwords on a victim, log into
    their own account, and start again. A success here clears only that account's failures from
    that address.
    """

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        ).delete()
        return count
