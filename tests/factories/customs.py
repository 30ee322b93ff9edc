"""Customs test data built through the real services (orders, bookings, declarations)."""

from datetime import date, timedelta
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from catalog.reference.models import ExchangeRate, HSCode, Incoterm, Unit
from catalog.specs.models import ChemicalSpec, TradeSpec, VehicleSpec
from catalog.validators import vin_check_digit
from marketplace.customs import services
from marketplace.customs.models import (
    CustomsOffice,
    CustomsSettings,
    OverseasWarehouse,
    RegistrationStatus,
    TransportMode,
    WarehouseKind,
)
from marketplace.customs.seed import load_reference_data
from marketplace.customs.warehousing import BookingLineData, BookingRequest, create_booking
from marketplace.customs.waybill import WaybillData
from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest, place_order
from tests.factories.catalogue import offered_product

PLATFORM_CODE = "1506980001"


def customs_reference() -> CustomsSettings:
    """Seeded customs tables, the platform's code and a USD→CNY rate of 7.10."""
    load_reference_data(apps)
    settings_row = CustomsSettings.current()
    settings_row.platform_code = PLATFORM_CODE
    settings_row.dxp_id = "DXPENT0000460001"
    settings_row.save()
    if not ExchangeRate.objects.filter(base_id="USD", quote_id="CNY").exists():
        ExchangeRate.objects.create(
            base_id="USD",
            quote_id="CNY",
            rate=Decimal("7.10"),
            valid_from=timezone.now() - timedelta(days=30),
        )
    return settings_row


def traded_product(
    *, supplier, hs_code: str, title: str, unit: str = "kg", net="1", gross="1.05", price="10"
):
    """A product of ``supplier`` with its trade spec (HS line, commercial unit, weights per unit)."""
    product = offered_product(partner=supplier.partner, title=title, price=price)
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code=hs_code),
        commercial_unit=Unit.objects.get(code=unit),
        net_weight_kg=Decimal(net),
        gross_weight_kg=Decimal(gross),
    )
    return product


def methanol(*, supplier):
    product = traded_product(
        supplier=supplier,
        hs_code="2905110000",
        title="Methanol 99.85%",
        unit="t",
        net="1000",
        gross="1050",
        price="285",
    )
    ChemicalSpec.objects.create(
        product=product, cas_number="67-56-1", un_number="UN1230", transport_class="3", packing_group="II"
    )
    return product


def valid_vin(base: str = "LSVAU2180N2183294") -> str:
    """``base`` with its 9th character set to the right check digit."""
    return base[:8] + vin_check_digit(base) + base[9:]


def used_vehicle(*, supplier, vin=None):
    vin = vin or valid_vin()
    product = traded_product(
        supplier=supplier,
        hs_code="8703801090",
        title="Used EV",
        unit="vehicle",
        net="1600",
        gross="1650",
        price="9000",
    )
    VehicleSpec.objects.create(
        product=product,
        make="BYD",
        model="Dolphin",
        model_year=2022,
        powertrain="BEV",
        battery_kwh=Decimal("44.9"),
        condition="used",
        vin=vin,
    )
    return product


def order_for(*, buyer, buyer_user, supplier, product, quantity="10", price="50", unit="kg", incoterm="FCA"):
    request = OrderRequest(
        buyer=buyer,
        placed_by=buyer_user,
        supplier=supplier.partner,
        lines=[
            AgreedLine(
                product=product,
                offer=product.stockrecords.get(),
                quantity=Decimal(quantity),
                unit=Unit.objects.get(code=unit),
                unit_price=Decimal(price),
            )
        ],
        currency="USD",
        incoterm=Incoterm.objects.get(code=incoterm),
        named_place="Erenhot",
        destination_country="MN",
        destination_city="Ulaanbaatar",
        schedule=SCHEDULES["100"],
    )
    return place_order(request=request)


def waybill(**overrides) -> WaybillData:
    values = {
        "logistics_code": "1506980099",
        "logistics_name": "Erenhot Trans Logistics",
        "waybill_number": "EH2026000001",
        "freight": Decimal("120"),
        "insured_fee": Decimal("5"),
        "currency": "USD",
        "gross_weight_kg": Decimal("1000"),
        "package_count": 4,
        "goods_description": "Polypropylene pellets",
    }
    values.update(overrides)
    return WaybillData(**values)


def complete(declaration, *, user, inspection_code="101", gross=None):
    """Fill what the firm adds on the desk: offices, transport, waybill, inspection codes."""
    declaration = services.update_declaration(
        declaration=declaration,
        user=user,
        customs_office=CustomsOffice.objects.get(code="0702"),
        port=CustomsOffice.objects.get(code="0702"),
        transport_mode=TransportMode.objects.get(code="4"),
        destination_port="MNG1",
        wrap_type="2",
    )
    net = declaration.net_weight_kg
    services.fill_waybill(
        declaration=declaration,
        waybill=waybill(gross_weight_kg=gross or net * Decimal("1.05"), currency=declaration.currency),
        user=user,
    )
    for line in declaration.lines.all():
        services.update_declaration_line(line=line, user=user, inspection_code=inspection_code)
    declaration.refresh_from_db()
    return declaration


def warehouse_for(*, supplier, country="RU", status=RegistrationStatus.REGISTERED, **fields):
    values = {
        "name": "Moscow Ordos Warehouse",
        "country": country,
        "city": "Moscow",
        "address": "Kashirskoye sh. 12",
        "area_m2": Decimal("1200"),
        "kind": WarehouseKind.LEASED,
        "operator_name": "Ordos Logistics Rus LLC",
        "lease_start": date.today() - timedelta(days=100),
        "lease_end": date.today() + timedelta(days=700),
        "customs_registration_number": "OW1506000001" if status == RegistrationStatus.REGISTERED else "",
        "registration_status": status,
    }
    values.update(fields)
    return OverseasWarehouse.objects.create(supplier=supplier, **values)


def booking_for(
    *, supplier, user, warehouse, product, quantity="10", price="40", net="10", gross="10.5", country=None
):
    request = BookingRequest(
        supplier=supplier,
        warehouse=warehouse,
        destination_country=country or warehouse.country,
        incoterm=Incoterm.objects.get(code="FCA"),
        lines=[
            BookingLineData(
                product=product,
                quantity=Decimal(quantity),
                unit=Unit.objects.get(code="kg"),
                unit_price=Decimal(price),
                currency="USD",
                net_weight_kg=Decimal(net),
                gross_weight_kg=Decimal(gross),
                lot_number="LOT-1",
            )
        ],
    )
    return create_booking(request=request, user=user)
