"""Demo customs data: reference rows, a registered warehouse in Russia with one 9810 booking,
and declarations in every state for the demo orders.

Declarations are opened, completed and moved with the desk's own services; customs' answers
arrive as receipt XML (built with the codec, as customs would send it) or as hand-entered
results for the full declaration, so every timeline is a real one. Idempotent: a second run
finds the booking and the declarations and adds nothing.
"""

from datetime import date
from decimal import Decimal

from django.apps import apps
from django.utils import timezone
from oscar.core.loading import get_model

from catalog.reference.models import Incoterm, Unit
from marketplace.customs import receipts, services
from marketplace.customs.messages import data as m
from marketplace.customs.messages.receipts import build_receipts
from marketplace.customs.models import (
    CustomsOffice,
    CustomsSettings,
    Declaration,
    OverseasWarehouse,
    ReceiptMessage,
    RegistrationStatus,
    TransportMode,
    WarehouseBooking,
    WarehouseKind,
)
from marketplace.customs.seed import load_reference_data
from marketplace.customs.warehousing import BookingLineData, BookingRequest, create_booking
from marketplace.customs.waybill import WaybillData
from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest, place_order

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

PLATFORM_CODE = "0702990001"  # demo value: the marketplace's customs registration
BOOKING_NUMBER = "OW-DEMO-0001"
SAMPLES_REFERENCE = "DEMO-CUSTOMS-SAMPLES"
# The firm's choice of terms-of-sale code where the Incoterm has none (mapping unconfirmed).
TERMS = {"FCA": "3", "FOB": "3", "CPT": "2", "CFR": "2", "CIP": "1", "CIF": "1", "DAP": "1", "EXW": "7"}
# Where each destination's goods leave and what the POD code is (demo values).
ROUTES = {"MN": ("0702", "4", "UBN"), "RU": ("0702", "3", "MOW")}

# Full-route demo orders → the state their declaration reaches (None: opened, left cancelled).
FULL = [
    ("DEMO-2", "closed"),
    ("DEMO-5", "released"),
    ("DEMO-6", "inspection"),
    ("DEMO-7", "manual_review"),
]
# The samples order's lines, declared one by one on the list route.
SAMPLE_STATES = ["ready", "submitted", "accepted", "rejected", "detained", "returned"]
RETURN_CODES = {
    "accepted": ["120"],
    "manual_review": ["120", "300"],
    "inspection": ["120", "500"],
    "detained": ["120", "501"],
    "returned": ["120", "700"],
    "rejected": ["100"],
    "released": ["120", "800"],
    "closed": ["120", "800", "899"],
}


def _user(company):
    return company.memberships.order_by("-role", "pk").first().user


def _settings() -> None:
    load_reference_data(apps)
    row = CustomsSettings.current()
    if not row.platform_code:
        row.platform_code = PLATFORM_CODE
        row.dxp_id = "DXPENT0000029901"
        row.save()


def _warehouse(supplier, user) -> OverseasWarehouse:
    warehouse, _created = OverseasWarehouse.objects.get_or_create(
        supplier=supplier,
        name="Ordos Moscow Bonded Warehouse",
        defaults={
            "country": "RU",
            "city": "Moscow",
            "address": "Kashirskoye shosse 61, building 3",
            "area_m2": Decimal("2400"),
            "kind": WarehouseKind.LEASED,
            "operator_name": "Sibir Logistics Terminal LLC",
            "lease_start": date(2026, 1, 1),
            "lease_end": date(2028, 12, 31),
            "customs_registration_number": "OW0702RU0001",
            "registration_status": RegistrationStatus.REGISTERED,
            "created_by": user,
        },
    )
    return warehouse


