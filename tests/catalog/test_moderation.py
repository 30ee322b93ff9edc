"""Moderation: draft → in review → published / rejected, by whom, and what buyers see."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalog import moderation
from catalog.models import ProductStatus
from catalog.reference.models import HSCode, Unit
from catalog.selectors import browsable_products
from catalog.specs.models import ChemicalSpec, TradeSpec
from marketplace.accounts.models import VerificationStatus
from marketplace.core.models import AuditEvent
from tests.factories import SupplierFactory, member_of
from tests.factories.catalogue import ProductFactory, StockRecordFactory

pytestmark = pytest.mark.django_db


def complete_draft(partner, title="Methanol"):
    from oscar.core.loading import get_model

    product = ProductFactory(
        supplier=partner,
        title=title,
        is_public=False,
        product_class=get_model("catalogue", "ProductClass").objects.get(slug="chemical"),
    )
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code="2905110000"),
        commercial_unit=Unit.objects.get(code="t"),
        net_weight_kg=Decimal("1000"),
        gross_weight_kg=Decimal("1000"),
    )
    ChemicalSpec.objects.create(product=product, cas_number="67-56-1")
    StockRecordFactory(product=product, partner=partner)
    return product


def test_the_whole_path_from_draft_to_published(
    supplier, supplier_admin, operator, mailoutbox, django_capture_on_commit_callbacks
):
    product = complete_draft(supplier.partner)
    assert product.status == ProductStatus.DRAFT and product not in browsable_products()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.move(product=product, to=ProductStatus.IN_REVIEW, by=supplier_admin)
        published = moderation.move(product=product, to=ProductStatus.PUBLISHED, by=operator)

    assert published.status == ProductStatus.PUBLISHED and published.is_public
    assert published in browsable_products()
    verbs = list(AuditEvent.objects.filter(subject_id=str(product.pk)).values_list("verb", flat=True))
    assert "product.submitted" in verbs and "product.published" in verbs
    assert any("Published" in message.subject for message in mail.outbox)


def test_a_rejection_needs_a_reason_that_reaches_the_supplier(
    supplier, supplier_admin, operator, mailoutbox, django_capture_on_commit_callbacks
):
    product = complete_draft(supplier.partner)
    moderation.move(product=product, to=ProductStatus.IN_REVIEW, by=supplier_admin)

    with pytest.raises(ValidationError):
        moderation.move(product=product, to=ProductStatus.REJECTED, by=operator)
    with django_capture_on_commit_callbacks(execute=True):
        rejected = moderation.move(
            product=product,
            to=ProductStatus.REJECTED,
            by=operator,
            reason="The CAS number is missing a grade.",
        )

    assert rejected.status_reason == "The CAS number is missing a grade."
    assert any("missing a grade" in message.body for message in mail.outbox)
    moderation.move(product=product, to=ProductStatus.IN_REVIEW, by=supplier_admin)  # corrected, again


@pytest.mark.parametrize(
    ("start", "to", "who"),
    [
        (ProductStatus.DRAFT, ProductStatus.PUBLISHED, "operator"),  # must be reviewed first
        (ProductStatus.IN_REVIEW, ProductStatus.PUBLISHED, "supplier"),  # suppliers cannot publish
        (ProductStatus.DRAFT, ProductStatus.IN_REVIEW, "other_supplier"),
        (ProductStatus.RETIRED, ProductStatus.PUBLISHED, "operator"),
    ],
)
def test_refused_moves_leave_the_product_unchanged(supplier, supplier_admin, operator, start, to, who):
    product = complete_draft(supplier.partner)
    product.status = start
    product.save()
    actor = {
        "operator": operator,
        "supplier": supplier_admin,
        "other_supplier": member_of(SupplierFactory(name="Other")),
    }[who]

    with pytest.raises((ValidationError, PermissionDenied)):
        moderation.move(product=product, to=to, by=actor)

    product.refresh_from_db()
    assert product.status == start


def test_an_unverified_supplier_cannot_be_published(operator):
    pending = SupplierFactory(verification_status=VerificationStatus.UNVERIFIED)
    product = complete_draft(pending.partner)
    moderation.move(product=product, to=ProductStatus.IN_REVIEW, by=member_of(pending))

    with pytest.raises(ValidationError) as refused:
        moderation.move(product=product, to=ProductStatus.PUBLISHED, by=operator)

    assert "not verified" in str(refused.value)
    product.refresh_from_db()
    assert product.status == ProductStatus.IN_REVIEW and not product.is_public


def test_an_incomplete_product_cannot_be_sent_for_review(supplier, supplier_admin):
    product = complete_draft(supplier.partner)
    product.chemical_spec.delete()
    product.stockrecords.all().delete()

    with pytest.raises(ValidationError) as refused:
        moderation.move(product=product, to=ProductStatus.IN_REVIEW, by=supplier_admin)

    assert "missing" in str(refused.value) and "priced offer" in str(refused.value)


def test_operators_decide_in_the_review_queue(client, supplier, supplier_admin, operator):
    product = complete_draft(supplier.partner)
    moderation.move(product=product, to=ProductStatus.IN_REVIEW, by=supplier_admin)
    client.force_login(operator)

    queue = client.get(reverse("product-review:queue"))
    page = client.get(reverse("product-review:product", args=[product.pk]))
    decided = client.post(
        reverse("product-review:product", args=[product.pk]), {"to": "published"}, follow=True
    )

    assert product.title in queue.content.decode()
    assert "Record decision" in page.content.decode()
    assert "is now published" in decided.content.decode()
    product.refresh_from_db()
    assert product.status == ProductStatus.PUBLISHED


def test_suppliers_and_buyers_cannot_open_the_review_queue(client, supplier_admin, buyer_user):
    for user in (supplier_admin, buyer_user):
        client.force_login(user)
        assert client.get(reverse("product-review:queue")).status_code == 403
