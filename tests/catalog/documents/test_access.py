"""Who may download which document: a permission table per role, and the access-rule registry."""

import pytest
from django.contrib.auth.models import AnonymousUser

from catalog.documents.access import register_access_rule, unregister_access_rule
from catalog.documents.models import DocumentVisibility
from catalog.documents.selectors import can_download, document_entries, documents_visible_to

pytestmark = pytest.mark.django_db

PUBLIC, RESTRICTED = DocumentVisibility.PUBLIC, DocumentVisibility.RESTRICTED


@pytest.fixture
def documents(methanol, upload):
    """An SDS in two versions (public), and a restricted COA."""
    old_sds = upload(methanol, kind="sds")
    sds = upload(methanol, kind="sds")
    coa = upload(methanol, kind="coa", visibility=RESTRICTED)
    return {"old_sds": old_sds, "sds": sds, "coa": coa}


def _user(request, who):
    return AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("supplier_admin", {"old_sds", "sds", "coa"}),
        ("operator", {"old_sds", "sds", "coa"}),
        ("buyer_user", {"sds"}),
        ("other_supplier_user", {"sds"}),
        ("firm_user", {"sds"}),
        ("anonymous", {"sds"}),
    ],
)
def test_download_permissions_by_role(request, documents, who, allowed):
    user = _user(request, who)

    assert {
        name for name, document in documents.items() if can_download(user=user, document=document)
    } == allowed
    assert {d.pk for d in documents_visible_to(user=user, product=documents["sds"].product)} == {
        documents[name].pk for name in allowed
    }


def test_a_registered_rule_admits_a_buyer_to_restricted_current_documents(documents, buyer_user, methanol):
    calls = []

    def has_an_order(*, user, product):
        calls.append((user.pk, product.pk))
        return user.pk == buyer_user.pk

    # before the rule, the buyer sees the restricted COA listed but not downloadable
    entries = {
        entry.document.kind: entry.downloadable
        for entry in document_entries(user=buyer_user, product=methanol)
    }
    assert entries == {"sds": True, "coa": False}

    register_access_rule(has_an_order)
    register_access_rule(has_an_order)  # registering twice adds it once
    try:
        assert can_download(user=buyer_user, document=documents["coa"])
        assert not can_download(
            user=buyer_user, document=documents["old_sds"]
        )  # history stays the supplier's
        assert {d.kind for d in documents_visible_to(user=buyer_user, product=methanol)} == {"sds", "coa"}
        entries = document_entries(user=buyer_user, product=methanol)
        assert all(entry.downloadable for entry in entries)
        # rules run once per product, not once per document, and never for anonymous visitors
        calls.clear()
        document_entries(user=buyer_user, product=methanol)
        assert calls == [(buyer_user.pk, methanol.pk)]
        assert not can_download(user=AnonymousUser(), document=documents["coa"])
    finally:
        unregister_access_rule(has_an_order)

    assert not can_download(user=buyer_user, document=documents["coa"])


def test_documents_of_an_unpublished_product_are_the_suppliers_only(
    methanol, upload, buyer_user, supplier_admin
):
    sds = upload(methanol)
    methanol.status = "draft"
    methanol.save()

    assert not can_download(user=buyer_user, document=sds)
    assert document_entries(user=buyer_user, product=methanol) == []
    assert can_download(user=supplier_admin, document=sds)