def _booking(supplier, user, warehouse) -> WarehouseBooking:
    booking = WarehouseBooking.objects.filter(number=BOOKING_NUMBER).first()
    if booking is not None:
        return booking
    product = Product.objects.get(upc="ORD-PP-T30S")
    offer = product.stockrecords.order_by("pk").first()
    return create_booking(
        request=BookingRequest(
            supplier=supplier,
            warehouse=warehouse,
            destination_country="RU",
            incoterm=Incoterm.objects.get(code="FCA"),
            number=BOOKING_NUMBER,
            notes="Stock for Moscow distributors, spring season.",
            lines=[
                BookingLineData(
                    product=product,
                    partner_sku=offer.partner_sku,
                    quantity=Decimal("25"),
                    unit=Unit.objects.get(code="t"),
                    unit_price=offer.price,
                    currency=offer.price_currency,
                    net_weight_kg=Decimal("25000"),
                    gross_weight_kg=Decimal("25200"),
                    lot_number="T30S-2603-A",
                )
            ],
        ),
        user=user,
    )


def _samples_order(buyer):
    """A buyer's order of six PP grade samples, each shipped (and declared) on its own."""
    order = Order.objects.filter(source_reference=SAMPLES_REFERENCE).first()
    if order is not None:
        return order
    products = list(
        Product.objects.filter(upc__startswith="ORD-PP-", supplier__company__isnull=False)
        .select_related("supplier")
        .order_by("upc")[: len(SAMPLE_STATES)]
    )
    lines = []
    for product in products:
        offer = product.stockrecords.filter(partner=product.supplier).order_by("pk").first()
        lines.append(
            AgreedLine(
                product=product,
                offer=offer,
                quantity=Decimal("0.5"),
                unit=offer.commercial_unit,
                unit_price=offer.price,
            )
        )
    return place_order(
        request=OrderRequest(
            buyer=buyer,
            placed_by=_user(buyer),
            supplier=products[0].supplier,
            lines=lines,
            currency=lines[0].offer.price_currency,
            incoterm=Incoterm.objects.get(code="CPT"),
            named_place="Ulaanbaatar",
            destination_country=buyer.country,
            destination_city=buyer.city,
            schedule=SCHEDULES["100"],
            source="checkout",
            source_reference=SAMPLES_REFERENCE,
        )
    )


def _complete(declaration, user, *, waybill_number: str):
    office, mode, pod = ROUTES.get(declaration.destination_country, ROUTES["MN"])
    incoterm = declaration.incoterm.code if declaration.incoterm else "FCA"
    declaration = services.update_declaration(
        declaration=declaration,
        user=user,
        customs_office=CustomsOffice.objects.get(code=office),
        port=CustomsOffice.objects.get(code=office),
        transport_mode=TransportMode.objects.get(code=mode),
        terms_of_sale=declaration.terms_of_sale or TERMS.get(incoterm, "3"),
        destination_port=pod,
        wrap_type="2",
    )
    lines = list(declaration.lines.all())
    services.fill_waybill(
        declaration=declaration,
        waybill=WaybillData(
            logistics_code="0702980101",
            logistics_name="Erenhot Steppe Freight Co., Ltd.",
            waybill_number=waybill_number,
            freight=Decimal("180"),
            insured_fee=Decimal("12"),
            currency=declaration.currency,
            gross_weight_kg=sum((line.gross_weight_kg for line in lines), Decimal(0)),
            package_count=max(1, len(lines) * 4),
            goods_description=lines[0].item_name[:200],
        ),
        user=user,
    )
    for line in lines:
        if not line.inspection_code:
            services.update_declaration_line(line=line, user=user, inspection_code="101")
    declaration.refresh_from_db()
    return declaration


def _xml_receipt(declaration, kind: str, code: str, info: str) -> bytes:
    message_type = {"order": "CEB304", "waybill": "CEB506", "inventory": "CEB604"}[kind]
    receipt = m.Receipt(
        kind=m.ReceiptKind(kind),
        guid=m.new_guid(),
        return_status=code,
        return_time=timezone.now(),
        return_info=info,
        order_no=declaration.source_number if kind != "waybill" else "",
        ebp_code=CustomsSettings.current().platform_code if kind != "waybill" else "",
        ebc_code=declaration.supplier.customs_code if kind != "waybill" else "",
        logistics_code=declaration.logistics_code if kind == "waybill" else "",
        logistics_no=declaration.waybill_number if kind == "waybill" else "",
        agent_code=(declaration.firm or declaration.supplier).customs_code if kind == "inventory" else "",
        cop_no=declaration.number if kind == "inventory" else "",
        pre_no=f"P{declaration.pk:017d}" if kind == "inventory" else "",
        invt_no=f"I{declaration.pk:017d}" if kind == "inventory" and code != "100" else "",
        statistics_flag=declaration.statistics_flag if kind == "inventory" else "",
    )
    return build_receipts(
        m.ReceiptMessage(message_type=message_type, guid=m.new_guid(), version="1.0", receipts=(receipt,))
    )


