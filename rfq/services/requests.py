"""Writes and rules of RFQs: creation with a rate limit, routing (direct or broadcast),
cancelling and closing.

Every state change goes through one function here, refuses illegal moves with a message, and
records an audit event.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.reference.models import Currency, Incoterm, Unit
from catalog.selectors import browsable_products
from marketplace.accounts.models import CompanyKind, User, VerificationStatus
from marketplace.core import events, outbox
from marketplace.core.services import notify, record_event
from rfq import specs
from rfq.models import RFQ, RFQRecipient, RFQStatus

Partner = get_model("partner", "Partner")

BROADCAST_RFQ = "rfq.tasks.broadcast_rfq_task"


class RFQRateLimitError(Exception):
    """Too many RFQs from one user in the last hour; pages and the API answer 429."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(
            _("You have sent %(limit)s requests for quotation in the last hour; please wait a while.")
            % {"limit": limit}
        )


# --- who may act ------------------------------------------------------------------------------


def _require_buyer(rfq: RFQ, user) -> None:
    company = user.company if user.is_authenticated else None
    if company is None or company.pk != rfq.buyer_id:
        raise PermissionDenied(_("Only the buyer's company can do this with this RFQ."))


def _supplier_of(user):
    company = user.company if user.is_authenticated else None
    partner = getattr(company, "partner", None) if company else None
    if partner is None:
        raise PermissionDenied(_("Only suppliers can quote."))
    return partner


def _require_recipient(rfq: RFQ, partner) -> None:
    if not RFQRecipient.objects.filter(rfq=rfq, supplier=partner).exists():
        raise PermissionDenied(_("This RFQ was not sent to your company."))


def _members(company):
    return [membership.user for membership in company.memberships.select_related("user")]


# --- RFQ --------------------------------------------------------------------------------------


@dataclass
class RFQDetails:
    title: str
    quantity: Decimal
    unit: Unit
    currency: Currency
    incoterm: Incoterm
    named_place: str
    destination_country: str
    quote_deadline: date
    product: object = None
    category: object = None
    specification: dict = field(default_factory=dict)
    target_price: Decimal | None = None
    destination_city: str = ""
    delivery_date: date | None = None
    payment_terms: str = ""
    message: str = ""
    attachment: object = None


def _new_number() -> str:
    while True:
        number = f"RFQ-{timezone.now():%y%m%d}-{secrets.token_hex(3).upper()}"
        if not RFQ.objects.filter(number=number).exists():
            return number


def check_rate_limit(*, user: User) -> None:
    limit = settings.RFQ_RATE_LIMIT_PER_HOUR
    recent = RFQ.objects.filter(created_by=user, created_at__gte=timezone.now() - timedelta(hours=1))
    if recent.count() >= limit:
        raise RFQRateLimitError(limit)


def _validate_details(details: RFQDetails) -> None:
    errors = {}
    if details.product is None and details.category is None:
        errors["category"] = _("Choose a product or a category.")
    if details.quote_deadline < timezone.localdate():
        errors["quote_deadline"] = _("The quote deadline cannot be in the past.")
    if details.delivery_date and details.delivery_date < details.quote_deadline:
        errors["delivery_date"] = _("Delivery cannot be required before quotes are due.")
    if details.quantity <= 0:
        errors["quantity"] = _("The quantity must be positive.")
    if errors:
        raise ValidationError(errors)


def create_rfq(*, buyer_user: User, details: RFQDetails, submit: bool = True) -> RFQ:
    """A buyer's RFQ, direct to the product's supplier when made from a product page; opened
    and routed at once unless saved as a draft. Rate-limited per user."""
    company = buyer_user.company
    if company is None or company.kind != CompanyKind.BUYER:
        raise PermissionDenied(_("Only buyer companies request quotes."))
    check_rate_limit(user=buyer_user)
    _validate_details(details)
    product = details.product
    with transaction.atomic():
        rfq = RFQ.objects.create(
            number=_new_number(),
            buyer=company,
            created_by=buyer_user,
            title=details.title,
            product=product,
            supplier=product.supplier if product is not None else None,
            category=details.category,
            specification=specs.clean_specification(details.specification),
            quantity=details.quantity,
            unit=details.unit,
            target_price=details.target_price,
            currency=details.currency,
            incoterm=details.incoterm,
            named_place=details.named_place,
            destination_country=details.destination_country,
            destination_city=details.destination_city,
            delivery_date=details.delivery_date,
            payment_terms=details.payment_terms,
            message=details.message,
            attachment=details.attachment or "",
            quote_deadline=details.quote_deadline,
        )
        record_event(actor=buyer_user, subject=rfq, verb="rfq.created", data={"direct": rfq.is_direct})
        if submit:
            submit_rfq(rfq=rfq, by=buyer_user)
    return rfq


def _move_rfq(rfq: RFQ, to: str, *, allowed_from: tuple, by, data: dict | None = None) -> None:
    if rfq.status not in allowed_from:
        raise ValidationError(
            _("An RFQ that is %(current)s cannot become %(to)s.")
            % {"current": rfq.status_label.lower(), "to": RFQStatus(to).label.lower()}
        )
    start = rfq.status
    rfq.status = to
    fields = ["status"]
    if to == RFQStatus.OPEN:
        rfq.opened_at = timezone.now()
        fields.append("opened_at")
    if to in (RFQStatus.AWARDED, RFQStatus.CLOSED, RFQStatus.CANCELLED, RFQStatus.EXPIRED):
        rfq.closed_at = timezone.now()
        fields.append("closed_at")
    rfq.save(update_fields=fields)
    record_event(actor=by, subject=rfq, verb=f"rfq.{to}", data={"from": start, **(data or {})})


