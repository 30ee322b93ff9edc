"""Writes and rules of orders: placing one from agreed lines, its payment schedule and states.

``place_order`` is the one way orders are created: catalog checkout and accepted RFQ quotes
both call it. Payments (marketplace/payments) report paid milestones through ``record_payment``;
fulfilment moves orders with ``mark_shipped`` and ``mark_delivered``. Higher apps hear of it
through core's events (``order.placed``, ``milestone.paid``, ``order.shipped``,
``order.delivered``) and may stop a shipment with the ``shipment.ship`` gate.
"""

import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.reference.models import Currency, Incoterm, Unit
from catalog.reference.selectors import rates_at
from marketplace.accounts.models import Company, CompanyKind, User, VerificationStatus
from marketplace.core import events, gates
from marketplace.core.services import notify, record_event
from marketplace.orders.models import MilestoneDue, MilestoneStatus, OrderStatus
from marketplace.orders.money import quantize, split_minor, to_minor

Order = get_model("order", "Order")
Line = get_model("order", "Line")
PaymentMilestone = get_model("order", "PaymentMilestone")


@dataclass(frozen=True)
class AgreedLine:
    product: object
    offer: object  # partner.StockRecord
    quantity: Decimal
    unit: Unit
    unit_price: Decimal


@dataclass(frozen=True)
class MilestoneTerm:
    percent: Decimal
    due: str
    label: str


# Schedules a buyer can pick at checkout; an accepted quote brings its own terms.
SCHEDULES = {
    "30-70": [
        MilestoneTerm(Decimal(30), MilestoneDue.ON_ORDER, "Deposit"),
        MilestoneTerm(Decimal(70), MilestoneDue.BEFORE_SHIPMENT, "Balance before shipment"),
    ],
    "30-60-10": [
        MilestoneTerm(Decimal(30), MilestoneDue.ON_ORDER, "Deposit"),
        MilestoneTerm(Decimal(60), MilestoneDue.BEFORE_SHIPMENT, "Balance before shipment"),
        MilestoneTerm(Decimal(10), MilestoneDue.ON_DELIVERY, "Retention on delivery"),
    ],
    "100": [MilestoneTerm(Decimal(100), MilestoneDue.ON_ORDER, "Full payment on order")],
}


@dataclass
class OrderRequest:
    buyer: Company
    placed_by: object  # the buyer's user
    supplier: object  # partner.Partner
    lines: list[AgreedLine]
    currency: str
    incoterm: Incoterm
    named_place: str
    destination_country: str
    destination_city: str = ""
    schedule: list[MilestoneTerm] = field(default_factory=lambda: SCHEDULES["30-70"])
    source: str = "checkout"
    source_reference: str = ""
    notes: str = ""


def _check(request: OrderRequest) -> None:
    errors = []
    if request.buyer.kind != CompanyKind.BUYER:
        errors.append(_("Only buyer companies place orders."))
    if request.placed_by.company != request.buyer:
        raise PermissionDenied(_("You can only order for your own company."))
    company = request.supplier.company
    if company is None or company.verification_status != VerificationStatus.VERIFIED:
        errors.append(_("The supplier is not verified."))
    if not request.lines:
        errors.append(_("An order needs at least one line."))
    if not Currency.objects.filter(code=request.currency).exists():
        errors.append(_("Unknown currency %(code)s.") % {"code": request.currency})
    for line in request.lines:
        if line.product.supplier_id != request.supplier.pk or line.offer.partner_id != request.supplier.pk:
            errors.append(_("%(title)s is not offered by this supplier.") % {"title": line.product.title})
        if line.quantity <= 0 or line.unit_price <= 0:
            errors.append(_("%(title)s needs a positive quantity and price.") % {"title": line.product.title})
    percents = [term.percent for term in request.schedule]
    if sum(percents) != 100 or any(percent <= 0 for percent in percents):
        errors.append(_("The payment schedule must add up to 100 %."))
    if errors:
        raise ValidationError(errors)


