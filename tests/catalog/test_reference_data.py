from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from catalog.reference.models import Currency, ExchangeRate, HSCode, Incoterm, Unit
from catalog.reference.selectors import (
    ConversionMissingError,
    ExchangeRateMissingError,
    convert_money,
    convert_quantity,
    exchange_rate_at,
)
from catalog.reference.services import record_exchange_rate

pytestmark = pytest.mark.django_db


def currency(code: str) -> Currency:
    return Currency.objects.get(code=code)


def test_the_seed_holds_the_units_incoterms_currencies_and_hs_lines_of_the_demo():
    assert Unit.objects.get(customs_code="035").code == "kg"
    assert Unit.objects.get(customs_code="070").code == "t"
    assert set(Incoterm.objects.filter(sea_only=True).values_list("code", flat=True)) == {
        "FAS",
        "FOB",
        "CFR",
        "CIF",
    }
    assert Incoterm.objects.count() == 11
    assert set(Currency.objects.values_list("code", flat=True)) == {"USD", "EUR", "CNY", "RUB", "MNT"}
    assert currency("USD").customs_code == "502" and currency("CNY").customs_code == "142"
    methanol = HSCode.objects.get(code="2905110000")
    assert methanol.description == "Methanol (methyl alcohol)"
    assert methanol.unit1.code == "kg" and methanol.unit2 is None
    assert methanol.needs_review  # its units are inferred, not seen on a source


def test_hs_flags_come_from_the_supervision_letters():
    electric_car = HSCode.objects.get(code="8703801090")
    polypropylene = HSCode.objects.get(code="3902100090")

    assert (electric_car.unit1.code, electric_car.unit2.code) == ("vehicle", "kg")
    assert electric_car.needs_export_licence  # letter 4
    assert not polypropylene.needs_export_licence
    assert not polypropylene.needs_export_inspection


def test_unit_conversion_works_both_ways_and_round_trips():
    tonne, kilogram, litre = (Unit.objects.get(code=code) for code in ("t", "kg", "l"))

    assert convert_quantity(quantity=Decimal("2.5"), from_unit=tonne, to_unit=kilogram) == Decimal("2500")
    assert convert_quantity(quantity=Decimal("750"), from_unit=kilogram, to_unit=tonne) == Decimal("0.75")
    there = convert_quantity(quantity=Decimal("12.345"), from_unit=tonne, to_unit=kilogram)
    assert convert_quantity(quantity=there, from_unit=kilogram, to_unit=tonne) == Decimal("12.345")
    with pytest.raises(ConversionMissingError):
        convert_quantity(quantity=Decimal(1), from_unit=tonne, to_unit=litre)


def test_the_rate_at_a_past_moment_is_the_one_in_force_then():
    now = timezone.now()
    usd, cny = currency("USD"), currency("CNY")
    record_exchange_rate(base=usd, quote=cny, rate=Decimal("7.10"), valid_from=now - timedelta(days=30))
    record_exchange_rate(base=usd, quote=cny, rate=Decimal("7.25"), valid_from=now - timedelta(days=10))
    record_exchange_rate(base=usd, quote=cny, rate=Decimal("7.30"), valid_from=now + timedelta(days=1))

    assert exchange_rate_at(base="USD", quote="CNY", at=now - timedelta(days=20)) == Decimal("7.10")
    assert exchange_rate_at(base="USD", quote="CNY", at=now - timedelta(days=10)) == Decimal("7.25")
    assert exchange_rate_at(base="USD", quote="CNY") == Decimal("7.25")  # the future rate is not in force yet
    assert exchange_rate_at(base="CNY", quote="USD", at=now) == Decimal(1) / Decimal("7.25")
    assert convert_money(amount=Decimal("100"), currency="USD", to="CNY", at=now) == Decimal("725.00")
    with pytest.raises(ExchangeRateMissingError):
        exchange_rate_at(base="USD", quote="CNY", at=now - timedelta(days=31))
    with pytest.raises(ExchangeRateMissingError):
        exchange_rate_at(base="USD", quote="RUB")


def test_the_more_recent_direction_wins_when_both_exist():
    now = timezone.now()
    record_exchange_rate(
        base=currency("USD"), quote=currency("RUB"), rate=Decimal("90"), valid_from=now - timedelta(days=5)
    )
    record_exchange_rate(
        base=currency("RUB"),
        quote=currency("USD"),
        rate=Decimal("0.0125"),
        valid_from=now - timedelta(days=1),
    )

    assert exchange_rate_at(base="USD", quote="RUB", at=now) == Decimal(1) / Decimal("0.0125")
    assert exchange_rate_at(base="USD", quote="RUB", at=now - timedelta(days=3)) == Decimal("90")


@pytest.mark.parametrize(
    ("quote", "rate", "field"),
    [("USD", Decimal("1"), "quote"), ("CNY", Decimal("0"), "rate"), ("CNY", Decimal("-7"), "rate")],
)
def test_invalid_rates_are_refused_with_a_field_error(quote, rate, field):
    with pytest.raises(ValidationError) as error:
        record_exchange_rate(
            base=currency("USD"), quote=currency(quote), rate=rate, valid_from=timezone.now()
        )

    assert field in error.value.message_dict
    assert not ExchangeRate.objects.exists()


def test_two_rates_cannot_start_at_the_same_moment():
    moment = timezone.now()
    record_exchange_rate(base=currency("USD"), quote=currency("CNY"), rate=Decimal("7.2"), valid_from=moment)

    with pytest.raises(ValidationError):
        record_exchange_rate(
            base=currency("USD"), quote=currency("CNY"), rate=Decimal("7.3"), valid_from=moment
        )

    assert ExchangeRate.objects.get().rate == Decimal("7.2")


def test_staff_add_rates_in_the_admin_and_cannot_edit_them(client, operator):
    operator.is_superuser = True
    operator.save()
    client.force_login(operator)

    response = client.post(
        "/django-admin/catalogue/exchangerate/add/",
        {
            "base": "USD",
            "quote": "MNT",
            "rate": "3400",
            "source": "Bank of Mongolia",
            "valid_from_0": "2026-11-01",
            "valid_from_1": "00:00:00",
        },
    )

    assert response.status_code == 302
    rate = ExchangeRate.objects.get()
    assert (rate.base_id, rate.quote_id, rate.rate, rate.created_by) == (
        "USD",
        "MNT",
        Decimal("3400"),
        operator,
    )
    change = client.post(f"/django-admin/catalogue/exchangerate/{rate.pk}/change/", {"rate": "1"})
    assert change.status_code in (302, 403) and ExchangeRate.objects.get().rate == Decimal("3400")
