"""The catalog in a real browser: prices in the buyer's currency, filters, ordering from a
product page, and a supplier listing a product that an operator publishes."""

import re

import pytest
from playwright.sync_api import Page, expect

from marketplace.demo.management.commands.load_demo import PASSWORD
from marketplace.orders.models import OrderStatus
from tests.browser.conftest import horizontal_overflow, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUYER = "buyer@ub-industrial.example"
SUPPLIER = "methanol@hanggin.example"
OPERATOR = "operator@ordos.example"
METHANOL = "Methanol 99.85% (AA grade), CAS 67-56-1"


def log_in(page: Page, email: str) -> None:
    page.goto("/catalog/accounts/login/")
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("button[name=login_submit]").click()
    # Buyers and suppliers land on the site, operators on Oscar's dashboard.
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_a_buyer_filters_reads_prices_in_euros_and_orders(desktop: Page, demo):
    from oscar.core.loading import get_model

    desktop.goto("/catalog/")
    desktop.locator("#currency-menu").click()
    desktop.get_by_role("button", name="EUR", exact=True).click()
    expect(desktop.locator("#currency-menu")).to_have_text("EUR")
    expect(desktop.locator(".product-card .price").first).to_contain_text("≈ €")
    expect(desktop.locator(".product-card .price-original").first).to_be_visible()

    # Ticking a facet value submits the sidebar at once.
    desktop.locator("#facet-product_class input[value=chemical]").check()
    expect(desktop).to_have_url(re.compile(r"product_class=chemical"))
    desktop.locator("#facet-dangerous_goods input[value=yes]").check()
    expect(desktop).to_have_url(re.compile(r"product_class=chemical.*dangerous_goods=yes"))
    expect(desktop.locator(".product-card").first).to_be_visible()
    assert horizontal_overflow(desktop) == 0
    shoot(desktop, "catalog-filtered-eur.png")

    log_in(desktop, BUYER)
    desktop.goto("/catalog/search/?q=methanol")
    desktop.get_by_role("link", name=METHANOL).first.click()
    expect(desktop.locator("#offers")).to_contain_text("Offers (2)")
    expect(desktop.locator(".dg-badge")).to_contain_text("UN1230")
    desktop.locator("#order-quantity").fill("120")
    desktop.locator(".order-form button[type=submit]").click()

    expect(desktop).to_have_url(re.compile(r"/basket/$"))
    expect(desktop.locator("tbody tr")).to_have_count(1)
    desktop.get_by_role("link", name="Check out").click()
    desktop.get_by_label("Destination port or city").fill("Ulaanbaatar")
    desktop.get_by_role("button", name="Place the order").click()

    expect(desktop).to_have_url(re.compile(r"/orders/OX-[\w-]+/$"))
    expect(desktop.locator("h1 .badge-status")).to_have_text("Awaiting deposit")
    shoot(desktop, "order-placed.png")
    order = get_model("order", "Order").objects.get(source="checkout", lines__agreed_quantity=120)
    assert order.status == OrderStatus.AWAITING_DEPOSIT


def test_a_supplier_lists_a_product_and_an_operator_publishes_it(open_page, demo):
    supplier = open_page()
    log_in(supplier, SUPPLIER)
    supplier.goto("/supplier/products/")
    supplier.get_by_role("button", name="Add a product").click()
    supplier.get_by_role("link", name="Chemical", exact=True).click()

    supplier.get_by_label("Title", exact=True).fill("Methanol 99.9% (IMPCA)")
    supplier.get_by_label("HS code").select_option("2905110000")
    supplier.get_by_label("Commercial unit").select_option("t")
    supplier.get_by_label("Net weight per unit (kg)").fill("1000")
    supplier.get_by_label("Gross weight per unit (kg)").fill("1000")
    supplier.get_by_label("CAS number").fill("67-56-2")
    supplier.get_by_role("button", name="Save draft").click()
    expect(supplier.locator(".errorlist").first).to_contain_text("check digit should be 1")
    supplier.get_by_label("CAS number").fill("67-56-1")
    supplier.get_by_role("button", name="Save draft").click()

    expect(supplier).to_have_url(re.compile(r"/supplier/products/\d+/offers/new/$"))
    supplier.get_by_label("Your SKU").fill("MEOH-IMPCA")
    supplier.get_by_label("Base unit price").fill("290")
    supplier.get_by_label("Minimum order quantity").fill("20")
    supplier.locator("#id_places-0-incoterm").select_option("FCA")
    supplier.locator("#id_places-0-named_place").fill("Erenhot")
    supplier.get_by_role("button", name="Save offer").click()
    expect(supplier.locator(".alert-success")).to_contain_text("Offer MEOH-IMPCA saved.")
    supplier.get_by_role("button", name="Send for review").click()
    expect(supplier.locator("h1 .badge-status")).to_have_text("In review")
    shoot(supplier, "portal-in-review.png")

    operator = open_page()
    log_in(operator, OPERATOR)
    operator.goto("/operator/products/")
    operator.get_by_role("link", name="Methanol 99.9% (IMPCA)").click()
    operator.get_by_label("Publish").check()
    operator.get_by_role("button", name="Record decision").click()
    expect(operator.locator(".alert-success")).to_contain_text("is now published")

    buyer_view = open_page()
    buyer_view.goto("/catalog/search/?q=IMPCA")
    expect(buyer_view.get_by_role("link", name="Methanol 99.9% (IMPCA)")).to_be_visible()
