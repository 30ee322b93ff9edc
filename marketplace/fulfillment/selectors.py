"""Reads of shipments and warehouse stock, scoped to who is asking.

Buyers see the shipments of their own orders (and outbound orders sold to them through the
platform); suppliers their own; trade-service firms those of suppliers that authorised them;
operators everything.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.accounts.models import Company
from marketplace.accounts.policy import AnyUser, acts_for, visible_to
from marketplace.customs.models import OverseasWarehouse, WarehouseBooking
from marketplace.fulfillment.models import (
    InboundLine,
    InboundNotice,
    OutboundLine,
    OutboundOrder,
    Shipment,
    ShipmentLeg,
    ShipmentLine,
    ShipmentStatus,
    StockLot,
    TrackingEvent,
)

Order = get_model("order", "Order")


def can_manage(*, user: AnyUser, supplier: Company) -> bool:
    """Runs the supplier's logistics: the party-scope rule (its members, its authorised firms,
    operators) under the name the logistics services and pages use."""
    return acts_for(user=user, company=supplier)


# --- shipments -----------------------------------------------------------------------------------


def shipments_visible_to(*, user: AnyUser) -> QuerySet[Shipment]:
    shipments = Shipment.objects.select_related("supplier", "order__buyer_company", "booking__warehouse")
    return visible_to(
        user=user, queryset=shipments, supplier_field="supplier", buyer_field="order__buyer_company"
    )


def shipments_for_desk(
    *, user: AnyUser, status: str = "", mode: str = "", text: str = ""
) -> QuerySet[Shipment]:
    packages = (
        ShipmentLine.objects.filter(shipment=OuterRef("pk"))
        .order_by()
        .values("shipment")
        .annotate(total=Sum("package_count"))
        .values("total")
    )
    shipments = shipments_visible_to(user=user).annotate(packages=Subquery(packages))
    if status in ShipmentStatus.values:
        shipments = shipments.filter(status=status)
    if mode:
        shipments = shipments.filter(Exists(ShipmentLeg.objects.filter(shipment=OuterRef("pk"), mode=mode)))
    if text:
        shipments = shipments.filter(
            Q(number__icontains=text)
            | Q(waybill_number__icontains=text)
            | Q(bill_of_lading__icontains=text)
            | Q(cmr_number__icontains=text)
            | Q(order__number__icontains=text)
            | Q(booking__number__icontains=text)
            | Q(carrier__icontains=text)
            | Q(destination__icontains=text)
        )
    return shipments.order_by("-created_at", "-pk")


def _with_details(shipments: QuerySet) -> QuerySet:
    return shipments.select_related("incoterm", "created_by").prefetch_related(
        "lines__unit",
        "legs",
        Prefetch("events", queryset=TrackingEvent.objects.select_related("leg", "recorded_by")),
    )


def shipment_for_page(*, user: AnyUser, number: str) -> Shipment:
    return _with_details(shipments_visible_to(user=user)).get(number=number)


def shipments_for_order(*, user: AnyUser, order: Order) -> list[Shipment]:
    """The order page's card and the buyer's tracker: every shipment of the order, with legs and events."""
    return list(
        _with_details(shipments_visible_to(user=user).filter(order=order)).order_by("created_at", "pk")
    )


def late_legs(*, user: AnyUser) -> QuerySet[ShipmentLeg]:
    """Legs whose ETA passed without an arrival, on shipments still on their way."""
    return (
        ShipmentLeg.objects.filter(
            shipment__in=shipments_visible_to(user=user).exclude(
                status__in=(ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED)
            ),
            arrived_at__isnull=True,
            arrival_planned__lt=timezone.now(),
        )
        .select_related("shipment__supplier", "shipment__order", "shipment__booking")
        .order_by("arrival_planned", "pk")
    )


def hs_codes_of(product_ids: list[int]) -> dict[int, str]:
    from catalog.specs.models import TradeSpec

    return dict(TradeSpec.objects.filter(product__in=product_ids).values_list("product_id", "hs_code_id"))


# The UN Model Regulations' proper shipping names (English, as on the transport documents).
BATTERY_SHIPPING_NAMES = {
    "UN3480": "LITHIUM ION BATTERIES",
    "UN3481": "LITHIUM ION BATTERIES CONTAINED IN EQUIPMENT",
}


def dangerous_goods_of(product_ids: list[int]) -> dict[int, dict]:
    """UN number, class and packing group per product, from its chemical, battery or vehicle spec."""
    from catalog.specs.models import BatterySpec, ChemicalSpec, VehicleSpec

    found: dict[int, dict] = {}
    for spec in ChemicalSpec.objects.filter(product__in=product_ids).exclude(un_number=""):
        found[spec.product_id] = {
            "un_number": spec.un_number,
            "transport_class": spec.transport_class,
            "packing_group": spec.packing_group,
            "proper_shipping_name": spec.proper_shipping_name,
        }
    for spec in BatterySpec.objects.filter(product__in=product_ids):
        found[spec.product_id] = {
            "un_number": spec.un_number,
            "transport_class": spec.transport_class,
            "packing_group": "",
            "proper_shipping_name": BATTERY_SHIPPING_NAMES.get(spec.un_number, ""),
        }
    # Lithium-powered vehicles ship as UN3556, class 9.
    for spec in VehicleSpec.objects.filter(product__in=product_ids, powertrain__in=("BEV", "PHEV")):
        found[spec.product_id] = {
            "un_number": "UN3556",
            "transport_class": "9",
            "packing_group": "",
            "proper_shipping_name": "VEHICLE, LITHIUM ION BATTERY POWERED",
        }
    return found


@dataclass(frozen=True)
class ShipmentTotals:
    packages: int
    net_weight_kg: Decimal
    gross_weight_kg: Decimal


def totals_of(shipment: Shipment) -> ShipmentTotals:
    """From the prefetched lines (no query on a page that loaded them)."""
    lines = list(shipment.lines.all())
    return ShipmentTotals(
        packages=sum(line.package_count for line in lines),
        net_weight_kg=sum((line.net_weight_kg for line in lines), Decimal(0)),
        gross_weight_kg=sum((line.gross_weight_kg for line in lines), Decimal(0)),
    )


# --- overseas warehouse ---------------------------------------------------------------------------


def inbound_notices_visible_to(*, user: AnyUser) -> QuerySet[InboundNotice]:
    notices = InboundNotice.objects.select_related(
        "booking__supplier", "warehouse", "declaration", "shipment"
    )
    return visible_to(user=user, queryset=notices, supplier_field="supplier")


def inbound_for_page(*, user: AnyUser, number: str) -> InboundNotice:
    lines = InboundLine.objects.select_related("product", "unit", "coa", "lot", "booking_line")
    return (
        inbound_notices_visible_to(user=user)
        .prefetch_related(Prefetch("lines", queryset=lines))
        .get(number=number)
    )


def bookings_awaiting_inbound(*, user: AnyUser) -> QuerySet:
    """Declared bookings the warehouse has not been told about yet."""
    from marketplace.customs.models import Declaration
    from marketplace.customs.selectors import bookings_visible_to
    from marketplace.fulfillment.services.warehouse import DECLARED

    released = Declaration.objects.filter(booking=OuterRef("pk"), status__in=DECLARED)
    notified = InboundNotice.objects.filter(booking=OuterRef("pk"))
    return (
        bookings_visible_to(user=user)
        .filter(Exists(released))
        .exclude(Exists(notified))
        .order_by("created_at", "pk")
    )


def bookings_awaiting_shipment(*, user: AnyUser) -> QuerySet:
    """Warehouse bookings (not cancelled) with no shipment booked for them yet."""
    from marketplace.customs.models import BookingStatus
    from marketplace.customs.selectors import bookings_visible_to

    shipped = Shipment.objects.filter(booking=OuterRef("pk")).exclude(status=ShipmentStatus.CANCELLED)
    return (
        bookings_visible_to(user=user)
        .exclude(status=BookingStatus.CANCELLED)
        .exclude(Exists(shipped))
        .order_by("created_at", "pk")
    )


def lots_visible_to(*, user: AnyUser) -> QuerySet[StockLot]:
    lots = StockLot.objects.select_related("warehouse", "supplier", "product", "unit", "declaration", "coa")
    return visible_to(user=user, queryset=lots, supplier_field="supplier")


def stock_for_desk(
    *, user: AnyUser, warehouse: OverseasWarehouse | None = None, text: str = "", in_stock_only: bool = True
) -> QuerySet[StockLot]:
    """Stock by SKU and lot: what is on hand in each warehouse the user may see."""
    lots = lots_visible_to(user=user)
    if warehouse is not None:
        lots = lots.filter(warehouse=warehouse)
    if in_stock_only:
        lots = lots.filter(on_hand__gt=0)
    if text:
        lots = lots.filter(
            Q(partner_sku__icontains=text)
            | Q(lot_number__icontains=text)
            | Q(product__title__icontains=text)
            | Q(declaration__number__icontains=text)
        )
    return lots.order_by("warehouse__name", "partner_sku", "received_at", "pk")


def outbound_orders_visible_to(*, user: AnyUser) -> QuerySet[OutboundOrder]:
    outbound = OutboundOrder.objects.select_related("warehouse", "supplier", "order")
    return visible_to(
        user=user, queryset=outbound, supplier_field="supplier", buyer_field="order__buyer_company"
    )


def outbound_for_desk(*, user: AnyUser, status: str = "", text: str = "") -> QuerySet[OutboundOrder]:
    from marketplace.fulfillment.models import OutboundStatus

    outbound = outbound_orders_visible_to(user=user).annotate(line_count=Count("lines", distinct=True))
    if status in OutboundStatus.values:
        outbound = outbound.filter(status=status)
    if text:
        outbound = outbound.filter(
            Q(number__icontains=text)
            | Q(buyer_name__icontains=text)
            | Q(order__number__icontains=text)
            | Q(lines__lot__lot_number__icontains=text)
            | Q(lines__lot__partner_sku__icontains=text)
        ).distinct()
    return outbound.order_by("-created_at", "-pk")


def outbound_for_page(*, user: AnyUser, number: str) -> OutboundOrder:
    lines = OutboundLine.objects.select_related(
        "lot__product",
        "lot__unit",
        "lot__coa",
        "lot__declaration",
        "lot__inbound_line__notice__booking",
        "lot__inbound_line__booking_line",
    )
    return (
        outbound_orders_visible_to(user=user)
        .prefetch_related(Prefetch("lines", queryset=lines))
        .get(number=number)
    )


@dataclass(frozen=True)
class Trace:
    """Where the goods of an outbound line came from, back to the booking they were exported on."""

    outbound: OutboundOrder
    line: OutboundLine
    lot: StockLot
    inbound_notice: InboundNotice
    declaration: object  # customs.Declaration
    booking: object  # customs.WarehouseBooking
    booking_line: object  # customs.BookingLine


def trace_outbound_line(*, line: OutboundLine) -> Trace:
    """Outbound line → lot → declaration → booking (from the prefetch of outbound_for_page)."""
    lot = line.lot
    notice = lot.inbound_line.notice
    return Trace(
        outbound=line.outbound,
        line=line,
        lot=lot,
        inbound_notice=notice,
        declaration=lot.declaration,
        booking=notice.booking,
        booking_line=lot.inbound_line.booking_line,
    )


# --- forms and documents ------------------------------------------------------------------------


def packing_defaults(source: Order | WarehouseBooking) -> dict:
    """What a new shipment proposes for an order or booking line: all of it, weighed from the catalog."""
    from catalog.specs.models import TradeSpec

    quantity = getattr(source, "agreed_quantity", None) or source.quantity
    if hasattr(source, "gross_weight_kg"):  # a booking line states its own weights
        return {
            "quantity": quantity,
            "net_weight_kg": source.net_weight_kg,
            "gross_weight_kg": source.gross_weight_kg,
        }
    spec = TradeSpec.objects.filter(product_id=source.product_id).first()
    if spec is None or spec.commercial_unit_id != source.unit_id:
        return {"quantity": quantity}
    return {
        "quantity": quantity,
        "package_kind": spec.packaging[:60],
        "net_weight_kg": quantity * spec.net_weight_kg,
        "gross_weight_kg": quantity * spec.gross_weight_kg,
    }


def shipment_defaults(*, order: Order | None = None, booking: WarehouseBooking | None = None) -> dict:
    if order is not None:
        return {
            "destination": order.destination_city or order.named_place,
            "destination_country": order.destination_country,
            "currency": order.currency,
            "incoterm": order.incoterm_id,
        }
    first = booking.lines.first()
    return {
        "destination": f"{booking.warehouse.name}, {booking.warehouse.city}",
        "destination_country": booking.warehouse.country,
        "currency": first.currency if first else "USD",
        "incoterm": booking.incoterm_id,
    }


def shipping_documents_context(*, shipment: Shipment) -> dict:
    """Everything the commercial invoice and packing list print."""
    lines = list(shipment.lines.all())
    if shipment.order_id:
        buyer = shipment.order.buyer_company
        consignee = {
            "name": buyer.name,
            "address": buyer.address,
            "city": shipment.order.destination_city or buyer.city,
            "country": buyer.country_name,
        }
        reference = shipment.order.number
    else:
        warehouse = shipment.booking.warehouse
        consignee = {
            "name": f"{warehouse.name} ({warehouse.operator_name})",
            "address": warehouse.address,
            "city": warehouse.city,
            "country": warehouse.country_name,
        }
        reference = shipment.booking.number
    currencies = {line.currency for line in lines}
    return {
        "shipment": shipment,
        "lines": lines,
        "legs": list(shipment.legs.all()),
        "totals": totals_of(shipment),
        "seller": shipment.supplier,
        "consignee": consignee,
        "reference": reference,
        "currency": currencies.pop() if len(currencies) == 1 else "",
        "total_amount": sum((line.amount for line in lines), Decimal(0)),
        "dangerous_goods": [line for line in lines if line.is_dangerous_goods],
    }
