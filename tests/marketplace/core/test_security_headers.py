"""Every response carries a Content-Security-Policy and a Permissions-Policy: the strict policy
on public pages, a looser one for the staff tools that need inline code (marketplace/core/security.py),
and templates keep no inline script or style the strict policy would block."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import OperatorFactory
from tests.factories.catalogue import offered_product
from tests.factories.site import ensure_home_page

pytestmark = pytest.mark.django_db

PUBLIC = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-src https://www.youtube.com https://player.vimeo.com; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
STAFF = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "frame-src 'self' https://www.youtube.com https://player.vimeo.com; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
# An inline script (not a JSON data block), a style block or attribute, an event handler, a JS URL.
INLINE = re.compile(
    r"<script(?![^>]*\b(?:src=|type=\"application/json\"))"
    r"|<style|\sstyle=|\son[a-z]+=|javascript:",
    re.IGNORECASE,
)
PERMISSIONS = 'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")'


@pytest.fixture
def pages(supplier):
    ensure_home_page()
    product = offered_product(partner=supplier.partner, title="Methanol")
    return {"product": product.get_absolute_url()}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ru/",
        "/zh-hans/",
        "/catalog/",
        "product",
        "/catalog/search/?q=methanol",
        "/ru/catalog/search/?q=метанол",
        "/rfqs/new/",
        "/basket/",
        "/catalog/accounts/login/",
        "/signup/",
        "/no-such-page/",
        "/api/v1/products/",
        "/sitemap.xml",
        "/healthz",
    ],
)
def test_public_pages_carry_the_strict_policy(client, buyer_user, pages, path):
    if path in ("/rfqs/new/", "/basket/"):
        client.force_login(buyer_user)

    response = client.get(pages.get(path, path))

    assert response.status_code in (200, 404, 503), response.status_code
    assert response["Content-Security-Policy"] == PUBLIC
    assert response["Permissions-Policy"] == PERMISSIONS
    if response["Content-Type"].startswith("text/html"):
        assert INLINE.findall(response.content.decode()) == []  # widgets' attributes too


@pytest.mark.parametrize(
    "path",
    ["/cms-admin/", "/django-admin/", "/dashboard/", "/ru/dashboard/", "/zh-hans/dashboard/catalogue/"],
)
def test_the_staff_tools_get_their_own_policy(client, path):
    ensure_home_page()  # Wagtail's admin home lists the page tree
    client.force_login(OperatorFactory(is_superuser=True))

    response = client.get(path)

    assert response.status_code == 200, response.status_code
    assert response["Content-Security-Policy"] == STAFF
    assert response["Permissions-Policy"] == PERMISSIONS


def test_the_staff_login_pages_get_the_staff_policy_too(client):
    for path in ("/cms-admin/login/", "/django-admin/login/"):
        assert client.get(path)["Content-Security-Policy"] == STAFF


def directives(header: str) -> dict[str, str]:
    return dict(directive.split(" ", 1) for directive in header.split("; "))


def test_the_api_docs_add_only_swagger_uis_sources(client):
    policy = client.get("/api/docs/")["Content-Security-Policy"]

    assert directives(policy) == directives(PUBLIC) | {
        "script-src": "'self' 'unsafe-inline' https://cdn.jsdelivr.net",
        "style-src": "'self' 'unsafe-inline' https://cdn.jsdelivr.net",
        "img-src": "'self' data: https://cdn.jsdelivr.net",
    }


# Rendered to PDF by WeasyPrint and sent as attachments, never served as HTML pages.
PDF_TEMPLATES = {
    "orders/proforma.html",
    "customs/declaration_pdf.html",
    "customs/attachment_pdf.html",
    "fulfillment/commercial_invoice.html",
    "fulfillment/packing_list.html",
    "fulfillment/partials/pdf_head.html",
}


def test_templates_keep_no_inline_script_or_style():
    root = Path(settings.BASE_DIR) / "templates"
    found = {
        str(path.relative_to(root)): INLINE.findall(path.read_text())
        for path in root.rglob("*.html")
        if str(path.relative_to(root)) not in PDF_TEMPLATES
    }

    assert {name: hits for name, hits in found.items() if hits} == {}