def submit_rfq(*, rfq: RFQ, by: User) -> RFQ:
    """Draft → open: a direct RFQ reaches its supplier now; an open one is broadcast after commit.
    Publishes ``rfq.submitted``."""
    _require_buyer(rfq, by)
    with transaction.atomic():
        _move_rfq(rfq, RFQStatus.OPEN, allowed_from=(RFQStatus.DRAFT,), by=by)
        if rfq.is_direct:
            rfq.routing_rule = _("Sent directly to %(supplier)s.") % {"supplier": rfq.supplier.name}
            rfq.save(update_fields=["routing_rule"])
            _route(rfq, [rfq.supplier])
        else:
            # Through the outbox: written with the RFQ, so a broker outage delays it, never loses it.
            outbox.enqueue(BROADCAST_RFQ, key=f"rfq-broadcast:{rfq.pk}", rfq_id=rfq.pk)
        events.publish(
            events.Name.RFQ_SUBMITTED,
            rfq_id=rfq.pk,
            rfq=rfq,
            buyer_id=rfq.buyer_id,
            direct=rfq.is_direct,
            user_id=by.pk,
        )
    return rfq


def matching_suppliers(*, rfq: RFQ) -> list:
    """Verified suppliers with a published offer in the RFQ's category meeting its spec filters."""
    products = browsable_products().filter(specs.product_filter(rfq.specification))
    if rfq.category is not None:
        products = products.filter(categories__in=rfq.category.get_descendants_and_self())
    supplier_ids = products.values("supplier_id")
    return list(
        Partner.objects.filter(
            pk__in=supplier_ids, company__verification_status=VerificationStatus.VERIFIED
        ).order_by("pk")[: settings.RFQ_BROADCAST_CAP]
    )


def broadcast_rfq(*, rfq: RFQ) -> int:
    """Route an open RFQ to the matching suppliers (capped); idempotent. Returns how many new."""
    with transaction.atomic():
        rfq = RFQ.objects.select_for_update(of=("self",)).select_related("category").get(pk=rfq.pk)
        if rfq.status != RFQStatus.OPEN or rfq.is_direct:
            return 0
        suppliers = matching_suppliers(rfq=rfq)
        rule = specs.describe(rfq.specification)
        rfq.routing_rule = _(
            "Sent to %(count)s verified suppliers with a published offer in %(category)s%(filters)s "
            "(at most %(cap)s)."
        ) % {
            "count": len(suppliers),
            "category": rfq.category.name if rfq.category else _("the catalog"),
            "filters": (" " + _("meeting") + " " + ", ".join(rule)) if rule else "",
            "cap": settings.RFQ_BROADCAST_CAP,
        }
        rfq.save(update_fields=["routing_rule"])
        created = _route(rfq, suppliers)
        record_event(actor=None, subject=rfq, verb="rfq.broadcast", data={"suppliers": len(suppliers)})
    return created


def _route(rfq: RFQ, suppliers: list) -> int:
    already = set(RFQRecipient.objects.filter(rfq=rfq).values_list("supplier_id", flat=True))
    new = [supplier for supplier in suppliers if supplier.pk not in already]
    RFQRecipient.objects.bulk_create(
        [RFQRecipient(rfq=rfq, supplier=supplier) for supplier in new], ignore_conflicts=True
    )
    for supplier in new:
        for user in _members(supplier.company):
            notify(recipient=user, template="rfq/rfq_received", context=_rfq_context(rfq))
    return len(new)


def _rfq_context(rfq: RFQ) -> dict:
    return {
        "rfq_number": rfq.number,
        "title": rfq.title,
        "quantity": f"{rfq.quantity.normalize():f} {rfq.unit.code}",
        "deadline": rfq.quote_deadline.isoformat(),
    }


def cancel_rfq(*, rfq: RFQ, by: User) -> RFQ:
    _require_buyer(rfq, by)
    with transaction.atomic():
        rfq = _locked_rfq(rfq.pk)
        _move_rfq(
            rfq,
            RFQStatus.CANCELLED,
            allowed_from=(RFQStatus.DRAFT, RFQStatus.OPEN, RFQStatus.QUOTED),
            by=by,
        )
        _decline_live_quotes(rfq, by=by)
    return rfq


def close_rfq(*, rfq: RFQ, by: User) -> RFQ:
    """The buyer stops after a partial award: what is left will not be awarded."""
    _require_buyer(rfq, by)
    with transaction.atomic():
        rfq = _locked_rfq(rfq.pk)
        _move_rfq(rfq, RFQStatus.CLOSED, allowed_from=(RFQStatus.PARTLY_AWARDED,), by=by)
        _decline_live_quotes(rfq, by=by)
    return rfq


def _locked_rfq(rfq_id: int) -> RFQ:
    # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    return (
        RFQ.objects.select_for_update(of=("self",))
        .select_related("buyer", "unit", "incoterm", "currency")
        .get(pk=rfq_id)
    )


def _decline_live_quotes(rfq: RFQ, *, by) -> None:
    from rfq.services.quotes import _decline_live_quotes as decline

    decline(rfq, by=by)
