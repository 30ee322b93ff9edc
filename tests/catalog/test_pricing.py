"""Prices: quantity breaks through Oscar's strategy, the buyer's display currency, FX cross rates."""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.offers.strategy import OfferStrategy
from catalog.reference.models import Currency, ExchangeRate
from catalog.reference.selectors import ExchangeRateMissingError, exchange_rate_at, rates_at
from tests.factories.catalogue import StockRecordFactory, offered_product

pytestmark = pytest.mark.django_db
PriceTier = StockRecordFactory._meta.model.price_tiers.rel.related_model


@pytest.fixture
def usd_rates():
    start = timezone.now() - timedelta(days=1)
    for quote, rate in {"CNY": "7.10", "EUR": "0.92", "RUB": "92.5"}.items():
        ExchangeRate.objects.create(base_id="USD", quote_id=quote, rate=Decimal(rate), valid_from=start)


@pytest.fixture
def methanol(supplier):
    product = offered_product(partner=supplier.partner, title="Methanol", price="285.00")
    offer = product.stockrecords.get()
    offer.minimum_order_quantity = Decimal("20")
    offer.save()
    PriceTier.objects.create(offer=offer, min_quantity=Decimal("100"), unit_price=Decimal("275.00"))
    PriceTier.objects.create(offer=offer, min_quantity=Decimal("500"), unit_price=Decimal("265.00"))
    return product


@pytest.mark.parametrize(
    ("quantity", "unit_price"), [(20, "285.00"), (99, "285.00"), (100, "275.00"), (800, "265.00")]
)
def test_a_basket_line_is_priced_at_the_quantity_break_it_reaches(methanol, quantity, unit_price):
    offer = methanol.stockrecords.get()
    line = SimpleNamespace(product=methanol, stockrecord=offer, quantity=quantity)

    info = OfferStrategy().fetch_for_line(line)

    assert info.price.excl_tax == Decimal(unit_price)
    assert info.price.currency == "USD"
    assert info.availability.is_available_to_buy


def test_the_strategy_picks_the_suppliers_cheapest_variant(supplier, methanol):
    drums = StockRecordFactory(product=methanol, partner=supplier.partner, price=Decimal("270.00"))

    assert OfferStrategy().fetch_for_product(methanol).stockrecord == drums


def test_rates_cross_through_the_pivot_currency(usd_rates):
    table = rates_at()

    assert table.rate("EUR", "RUB") == Decimal(1) / Decimal("0.92") * Decimal("92.5")
    assert table.rate("CNY", "USD") == Decimal(1) / Decimal("7.10")
    assert exchange_rate_at(base="EUR", quote="CNY") == Decimal(1) / Decimal("0.92") * Decimal("7.10")
    with pytest.raises(ExchangeRateMissingError):
        table.rate("USD", "MNT")


def test_rates_at_reads_once_whatever_the_history(usd_rates, django_assert_num_queries):
    for day in range(2, 30):
        ExchangeRate.objects.create(
            base_id="USD",
            quote_id="CNY",
            rate=Decimal("7.0"),
            valid_from=timezone.now() - timedelta(days=day),
        )
    with django_assert_num_queries(1):
        table = rates_at()
        table.rate("USD", "CNY")

    assert table.rate("USD", "CNY") == Decimal("7.10")  # the latest rate in force


def test_pages_show_prices_in_the_buyers_currency_with_the_original_beside(client, methanol, usd_rates):
    response = client.post(
        reverse("set-display-currency"), {"currency": "EUR", "next": methanol.get_absolute_url()}
    )
    page = client.get(response.url).content.decode()
    card = client.get(reverse("catalogue:index")).content.decode()

    assert response.status_code == 302
    assert "≈ €243.80 – €262.20" in page and "$265.00 – $285.00" in page  # tiers to base price
    assert "≈ €262.20" in page and 'class="price-original">$285.00' in page  # the tier table
    assert "≈ €243.80 – €262.20" in card


def test_a_currency_without_a_rate_shows_the_original_only(client, methanol, usd_rates):
    client.post(reverse("set-display-currency"), {"currency": "MNT", "next": "/"})

    page = client.get(methanol.get_absolute_url()).content.decode()

    assert "$265.00 – $285.00" in page and "≈" not in page


def test_unknown_currencies_and_foreign_redirects_are_refused(client, methanol):
    Currency.objects.filter(code="RUB").update(is_offered=False)

    refused = client.post(
        reverse("set-display-currency"), {"currency": "RUB", "next": "https://evil.example/"}, follow=True
    )

    assert refused.redirect_chain[0][0] == "/"
    assert "cannot be shown in RUB" in refused.content.decode()
    assert client.session.get("display_currency") is None
