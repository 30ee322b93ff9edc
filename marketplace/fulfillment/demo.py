"""Demo fulfillment data: shipments planned, in transit (one leg late) and delivered for the demo
orders, and one 9810 flow through the customs demo's Moscow warehouse booking: rail shipment →
inbound notice → receipt with a variance → lot → two outbound orders (one delivered with proof).

Everything goes through the services the pages use. Runs after the customs demo; idempotent: a
second run finds the shipments and the inbound notice and adds nothing.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.customs.models import WarehouseBooking
from marketplace.fulfillment.models import EventKind, InboundNotice, Shipment, StockLot, TransportMode
from marketplace.fulfillment.services import shipments as services
from marketplace.fulfillment.services import warehouse
from marketplace.fulfillment.services.waybill import declaration_of
from marketplace.orders.models import OrderStatus

Order = get_model("order", "Order")
BOOKING_NUMBER = "OW-DEMO-0001"  # the customs demo's 9810 booking


@dataclass(frozen=True)
class Leg:
    mode: str
    origin: str
    destination: str
    carrier: str
    reference: str
    days: tuple[int, int]  # departure, arrival: days from the shipment leaving the factory


@dataclass(frozen=True)
class DemoShipment:
    reference: str  # the demo order
    carrier: str
    carrier_code: str
    waybill: str
    left_days_ago: int | None  # None: planned, not left yet
    delivered: bool
    legs: tuple[Leg, ...]
    cmr: str = ""
    bill_of_lading: str = ""


SHIPMENTS = [
    DemoShipment(
        "DEMO-4",
        "China Railway Container Transport",
        "0702980202",
        "CRCT26NSK0411",
        None,
        False,
        (
            Leg(
                TransportMode.RAIL,
                "Ordos",
                "Novosibirsk",
                "China–Europe Railway Express",
                "SMGS 26-0411",
                (1, 12),
            ),
        ),
    ),
    DemoShipment(
        "DEMO-5",
        "Erenhot Steppe Freight Co., Ltd.",
        "0702980101",
        "EH26DEMO5",
        6,
        False,
        (
            Leg(TransportMode.ROAD, "Ordos", "Erenhot", "Erenhot Steppe Freight", "CMR EH-55871", (0, 2)),
            # Stuck at the border crossing: its ETA passed without an arrival (a late leg).
            Leg(
                TransportMode.ROAD,
                "Erenhot",
                "Ulaanbaatar",
                "Erenhot Steppe Freight",
                "TIR XB-2261043",
                (3, 5),
            ),
        ),
        cmr="EH-55871",
    ),
    DemoShipment(
        "DEMO-6",
        "China Railway Container Transport",
        "0702980202",
        "CRCT26NSK0388",
        30,
        True,
        (
            Leg(
                TransportMode.RAIL,
                "Ordos",
                "Novosibirsk",
                "China–Europe Railway Express",
                "SMGS 26-0388",
                (0, 11),
            ),
        ),
    ),
    DemoShipment(
        "DEMO-7",
        "Ordos Ejin Horo Airport Cargo",
        "0702980303",
        "AWB 880-26071407",
        20,
        True,
        (
            Leg(
                TransportMode.AIR,
                "Ordos (DSN)",
                "Ulaanbaatar (UBN)",
                "MIAT Mongolian Airlines",
                "880-26071407",
                (0, 1),
            ),
        ),
    ),
]


def _user(company):
    return company.memberships.order_by("-role", "pk").first().user


def _packed(order) -> list[services.PackedLine]:
    from marketplace.fulfillment.selectors import packing_defaults

    lines = []
    for line in order.lines.select_related("product"):
        proposed = packing_defaults(line)
        net = proposed.get("net_weight_kg") or line.agreed_quantity * 1000
        gross = proposed.get("gross_weight_kg") or net * Decimal("1.02")
        lines.append(
            services.PackedLine(
                source=line,
                quantity=line.agreed_quantity,
                package_count=max(1, int(gross // 1000)),
                package_kind=proposed.get("package_kind", "") or "pallet",
                net_weight_kg=net,
                gross_weight_kg=gross,
            )
        )
    return lines


def _event(shipment, user, kind, when, *, location="", leg=None, note=""):
    services.record_tracking_event(
        shipment=shipment,
        by=user,
        event=services.EventDetails(kind=kind, occurred_at=when, location=location, leg=leg, note=note),
    )


def _journey(shipment, user, plan: DemoShipment) -> None:
    """Legs from the plan; events up to today (the factory, each leg, the delivery)."""
    left = timezone.now() - timedelta(days=plan.left_days_ago or 0, hours=3)
    legs = [
        services.add_leg(
            shipment=shipment,
            by=user,
            mode=leg.mode,
            origin=leg.origin,
            destination=leg.destination,
            carrier=leg.carrier,
            reference=leg.reference,
            departure_planned=left + timedelta(days=leg.days[0]),
            arrival_planned=left + timedelta(days=leg.days[1]),
        )
        for leg in plan.legs
    ]
    if plan.left_days_ago is None:
        return
    _event(shipment, user, EventKind.DEPARTED, left, location=plan.legs[0].origin)
    now = timezone.now()
    for leg, step in zip(legs, plan.legs, strict=True):
        departed = left + timedelta(days=step.days[0], hours=1)
        if departed < now:
            _event(shipment, user, EventKind.LEG_DEPARTED, departed, location=step.origin, leg=leg)
        arrived = left + timedelta(days=step.days[1])
        if arrived < now and (plan.delivered or leg != legs[-1]):
            _event(shipment, user, EventKind.LEG_ARRIVED, arrived, location=step.destination, leg=leg)
    if plan.delivered:
        last = plan.legs[-1]
        _event(
            shipment,
            user,
            EventKind.DELIVERED,
            left + timedelta(days=last.days[1], hours=5),
            location=last.destination,
        )
    else:
        _event(
            shipment,
            user,
            EventKind.DELAYED,
            now - timedelta(hours=6),
            location="Erenhot / Zamyn-Üüd",
            leg=legs[-1],
            note="Queue at the border crossing; the truck waits for its TIR inspection.",
        )


def _order_shipments(firm) -> None:
    orders = {
        order.source_reference: order for order in Order.objects.filter(source_reference__startswith="DEMO-")
    }
    for plan in SHIPMENTS:
        order = orders.get(plan.reference)
        if (
            order is None
            or order.status == OrderStatus.CANCELLED
            or Shipment.objects.filter(order=order).exists()
        ):
            continue
        user = _acting_user(order.supplier.company, firm)
        shipment = services.create_shipment(
            order=order,
            by=user,
            details=services.ShipmentDetails(
                carrier=plan.carrier,
                carrier_code=plan.carrier_code,
                waybill_number=plan.waybill,
                cmr_number=plan.cmr,
                bill_of_lading=plan.bill_of_lading,
                destination=order.destination_city or order.named_place,
                destination_country=order.destination_country,
                freight=Decimal("1850.00"),
                insured_fee=Decimal("95.00"),
                currency=order.currency,
            ),
            lines=_packed(order),
        )
        _journey(shipment, user, plan)


def _acting_user(supplier, firm):
    from marketplace.accounts.selectors import is_authorised

    return _user(firm) if is_authorised(firm=firm, supplier=supplier) else _user(supplier)


def _warehouse_flow(firm) -> None:
    booking = (
        WarehouseBooking.objects.filter(number=BOOKING_NUMBER).select_related("warehouse", "supplier").first()
    )
    if booking is None or InboundNotice.objects.filter(booking=booking).exists():
        return
    user = _acting_user(booking.supplier, firm)
    shipment = Shipment.objects.filter(booking=booking).first() or _booking_shipment(booking, user)
    declaration = declaration_of(shipment=shipment)
    if declaration is None or declaration.status not in warehouse.DECLARED:
        return
    notice = warehouse.create_inbound_notice(
        booking=booking, by=user, expected_on=timezone.localdate() - timedelta(days=4), shipment=shipment
    )
    line = notice.lines.get()
    warehouse.receive_inbound(
        notice=notice,
        by=user,
        received=[
            warehouse.ReceivedLine(
                line=line,
                quantity=line.expected_quantity - Decimal("0.5"),
                reason="One 500 kg bag torn in transit at Zabaikalsk; written off with the carrier.",
            )
        ],
        received_at=timezone.now() - timedelta(days=3),
    )
    lot = StockLot.objects.get(inbound_line=line)
    sold = warehouse.create_outbound_order(
        warehouse=booking.warehouse,
        buyer=warehouse.OutboundBuyer(
            name="Moskhimtorg LLC",
            address="Volgogradsky prospekt 42, Moscow",
            country="RU",
            contact="I. Petrov, +7 495 000 12 34",
        ),
        picks=[warehouse.Pick(lot=lot, quantity=Decimal("10"))],
        by=user,
    )
    warehouse.ship_outbound(outbound=sold, by=user, shipped_at=timezone.now() - timedelta(days=2))
    warehouse.record_proof_of_delivery(
        outbound=sold, by=user, received_by_name="I. Petrov", delivered_at=timezone.now() - timedelta(days=1)
    )
    warehouse.create_outbound_order(
        warehouse=booking.warehouse,
        buyer=warehouse.OutboundBuyer(
            name="Volga Polymer Trading LLC", address="Moskovskoye shosse 18, Samara", country="RU"
        ),
        picks=[warehouse.Pick(lot=lot, quantity=Decimal("6"))],
        by=user,
    )


def _booking_shipment(booking, user) -> Shipment:
    line = booking.lines.get()
    declaration = booking.declarations.order_by("-pk").first()
    shipment = services.create_shipment(
        booking=booking,
        by=user,
        incoterm=booking.incoterm,
        details=services.ShipmentDetails(
            carrier="Erenhot Steppe Freight Co., Ltd.",
            carrier_code="0702980101",
            waybill_number=declaration.waybill_number
            if declaration and declaration.waybill_number
            else "RZD2603MOW0001",
            destination=f"{booking.warehouse.name}, {booking.warehouse.city}",
            destination_country=booking.warehouse.country,
            freight=Decimal("180"),
            insured_fee=Decimal("12"),
            currency=line.currency,
        ),
        lines=[
            services.PackedLine(
                source=line,
                quantity=line.quantity,
                package_count=int(line.quantity),
                package_kind="FIBC 1 t",
                net_weight_kg=line.net_weight_kg,
                gross_weight_kg=line.gross_weight_kg,
            )
        ],
    )
    plan = DemoShipment(
        BOOKING_NUMBER,
        shipment.carrier,
        shipment.carrier_code,
        shipment.waybill_number,
        16,
        True,
        (
            Leg(TransportMode.ROAD, "Ordos", "Erenhot", "Erenhot Steppe Freight", "CMR EH-60012", (0, 1)),
            Leg(
                TransportMode.RAIL,
                "Erenhot",
                "Moscow (Vorsino)",
                "China–Europe Railway Express",
                "SMGS 26-0520",
                (2, 12),
            ),
        ),
    )
    _journey(shipment, user, plan)
    return shipment


def load(*, firm, suppliers, buyers) -> None:
    """Create the fulfillment demo data that is missing."""
    _order_shipments(firm)
    _warehouse_flow(firm)
