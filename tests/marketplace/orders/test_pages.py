"""Order pages, actions, the proforma invoice and the orders API, scoped to the parties."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from marketplace.orders import services
from marketplace.orders.models import OrderStatus
from tests.factories import CompanyFactory, SupplierFactory, member_of

pytestmark = pytest.mark.django_db


def test_the_parties_see_the_order_and_others_do_not(client, order, buyer_user, supplier_admin, operator):
    for user in (buyer_user, supplier_admin, operator):
        client.force_login(user)
        assert client.get(reverse("orders:detail", args=[order.number])).status_code == 200
        assert order.number in client.get(reverse("orders:list")).content.decode()
    for outsider in (member_of(CompanyFactory(name="Rival buyer")), member_of(SupplierFactory(name="Rival"))):
        client.force_login(outsider)
        assert client.get(reverse("orders:detail", args=[order.number])).status_code == 404
        assert order.number not in client.get(reverse("orders:list")).content.decode()
        api = APIClient()
        api.force_authenticate(outsider)
        assert api.get(reverse("orders-api:order", args=[order.pk])).status_code == 404


def test_the_supplier_moves_the_order_and_the_buyer_cannot(client, order, buyer_user, supplier_admin):
    services.record_payment(milestone=order.milestones.first(), method="card", reference="pi_1")
    client.force_login(buyer_user)
    refused = client.post(reverse("orders:action", args=[order.number, "finish_production"]))
    client.force_login(supplier_admin)
    client.post(reverse("orders:action", args=[order.number, "finish_production"]))

    order.refresh_from_db()
    assert refused.status_code == 403
    assert order.status == OrderStatus.AWAITING_BALANCE


def test_the_buyer_cancels_an_unpaid_order_with_a_reason(client, order, buyer_user):
    client.force_login(buyer_user)

    client.post(reverse("orders:action", args=[order.number, "cancel"]), {"reason": ""})
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_DEPOSIT
    client.post(reverse("orders:action", args=[order.number, "cancel"]), {"reason": "Found a closer plant"})
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED


def test_the_proforma_invoice_is_a_pdf_with_hs_codes_and_totals(client, order, buyer_user, methanol):
    from decimal import Decimal

    from catalog.reference.models import HSCode, Unit
    from catalog.specs.models import TradeSpec

    TradeSpec.objects.create(
        product=methanol,
        hs_code=HSCode.objects.get(code="2905110000"),
        commercial_unit=Unit.objects.get(code="t"),
        net_weight_kg=Decimal(1000),
        gross_weight_kg=Decimal(1000),
    )
    client.force_login(buyer_user)

    response = client.get(reverse("orders:proforma", args=[order.number]))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "2905110000" in text and "27,500.00" in text and order.number in text


def pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_api_lists_the_callers_orders(order, buyer_user):
    api = APIClient()
    api.force_authenticate(buyer_user)

    body = api.get(reverse("orders-api:orders")).json()

    assert body["count"] == 1
    assert body["results"][0]["number"] == order.number
    assert [m["amount_minor"] for m in body["results"][0]["milestones"]] == [825000, 1925000]


def test_the_proforma_invoice_renders_chinese_names(client, buyer, buyer_user, supplier):
    from marketplace.orders.services import place_order
    from tests.factories.catalogue import offered_product
    from tests.marketplace.orders.conftest import order_request

    product = offered_product(partner=supplier.partner, title="甲醇 99.85%（优等品）", price="285.00")
    order = place_order(
        request=order_request(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=product)
    )
    client.force_login(buyer_user)

    text = pdf_text(client.get(reverse("orders:proforma", args=[order.number])).content)

    assert "甲醇" in text  # drawn with the CJK font, so it reads back as text
