from decimal import Decimal

import pytest

from catalog.reference.models import Incoterm, Unit
from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest, place_order
from tests.factories.catalogue import offered_product


@pytest.fixture(autouse=True)
def _reference(reference_data):
    """Units, Incoterms and currencies, even after a browser test flushed a reused database."""


@pytest.fixture
def methanol(supplier):
    return offered_product(partner=supplier.partner, title="Methanol 99.85%", price="285.00")


def order_request(
    *, buyer, buyer_user, supplier, product, quantity="100", price="275.00", schedule="30-70", **extra
):
    return OrderRequest(
        buyer=buyer,
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
        currency="USD",
        incoterm=Incoterm.objects.get(code="FCA"),
        named_place="Erenhot",
        destination_country="MN",
        destination_city="Ulaanbaatar",
        schedule=SCHEDULES[schedule],
        **extra,
    )


@pytest.fixture
def order(buyer, buyer_user, supplier, methanol):
    return place_order(
        request=order_request(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=methanol)
    )
