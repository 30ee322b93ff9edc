"""localstripe on a loopback port for the whole session, orders to pay, signed Stripe events."""

import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
import stripe
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.reference.models import Incoterm, Unit
from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest, place_order
from tests.factories.catalogue import offered_product

WEBHOOK_SECRET = "whsec_ordos_test_secret"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"localstripe exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{url}/v1/customers", timeout=1)  # noqa: S310
            return
        except urllib.error.HTTPError:
            return  # it answers (401 without a key): it is up
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("localstripe did not start")


@pytest.fixture(scope="session")
def localstripe_url():
    """A fresh localstripe (no state loaded from disk), stopped by its PID at the end."""
    port = _free_port()
    executable = Path(sys.executable).parent / "localstripe"
    process = subprocess.Popen(
        [str(executable), "--port", str(port), "--from-scratch"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def stripe_on(settings, localstripe_url):
    """Card payment switched on, the stripe client pointed at localstripe."""
    settings.STRIPE_SECRET_KEY = "sk_test_ordos"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ordos"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe_url
    return settings


@pytest.fixture
def stripe_off(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""
    settings.STRIPE_API_BASE = ""
    return settings


def localstripe(settings):
    """The stripe module pointed at localstripe, for playing the browser's and Stripe's part."""
    stripe.api_key = settings.STRIPE_SECRET_KEY
    stripe.api_base = settings.STRIPE_API_BASE
    return stripe


def pay_in_browser(settings, intent_id: str, payment_method: str = "pm_card_visa"):
    """What Stripe.js does with the Payment Element: attach the card, confirm.

    localstripe answers 500 to confirm *with* a payment method, so attach it first.
    """
    api = localstripe(settings)
    api.PaymentIntent.modify(intent_id, payment_method=payment_method)
    try:
        return api.PaymentIntent.confirm(intent_id)
    except stripe.CardError:
        return api.PaymentIntent.retrieve(intent_id)


# --- orders ------------------------------------------------------------------------------------


def place(*, buyer_user, supplier, price="1000.00", quantity="3", schedule="30-70", currency="USD"):
    """An order of ``quantity`` t at ``price`` from ``supplier`` through the real service."""
    product = offered_product(partner=supplier.partner, price=price)
    return place_order(
        request=OrderRequest(
            buyer=buyer_user.company,
            placed_by=buyer_user,
            supplier=supplier.partner,
            lines=[
                AgreedLine(
                    product=product,
                    offer=product.stockrecords.get(),
                    quantity=Decimal(quantity),
                    unit=Unit.objects.get(code="t"),
                    unit_price=Decimal(price),
                )
            ],
            currency=currency,
            incoterm=Incoterm.objects.get(code="FCA"),
            named_place="Erenhot",
            destination_country="MN",
            destination_city="Ulaanbaatar",
            schedule=SCHEDULES[schedule],
        )
    )


@pytest.fixture
def order(reference_data, buyer_user, supplier):
    """3 t at 1000.00 USD: a 900.00 deposit and a 2100.00 balance."""
    return place(buyer_user=buyer_user, supplier=supplier)


@pytest.fixture
def deposit(order):
    return order.milestones.get(sequence=1)


@pytest.fixture
def balance(order):
    return order.milestones.get(sequence=2)


def proof_file(name: str = "mt103.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


# --- Stripe's webhook ----------------------------------------------------------------------------


def intent_event(event_type: str, intent_id: str, *, event_id: str | None = None, **fields) -> dict:
    """A Stripe event about a PaymentIntent, as Stripe sends it (only what we read matters)."""
    status = {"payment_intent.succeeded": "succeeded"}.get(event_type, "requires_payment_method")
    return {
        "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
        "object": "event",
        "api_version": "2024-06-20",
        "created": int(time.time()),
        "livemode": False,
        "type": event_type,
        "data": {"object": {"id": intent_id, "object": "payment_intent", "status": status, **fields}},
    }


def sign(payload: bytes, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """The Stripe-Signature header: t=<time>,v1=HMAC-SHA256(secret, "<time>.<payload>")."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def deliver(client, event: dict, *, signature: str | None = None):
    """POST the event to our webhook, signed with the test secret unless told otherwise."""
    payload = json.dumps(event).encode()
    return client.post(
        reverse("payments-api:stripe-webhook"),
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(payload) if signature is None else signature,
    )