def _new_number() -> str:
    """OX-261129-4F2A9C: the date and 24 random bits, drawn again on the rare clash."""
    while True:
        number = f"OX-{timezone.now():%y%m%d}-{secrets.token_hex(3).upper()}"
        if not Order.objects.filter(number=number).exists():
            return number


def _locked_rates(currency: str) -> dict[str, str]:
    table = rates_at()
    rates = {}
    for code in (
        Currency.objects.filter(is_offered=True).exclude(code=currency).values_list("code", flat=True)
    ):
        try:
            rates[code] = str(table.rate(currency, code))
        except LookupError:
            continue  # no rate in force: that conversion stays unavailable for this order
    return rates


def place_order(*, request: OrderRequest) -> Order:
    """Create an order from agreed lines with its schedule and locked FX rates; returns it.

    Publishes ``order.placed`` (delivered after commit).
    """
    _check(request)
    totals = [quantize(line.quantity * line.unit_price, request.currency) for line in request.lines]
    total = sum(totals, Decimal(0))
    with transaction.atomic():
        order = _create(request, totals=totals, total=total)
        events.publish(
            events.Name.ORDER_PLACED,
            order_id=order.pk,
            order=order,
            buyer_id=order.buyer_company_id,
            supplier_id=order.supplier_id,
            source=order.source,
            source_reference=order.source_reference,
            total=total,
            currency=order.currency,
            user_id=request.placed_by.pk,
        )
    _announce(order, by=request.placed_by)
    return order


def _create(request: OrderRequest, *, totals: list[Decimal], total: Decimal) -> Order:
    has_deposit = any(term.due == MilestoneDue.ON_ORDER for term in request.schedule)
    order = Order.objects.create(
        number=_new_number(),
        user=request.placed_by,
        buyer_company=request.buyer,
        supplier=request.supplier,
        currency=request.currency,
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_incl_tax=0,
        shipping_excl_tax=0,
        status=OrderStatus.AWAITING_DEPOSIT if has_deposit else OrderStatus.IN_PRODUCTION,
        incoterm=request.incoterm,
        named_place=request.named_place,
        destination_country=request.destination_country,
        destination_city=request.destination_city,
        fx_rates=_locked_rates(request.currency),
        fx_locked_at=timezone.now(),
        source=request.source,
        source_reference=request.source_reference,
        buyer_notes=request.notes,
    )
    Line.objects.bulk_create(
        Line(
            order=order,
            partner=request.supplier,
            partner_name=request.supplier.name,
            partner_sku=line.offer.partner_sku,
            stockrecord=line.offer,
            product=line.product,
            title=line.product.title,
            upc=line.product.upc,
            quantity=max(1, int(line.quantity.to_integral_value(rounding="ROUND_CEILING"))),
            agreed_quantity=line.quantity,
            num_allocated=0,  # made to order: no stock is allocated
            unit=line.unit,
            line_price_incl_tax=line_total,
            line_price_excl_tax=line_total,
            line_price_before_discounts_incl_tax=line_total,
            line_price_before_discounts_excl_tax=line_total,
            unit_price_incl_tax=line.unit_price,
            unit_price_excl_tax=line.unit_price,
            status=order.status,
        )
        for line, line_total in zip(request.lines, totals, strict=True)
    )
    amounts = split_minor(to_minor(total, request.currency), [term.percent for term in request.schedule])
    PaymentMilestone.objects.bulk_create(
        PaymentMilestone(
            order=order,
            sequence=index,
            label=term.label,
            due=term.due,
            percent=term.percent,
            amount_minor=amount,
            currency=request.currency,
        )
        for index, (term, amount) in enumerate(zip(request.schedule, amounts, strict=True), start=1)
    )
    record_event(
        actor=request.placed_by,
        subject=order,
        verb="order.placed",
        data={"total": str(total), "currency": request.currency, "source": request.source},
    )
    return order


