"""Writes of reference data."""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from catalog.reference.models import Currency, ExchangeRate
from marketplace.accounts.models import User


def record_exchange_rate(
    *,
    base: Currency,
    quote: Currency,
    rate: Decimal,
    valid_from: datetime,
    by: User | None = None,
    source: str = "",
) -> ExchangeRate:
    """A new rate for a pair from ``valid_from`` on; earlier rates stay for history."""
    if base.pk == quote.pk:
        raise ValidationError({"quote": _("Choose two different currencies.")})
    if rate <= 0:
        raise ValidationError({"rate": _("A rate must be greater than zero.")})
    try:
        with transaction.atomic():
            return ExchangeRate.objects.create(
                base=base, quote=quote, rate=rate, valid_from=valid_from, created_by=by, source=source
            )
    except IntegrityError as error:
        raise ValidationError(
            {
                "valid_from": _("A %(base)s/%(quote)s rate already starts at this moment.")
                % {"base": base.pk, "quote": quote.pk}
            }
        ) from error
