"""Writes of shipments: making one for an order or a warehouse booking, its legs, its tracking
events (which move the order to shipped and delivered) and the waybill data of its declaration."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.reference.models import Incoterm
from marketplace.accounts.models import User
from marketplace.core import events, gates
from marketplace.core.services import record_event
from marketplace.customs.models import WarehouseBooking
from marketplace.fulfillment.models import (
    EventKind,
    EventSource,
    Shipment,
    ShipmentLeg,
    ShipmentLine,
    ShipmentStatus,
    TrackingEvent,
)
from marketplace.fulfillment.selectors import can_manage, dangerous_goods_of, hs_codes_of
from marketplace.orders import services as order_services
from marketplace.orders.models import OrderStatus

Order = get_model("order", "Order")

# Orders a shipment may be made for: planned during production; it leaves the factory only once
# the order is ready to ship. A delivered order may still get its shipment recorded afterwards
# (the buyer confirmed delivery on the order page first): its events then move nothing.
PLANNABLE = {
    OrderStatus.IN_PRODUCTION,
    OrderStatus.AWAITING_BALANCE,
    OrderStatus.READY_TO_SHIP,
    OrderStatus.SHIPPED,
    OrderStatus.DELIVERED,
    OrderStatus.COMPLETED,
}
DEPARTABLE = {OrderStatus.READY_TO_SHIP, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED}


@dataclass(frozen=True)
class ShipmentDetails:
    carrier: str
    waybill_number: str
    destination: str
    destination_country: str
    carrier_code: str = ""
    bill_of_lading: str = ""
    cmr_number: str = ""
    origin: str = "Ordos"
    freight: Decimal = Decimal(0)
    insured_fee: Decimal = Decimal(0)
    currency: str = "USD"
    goods_description: str = ""


@dataclass(frozen=True)
class PackedLine:
    """What goes into the shipment from one order line or booking line."""

    source: object  # order.Line or customs.BookingLine
    quantity: Decimal
    package_count: int
    net_weight_kg: Decimal
    gross_weight_kg: Decimal
    package_kind: str = ""


def _new_number(prefix: str, model) -> str:
    while True:
        number = f"{prefix}-{timezone.now():%y%m%d}-{secrets.token_hex(3).upper()}"
        if not model.objects.filter(number=number).exists():
            return number


def _require_manager(user, supplier) -> None:
    if not can_manage(user=user, supplier=supplier):
        raise PermissionDenied(
            _("Only the supplier, its authorised trade-service firm or an operator can do this.")
        )


def _check_lines(lines: list[PackedLine], *, shipped: dict[int, Decimal], booked: dict[int, Decimal]) -> None:
    errors = []
    if not lines:
        errors.append(_("A shipment needs at least one line."))
    for line in lines:
        title = getattr(line.source, "title", "") or str(line.source.product)
        if line.quantity <= 0 or line.package_count < 1:
            errors.append(
                _("%(title)s: give a positive quantity and at least one package.") % {"title": title}
            )
        if not 0 < line.net_weight_kg <= line.gross_weight_kg:
            errors.append(
                _("%(title)s: the net weight must be above zero and at most the gross weight.")
                % {"title": title}
            )
        left = booked[line.source.pk] - shipped.get(line.source.pk, Decimal(0))
        if line.quantity > left:
            errors.append(
                _("%(title)s: only %(left)s left to ship.")
                % {"title": title, "left": f"{left.normalize():f}"}
            )
    if errors:
        raise ValidationError({"lines": errors})


def _shipped_so_far(field: str, sources) -> dict[int, Decimal]:
    rows = (
        ShipmentLine.objects.filter(**{f"{field}__in": sources})
        .exclude(shipment__status=ShipmentStatus.CANCELLED)
        .values(field)
        .annotate(total=Sum("quantity"))
    )
    return {row[field]: row["total"] for row in rows}


@dataclass(frozen=True)
class PlannedLeg:
    mode: str
    origin: str
    destination: str
    arrival_planned: datetime
    carrier: str = ""
    reference: str = ""
    departure_planned: datetime | None = None


def _check_leg_dates(departure_planned: datetime | None, arrival_planned: datetime) -> None:
    if departure_planned and arrival_planned < departure_planned:
        raise ValidationError({"arrival_planned": _("The ETA is before the planned departure.")})


def _check_legs(legs) -> None:
    errors = []
    for number, leg in enumerate(legs, start=1):
        try:
            _check_leg_dates(leg.departure_planned, leg.arrival_planned)
        except ValidationError as error:
            errors.append(_("Leg %(number)s: %(error)s") % {"number": number, "error": error.messages[0]})
    if errors:
        raise ValidationError({"legs": errors})


def create_shipment(
    *,
    by: User,
    details: ShipmentDetails,
    lines: list[PackedLine],
    order: Order | None = None,
    booking: WarehouseBooking | None = None,
    incoterm: Incoterm | None = None,
    legs: tuple[PlannedLeg, ...] | list[PlannedLeg] = (),
) -> Shipment:
    """A shipment for an order (to its buyer) or a warehouse booking (to the overseas warehouse),
    with its legs if they are known already; nothing is written unless all of it is valid."""
    if (order is None) == (booking is None):
        raise ValueError("A shipment is for an order or a booking.")
    if order is not None:
        supplier = order.supplier.company
        if order.status not in PLANNABLE:
            raise ValidationError(
                {
                    "order": _("An order that is %(status)s gets no new shipments.")
                    % {"status": order.status_label.lower()}
                }
            )
        field, booked = "order_line", {line.pk: line.agreed_quantity for line in order.lines.all()}
    else:
        supplier = booking.supplier
        field, booked = "booking_line", {line.pk: line.quantity for line in booking.lines.all()}
    _require_manager(by, supplier)
    _check_legs(legs)
    if any(line.source.pk not in booked for line in lines):
        raise ValidationError({"lines": _("Every line must come from the shipment's order or booking.")})
    with transaction.atomic():
        _check_lines(lines, shipped=_shipped_so_far(field, list(booked)), booked=booked)
        shipment = Shipment.objects.create(
            number=_new_number("SH", Shipment),
            supplier=supplier,
            order=order,
            booking=booking,
            incoterm=incoterm or (order.incoterm if order else None),
            named_place=order.named_place if order else "",
            created_by=by,
            **details.__dict__,
        )
        _create_lines(shipment, lines, field=field)
        record_event(
            actor=by, subject=shipment, verb="shipment.created", data={"waybill": details.waybill_number}
        )
        for leg in legs:
            add_leg(shipment=shipment, by=by, **leg.__dict__)
    return shipment


def _create_lines(shipment: Shipment, lines: list[PackedLine], *, field: str) -> None:
    products = [line.source.product_id for line in lines]
    hs_codes, dangerous = hs_codes_of(products), dangerous_goods_of(products)
    rows = []
    for line in lines:
        source = line.source
        if field == "order_line":
            price, currency = source.unit_price_excl_tax, shipment.order.currency
            description, sku = source.title, source.partner_sku
        else:
            price, currency = source.unit_price, source.currency
            description, sku = source.product.title, source.partner_sku
        rows.append(
            ShipmentLine(
                shipment=shipment,
                product_id=source.product_id,
                description=description,
                partner_sku=sku,
                hs_code=hs_codes.get(source.product_id, ""),
                quantity=line.quantity,
                unit_id=source.unit_id,
                unit_price=price,
                currency=currency,
                package_count=line.package_count,
                package_kind=line.package_kind,
                net_weight_kg=line.net_weight_kg,
                gross_weight_kg=line.gross_weight_kg,
                **{field: source},
                **dangerous.get(source.product_id, {}),
            )
        )
    ShipmentLine.objects.bulk_create(rows)


def add_leg(
    *,
    shipment: Shipment,
    by: User,
    mode: str,
    origin: str,
    destination: str,
    arrival_planned: datetime,
    carrier: str = "",
    reference: str = "",
    departure_planned: datetime | None = None,
) -> ShipmentLeg:
    _require_manager(by, shipment.supplier)
    _check_leg_dates(departure_planned, arrival_planned)
    with transaction.atomic():
        shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
        if shipment.status in (ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED):
            raise ValidationError(_("This shipment is closed."))
        last = shipment.legs.order_by("-sequence").values_list("sequence", flat=True).first() or 0
        leg = ShipmentLeg.objects.create(
            shipment=shipment,
            sequence=last + 1,
            mode=mode,
            origin=origin,
            destination=destination,
            carrier=carrier,
            reference=reference,
            departure_planned=departure_planned,
            arrival_planned=arrival_planned,
        )
        record_event(
            actor=by, subject=shipment, verb="shipment.leg_added", data={"leg": leg.sequence, "mode": mode}
        )
    return leg


@dataclass(frozen=True)
class EventDetails:
    kind: str
    occurred_at: datetime
    location: str = ""
    note: str = ""
    leg: ShipmentLeg | None = None
    source: str = EventSource.PAGE


def record_tracking_event(*, shipment: Shipment, by: User, event: EventDetails) -> TrackingEvent:
    """Add what happened to a shipment. Leaving the factory ships its order (once); the last
    shipment of an order delivered delivers it. Events come in order: nothing before departure,
    nothing after delivery. The ``shipment.ship`` gate may refuse the departure; publishes
    ``shipment.event``."""
    _require_manager(by, shipment.supplier)
    if event.leg is not None and event.leg.shipment_id != shipment.pk:
        raise ValidationError({"leg": _("This leg belongs to another shipment.")})
    if event.occurred_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"occurred_at": _("An event cannot be in the future.")})
    with transaction.atomic():
        shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
        _check_sequence(shipment, event)
        if event.kind == EventKind.DEPARTED:
            gates.check(action=gates.Action.SHIP, obj=shipment, user=by)
        tracking = TrackingEvent.objects.create(
            shipment=shipment,
            leg=event.leg,
            kind=event.kind,
            occurred_at=event.occurred_at,
            location=event.location,
            note=event.note,
            source=event.source,
            recorded_by=by,
        )
        _apply(shipment, event, by=by)
        record_event(
            actor=by,
            subject=shipment,
            verb=f"shipment.{event.kind}",
            data={"location": event.location, "source": event.source},
        )
        events.publish(
            events.Name.SHIPMENT_EVENT,
            shipment_id=shipment.pk,
            shipment=shipment,
            tracking_event_id=tracking.pk,
            tracking_event=tracking,
            kind=tracking.kind,
            order_id=shipment.order_id,
            user_id=by.pk if by is not None else None,
        )
    return tracking


def _check_sequence(shipment: Shipment, event: EventDetails) -> None:
    if shipment.status in (ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED):
        raise ValidationError({"kind": _("This shipment is closed: it takes no more events.")})
    if event.kind == EventKind.DEPARTED and shipment.shipped_at is not None:
        raise ValidationError({"kind": _("This shipment already left the factory.")})
    if event.kind != EventKind.DEPARTED and shipment.shipped_at is None:
        raise ValidationError({"kind": _("Record the departure from the factory first.")})
    if event.kind in (EventKind.LEG_DEPARTED, EventKind.LEG_ARRIVED) and event.leg is None:
        raise ValidationError({"leg": _("Say which leg departed or arrived.")})
    if event.kind == EventKind.DEPARTED and shipment.order_id:
        status = shipment.order.status
        if status not in DEPARTABLE:
            raise ValidationError(
                {
                    "kind": _("The order is %(status)s: it cannot ship yet.")
                    % {"status": shipment.order.status_label.lower()}
                }
            )


def _apply(shipment: Shipment, event: EventDetails, *, by) -> None:
    if event.kind == EventKind.DEPARTED:
        shipment.shipped_at, shipment.status = event.occurred_at, ShipmentStatus.IN_TRANSIT
        shipment.save(update_fields=["shipped_at", "status"])
        if shipment.order_id and shipment.order.status == OrderStatus.READY_TO_SHIP:
            order_services.mark_shipped(order=shipment.order, by=by, reference=shipment.number)
    elif event.kind == EventKind.LEG_DEPARTED:
        ShipmentLeg.objects.filter(pk=event.leg.pk).update(departed_at=event.occurred_at)
    elif event.kind == EventKind.LEG_ARRIVED:
        ShipmentLeg.objects.filter(pk=event.leg.pk).update(arrived_at=event.occurred_at)
    elif event.kind == EventKind.DELIVERED:
        shipment.delivered_at, shipment.status = event.occurred_at, ShipmentStatus.DELIVERED
        shipment.save(update_fields=["delivered_at", "status"])
        shipment.legs.filter(arrived_at__isnull=True).update(arrived_at=event.occurred_at)
        if shipment.order_id:
            _deliver_order_when_complete(shipment, by=by)


def _deliver_order_when_complete(shipment: Shipment, *, by) -> None:
    """The order is delivered when none of its shipments is still on the way."""
    open_shipments = (
        Shipment.objects.filter(order_id=shipment.order_id)
        .exclude(status__in=(ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED))
        .exists()
    )
    if not open_shipments and shipment.order.status == OrderStatus.SHIPPED:
        order_services.mark_delivered(order=shipment.order, by=by, reference=shipment.number)


def cancel_shipment(*, shipment: Shipment, by: User) -> Shipment:
    """Only a shipment that has not left the factory can be cancelled."""
    _require_manager(by, shipment.supplier)
    with transaction.atomic():
        shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
        if shipment.status != ShipmentStatus.PLANNED:
            raise ValidationError(_("Only a shipment that has not left the factory can be cancelled."))
        shipment.status = ShipmentStatus.CANCELLED
        shipment.save(update_fields=["status"])
        record_event(actor=by, subject=shipment, verb="shipment.cancelled")
    return shipment