INFO = {
    "100": "审核不通过：申报要素与商品编码不符 (declaration elements do not match the HS code)",
    "120": "入库成功",
    "300": "人工审核",
    "500": "查验",
    "501": "扣留：待补充单证",
    "700": "退运",
    "800": "放行",
    "899": "结关",
}


def _move(declaration, user, state: str) -> None:
    """Ready → submitted → customs' receipts up to ``state``."""
    services.mark_ready(declaration=declaration, user=user)
    if state == "ready":
        return
    services.submit_declaration(declaration=declaration, user=user)
    if state == "submitted":
        return
    codes = RETURN_CODES[state]  # after the order and the waybill are accepted
    for kind in ("order", "waybill"):
        receipts.import_receipts(
            declaration=declaration, xml=_xml_receipt(declaration, kind, "120", INFO["120"]), user=user
        )
    for code in codes:
        declaration.refresh_from_db()
        if declaration.route == "list":
            receipts.import_receipts(
                declaration=declaration,
                xml=_xml_receipt(declaration, "inventory", code, INFO[code]),
                user=user,
            )
        else:
            receipts.record_receipt(
                declaration=declaration,
                entry=receipts.ReceiptEntry(
                    message=ReceiptMessage.DECLARATION, return_status=code, return_info=INFO[code]
                ),
                user=user,
            )


def load(*, firm, suppliers, buyers) -> None:
    """Create the customs demo data that is missing."""
    _settings()
    polyolefins = next(s for s in suppliers if "Polyolefin" in s.name)
    firm_user = _user(firm)
    warehouse = _warehouse(polyolefins, _user(polyolefins))
    booking = _booking(polyolefins, firm_user, warehouse)
    if Declaration.objects.filter(booking=booking).exists():
        return
    declaration = services.open_declaration_for_booking(booking=booking, user=firm_user)
    declaration = _complete(declaration, firm_user, waybill_number="RZD2603MOW0001")
    _move(declaration, firm_user, "submitted")

    orders = {o.source_reference: o for o in Order.objects.filter(source_reference__startswith="DEMO-")}
    for reference, state in FULL:
        order = orders.get(reference)
        if order is None:
            continue
        user = _filer_for(order, firm)
        declaration = services.open_declaration_for_order(order=order, user=user)
        declaration = _complete(declaration, user, waybill_number=f"EH26{reference.replace('-', '')}")
        _move(declaration, user, state)

    # Dangerous goods without their SDS and batteries without a UN38.3 summary stay unfinished:
    # the methanol declaration was cancelled, the battery one waits as a draft with its problems.
    for reference, leave in (("DEMO-1", "cancelled"), ("DEMO-3", "draft")):
        order = orders.get(reference)
        if order is None:
            continue
        user = _filer_for(order, firm)
        declaration = services.open_declaration_for_order(order=order, user=user)
        if leave == "cancelled":
            services.cancel_declaration(
                declaration=declaration, user=user, reason="The SDS is missing; re-file once it is uploaded."
            )

    samples = _samples_order(buyers[0])
    user = _filer_for(samples, firm)
    for index, (line, state) in enumerate(zip(samples.lines.order_by("pk"), SAMPLE_STATES, strict=False), 1):
        declaration = services.open_declaration_for_order(order=samples, user=user, line_ids=[line.pk])
        declaration = _complete(declaration, user, waybill_number=f"EH26SAMPLE{index:04d}")
        _move(declaration, user, state)


def _filer_for(order, firm):
    """The firm for the suppliers that authorised it, else the supplier's own user."""
    from marketplace.accounts.selectors import is_authorised

    supplier = order.supplier.company
    return _user(firm) if is_authorised(firm=firm, supplier=supplier) else _user(supplier)
