"""Our declarations mapped onto the message codec's data (marketplace/customs/messages).

The codec is pure: it takes frozen dataclasses and a code map and returns schema-valid XML or
JSON, refusing (naming the field) whatever would not validate. Exports are offered only when
every message of the declaration's route builds.
"""

import re
import uuid
from decimal import Decimal

from django.utils import timezone

from catalog.reference.models import Currency
from marketplace.customs.messages import data as m
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.models import CountryCode, CustomsSettings, Declaration, Route, TradeMode

GUID_NAMESPACE = uuid.UUID("6f1d3c52-31b4-4c0e-9a43-0c5b2e0d9a71")
XML_MESSAGES = {"ceb303": "CEB303", "ceb505": "CEB505", "ceb603": "CEB603"}


def code_map() -> m.CodeMap:
    currencies = dict(Currency.objects.exclude(customs_code="").values_list("code", "customs_code"))
    countries = dict(CountryCode.objects.values_list("iso2", "customs_code"))
    return m.CodeMap(currencies=currencies, countries=countries)


def _guid(declaration: Declaration, message: str) -> str:
    """Stable per filing: the same declaration, message and appType give the same guid."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{declaration.number}/{message}/{declaration.app_type}")).upper()


def _app_time(declaration: Declaration):
    return declaration.submitted_at or declaration.updated_at or timezone.now()


def _filer(declaration: Declaration):
    return declaration.firm or declaration.supplier


def _transfer(declaration: Declaration) -> m.BaseTransfer:
    filer = _filer(declaration)
    return m.BaseTransfer(
        cop_code=filer.customs_code or filer.registration_number,
        cop_name=filer.name[:100],
        dxp_id=CustomsSettings.current().dxp_id,
    )


def _ebp(declaration: Declaration) -> tuple[str, str]:
    if declaration.mode == TradeMode.WAREHOUSE:
        warehouse = declaration.booking.warehouse
        return warehouse.customs_registration_number, warehouse.name[:100]
    settings_row = CustomsSettings.current()
    return settings_row.platform_code, settings_row.platform_name[:100]


def _lines(declaration: Declaration) -> list:
    return list(declaration.lines.select_related("unit", "unit1", "unit2").order_by("gnum"))


def _five(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.00001")).normalize() if value is not None else value


def order_message(declaration: Declaration) -> m.OrderMessage:
    """CEB303: orderType B (9710, the marketplace as platform) or W (9810, the warehouse)."""
    ebp_code, ebp_name = _ebp(declaration)
    lines = _lines(declaration)
    head = m.OrderHead(
        guid=_guid(declaration, "ceb303-order"),
        order_type=declaration.order_type,
        order_no=declaration.source_number,
        ebp_code=ebp_code,
        ebp_name=ebp_name,
        ebc_code=declaration.supplier.customs_code,
        ebc_name=declaration.supplier.name[:100],
        goods_value=_five(declaration.goods_value),
        currency=declaration.currency,
        freight=_five(declaration.freight),
        app_type=declaration.app_type,
        app_time=_app_time(declaration),
    )
    order_lines = tuple(
        m.OrderLine(
            gnum=line.gnum,
            item_no=line.item_no,
            item_name=line.item_name,
            unit=line.unit.customs_code,
            currency=declaration.currency,
            qty=_five(line.quantity),
            price=_five(line.unit_price),
            total_price=_five(line.total_price),
            bar_code=line.bar_code,
        )
        for line in lines
    )
    return m.OrderMessage(
        guid=_guid(declaration, "ceb303"),
        orders=(m.Order(head=head, lines=order_lines),),
        transfer=_transfer(declaration),
    )


def waybill_message(declaration: Declaration) -> m.WaybillMessage:
    waybill = m.Waybill(
        guid=_guid(declaration, "ceb505-waybill"),
        logistics_code=declaration.logistics_code,
        logistics_name=declaration.logistics_name,
        logistics_no=declaration.waybill_number,
        freight=_five(declaration.freight),
        insured_fee=_five(declaration.insured_fee),
        currency=declaration.waybill_currency,
        gross_weight=_five(declaration.gross_weight_kg),
        pack_no=declaration.package_count,
        goods_info=declaration.goods_description,
        app_type=declaration.app_type,
        app_time=_app_time(declaration),
        ebc_code=declaration.supplier.customs_code,
        ebc_name=declaration.supplier.name[:100],
    )
    return m.WaybillMessage(
        guid=_guid(declaration, "ceb505"), waybills=(waybill,), transfer=_transfer(declaration)
    )


def inventory_message(declaration: Declaration) -> m.InventoryMessage:
    """CEB603 declaration list, tradeMode 9710/9810."""
    ebp_code, ebp_name = _ebp(declaration)
    filer = _filer(declaration)
    supplier = declaration.supplier
    head = m.InventoryHead(
        guid=_guid(declaration, "ceb603-inventory"),
        customs_code=declaration.customs_office.code if declaration.customs_office else "",
        port_code=declaration.port.code if declaration.port else "",
        order_no=declaration.source_number,
        ebp_code=ebp_code,
        ebp_name=ebp_name,
        ebc_code=supplier.customs_code,
        ebc_name=supplier.name[:100],
        logistics_code=declaration.logistics_code,
        logistics_name=declaration.logistics_name,
        logistics_no=declaration.waybill_number,
        cop_no=declaration.number,
        agent_code=filer.customs_code or filer.registration_number,
        agent_name=filer.name[:100],
        owner_code=supplier.customs_code,
        owner_name=supplier.name[:100],
        trade_mode=declaration.mode,
        traf_mode=declaration.transport_mode.code if declaration.transport_mode else "",
        statistics_flag=declaration.statistics_flag,
        country=declaration.destination_country,
        pod=declaration.destination_port,
        freight=_five(declaration.freight),
        freight_currency=declaration.waybill_currency,
        insured_fee=_five(declaration.insured_fee),
        insurance_currency=declaration.waybill_currency,
        wrap_type=declaration.wrap_type,
        pack_no=declaration.package_count,
        gross_weight=_five(declaration.gross_weight_kg),
        net_weight=_five(declaration.net_weight_kg),
        ie_date=timezone.localdate(_app_time(declaration)),
        app_type=declaration.app_type,
        app_time=_app_time(declaration),
        pre_no=declaration.pre_no,
        invt_no=declaration.invt_no,
    )
    lines = tuple(
        m.InventoryLine(
            gnum=line.gnum,
            item_no=line.item_no,
            item_name=line.item_name,
            gcode=line.hs_code,
            gname=line.item_name,
            gmodel=" ".join(line.declaration_elements.split())[:250],
            bar_code=line.bar_code or "无",
            country=declaration.destination_country,
            currency=declaration.currency,
            qty=_five(line.quantity),
            unit=line.unit.customs_code,
            qty1=_five(line.qty1) if line.qty1 is not None else None,
            unit1=line.unit1.customs_code if line.unit1 else "",
            qty2=_five(line.qty2) if line.unit2 and line.qty2 is not None else None,
            unit2=line.unit2.customs_code if line.unit2 else "",
            price=_five(line.unit_price),
            total_price=_five(line.total_price),
        )
        for line in _lines(declaration)
    )
    return m.InventoryMessage(
        guid=_guid(declaration, "ceb603"),
        inventories=(m.Inventory(head=head, lines=lines),),
        transfer=_transfer(declaration),
    )


def _iso3(iso2: str) -> str:
    return CountryCode.objects.filter(iso2=iso2).values_list("iso3", flat=True).first() or ""


def full_declaration(declaration: Declaration) -> m.FullDeclaration:
    """The full declaration record (ISO codes, terms of sale, HS + inspection code, elements)."""
    supplier = declaration.supplier
    destination = _iso3(declaration.destination_country)
    if declaration.mode == TradeMode.WAREHOUSE:
        consignee = declaration.booking.warehouse.name
    else:
        consignee = declaration.order.buyer_company.name if declaration.order.buyer_company_id else ""
    origins = {line.origin_country for line in _lines(declaration)}
    iso3 = dict(CountryCode.objects.filter(iso2__in=origins).values_list("iso2", "iso3"))
    return m.FullDeclaration(
        number=declaration.number,
        trade_mode=declaration.mode,
        customs_code=declaration.customs_office.code if declaration.customs_office else "",
        port_code=declaration.port.code if declaration.port else "",
        exporter_code=supplier.customs_code or supplier.registration_number,
        exporter_name=supplier.name,
        consignee_name=consignee,
        trade_country=destination,
        destination_country=destination,
        traf_mode=declaration.transport_mode.code if declaration.transport_mode else "",
        terms_of_sale=declaration.terms_of_sale,
        incoterm=declaration.incoterm.code if declaration.incoterm else "",
        currency=declaration.currency,
        freight=_five(declaration.freight),
        insurance=_five(declaration.insured_fee),
        pack_no=declaration.package_count,
        wrap_type=declaration.wrap_type,
        gross_weight=_five(declaration.gross_weight_kg),
        net_weight=_five(declaration.net_weight_kg),
        attachment_number=declaration.source_number,
        transport_document_no=declaration.waybill_number,
        license_no=next((line.licence.number for line in declaration.lines.all() if line.licence_id), ""),
        declared_on=timezone.localdate(_app_time(declaration)),
        lines=tuple(
            m.FullDeclarationLine(
                gnum=line.gnum,
                item_no=line.item_no,
                hs_code=line.hs_code,
                inspection_code=line.inspection_code,
                name=line.item_name,
                declaration_elements=line.declaration_elements,
                qty=_five(line.quantity),
                unit=line.unit.customs_code,
                qty1=_five(line.qty1) if line.qty1 is not None else None,
                unit1=line.unit1.customs_code if line.unit1 else "",
                qty2=_five(line.qty2) if line.unit2 and line.qty2 is not None else None,
                unit2=line.unit2.customs_code if line.unit2 else "",
                unit_price=_five(line.unit_price),
                total_price=_five(line.total_price),
                currency=declaration.currency,
                origin_country=iso3.get(line.origin_country, ""),
                destination_country=destination,
            )
            for line in _lines(declaration)
        ),
    )


def available_messages(declaration: Declaration) -> list[str]:
    """The XML messages this declaration files: the list adds CEB603."""
    names = ["ceb303", "ceb505"]
    if declaration.route == Route.LIST:
        names.append("ceb603")
    return names


def build_xml(declaration: Declaration, message: str) -> bytes:
    """One message as schema-valid XML; raises MessageError naming the fields at fault."""
    from marketplace.customs.messages import ceb

    codes = code_map()
    if message == "ceb303":
        return ceb.build_ceb303(order_message(declaration), codes=codes)
    if message == "ceb505":
        return ceb.build_ceb505(waybill_message(declaration), codes=codes)
    if message == "ceb603" and declaration.route == Route.LIST:
        return ceb.build_ceb603(inventory_message(declaration), codes=codes)
    raise LookupError(message)


def build_dxp(declaration: Declaration, message: str) -> bytes:
    """The message in its DXP transport envelope, addressed from the platform's DXP id."""
    from marketplace.customs.messages.dxp import wrap_in_dxp

    return wrap_in_dxp(
        build_xml(declaration, message),
        sender_id=CustomsSettings.current().dxp_id,
        created_at=_app_time(declaration),
        file_name=f"{message.upper()}-{declaration.number}.xml",
    )


