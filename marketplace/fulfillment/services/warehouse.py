"""Writes of overseas-warehouse stock (9810): inbound notice → receipt into lots → outbound
orders to final buyers → proof of delivery. Each lot keeps the declaration it was exported under."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.documents.models import DocumentKind, ProductDocument
from marketplace.accounts.models import User
from marketplace.core import events, gates
from marketplace.core.services import record_event
from marketplace.customs.models import DeclarationStatus, OverseasWarehouse, WarehouseBooking
from marketplace.fulfillment.models import (
    InboundLine,
    InboundNotice,
    InboundStatus,
    OutboundLine,
    OutboundOrder,
    OutboundStatus,
    Shipment,
    StockLot,
)
from marketplace.fulfillment.services.shipments import _new_number, _require_manager
from marketplace.orders import services as order_services
from marketplace.orders.models import OrderStatus

# The booking is declared (customs sets it so on submission): the goods may be announced to the
# warehouse while the declaration is with customs or released, not while it is rejected, detained
# or the goods were returned.
DECLARED = (
    DeclarationStatus.SUBMITTED,
    DeclarationStatus.ACCEPTED,
    DeclarationStatus.MANUAL_REVIEW,
    DeclarationStatus.INSPECTION,
    DeclarationStatus.RELEASED,
    DeclarationStatus.CLOSED,
)


def _current_coas(product_ids: list[int]) -> dict[int, ProductDocument]:
    documents = ProductDocument.objects.filter(product__in=product_ids, kind=DocumentKind.COA).current()
    return {document.product_id: document for document in documents}


def create_inbound_notice(
    *, booking: WarehouseBooking, by: User, expected_on: date, shipment: Shipment | None = None
) -> InboundNotice:
    """Tell the warehouse what a declared booking brings: one line per booking line, with its lot and COA."""
    _require_manager(by, booking.supplier)
    declaration = booking.declarations.filter(status__in=DECLARED).order_by("-created_at", "-pk").first()
    if declaration is None:
        raise ValidationError(
            _("The booking is not declared to customs yet (or its declaration was refused).")
        )
    if shipment is not None and shipment.booking_id != booking.pk:
        raise ValidationError({"shipment": _("This shipment carries another booking.")})
    lines = list(booking.lines.select_related("product"))
    coas = _current_coas([line.product_id for line in lines])
    with transaction.atomic():
        notice = InboundNotice.objects.create(
            number=_new_number("ASN", InboundNotice),
            supplier=booking.supplier,
            booking=booking,
            declaration=declaration,
            warehouse=booking.warehouse,
            shipment=shipment,
            expected_on=expected_on,
            created_by=by,
        )
        InboundLine.objects.bulk_create(
            InboundLine(
                notice=notice,
                booking_line=line,
                product=line.product,
                partner_sku=line.partner_sku,
                lot_number=line.lot_number or booking.number,
                unit_id=line.unit_id,
                expected_quantity=line.quantity,
                coa=coas.get(line.product_id),
            )
            for line in lines
        )
        record_event(actor=by, subject=notice, verb="inbound.notified", data={"booking": booking.number})
    return notice


@dataclass(frozen=True)
class ReceivedLine:
    line: InboundLine
    quantity: Decimal
    reason: str = ""


def receive_inbound(
    *, notice: InboundNotice, by: User, received: list[ReceivedLine], received_at: datetime | None = None
) -> InboundNotice:
    """Count what arrived: each line becomes a stock lot; a difference needs a reason. Publishes
    ``lot.received`` for each lot."""
    _require_manager(by, notice.supplier)
    by_line = {entry.line.pk: entry for entry in received}
    errors = {}
    for line in notice.lines.all():
        entry = by_line.get(line.pk)
        if entry is None:
            errors[f"line_{line.pk}"] = _("Give the quantity received.")
        elif entry.quantity < 0:
            errors[f"line_{line.pk}"] = _("The quantity received cannot be negative.")
        elif entry.quantity != line.expected_quantity and not entry.reason.strip():
            errors[f"line_{line.pk}"] = _("Say why %(received)s were received instead of %(expected)s.") % {
                "received": f"{entry.quantity.normalize():f}",
                "expected": f"{line.expected_quantity.normalize():f}",
            }
    if errors:
        raise ValidationError(errors)
    received_at = received_at or timezone.now()
    with transaction.atomic():
        notice = InboundNotice.objects.select_for_update().get(pk=notice.pk)
        if notice.status != InboundStatus.EXPECTED:
            raise ValidationError(_("This inbound notice was already received."))
        variances = {}
        for line in notice.lines.select_related("notice"):
            entry = by_line[line.pk]
            line.received_quantity, line.variance_reason = entry.quantity, entry.reason.strip()
            line.save(update_fields=["received_quantity", "variance_reason"])
            if line.variance:
                variances[line.partner_sku] = f"{line.variance.normalize():f}"
            if entry.quantity > 0:
                lot = _new_lot(notice, line, received_at)
                _publish_lot(
                    events.Name.LOT_RECEIVED,
                    lot,
                    by=by,
                    quantity=lot.received_quantity,
                    inbound_notice_id=notice.pk,
                )
        notice.status, notice.received_at, notice.received_by = InboundStatus.RECEIVED, received_at, by
        notice.save(update_fields=["status", "received_at", "received_by"])
        record_event(actor=by, subject=notice, verb="inbound.received", data={"variances": variances})
    return notice


def _new_lot(notice: InboundNotice, line: InboundLine, received_at: datetime) -> StockLot:
    return StockLot.objects.create(
        warehouse=notice.warehouse,
        supplier=notice.supplier,
        product_id=line.product_id,
        partner_sku=line.partner_sku,
        lot_number=line.lot_number,
        unit_id=line.unit_id,
        inbound_line=line,
        declaration=notice.declaration,
        coa=line.coa,
        received_quantity=line.received_quantity,
        on_hand=line.received_quantity,
        received_at=received_at,
    )


def _publish_lot(name: str, lot: StockLot, *, by: User, quantity: Decimal, **ids: int) -> None:
    events.publish(
        name,
        lot_id=lot.pk,
        lot=lot,
        warehouse_id=lot.warehouse_id,
        product_id=lot.product_id,
        quantity=quantity,
        user_id=by.pk if by is not None else None,
        **ids,
    )


@dataclass(frozen=True)
class OutboundBuyer:
    """A marketplace order, or the details of a buyer who bought outside the platform."""

    order: object | None = None
    name: str = ""
    address: str = ""
    country: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Pick:
    lot: StockLot
    quantity: Decimal


def _buyer_fields(buyer: OutboundBuyer, supplier) -> dict:
    if buyer.order is not None:
        order = buyer.order
        if order.supplier is None or order.supplier.company_id != supplier.pk:
            raise ValidationError({"order": _("This order is not one of the supplier's.")})
        if order.status == OrderStatus.CANCELLED:
            raise ValidationError({"order": _("This order is cancelled.")})
        company = order.buyer_company
        return {
            "order": order,
            "buyer_name": company.name,
            "buyer_address": buyer.address or order.destination_city or company.address or company.city,
            "buyer_country": order.destination_country or company.country,
            "buyer_contact": buyer.contact,
        }
    errors = {}
    if not buyer.name.strip():
        errors["buyer_name"] = _("Name the buyer, or pick its marketplace order.")
    if not buyer.address.strip():
        errors["buyer_address"] = _("Give the delivery address.")
    if len(buyer.country) != 2:
        errors["buyer_country"] = _("Give the buyer's country.")
    if errors:
        raise ValidationError(errors)
    return {
        "buyer_name": buyer.name.strip(),
        "buyer_address": buyer.address.strip(),
        "buyer_country": buyer.country.upper(),
        "buyer_contact": buyer.contact.strip(),
    }


def create_outbound_order(
    *, warehouse: OverseasWarehouse, buyer: OutboundBuyer, picks: list[Pick], by: User
) -> OutboundOrder:
    """Sell from warehouse stock. Each pick takes its quantity off its lot with a conditional
    UPDATE (on_hand >= quantity), so of two orders racing for the last units one gets them and the
    other is refused; the CheckConstraint on the lot backs this up.

    The ``lot.release`` gate is asked for each lot before anything is taken; publishes
    ``lot.released`` for each pick."""
    supplier = warehouse.supplier
    _require_manager(by, supplier)
    if not picks:
        raise ValidationError(_("An outbound order needs at least one line."))
    for pick in picks:
        if pick.lot.warehouse_id != warehouse.pk:
            raise ValidationError(_("Lot %(lot)s is in another warehouse.") % {"lot": pick.lot.lot_number})
        if pick.quantity <= 0:
            raise ValidationError(_("Lot %(lot)s: give a positive quantity.") % {"lot": pick.lot.lot_number})
    fields = _buyer_fields(buyer, supplier)
    for pick in picks:
        gates.check(action=gates.Action.LOT_RELEASE, obj=pick.lot, user=by, quantity=pick.quantity)
    with transaction.atomic():
        for pick in picks:
            taken = StockLot.objects.filter(pk=pick.lot.pk, on_hand__gte=pick.quantity).update(
                on_hand=F("on_hand") - pick.quantity
            )
            if not taken:
                on_hand = StockLot.objects.values_list("on_hand", flat=True).get(pk=pick.lot.pk)
                raise ValidationError(
                    _("Lot %(lot)s has only %(on_hand)s %(unit)s left.")
                    % {
                        "lot": pick.lot.lot_number,
                        "on_hand": f"{on_hand.normalize():f}",
                        "unit": pick.lot.unit.code,
                    }
                )
        outbound = OutboundOrder.objects.create(
            number=_new_number("OB", OutboundOrder),
            warehouse=warehouse,
            supplier=supplier,
            created_by=by,
            **fields,
        )
        OutboundLine.objects.bulk_create(
            OutboundLine(outbound=outbound, lot=pick.lot, quantity=pick.quantity) for pick in picks
        )
        record_event(actor=by, subject=outbound, verb="outbound.created", data={"buyer": outbound.buyer_name})
        for pick in picks:
            _publish_lot(
                events.Name.LOT_RELEASED,
                pick.lot,
                by=by,
                quantity=pick.quantity,
                outbound_order_id=outbound.pk,
            )
    return outbound


def ship_outbound(*, outbound: OutboundOrder, by: User, shipped_at: datetime | None = None) -> OutboundOrder:
    """The goods left the warehouse; a marketplace order they belong to is shipped (once).
    The ``shipment.ship`` gate may refuse it."""
    _require_manager(by, outbound.supplier)
    with transaction.atomic():
        outbound = OutboundOrder.objects.select_for_update().get(pk=outbound.pk)
        if outbound.status != OutboundStatus.OPEN:
            raise ValidationError(_("This outbound order already left the warehouse."))
        if outbound.order_id and outbound.order.status not in (
            OrderStatus.READY_TO_SHIP,
            OrderStatus.SHIPPED,
        ):
            raise ValidationError(
                _("The order is %(status)s: it cannot ship yet.")
                % {"status": outbound.order.status_label.lower()}
            )
        gates.check(action=gates.Action.SHIP, obj=outbound, user=by)
        outbound.status, outbound.shipped_at = OutboundStatus.SHIPPED, shipped_at or timezone.now()
        outbound.save(update_fields=["status", "shipped_at"])
        if outbound.order_id and outbound.order.status == OrderStatus.READY_TO_SHIP:
            order_services.mark_shipped(order=outbound.order, by=by, reference=outbound.number)
        record_event(actor=by, subject=outbound, verb="outbound.shipped")
    return outbound


def record_proof_of_delivery(
    *,
    outbound: OutboundOrder,
    by: User,
    received_by_name: str,
    delivered_at: datetime | None = None,
    document: UploadedFile | None = None,
) -> OutboundOrder:
    """The final buyer signed for the goods; a marketplace order they belong to is delivered (once)."""
    _require_manager(by, outbound.supplier)
    if not received_by_name.strip():
        raise ValidationError({"received_by_name": _("Who signed for the goods?")})
    with transaction.atomic():
        outbound = OutboundOrder.objects.select_for_update().get(pk=outbound.pk)
        if outbound.status != OutboundStatus.SHIPPED:
            raise ValidationError(_("Only goods that left the warehouse can be delivered."))
        outbound.status, outbound.delivered_at = OutboundStatus.DELIVERED, delivered_at or timezone.now()
        outbound.received_by_name = received_by_name.strip()
        if document is not None:
            outbound.proof_of_delivery = document
        outbound.save(update_fields=["status", "delivered_at", "received_by_name", "proof_of_delivery"])
        if outbound.order_id and outbound.order.status == OrderStatus.SHIPPED:
            order_services.mark_delivered(order=outbound.order, by=by, reference=outbound.number)
        record_event(
            actor=by, subject=outbound, verb="outbound.delivered", data={"received_by": received_by_name}
        )
    return outbound
