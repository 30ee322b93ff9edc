"""The one place that configures the ``stripe`` library from settings.

Card payment is on when ``STRIPE_SECRET_KEY`` is set; pages show Stripe's Payment Element only
when ``STRIPE_PUBLISHABLE_KEY`` is set too. ``STRIPE_API_BASE`` points the client elsewhere
(localstripe in tests). Settings are read on every call, so ``override_settings`` works.
"""

import stripe
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_API_BASE = "https://api.stripe.com"


def card_payments_enabled() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def payment_element_enabled() -> bool:
    """Pages can take a card: the server can create intents and the browser can load Stripe.js."""
    return card_payments_enabled() and bool(settings.STRIPE_PUBLISHABLE_KEY)


def stripe_api():
    """The configured ``stripe`` module; refuses when card payment is off."""
    if not card_payments_enabled():
        raise ValidationError(_("Card payment is not available; pay by bank transfer."), code="card_off")
    stripe.api_key = settings.STRIPE_SECRET_KEY
    stripe.api_base = settings.STRIPE_API_BASE or DEFAULT_API_BASE
    stripe.max_network_retries = 2
    return stripe
