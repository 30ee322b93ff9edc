"""Supplier pages (upload, history), downloads, and the documents sections of product pages."""

import datetime

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from catalog.documents import views
from catalog.documents.access import register_access_rule, unregister_access_rule
from catalog.documents.models import DocumentVisibility, ProductDocument
from marketplace.core.models import AuditEvent
from tests.catalog.documents.helpers import PDF, pdf, response_bytes, stored_files
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db

RESTRICTED = DocumentVisibility.RESTRICTED


def form(**fields):
    return {
        "kind": "sds",
        "file": pdf(),
        "issue_date": "2025-03-01",
        "expiry_date": "",
        "visibility": "public",
        "title": "",
        **fields,
    }


# --- upload page ----------------------------------------------------------------------------


def test_the_supplier_uploads_from_the_portal(
    client, supplier_admin, methanol, django_assert_max_num_queries
):
    client.force_login(supplier_admin)
    url = reverse("documents:upload", args=[methanol.pk])

    with django_assert_max_num_queries(7):
        page = client.get(f"{url}?kind=coa")
    assert page.status_code == 200
    assert 'value="coa" selected' in page.content.decode()

    response = client.post(url, form(title="SDS rev. 7", expiry_date="2028-03-01"), follow=True)

    document = ProductDocument.objects.get()
    assert (document.kind, document.version, document.title) == ("sds", 1, "SDS rev. 7")
    assert document.expiry_date == datetime.date(2028, 3, 1)
    assert response.redirect_chain[0] == (views.supplier_product_url(methanol), 302)
    assert "Safety data sheet (SDS) version 1 is now the current document of Methanol 99.85%." in (
        response.content.decode()
    )


def test_the_redirect_falls_back_to_the_product_page_without_the_portal(methanol, monkeypatch):
    def missing(name, args=None):
        raise NoReverseMatch(name)

    monkeypatch.setattr(views, "reverse", missing)

    assert views.supplier_product_url(methanol) == methanol.get_absolute_url()


def test_a_fake_pdf_is_refused_on_the_form(client, supplier_admin, methanol, private_root):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("documents:upload", args=[methanol.pk]),
        form(file=pdf("sds.pdf", b"<html><script>alert(1)</script></html>")),
    )

    assert response.status_code == 400
    assert "does not match its .pdf name" in str(response.context["form"].errors["file"])
    assert ProductDocument.objects.count() == 0
    assert stored_files(private_root) == []


