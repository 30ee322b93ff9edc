"""Stored XSS and the Content-Security-Policy in a real browser (#18).

A published product whose descriptions came from the XSS corpus (tests/factories/xss.py) runs
none of it: every payload that could run bumps ``window.__xss`` or opens a dialog. The main
pages load under their policy without a single violation: a listener added before any page
script (Playwright's init script, which the policy does not govern) records each
``securitypolicyviolation`` event, and Chromium's console reports refused resources too.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from catalog.models import ProductStatus
from catalog.services import save_product
from cms.models import HomePage
from tests.catalog.test_moderation import complete_draft
from tests.factories import PASSWORD, CompanyFactory, OperatorFactory, SupplierFactory, member_of
from tests.factories.xss import CORPUS
from tests.marketplace.core.test_security_headers import PUBLIC, STAFF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__csp.push([event.effectiveDirective, event.blockedURI, event.sourceFile, event.lineNumber]);
});
"""


class Watched:
    """A page whose CSP violations, CSP console errors and dialogs are recorded."""

    def __init__(self, page: Page):
        self.page, self.console, self.dialogs = page, [], []
        page.context.add_init_script(WATCH_VIOLATIONS)
        page.on("console", self._console)
        page.on("dialog", self._dialog)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.console.append(message.text)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, path: str) -> str:
        """Open ``path``; returns its Content-Security-Policy; fails on any violation."""
        response = self.page.goto(path)  # returns once the page has loaded
        assert response.status == 200, (path, response.status)
        violations = self.page.evaluate("window.__csp")
        assert (path, violations, self.console) == (path, [], [])
        return response.headers.get("content-security-policy")


@pytest.fixture
def corpus_product(site, reference_data):
    supplier = SupplierFactory(name="Ordos Coal Chemicals")
    product = complete_draft(supplier.partner, title="Methanol AA")
    texts = {"title": "Метанол", "description": CORPUS}
    save_product(
        supplier=supplier.partner,
        product=product,
        data={"description": CORPUS, "translations": {"ru": texts, "zh-hans": {**texts, "title": "甲醇"}}},
    )
    product.status = ProductStatus.PUBLISHED
    product.save()
    return product


def test_no_injected_script_runs_and_every_page_obeys_its_policy(open_page, corpus_product):
    buyer = member_of(CompanyFactory(name="Ulaanbaatar Steel LLC"))
    page = Watched(open_page())
    path = corpus_product.get_absolute_url()

    for url in (path, f"/ru{path}", f"/zh-hans{path}"):
        assert page.visit(url) == PUBLIC
        expect(page.page.locator(".product-description h3")).to_have_text("Grade AA")
        page.page.locator(".product-description p").first.hover()
        for link in page.page.locator(".product-description a:not([href])").all():
            link.click()  # a link whose javascript: or data: address was removed goes nowhere
        assert page.page.evaluate("window.__xss || 0") == 0
    assert page.dialogs == []

    # Fields that submit on change and the search suggestions work from static files.
    assert page.visit("/catalog/") == PUBLIC
    page.page.locator("#id_sort_by").select_option(index=1)
    expect(page.page).to_have_url(re.compile(r"sort_by="))
    page.page.get_by_role("combobox", name="Search the catalogue").fill("meth")
    expect(page.page.locator(".search-suggest-item").first).to_be_visible()
    for url in ("/", "/catalog/search/?q=methanol", "/catalog/accounts/login/"):
        assert page.visit(url) == PUBLIC
    assert page.page.evaluate("window.__csp") == [] and page.console == []

    page.page.locator("#id_login-username").fill(buyer.email)
    page.page.locator("#id_login-password").fill(PASSWORD)
    page.page.locator("button[name=login_submit]").click()
    expect(page.page).not_to_have_url(re.compile(r"/accounts/login/"))
    for url in (f"{reverse('rfq:create')}?product={corpus_product.pk}", reverse("buying:basket")):
        assert page.visit(url) == PUBLIC
    assert page.page.evaluate("window.__xss || 0") == 0 and page.dialogs == []

    # One test with the staff tools, to pay for one database flush instead of two.
    staff = Watched(open_page())
    staff.page.goto("/django-admin/login/")
    staff.page.locator("#id_username").fill(OperatorFactory(is_superuser=True).email)
    staff.page.locator("#id_password").fill(PASSWORD)
    staff.page.locator("input[type=submit]").click()
    home = HomePage.objects.get(locale__language_code="en")
    for url, editor in (
        ("/django-admin/", "#content-main"),
        ("/django-admin/catalogue/product/add/", "#product_form"),
        ("/dashboard/", "#default"),
        ("/dashboard/catalogue/products/create/chemical/", ".tox-tinymce"),  # TinyMCE
        ("/cms-admin/", "main"),
        (f"/cms-admin/pages/{home.pk}/edit/", "#page-edit-form"),  # Wagtail's page editor
    ):
        assert staff.visit(url) == STAFF
        expect(staff.page.locator(editor).first).to_be_visible()
