"""Moderation of products: suppliers submit, operators publish or reject, suppliers retire.

Every change of status is a row in the audit log; suppliers are told of decisions by email.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.models import ProductStatus
from catalog.specs.registry import spec_models_for
from marketplace.accounts.models import VerificationStatus
from marketplace.core import events, gates
from marketplace.core.services import notify, record_event

Product = get_model("catalogue", "Product")
User = get_user_model()

# (from, to) → who may move a product along it.
SUPPLIER, OPERATOR = "supplier", "operator"
TRANSITIONS = {
    (ProductStatus.DRAFT, ProductStatus.IN_REVIEW): SUPPLIER,
    (ProductStatus.REJECTED, ProductStatus.IN_REVIEW): SUPPLIER,
    (ProductStatus.RETIRED, ProductStatus.IN_REVIEW): SUPPLIER,
    (ProductStatus.IN_REVIEW, ProductStatus.DRAFT): SUPPLIER,  # withdrawn to keep editing
    (ProductStatus.PUBLISHED, ProductStatus.RETIRED): SUPPLIER,
    (ProductStatus.DRAFT, ProductStatus.RETIRED): SUPPLIER,
    (ProductStatus.IN_REVIEW, ProductStatus.PUBLISHED): OPERATOR,
    (ProductStatus.IN_REVIEW, ProductStatus.REJECTED): OPERATOR,
    (ProductStatus.PUBLISHED, ProductStatus.REJECTED): OPERATOR,  # taken down
}
VERBS = {
    ProductStatus.IN_REVIEW: "product.submitted",
    ProductStatus.DRAFT: "product.withdrawn",
    ProductStatus.PUBLISHED: "product.published",
    ProductStatus.REJECTED: "product.rejected",
    ProductStatus.RETIRED: "product.retired",
}


def allowed_moves(*, product, role: str) -> list[str]:
    return [to for (start, to), who in TRANSITIONS.items() if start == product.status and who == role]


def missing_for_publication(product, *, check_supplier: bool = True) -> list[str]:
    """What stops a product from being published: specs of its class, an offer, a verified supplier.

    A supplier still awaiting verification may send products for review, not have them published.
    """
    problems = []
    company = product.supplier.company if product.supplier_id else None
    if check_supplier and (company is None or company.verification_status != VerificationStatus.VERIFIED):
        problems.append(_("The supplier is not verified yet."))
    for model in spec_models_for(product.product_class.slug if product.product_class_id else ""):
        related_name = model._meta.get_field("product").remote_field.related_name
        try:
            getattr(product, related_name)
        except ObjectDoesNotExist:
            problems.append(_("The %(spec)s is missing.") % {"spec": model._meta.verbose_name})
    if not product.stockrecords.filter(partner_id=product.supplier_id, price__isnull=False).exists():
        problems.append(_("There is no priced offer."))
    return problems


def _check_actor(*, product, user, role: str) -> None:
    if role == OPERATOR and not user.is_staff:
        raise PermissionDenied(_("Only operators can publish or reject products."))
    if role == SUPPLIER:
        partner = getattr(user.company, "partner", None) if user.company else None
        if partner is None or partner.pk != product.supplier_id:
            raise PermissionDenied(_("Only the product's own supplier can do this."))


def move(*, product: Product, to: str, by: User, reason: str = "") -> Product:
    """Move a product to status ``to`` if ``by`` may; returns the product as stored.

    Publishing: the ``product.publish`` gate may refuse it; publishes ``product.published``.
    """
    reason = reason.strip()
    with transaction.atomic():
        product = (
            Product.objects.select_for_update(of=("self",))
            .select_related("supplier__company")
            .get(pk=product.pk)
        )
        start = product.status
        role = TRANSITIONS.get((start, to))
        if role is None:
            raise ValidationError(
                _("A product that is %(start)s cannot become %(to)s.")
                % {"start": ProductStatus(start).label.lower(), "to": ProductStatus(to).label.lower()}
            )
        _check_actor(product=product, user=by, role=role)
        if to == ProductStatus.REJECTED and not reason:
            raise ValidationError({"reason": _("Tell the supplier why the product is rejected.")})
        if to in (ProductStatus.PUBLISHED, ProductStatus.IN_REVIEW):
            if problems := missing_for_publication(product, check_supplier=to == ProductStatus.PUBLISHED):
                raise ValidationError(problems)
        if to == ProductStatus.PUBLISHED:
            gates.check(action=gates.Action.PRODUCT_PUBLISH, obj=product, user=by)
        product.status = to
        product.status_reason = reason if to == ProductStatus.REJECTED else ""
        product.save(update_fields=["status", "status_reason", "date_updated"])
        record_event(actor=by, subject=product, verb=VERBS[to], data={"from": start, "reason": reason})
        if to == ProductStatus.PUBLISHED:
            events.publish(
                events.Name.PRODUCT_PUBLISHED,
                product_id=product.pk,
                product=product,
                supplier_id=product.supplier_id,
                user_id=by.pk,
            )
        if role == OPERATOR:
            _tell_supplier(product=product, to=to, reason=reason)
        elif to == ProductStatus.IN_REVIEW:
            _tell_operators(product=product)
    return product


def _tell_supplier(*, product, to: str, reason: str) -> None:
    context = {"product_title": product.title, "reason": reason, "product_id": product.pk}
    for membership in product.supplier.company.memberships.select_related("user"):
        notify(recipient=membership.user, template=f"catalog/product_{to}", context=context)


def _tell_operators(*, product) -> None:
    context = {
        "product_title": product.title,
        "supplier_name": product.supplier.name,
        "product_id": product.pk,
    }
    for operator in User.objects.filter(is_staff=True, is_active=True):
        notify(recipient=operator, template="catalog/product_to_review", context=context)