def _people(order):
    """Everyone told about an order: the buyer's and the supplier's members."""
    companies = [order.buyer_company, order.supplier.company]
    for company in companies:
        for membership in company.memberships.select_related("user"):
            yield membership.user


def _announce(order, *, by, template: str = "orders/order_placed", extra: dict | None = None) -> None:
    context = {
        "order_number": order.number,
        "status": str(order.status_label),
        "total": f"{order.total_incl_tax} {order.currency}",
        **(extra or {}),
    }
    for user in _people(order):
        notify(recipient=user, template=template, context=context)


# --- states -----------------------------------------------------------------------------------

TRANSITIONS = {
    OrderStatus.AWAITING_DEPOSIT: {OrderStatus.IN_PRODUCTION, OrderStatus.CANCELLED},
    OrderStatus.IN_PRODUCTION: {
        OrderStatus.AWAITING_BALANCE,
        OrderStatus.READY_TO_SHIP,
        OrderStatus.CANCELLED,
    },
    OrderStatus.AWAITING_BALANCE: {OrderStatus.READY_TO_SHIP, OrderStatus.CANCELLED},
    OrderStatus.READY_TO_SHIP: {OrderStatus.SHIPPED, OrderStatus.CANCELLED},
    OrderStatus.SHIPPED: {OrderStatus.DELIVERED},
    OrderStatus.DELIVERED: {OrderStatus.COMPLETED},
    OrderStatus.COMPLETED: set(),
    OrderStatus.CANCELLED: set(),
}


def _locked(order_id: int) -> Order:
    return (
        Order.objects.select_for_update(of=("self",))
        .select_related("supplier__company", "buyer_company")
        .get(pk=order_id)
    )


def _unpaid(order, *dues: str) -> bool:
    return order.milestones.filter(due__in=dues, status=MilestoneStatus.PENDING).exists()


def _require_move(order: Order, to: str) -> None:
    if to not in TRANSITIONS[OrderStatus(order.status)]:
        raise ValidationError(
            _("An order that is %(current)s cannot become %(to)s.")
            % {"current": order.status_label.lower(), "to": OrderStatus(to).label.lower()}
        )


def _move(order: Order, to: str, *, by, data: dict | None = None) -> None:
    _require_move(order, to)
    start = order.status
    order.status = to
    order.save(update_fields=["status"])
    order.lines.update(status=to)
    record_event(actor=by, subject=order, verb=f"order.{to}", data={"from": start, **(data or {})})
    _announce(order, by=by, template="orders/order_status")


def _settle(order, *, by) -> None:
    """Move on as far as the payments received allow."""
    if order.status == OrderStatus.AWAITING_DEPOSIT and not _unpaid(order, MilestoneDue.ON_ORDER):
        _move(order, OrderStatus.IN_PRODUCTION, by=by)
    if order.status == OrderStatus.AWAITING_BALANCE and not _unpaid(
        order, MilestoneDue.ON_ORDER, MilestoneDue.BEFORE_SHIPMENT
    ):
        _move(order, OrderStatus.READY_TO_SHIP, by=by)
    if order.status == OrderStatus.DELIVERED and not _unpaid(order, *MilestoneDue.values):
        _move(order, OrderStatus.COMPLETED, by=by)


def record_payment(
    *, milestone: PaymentMilestone, method: str, reference: str, by: User | None = None
) -> PaymentMilestone:
    """A milestone is paid (a verified Stripe webhook, or a confirmed bank transfer); idempotent.

    Returns the milestone as stored. Publishes ``milestone.paid`` the first time only.
    """
    with transaction.atomic():
        milestone = PaymentMilestone.objects.select_for_update().get(pk=milestone.pk)
        order = _locked(milestone.order_id)
        if milestone.status == MilestoneStatus.PAID:
            return milestone
        if milestone.status == MilestoneStatus.CANCELLED or order.status == OrderStatus.CANCELLED:
            raise ValidationError(_("This payment was cancelled with its order."))
        milestone.status = MilestoneStatus.PAID
        milestone.paid_at = timezone.now()
        milestone.paid_with = method
        milestone.payment_reference = reference
        milestone.save(update_fields=["status", "paid_at", "paid_with", "payment_reference"])
        events.publish(
            events.Name.MILESTONE_PAID,
            milestone_id=milestone.pk,
            milestone=milestone,
            order_id=order.pk,
            sequence=milestone.sequence,
            amount_minor=milestone.amount_minor,
            currency=milestone.currency,
            method=method,
            reference=reference,
            user_id=by.pk if by is not None else None,
        )
        record_event(
            actor=by,
            subject=order,
            verb="order.payment_received",
            data={"milestone": milestone.sequence, "method": method, "reference": reference},
        )
        _announce(
            order,
            by=by,
            template="orders/payment_received",
            extra={"milestone": milestone.label},
        )
        _settle(order, by=by)
    return milestone


