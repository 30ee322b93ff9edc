from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from catalog.offers.rules import check_offer_quantity, offer_unit_price
from catalog.reference.models import Incoterm, Unit
from tests.factories.catalogue import StockRecordFactory

PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def offer(supplier):
    offer = StockRecordFactory(
        partner=supplier.partner,
        price=Decimal("285.00"),
        minimum_order_quantity=Decimal("20"),
        commercial_unit=Unit.objects.get(code="t"),
        lead_time_days=7,
    )
    PriceTier.objects.create(offer=offer, min_quantity=Decimal("100"), unit_price=Decimal("275.00"))
    PriceTier.objects.create(offer=offer, min_quantity=Decimal("500"), unit_price=Decimal("265.00"))
    OfferIncoterm.objects.create(
        offer=offer, incoterm=Incoterm.objects.get(code="FCA"), named_place="Erenhot"
    )
    return offer


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        ("20", "285.00"),
        ("99.999", "285.00"),
        ("100", "275.00"),
        ("499", "275.00"),
        ("500", "265.00"),
        ("10000", "265.00"),
    ],
)
def test_the_highest_break_reached_sets_the_unit_price(offer, quantity, expected):
    assert offer_unit_price(offer=offer, quantity=Decimal(quantity)) == Decimal(expected)


def test_below_the_minimum_order_is_refused(offer):
    with pytest.raises(ValidationError) as error:
        check_offer_quantity(offer=offer, quantity=Decimal("19"))

    [problem] = error.value.error_dict["quantity"]
    assert problem.code == "below_moq"
    assert problem.message == f"The minimum order is 20 {offer.commercial_unit.code}."


def test_the_exact_minimum_order_passes(offer):
    check_offer_quantity(offer=offer, quantity=Decimal("20"))


def test_a_break_is_unique_and_positive(offer):
    with pytest.raises(IntegrityError), transaction.atomic():
        PriceTier.objects.create(offer=offer, min_quantity=Decimal("100"), unit_price=Decimal("270"))
    with pytest.raises(IntegrityError), transaction.atomic():
        PriceTier.objects.create(offer=offer, min_quantity=Decimal("50"), unit_price=Decimal("0"))

    assert offer.price_tiers.count() == 2


def test_the_product_page_shows_the_offer_terms_and_tiers(client, offer):
    page = client.get(offer.product.get_absolute_url()).content.decode()

    assert "Minimum order" in page and "20 t" in page
    assert "FCA Erenhot" in page
    assert "from 100" in page and "$275.00" in page and "$265.00" in page
