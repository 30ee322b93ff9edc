"""The RFQ journey in a real browser: a buyer requests a quote from a product page, the
product's supplier quotes from its RFQ inbox (with a price break), the buyer compares and
accepts, and lands on the order."""

import re
from decimal import Decimal

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from rfq.models import RFQ
from tests.browser.conftest import shoot
from tests.browser.test_catalog_in_browser import BUYER, METHANOL, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Browser RFQ: 60 t methanol to Ulaanbaatar"


def supplier_email_of(product_title: str) -> str:
    product = get_model("catalogue", "Product").objects.get(title=product_title)
    membership = product.supplier.company.memberships.select_related("user").order_by("pk").first()
    return membership.user.email


def test_a_buyer_requests_a_quote_the_supplier_quotes_and_the_buyer_accepts(open_page, demo):
    # The buyer asks the product's supplier for a quote from the product page.
    buyer = open_page()
    log_in(buyer, BUYER)
    buyer.goto("/catalog/search/?q=methanol")
    buyer.get_by_role("link", name=METHANOL).first.click()
    buyer.get_by_role("link", name="Request a quote").click()
    expect(buyer.locator(".alert-info")).to_contain_text("A direct request for")
    # Form fields by id: required labels end with a "*".
    buyer.locator("#id_title").fill(TITLE)
    buyer.locator("#id_quantity").fill("60")
    buyer.locator("#id_unit").select_option("t")
    buyer.locator("#id_currency").select_option("USD")
    buyer.locator("#id_incoterm").select_option("FCA")
    buyer.locator("#id_named_place").fill("Erenhot")
    buyer.get_by_role("button", name="Send the request").click()
    expect(buyer).to_have_url(re.compile(r"/rfqs/[\w-]+/$"))
    rfq = RFQ.objects.get(title=TITLE)
    assert rfq.status == "open" and rfq.is_direct

    # The supplier finds it in its inbox and quotes 275 USD/t, 265 from 50 t.
    supplier = open_page()
    log_in(supplier, supplier_email_of(METHANOL))
    supplier.goto("/supplier/rfqs/")
    supplier.get_by_role("link", name=rfq.number).click()
    supplier.locator("#id_offer").select_option(index=1)
    supplier.locator("#id_unit_price").fill("275.00")
    supplier.locator("#id_lead_time_days").fill("18")
    supplier.locator("#id_tiers-0-min_quantity").fill("50")
    supplier.locator("#id_tiers-0-unit_price").fill("265.00")
    shoot(supplier, "rfq-quote-form.png")
    supplier.get_by_role("button", name="Send the quote").click()
    expect(supplier.locator(".badge-status.quote-status-submitted")).to_be_visible()
    expect(supplier.get_by_text("≥50 t: 265.00")).to_be_visible()

    # The buyer compares and accepts: the order is at the price break reached.
    buyer.reload()
    buyer.get_by_role("link", name="Compare").click()
    expect(buyer.locator("table.rfq-compare tbody tr")).to_have_count(1)
    shoot(buyer, "rfq-compare.png")
    buyer.locator("table.rfq-compare").get_by_role("button", name="Accept").click()
    expect(buyer).to_have_url(re.compile(r"/orders/[\w-]+/$"))
    shoot(buyer, "rfq-order.png")
    order = RFQ.objects.get(pk=rfq.pk).awards.get().order
    assert order.number in buyer.url
    assert order.lines.get().unit_price_excl_tax == Decimal("265.00")
