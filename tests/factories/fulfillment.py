"""Builders for fulfillment tests: an order ready to ship, a methanol product with its dangerous-goods
data, a registered overseas warehouse with a booking, and declarations for both."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from catalog.reference.models import HSCode, Incoterm, Unit
from catalog.specs.models import ChemicalSpec, TradeSpec
from marketplace.customs.models import (
    BookingLine,
    BookingStatus,
    Declaration,
    DeclarationStatus,
    OverseasWarehouse,
    RegistrationStatus,
    WarehouseBooking,
)
from marketplace.fulfillment.services.shipments import PackedLine, ShipmentDetails
from marketplace.orders import services as order_services
from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest
from tests.factories.catalogue import offered_product

_serial = itertools.count(1)


def methanol_product(*, supplier, title="Methanol 99.85%"):
    """A methanol offer with its HS line, weights per tonne and UN1230 class 3 PG II."""
    product = offered_product(partner=supplier.partner, title=title, price="285.00")
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code="2905110000"),
        commercial_unit=Unit.objects.get(code="t"),
        net_weight_kg=Decimal(1000),
        gross_weight_kg=Decimal(1010),
        packaging="IBC 1,000 l",
    )
    ChemicalSpec.objects.create(
        product=product,
        cas_number="67-56-1",
        un_number="UN1230",
        proper_shipping_name="METHANOL",
        transport_class="3",
        subsidiary_class="6.1",
        packing_group="II",
    )
    return product


def placed_order(*, buyer_user, supplier, product, quantity="100", price="275.00"):
    return order_services.place_order(
        request=OrderRequest(
            buyer=buyer_user.company,
            placed_by=buyer_user,
            supplier=supplier.partner,
            lines=[
                AgreedLine(
                    product=product,
                    offer=product.stockrecords.get(),
                    quantity=Decimal(quantity),
                    unit=Unit.objects.get(code="t"),
                    unit_price=Decimal(price),
                )
            ],
            currency="USD",
            incoterm=Incoterm.objects.get(code="FCA"),
            named_place="Erenhot",
            destination_country="MN",
            destination_city="Ulaanbaatar",
            schedule=SCHEDULES["100"],
        )
    )


def ready_to_ship(order, *, supplier_user):
    """Pay the order in full and finish production: it is ready to ship."""
    for milestone in order.milestones.all():
        order_services.record_payment(milestone=milestone, method="card", reference=f"pi_{milestone.pk}")
    order_services.finish_production(order=order, by=supplier_user)
    order.refresh_from_db()
    return order


def details(**overrides) -> ShipmentDetails:
    values = {
        "carrier": "Erenhot TIR Logistics",
        "carrier_code": "0702960999",
        "waybill_number": f"ERL{next(_serial):07d}",
        "cmr_number": "CMR-556677",
        "destination": "Ulaanbaatar",
        "destination_country": "MN",
        "freight": Decimal("1200.00"),
        "insured_fee": Decimal("85.00"),
        "currency": "USD",
    }
    return ShipmentDetails(**{**values, **overrides})


def packed_order_lines(order, *, quantity=None, packages=20, net="100000", gross="101000"):
    return [
        PackedLine(
            source=line,
            quantity=Decimal(quantity) if quantity is not None else line.agreed_quantity,
            package_count=packages,
            package_kind="IBC",
            net_weight_kg=Decimal(net),
            gross_weight_kg=Decimal(gross),
        )
        for line in order.lines.all()
    ]


def warehouse_of(supplier, *, country="RU", city="Novosibirsk", **fields) -> OverseasWarehouse:
    values = {
        "supplier": supplier,
        "name": f"{city} bonded warehouse {next(_serial)}",
        "country": country,
        "city": city,
        "address": "Stantsionnaya 30",
        "area_m2": Decimal(2500),
        "kind": "leased",
        "operator_name": "Sibir Logistics LLC",
        "lease_start": datetime.date(2025, 1, 1),
        "lease_end": datetime.date(2030, 12, 31),
        "customs_registration_number": f"HWC-{next(_serial):05d}",
        "registration_status": RegistrationStatus.REGISTERED,
    }
    return OverseasWarehouse.objects.create(**{**values, **fields})


def booking_of(*, supplier, warehouse, product, by, quantity="40", lot="L2611-01") -> WarehouseBooking:
    booking = WarehouseBooking.objects.create(
        number=f"BK-{next(_serial):06d}",
        supplier=supplier,
        warehouse=warehouse,
        status=BookingStatus.DECLARED,
        incoterm=Incoterm.objects.get(code="DAP"),
        created_by=by,
    )
    BookingLine.objects.create(
        booking=booking,
        product=product,
        partner_sku=product.stockrecords.first().partner_sku,
        quantity=Decimal(quantity),
        unit=Unit.objects.get(code="t"),
        lot_number=lot,
        unit_price=Decimal("270.00"),
        currency="USD",
        net_weight_kg=Decimal(quantity) * 1000,
        gross_weight_kg=Decimal(quantity) * 1010,
    )
    return booking


def declaration_for(*, by, order=None, booking=None, status=DeclarationStatus.DRAFT) -> Declaration:
    supplier = order.supplier.company if order is not None else booking.supplier
    return Declaration.objects.create(
        number=f"DEC-{next(_serial):06d}",
        mode="9710" if order is not None else "9810",
        order=order,
        booking=booking,
        supplier=supplier,
        status=status,
        currency="USD",
        destination_country=order.destination_country if order is not None else booking.warehouse.country,
        created_by=by,
        submitted_at=None if status in (DeclarationStatus.DRAFT, DeclarationStatus.READY) else timezone.now(),
    )