def _require_party(order, user, *roles: str) -> None:
    from marketplace.orders.selectors import role_in

    if role_in(user=user, order=order) not in roles:
        raise PermissionDenied(_("You cannot do this with this order."))


def finish_production(*, order: Order, by: User) -> Order:
    """The supplier reports the goods ready; the balance falls due if it is unpaid."""
    with transaction.atomic():
        order = _locked(order.pk)
        _require_party(order, by, "supplier", "operator")
        balance_due = _unpaid(order, MilestoneDue.ON_ORDER, MilestoneDue.BEFORE_SHIPMENT)
        _move(order, OrderStatus.AWAITING_BALANCE if balance_due else OrderStatus.READY_TO_SHIP, by=by)
    return order


def mark_shipped(*, order: Order, by: User | None = None, reference: str = "") -> Order:
    """Goods left the factory (the order page, or fulfilment); only once every pre-shipment
    payment is in. Idempotent. The ``shipment.ship`` gate may refuse it; publishes ``order.shipped``."""
    with transaction.atomic():
        order = _locked(order.pk)
        if by is not None:
            _require_party(order, by, "supplier", "firm", "operator")
        if order.status == OrderStatus.SHIPPED:
            return order
        _require_move(order, OrderStatus.SHIPPED)
        gates.check(action=gates.Action.SHIP, obj=order, user=by)
        _move(order, OrderStatus.SHIPPED, by=by, data={"reference": reference})
        _publish_moved(events.Name.ORDER_SHIPPED, order, by=by, reference=reference)
    return order


def mark_delivered(*, order: Order, by: User | None = None, reference: str = "") -> Order:
    """The goods arrived (the buyer, or fulfilment); a fully paid order is then completed.
    Idempotent; publishes ``order.delivered``."""
    with transaction.atomic():
        order = _locked(order.pk)
        if by is not None:
            _require_party(order, by, "buyer", "supplier", "firm", "operator")
        if order.status in (OrderStatus.DELIVERED, OrderStatus.COMPLETED):
            return order
        _move(order, OrderStatus.DELIVERED, by=by, data={"reference": reference})
        _publish_moved(events.Name.ORDER_DELIVERED, order, by=by, reference=reference)
        _settle(order, by=by)
    return order


def _publish_moved(name: str, order: Order, *, by: User | None, reference: str) -> None:
    user_id = by.pk if by is not None else None
    events.publish(name, order_id=order.pk, order=order, reference=reference, user_id=user_id)


def cancel_order(*, order: Order, by: User, reason: str) -> Order:
    """Before shipment: the buyer while nothing is paid, or an operator (who then refunds)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the order is cancelled.")})
    with transaction.atomic():
        order = _locked(order.pk)
        role = "operator" if by.is_staff else None
        if role is None:
            _require_party(order, by, "buyer")
            if order.milestones.filter(status=MilestoneStatus.PAID).exists():
                raise ValidationError(_("A payment was received: ask an operator to cancel and refund."))
        _move(order, OrderStatus.CANCELLED, by=by, data={"reason": reason})
        order.milestones.filter(status=MilestoneStatus.PENDING).update(status=MilestoneStatus.CANCELLED)
    return order
