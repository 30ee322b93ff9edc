"""Example messages for the codec tests: a methanol order (9710), a booking (9810), waybill, list."""

from datetime import UTC, date, datetime
from decimal import Decimal

from marketplace.customs.messages.data import (
    BaseTransfer,
    CodeMap,
    FullDeclaration,
    FullDeclarationLine,
    Inventory,
    InventoryHead,
    InventoryLine,
    InventoryMessage,
    Order,
    OrderHead,
    OrderLine,
    OrderMessage,
    OrderType,
    TradeMode,
    Waybill,
    WaybillMessage,
)

CODES = CodeMap(
    currencies={"CNY": "142", "USD": "502", "RUB": "501", "MNT": "141"},
    countries={"CN": "142", "RU": "344", "MN": "124", "US": "502"},
)
FILED_AT = datetime(2026, 5, 7, 7, 34, 1, tzinfo=UTC)  # 15:34:01 in Beijing
TRANSFER = BaseTransfer(cop_code="1505960001", cop_name="Ordos Trade Service Co.", dxp_id="DXPENT0000012345")


def order_message(*, order_type: str = OrderType.B2B, price: Decimal = Decimal("412.50")) -> OrderMessage:
    lines = (
        OrderLine(
            gnum=1,
            item_no="MEOH-99.85",
            item_name="甲醇 Methanol 99.85%",
            unit="070",
            currency="USD",
            qty=Decimal("20"),
            price=price,
            total_price=Decimal("20") * price,
        ),
        OrderLine(
            gnum=2,
            item_no="PVC-SG5",
            item_name="聚氯乙烯 PVC resin SG-5",
            unit="070",
            currency="USD",
            qty=Decimal("3.5"),
            price=Decimal("701.12345"),
            total_price=Decimal("2453.93"),
            bar_code="6901234567892",
        ),
    )
    warehouse = order_type == OrderType.WAREHOUSE
    head = OrderHead(
        guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
        order_type=order_type,
        order_no="W-2026-0007" if warehouse else "ORD-2026-000123",
        ebp_code="MNUB2026OW01" if warehouse else "1505980001",
        ebp_name="Ulaanbaatar Overseas Warehouse" if warehouse else "Ordos Industrial Exchange",
        ebc_code="91150600MA0N123456",
        ebc_name="Ordos Clean Chemicals Ltd.",
        goods_value=sum((line.total_price for line in lines), Decimal(0)),
        currency="USD",
        app_time=FILED_AT,
    )
    return OrderMessage(
        guid="311AF125-6FED-4603-8C5D-49B1FA4B4B9B",
        orders=(Order(head=head, lines=lines),),
        transfer=TRANSFER,
    )


def waybill_message() -> WaybillMessage:
    waybill = Waybill(
        guid="9F3C1E2A-0B7D-4E55-8A61-3C2D1B0A9F88",
        logistics_code="1505980123",
        logistics_name="Erenhot Cross-border Logistics",
        logistics_no="EH2026050700001",
        freight=Decimal("1200"),
        insured_fee=Decimal("35.5"),
        currency="USD",
        gross_weight=Decimal("23800.5"),
        pack_no=24,
        goods_info="Methanol in drums; PVC resin in bags",
        app_time=FILED_AT,
        ebc_code="91150600MA0N123456",
        ebc_name="Ordos Clean Chemicals Ltd.",
    )
    return WaybillMessage(guid="2B4D6F80-1A3C-4E5F-9071-A2B3C4D5E6F7", waybills=(waybill,), transfer=TRANSFER)


def inventory_message(*, trade_mode: str = TradeMode.B2B_DIRECT) -> InventoryMessage:
    line = InventoryLine(
        gnum=1,
        item_no="CASH-YARN-2/26",
        gcode="5108109000",
        gname="精梳山羊绒纱线",
        gmodel="0|0|精梳|山羊绒100%|非供零售用|无品牌",
        country="MN",
        currency="USD",
        qty=Decimal("120"),
        unit="035",
        qty1=Decimal("120"),
        unit1="035",
        price=Decimal("38.75"),
        total_price=Decimal("4650"),
        item_name="Cashmere yarn 2/26Nm",
    )
    head = InventoryHead(
        guid="6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
        customs_code="0702",
        port_code="0702",
        order_no="ORD-2026-000124",
        ebp_code="1505980001",
        ebp_name="Ordos Industrial Exchange",
        ebc_code="91150600MA0N654321",
        ebc_name="Ordos Cashmere Works",
        logistics_code="1505980123",
        logistics_name="Erenhot Cross-border Logistics",
        logistics_no="EH2026050700002",
        cop_no="INV-2026-000124",
        agent_code="1505960001",
        agent_name="Ordos Trade Service Co.",
        owner_code="91150600MA0N654321",
        owner_name="Ordos Cashmere Works",
        trade_mode=trade_mode,
        traf_mode="4",
        statistics_flag="A",
        country="MN",
        pod="1240",
        freight=Decimal("80"),
        freight_currency="USD",
        insured_fee=Decimal("0"),
        insurance_currency="USD",
        wrap_type="2",
        pack_no=6,
        gross_weight=Decimal("132.4"),
        net_weight=Decimal("120"),
        ie_date=date(2026, 5, 8),
        app_time=FILED_AT,
    )
    return InventoryMessage(
        guid="7B2C3D4E-5F6A-4B7C-9D8E-0F1A2B3C4D5E",
        inventories=(Inventory(head=head, lines=(line,)),),
        transfer=TRANSFER,
    )


def full_declaration() -> FullDeclaration:
    lines = (
        FullDeclarationLine(
            gnum=1,
            item_no="MEOH-99.85",
            hs_code="2905110000",
            inspection_code="999",
            name="甲醇 Methanol",
            declaration_elements="0|0|甲醇|99.85%|工业用|无品牌|无型号",
            qty=Decimal("20"),
            unit="070",
            qty1=Decimal("20000"),
            unit1="035",
            unit_price=Decimal("412.5"),
            total_price=Decimal("8250"),
            currency="USD",
            origin_country="CHN",
            destination_country="MNG",
        ),
        FullDeclarationLine(
            gnum=2,
            item_no="BEV-SEDAN-01",
            hs_code="8703801090",
            inspection_code="101",
            name="纯电动乘用车 Battery-electric sedan",
            declaration_elements="1|1|纯电动|5座|无品牌|BEV-01",
            qty=Decimal("2"),
            unit="003",
            qty1=Decimal("2"),
            unit1="003",
            qty2=Decimal("3700"),
            unit2="035",
            unit_price=Decimal("18500.12345"),
            total_price=Decimal("37000.25"),
            currency="USD",
            origin_country="CHN",
            destination_country="MNG",
        ),
    )
    return FullDeclaration(
        number="DCL-2026-000031",
        trade_mode=TradeMode.B2B_DIRECT,
        customs_code="0702",
        port_code="0702",
        exporter_code="91150600MA0N123456",
        exporter_name="Ordos Clean Chemicals Ltd.",
        consignee_name="Ulaanbaatar Trading LLC",
        trade_country="MNG",
        destination_country="MNG",
        traf_mode="4",
        terms_of_sale="7",
        incoterm="EXW",
        currency="USD",
        freight=Decimal("1200"),
        insurance=Decimal("35.5"),
        pack_no=22,
        wrap_type="22",
        gross_weight=Decimal("27600"),
        net_weight=Decimal("23700"),
        attachment_number="ORD-2026-000123",
        lines=lines,
        declared_on=date(2026, 5, 8),
        license_no="26-MN-EV-000123",
    )
