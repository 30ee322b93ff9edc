"""The public pages, sign-up and operator verification, driven through Debian's chromium.

Each test runs against pytest-django's ``live_server`` with a transactional database, which is
flushed after every test. The flush also removes the Wagtail tree that the data migration
``cms/migrations/0002_create_homepage.py`` creates, so ``/`` would answer 404; the ``site``
fixture rebuilds the locale, root page, home page and default Wagtail site the same way. (A
serialized rollback cannot be relied on with ``--reuse-db``: the reused database has already
been flushed by an earlier run, so there is nothing left to serialize.)

Screenshots go to ``var/screens/`` for a person to look at.
"""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from marketplace.accounts.models import Company, CompanyKind, VerificationStatus
from marketplace.accounts.services import CompanyDetails, register_company
from tests.browser.conftest import broken_images, horizontal_overflow, shoot
from tests.factories import PASSWORD, OperatorFactory, valid_uscc

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPERATOR_EMAIL = "operator@ordos.example"
NEW_SUPPLIER = "Ordos Wushen Coal Chemical Co., Ltd."
METHANOL = "Methanol 99.85% (AA grade), CAS 67-56-1"


def test_home_page_at_desktop_width_then_search_from_the_header(desktop: Page, demo):
    # One test for both, to pay for one database flush instead of two.
    response = desktop.goto("/")
    assert response.status == 200

    header = desktop.locator("header.site-header")
    expect(header.locator(".site-brand")).to_contain_text("Ordos Industrial Exchange")
    expect(header.locator(".site-brand img")).to_be_visible()
    # The search box offers suggestions as the buyer types, so it is a combobox.
    search = header.get_by_role("combobox", name="Search the catalogue")
    expect(search).to_be_visible()
    expect(header.locator("#language-menu")).to_have_text("English")
    expect(header.get_by_role("link", name="Catalog")).to_be_visible()

    expect(desktop.locator(".hero h1")).to_be_visible()
    cards = desktop.locator(".product-card")
    expect(cards.first).to_be_visible()
    assert cards.count() == 8  # the eight newest products; the methanol is older
    expect(cards.filter(has_text="Spirulina powder, food grade")).to_be_visible()
    expect(desktop.locator(".belt-tile").first).to_be_visible()

    shoot(desktop, "home-desktop.png")
    assert broken_images(desktop) == []
    assert horizontal_overflow(desktop) == 0

    search.fill("methanol")
    header.get_by_role("button", name="Search").click()

    expect(desktop).to_have_url(re.compile(r"/catalog/search/\?q=methanol"))
    results = desktop.locator(".product-card")
    expect(results.first).to_be_visible()
    assert results.count() >= 3  # methanol from three suppliers
    shoot(desktop, "search-methanol.png")

    results.get_by_role("link", name=METHANOL).first.click()
    expect(desktop).to_have_url(re.compile(r"/catalog/[\w-]+_\d+/$"))
    expect(desktop.locator("h1")).to_have_text(METHANOL)
    shoot(desktop, "product-methanol.png")
    assert broken_images(desktop) == []


def test_language_switcher_keeps_the_current_page(desktop: Page, demo):
    desktop.goto("/catalog/")
    expect(desktop.locator("html")).to_have_attribute("lang", "en")

    for code, name, prefix in [
        ("zh-hans", "简体中文", "/zh-hans"),
        ("ru", "Русский", "/ru"),
        ("en", "English", ""),
    ]:
        desktop.locator("#language-menu").click()
        choice = desktop.locator(f"#site-nav .dropdown-menu a[hreflang='{code}']")
        expect(choice).to_be_visible()
        expect(choice).to_have_text(name)
        choice.click()

        expect(desktop).to_have_url(re.compile(rf"://[^/]+{prefix}/catalog/$"))
        expect(desktop.locator("html")).to_have_attribute("lang", code)
        expect(desktop.locator("#language-menu")).to_have_text(name)
        expect(desktop.locator(".product-card").first).to_be_visible()
        if code != "en":
            shoot(desktop, f"catalog-{code}.png")


def test_home_page_at_mobile_width(mobile: Page, demo):
    mobile.goto("/")
    nav_search = mobile.locator("#site-nav").get_by_role("combobox")
    toggler = mobile.locator(".navbar-toggler")

    expect(toggler).to_be_visible()
    expect(nav_search).to_be_hidden()
    expect(mobile.locator(".product-card").first).to_be_visible()
    assert horizontal_overflow(mobile) == 0
    shoot(mobile, "home-mobile.png")

    toggler.click()
    expect(nav_search).to_be_visible()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    # Bootstrap swaps "collapsing" for "show" once the slide-down has finished.
    expect(mobile.locator("#site-nav")).to_have_class(re.compile(r"\bshow\b"))
    expect(mobile.locator("#language-menu")).to_be_visible()
    assert horizontal_overflow(mobile) == 0
    shoot(mobile, "home-mobile-menu.png")

    for path in ("/catalog/", "/signup/supplier/"):
        mobile.goto(path)
        assert horizontal_overflow(mobile) == 0, path
    shoot(mobile, "signup-mobile.png")