def test_a_path_in_a_posted_file_name_never_reaches_the_disk(client, supplier_admin, methanol, private_root):
    # Django keeps only the last part of a multipart file name; the rest is dropped before we see it.
    client.force_login(supplier_admin)
    boundary = "BoUnDaRy"
    fields = form()
    del fields["file"]
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
        for k, v in fields.items()
    ]
    body = (
        "".join(parts).encode()
        + (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="../../etc/passwd.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + PDF
        + f"\r\n--{boundary}--\r\n".encode()
    )

    client.generic(
        "POST",
        reverse("documents:upload", args=[methanol.pk]),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )

    document = ProductDocument.objects.get()
    assert document.file.name.endswith("/passwd.pdf")
    assert stored_files(private_root) == [document.file.name]


@pytest.mark.parametrize("who", ["other_supplier_user", "buyer_user"])
def test_others_cannot_upload_to_a_suppliers_product(request, client, methanol, private_root, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("documents:upload", args=[methanol.pk])

    responses = [client.get(url), client.post(url, form())]

    # another supplier: 404 as if the product were not there; a buyer is no supplier at all: 403
    expected = 404 if who == "other_supplier_user" else 403
    assert [response.status_code for response in responses] == [expected, expected]
    assert ProductDocument.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert stored_files(private_root) == []


def test_anonymous_visitors_are_sent_to_log_in(client, methanol):
    response = client.get(reverse("documents:upload", args=[methanol.pk]))

    assert response.status_code == 302
    assert reverse("customer:login") in response.url


# --- history and downloads --------------------------------------------------------------------


def test_the_supplier_sees_every_version(
    client, supplier_admin, methanol, upload, django_assert_max_num_queries
):
    first = upload(methanol, title="rev. 6")
    second = upload(methanol, title="rev. 7")
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(8):
        page = client.get(reverse("documents:history", args=[methanol.pk, "sds"]))

    html = page.content.decode()
    assert page.status_code == 200
    assert html.index("rev. 7") < html.index("rev. 6")
    for document in (first, second):
        assert reverse("documents:download", args=[document.pk]) in html
    assert client.get(reverse("documents:history", args=[methanol.pk, "msds"])).status_code == 404


def test_another_supplier_cannot_see_the_history(client, other_supplier_user, methanol, upload):
    upload(methanol)
    client.force_login(other_supplier_user)

    assert client.get(reverse("documents:history", args=[methanol.pk, "sds"])).status_code == 404


@pytest.mark.parametrize(
    ("who", "public", "restricted", "old_version"),
    [
        ("supplier_admin", 200, 200, 200),
        ("operator", 200, 200, 200),
        ("buyer_user", 200, 404, 404),
        ("other_supplier_user", 200, 404, 404),
        ("anonymous", 200, 404, 404),
    ],
)
def test_downloads_are_permission_checked(
    request, client, methanol, upload, who, public, restricted, old_version
):
    old = upload(methanol, kind="sds")
    sds = upload(methanol, kind="sds")
    coa = upload(methanol, kind="coa", visibility=RESTRICTED)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    codes = [client.get(reverse("documents:download", args=[d.pk])).status_code for d in (sds, coa, old)]

    assert codes == [public, restricted, old_version]
    assert client.get(reverse("documents:download", args=[999999])).status_code == 404


def test_a_download_is_an_attachment(client, methanol, upload, django_assert_max_num_queries):
    sds = upload(methanol, file=pdf("Methanol SDS.pdf"))

    with django_assert_max_num_queries(2):  # the document with its product and supplier; is it current
        response = client.get(reverse("documents:download", args=[sds.pk]))

    assert response["Content-Disposition"] == 'attachment; filename="methanol-sds.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response_bytes(response) == PDF


# --- product page ------------------------------------------------------------------------------


def test_the_product_page_lists_current_documents(client, buyer_user, methanol, upload):
    old = upload(methanol, kind="sds", title="rev. 6")
    sds = upload(methanol, kind="sds", title="rev. 7", expiry_date=datetime.date(2025, 12, 31))
    coa = upload(methanol, kind="coa", title="Lot 2025-118", visibility=RESTRICTED)
    client.force_login(buyer_user)

    html = client.get(methanol.get_absolute_url()).content.decode()

    section = html[html.index('id="documents"') :]
    assert reverse("documents:download", args=[sds.pk]) in section
    assert "Version 2" in section and "valid until 2025-12-31" in section
    assert 'badge-rejected document-expired">Expired' in section  # the expired SDS is flagged
    assert reverse("documents:download", args=[old.pk]) not in html
    # the restricted COA is named without a link or its title
    assert "Certificate of analysis (COA)" in section
    assert "Available to buyers with an order or RFQ" in section
    assert reverse("documents:download", args=[coa.pk]) not in html
    assert "Lot 2025-118" not in html


def test_an_access_rule_turns_the_restricted_entry_into_a_link(client, buyer_user, methanol, upload):
    coa = upload(methanol, kind="coa", visibility=RESTRICTED)
    client.force_login(buyer_user)

    def has_an_rfq(user, product):
        return user.pk == buyer_user.pk and product.pk == methanol.pk

    register_access_rule(has_an_rfq)
    try:
        html = client.get(methanol.get_absolute_url()).content.decode()
        download = client.get(reverse("documents:download", args=[coa.pk]))
    finally:
        unregister_access_rule(has_an_rfq)

    assert reverse("documents:download", args=[coa.pk]) in html
    assert "Available to buyers with an order or RFQ" not in html
    assert download.status_code == 200


def test_a_product_without_documents_has_no_documents_section(client, methanol):
    html = client.get(methanol.get_absolute_url()).content.decode()

    assert "product-documents" not in html


def test_the_product_page_query_count_does_not_grow_with_documents(
    client, buyer_user, supplier, upload, django_assert_max_num_queries
):
    few = offered_product(partner=supplier.partner, title="Few documents")
    many = offered_product(partner=supplier.partner, title="Many documents")
    upload(few, kind="sds", visibility=RESTRICTED)
    for kind in ("sds", "tds", "coa", "un38_3", "certificate"):
        for _version in range(3):
            upload(many, kind=kind, visibility=RESTRICTED if kind == "coa" else "public")
    client.force_login(buyer_user)
    for product in (few, many):  # warm caches and Oscar's first-view analytics rows
        client.get(product.get_absolute_url())

    def view(product):
        # Oscar's recently-viewed cookie would add the other product's card to the page.
        client.cookies.pop(settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME, None)
        return client.get(product.get_absolute_url())

    with django_assert_max_num_queries(24) as one:  # 21 measured, 1 of them ours
        assert view(few).status_code == 200
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = view(many)

    assert page.content.decode().count('class="list-group-item') == 5
    document_queries = [q for q in one.captured_queries if "catalog_documents_productdocument" in q["sql"]]
    assert len(document_queries) == 1


# --- supplier's product page section ------------------------------------------------------------


def _portal_section(product, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "catalog_documents/portal_section.html", {"product": product, "request": request, "user": user}
    )


def test_the_portal_section_shows_current_documents_with_expiry(
    methanol, supplier_admin, upload, django_assert_num_queries
):
    upload(methanol, kind="sds", expiry_date=datetime.date(2025, 6, 1))
    upload(methanol, kind="sds", expiry_date=datetime.date(2025, 12, 31))
    upload(methanol, kind="un38_3", visibility=RESTRICTED, expiry_date=datetime.date(2099, 1, 1))
    supplier_admin.company  # noqa: B018  (loaded once per request by the page header)
    methanol.supplier.company  # noqa: B018  (the portal page loads the product with its supplier)

    with django_assert_num_queries(1):
        html = _portal_section(methanol, supplier_admin)

    assert reverse("documents:upload", args=[methanol.pk]) in html
    assert reverse("documents:history", args=[methanol.pk, "sds"]) in html
    assert "History (2 versions)" in html
    assert html.count("document-expired") == 1  # the SDS expired on 2025-12-31
    assert "Buyers with an order or RFQ" in html
    assert "?kind=un38_3" in html


def test_the_portal_section_is_empty_for_others_and_invites_the_first_upload(
    methanol, supplier_admin, other_supplier_user, upload
):
    assert "No documents yet." in _portal_section(methanol, supplier_admin)
    upload(methanol)

    assert _portal_section(methanol, other_supplier_user).strip() == ""


def test_the_supplier_page_includes_the_portal_section(client, supplier_admin, methanol, upload):
    upload(methanol)
    client.force_login(supplier_admin)
    try:
        url = reverse("supplier:product", args=[methanol.pk])
    except NoReverseMatch:
        pytest.skip("the supplier portal's product page is not there yet")

    html = client.get(url).content.decode()

    assert "portal-documents" in html
