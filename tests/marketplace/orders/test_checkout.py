"""Catalog checkout: a basket of one supplier's offers, MOQ and price breaks, then the order."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalog.reference.models import Incoterm, Unit
from marketplace.orders.models import OrderStatus
from tests.factories import SupplierFactory
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db
OfferIncoterm = get_model("partner", "OfferIncoterm")
PriceTier = get_model("partner", "PriceTier")
Order = get_model("order", "Order")


def with_terms(product, *, moq="20", tiers=(("100", "275.00"),), places=(("FCA", "Erenhot"),)):
    offer = product.stockrecords.get()
    offer.minimum_order_quantity = Decimal(moq)
    offer.commercial_unit = Unit.objects.get(code="t")
    offer.save()
    for quantity, price in tiers:
        PriceTier.objects.create(offer=offer, min_quantity=Decimal(quantity), unit_price=Decimal(price))
    for code, place in places:
        OfferIncoterm.objects.create(offer=offer, incoterm=Incoterm.objects.get(code=code), named_place=place)
    return offer


@pytest.fixture
def offer(supplier):
    return with_terms(offered_product(partner=supplier.partner, title="Methanol", price="285.00"))


def test_a_buyer_orders_from_the_product_page(client, buyer_user, offer):
    client.force_login(buyer_user)
    page = client.get(offer.product.get_absolute_url()).content.decode()
    assert "Order at the listed price" in page and reverse("buying:add") in page

    client.post(reverse("buying:add"), {"offer": offer.pk, "quantity": 120})
    basket = client.get(reverse("buying:basket"))
    placed = client.post(
        reverse("buying:checkout"),
        {
            "place": "FCA|Erenhot",
            "destination_country": "MN",
            "destination_city": "Ulaanbaatar",
            "schedule": "30-70",
        },
    )

    assert [line.unit_price for line in basket.context["lines"]] == [Decimal("275.00")]  # the 100 t break
    order = Order.objects.get()
    assert placed.url == reverse("orders:detail", args=[order.number])
    assert order.total_incl_tax == Decimal("33000.00") and order.status == OrderStatus.AWAITING_DEPOSIT
    assert (order.incoterm.code, order.named_place) == ("FCA", "Erenhot")
    assert client.get(reverse("buying:basket")).context["lines"] == []  # the basket is closed


def test_the_minimum_order_is_enforced(client, buyer_user, offer):
    client.force_login(buyer_user)

    response = client.post(reverse("buying:add"), {"offer": offer.pk, "quantity": 5}, follow=True)

    assert "The minimum order is 20 t." in response.content.decode()
    assert client.get(reverse("buying:basket")).context["lines"] == []


def test_a_basket_holds_one_suppliers_offers(client, buyer_user, offer):
    other = with_terms(offered_product(partner=SupplierFactory(name="Dalad PVC").partner, title="PVC"))
    client.force_login(buyer_user)
    client.post(reverse("buying:add"), {"offer": offer.pk, "quantity": 20})

    response = client.post(reverse("buying:add"), {"offer": other.pk, "quantity": 20}, follow=True)

    assert "Your basket holds offers of" in response.content.decode()
    assert len(client.get(reverse("buying:basket")).context["lines"]) == 1


def test_quantities_change_in_the_basket_with_the_same_rules(client, buyer_user, offer):
    client.force_login(buyer_user)
    client.post(reverse("buying:add"), {"offer": offer.pk, "quantity": 20})
    line = client.get(reverse("buying:basket")).context["lines"][0]

    client.post(reverse("buying:basket"), {f"quantity-{line.pk}": "3"})
    assert client.get(reverse("buying:basket")).context["lines"][0].quantity == 20
    client.post(reverse("buying:basket"), {f"quantity-{line.pk}": "0"})
    assert client.get(reverse("buying:basket")).context["lines"] == []


def test_suppliers_cannot_order(client, supplier_admin, offer):
    client.force_login(supplier_admin)

    assert client.post(reverse("buying:add"), {"offer": offer.pk, "quantity": 20}).status_code == 403