def fill_supplier_signup(page: Page, *, uscc: str, email: str) -> None:
    page.get_by_label("Company name").fill(NEW_SUPPLIER)
    page.get_by_label("Country").select_option("CN")
    page.get_by_label("City").fill("Ordos")
    page.get_by_label("Registration number").fill(uscc)
    page.get_by_label("First name").fill("Li")
    page.get_by_label("Last name").fill("Wei")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill("a-long-browser-password-42")


def test_supplier_signs_up_in_the_browser(open_page):
    page = open_page()
    page.goto("/signup/")
    page.locator("a.belt-tile", has=page.get_by_role("heading", name="Supplier", exact=True)).click()
    expect(page).to_have_url(re.compile(r"/signup/supplier/$"))
    expect(page.locator("h1")).to_have_text("Register as a supplier")

    fill_supplier_signup(page, uscc=valid_uscc(999), email="li.wei@wushen-chem.example")
    shoot(page, "signup-supplier-filled.png")
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(re.compile(r"/signup/sent/$"))
    expect(page.locator("h1")).to_have_text("Check your email to finish registering")
    shoot(page, "signup-check-your-email.png")

    # The emailed link opens a page whose button confirms the address and logs in.
    (confirmation,) = [message for message in mail.outbox if message.to == ["li.wei@wushen-chem.example"]]
    link = re.search(r"http\S+/signup/confirm/\S+/", confirmation.body).group()
    page.goto(urlparse(link).path)
    expect(page.locator("h1")).to_have_text("Confirm your email address")
    shoot(page, "signup-confirm-email.png")
    page.get_by_role("button", name="Confirm and log in").click()

    expect(page).to_have_url(re.compile(r"/company/$"))
    expect(page.locator(".alert-success")).to_contain_text(
        "Welcome! Your company is registered; an operator will verify it shortly."
    )
    expect(page.locator("h1 .badge-status")).to_have_text("Awaiting verification")
    expect(page.locator("h1")).to_contain_text(NEW_SUPPLIER)
    shoot(page, "company-after-signup.png")
    page.context.close()

    company = Company.objects.get(name=NEW_SUPPLIER)
    assert company.kind == CompanyKind.SUPPLIER
    assert company.verification_status == VerificationStatus.UNVERIFIED

    # A fresh visitor with a mistyped code stays on the form and sees why.
    page = open_page()
    page.goto("/signup/supplier/")
    good = valid_uscc(998)
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    fill_supplier_signup(page, uscc=bad, email="someone@else.example")
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(re.compile(r"/signup/supplier/$"))
    field = page.get_by_label("Registration number")
    expect(field).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(field).to_have_value(bad)
    error = page.locator(".form-group", has=field).locator(".errorlist")
    expect(error).to_have_text(
        "This unified social credit code is not valid: its check character should be " + good[-1] + "."
    )
    shoot(page, "signup-invalid-uscc.png")
    assert not Company.objects.filter(registration_number=bad).exists()


def test_operator_verifies_a_new_supplier(desktop: Page):
    # The demo's operator, without the rest of the demo data.
    OperatorFactory(email=OPERATOR_EMAIL, first_name="Operator")
    company = register_company(
        kind=CompanyKind.SUPPLIER,
        details=CompanyDetails(
            name=NEW_SUPPLIER, country="CN", city="Ordos", registration_number=valid_uscc(999)
        ),
        email="li.wei@wushen-chem.example",
        password="a-long-browser-password-42",
        first_name="Li",
    ).company

    desktop.goto("/catalog/accounts/login/")
    desktop.locator("#id_login-username").fill(OPERATOR_EMAIL)
    desktop.locator("#id_login-password").fill(PASSWORD)
    desktop.locator("button[name=login_submit]").click()
    # Oscar sends staff to its dashboard after logging in.
    expect(desktop).to_have_url(re.compile(r"/dashboard/$"))

    desktop.goto("/operator/companies/")
    expect(desktop.locator("#account-menu")).to_contain_text("Operator")
    expect(desktop.locator("h1")).to_have_text("Company verification")
    desktop.get_by_role("link", name=NEW_SUPPLIER).click()
    expect(desktop).to_have_url(re.compile(rf"/operator/companies/{company.pk}/$"))
    expect(desktop.locator("h1")).to_contain_text(NEW_SUPPLIER)

    desktop.get_by_label("Reject").check()
    desktop.get_by_role("button", name="Record decision").click()
    expect(desktop.locator(".errorlist")).to_have_text("Give the reason for the rejection.")
    shoot(desktop, "operator-reject-without-reason.png")
    company.refresh_from_db()
    assert company.verification_status == VerificationStatus.UNVERIFIED

    desktop.get_by_label("Verify").check()
    desktop.get_by_role("button", name="Record decision").click()
    expect(desktop).to_have_url(re.compile(r"/operator/companies/$"))
    expect(desktop.locator(".alert-success")).to_contain_text(f"{NEW_SUPPLIER} is now verified.")
    shoot(desktop, "operator-verified.png")
    company.refresh_from_db()
    assert company.verification_status == VerificationStatus.VERIFIED

    desktop.goto(f"/operator/companies/{company.pk}/")
    expect(desktop.locator("h1 .badge-status")).to_have_text("Verified")
    shoot(desktop, "operator-company-verified.png")