def build_declaration_json(declaration: Declaration) -> bytes:
    from marketplace.customs.messages.declaration import export_full_declaration

    return export_full_declaration(full_declaration(declaration))


def cross_check_problems(declaration: Declaration) -> list[tuple[str, str]]:
    """Rule 4 as customs applies it: order, waybill and list agree (三单对碰)."""
    from marketplace.customs.messages.crosscheck import cross_check

    if declaration.route != Route.LIST:
        return []
    errors = cross_check(
        order=order_message(declaration).orders[0],
        waybill=waybill_message(declaration).waybills[0],
        inventory=inventory_message(declaration).inventories[0],
    )
    return [(field_for(error.field), str(error)) for error in errors]


# Codec field paths → the declaration's own field names, so problems show next to the field.
HEAD_FIELD_MAP = {
    "customs_code": "customs_office",
    "port_code": "port",
    "pod": "destination_port",
    "traf_mode": "transport_mode",
    "wrap_type": "wrap_type",
    "statistics_flag": "statistics_flag",
    "ebc_code": "supplier",
    "owner_code": "supplier",
    "ebp_code": "route",
    "cop_code": "firm",
    "agent_code": "firm",
    "dxp_id": "route",
    "logistics_code": "logistics_code",
    "logistics_name": "logistics_name",
    "logistics_no": "waybill_number",
    "pack_no": "package_count",
    "gross_weight": "gross_weight_kg",
    "net_weight": "net_weight_kg",
    "goods_info": "goods_description",
    "country": "destination_country",
    "currency": "currency",
    "freight_currency": "waybill_currency",
    "insurance_currency": "waybill_currency",
    "terms_of_sale": "terms_of_sale",
}
LINE_FIELD_MAP = {
    "gcode": "hs_code",
    "hs_code": "hs_code",
    "gmodel": "declaration_elements",
    "declaration_elements": "declaration_elements",
    "inspection_code": "inspection_code",
    "qty1": "qty1",
    "qty2": "qty2",
    "unit": "unit",
    "unit1": "qty1",
    "unit2": "qty2",
    "price": "unit_price",
    "unit_price": "unit_price",
    "total_price": "total_price",
    "qty": "quantity",
}
LINE_PATH = re.compile(r"lines\[(\d+)\]\.(\w+)")


def field_for(path: str) -> str:
    match = LINE_PATH.search(path)
    if match:
        gnum, name = int(match.group(1)) + 1, match.group(2)
        return f"lines.{gnum}.{LINE_FIELD_MAP.get(name, name)}"
    name = path.rsplit(".", 1)[-1] if path else ""
    return HEAD_FIELD_MAP.get(name, "route")


def export_problems(declaration: Declaration) -> list[tuple[str, str]]:
    """What keeps the route's messages from validating against the schema, by field."""
    problems: list[tuple[str, str]] = []
    builders = [lambda name=name: build_xml(declaration, name) for name in available_messages(declaration)]
    if declaration.route == Route.FULL:
        builders.append(lambda: build_declaration_json(declaration))
    for build in builders:
        try:
            build()
        except MessageError as error:
            problems.extend(
                (field_for(item.field or item.location), f"{error.subject}: {item.message}")
                for item in error.errors
            )
    if not problems:
        problems.extend(cross_check_problems(declaration))
    return problems
