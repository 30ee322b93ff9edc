"""Plain data of the customs messages (CEB303/505/603, their receipts) and of the full declaration.

The codec in this package is pure Python: it never imports Django models, so customs-core maps its
models onto these frozen dataclasses and the codec turns them into XML / JSON and back.

Codes in, codes out
-------------------
* **Currencies** are ISO 4217 (``"CNY"``, ``"USD"``) and **countries** ISO 3166-1 alpha-2 (``"RU"``,
  like ``Company.country`` and ``OverseasWarehouse.country``) in every CEB dataclass. CEB messages carry
  customs numeric codes (142 CNY, 502 USD; 344 Russia), so every builder and parser takes a
  :class:`CodeMap` (ISO → customs code, built by the caller from the reference tables it keeps editable)
  and maps on output / maps back on input. A code missing from the map is refused, naming the field.
* **Units** have no ISO code: lines carry the customs unit code (``"035"`` kg, ``"070"`` tonne), which the
  catalogue keeps as ``Unit.customs_code``.
* **Customs offices, ports, transport mode, wrap type, POD** are customs codes already (passed through).
* **Required text** must not be blank, even where the XSD would accept an empty element; optional
  elements are left out when their field is ``""`` (or ``None`` for ``qty2``).
* The **full declaration record** (:class:`FullDeclaration`) uses ISO 3166-1 alpha-3 and ISO 4217 as the
  full declaration does; the caller converts alpha-2 → alpha-3.
* **Amounts and quantities** are :class:`~decimal.Decimal` with at most 5 fraction digits (refused
  otherwise, never rounded silently). **Times** are timezone-aware datetimes, written in Beijing time
  (``Asia/Shanghai``) as ``YYYYMMDDhhmmss``; seconds are the finest unit kept (microseconds are dropped
  when the dataclass is created, so a message parses back equal). Dates are :class:`datetime.date`.
* **9810**: ``order_type`` is ``"W"`` and the overseas warehouse is the *ebp* (``ebp_code`` = its customs
  registration number, ``ebp_name`` = its name); **9710** uses ``"B"`` with the marketplace as ebp.
  :func:`order_type_for` maps a trade mode to its order type.

Field names are the XML names in snake_case (``logisticsNo`` → ``logistics_no``); the few exceptions
are noted on the field (``POD`` → ``pod``, ``fCurrency`` → ``freight_currency``...).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

CEB_NAMESPACE = "http://www.chinaport.gov.cn/ceb"
DXP_NAMESPACE = "http://www.chinaport.gov.cn/dxp"


def new_guid() -> str:
    """A message / entity guid as customs wants it: a 36-character uppercase UUID."""
    return str(uuid.uuid4()).upper()


def _drop_microseconds(instance: object, name: str) -> None:
    value = getattr(instance, name)
    if isinstance(value, datetime) and value.microsecond:
        object.__setattr__(instance, name, value.replace(microsecond=0))


class TradeMode(StrEnum):
    B2B_DIRECT = "9710"
    OVERSEAS_WAREHOUSE = "9810"


class OrderType(StrEnum):
    B2B = "B"  # 9710
    WAREHOUSE = "W"  # 9810 overseas-warehouse booking (订仓单)


def order_type_for(trade_mode: str) -> OrderType:
    """CEB303 orderType for a customs trade mode: B for 9710, W for 9810."""
    return {TradeMode.B2B_DIRECT: OrderType.B2B, TradeMode.OVERSEAS_WAREHOUSE: OrderType.WAREHOUSE}[
        TradeMode(trade_mode)
    ]


class AppType(StrEnum):
    NEW = "1"
    CHANGE = "2"  # a rejected message corrected and re-filed
    DELETE = "3"


class AppStatus(StrEnum):
    DRAFT = "1"
    DECLARE = "2"


@dataclass(frozen=True, kw_only=True)
class CodeMap:
    """ISO → customs numeric codes, e.g. ``currencies={"CNY": "142"}``, ``countries={"RU": "344"}``."""

    currencies: Mapping[str, str]
    countries: Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class BaseTransfer:
    """The filer of a message: ``copCode``/``copName`` and its DXP address (``dxpId``)."""

    cop_code: str
    cop_name: str
    dxp_id: str
    dxp_mode: str = "DXP"
    note: str = ""


# --- CEB303 order / overseas-warehouse booking -------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class OrderLine:
    gnum: int
    item_no: str
    item_name: str
    unit: str  # customs unit code (035 kg)
    currency: str  # ISO 4217
    qty: Decimal
    price: Decimal
    total_price: Decimal
    item_describe: str = ""
    bar_code: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class OrderHead:
    order_type: OrderType | str  # "B" (9710) or "W" (9810)
    order_no: str
    ebp_code: str  # 9810: the warehouse's customs registration number
    ebp_name: str  # 9810: the warehouse's name
    ebc_code: str
    ebc_name: str
    goods_value: Decimal
    currency: str  # ISO 4217
    app_time: datetime
    freight: Decimal = Decimal("0")
    app_type: AppType | str = AppType.NEW
    app_status: AppStatus | str = AppStatus.DECLARE
    note: str = ""
    guid: str = field(default_factory=new_guid)

    def __post_init__(self) -> None:
        _drop_microseconds(self, "app_time")


@dataclass(frozen=True, kw_only=True)
class Order:
    head: OrderHead
    lines: tuple[OrderLine, ...]


@dataclass(frozen=True, kw_only=True)
class OrderMessage:
    """CEB303Message: 1..100 orders and the filer."""

    orders: tuple[Order, ...]
    transfer: BaseTransfer
    guid: str = field(default_factory=new_guid)
    version: str = "1.0"


# --- CEB505 waybill ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Waybill:
    logistics_code: str
    logistics_name: str
    logistics_no: str
    freight: Decimal
    insured_fee: Decimal
    currency: str  # ISO 4217
    gross_weight: Decimal  # kg
    pack_no: int
    goods_info: str
    app_time: datetime
    app_type: AppType | str = AppType.NEW
    app_status: AppStatus | str = AppStatus.DECLARE
    ebc_code: str = ""
    ebc_name: str = ""
    ebc_telephone: str = ""
    note: str = ""
    guid: str = field(default_factory=new_guid)

    def __post_init__(self) -> None:
        _drop_microseconds(self, "app_time")


@dataclass(frozen=True, kw_only=True)
class WaybillMessage:
    """CEB505Message: 1..100 waybills and the filer."""

    waybills: tuple[Waybill, ...]
    transfer: BaseTransfer
    guid: str = field(default_factory=new_guid)
    version: str = "1.0"


# --- CEB603 declaration list -------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class InventoryLine:
    gnum: int
    item_no: str
    gcode: str  # HS code, 10 digits
    gname: str
    gmodel: str  # the HS code's declaration elements, in order ("1:...|2:...")
    country: str  # ISO alpha-2, final destination country
    currency: str  # ISO 4217
    qty: Decimal
    unit: str  # customs unit code of the declared quantity
    qty1: Decimal
    unit1: str  # first legal unit
    price: Decimal
    total_price: Decimal
    qty2: Decimal | None = None  # only when the HS code has a second legal unit
    unit2: str = ""
    bar_code: str = "无"
    item_name: str = ""
    item_record_no: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class InventoryHead:
    customs_code: str  # 4-digit customs office filing the list
    port_code: str  # 4-digit customs office of exit
    order_no: str
    ebp_code: str
    ebp_name: str
    ebc_code: str
    ebc_name: str
    logistics_code: str
    logistics_name: str
    logistics_no: str
    cop_no: str
    agent_code: str
    agent_name: str
    owner_code: str
    owner_name: str
    trade_mode: TradeMode | str  # 9710 / 9810
    traf_mode: str  # 2 sea, 3 rail, 4 road, 5 air
    statistics_flag: str  # A simplified, B summary
    country: str  # ISO alpha-2, country of arrival
    pod: str  # XML "POD": destination port code (customs parameter, 3-4 chars)
    freight: Decimal
    freight_currency: str  # XML "fCurrency", ISO 4217
    insured_fee: Decimal
    insurance_currency: str  # XML "iCurrency", ISO 4217
    wrap_type: str
    pack_no: int
    gross_weight: Decimal  # kg
    net_weight: Decimal  # kg
    ie_date: date
    app_time: datetime
    freight_flag: str = "3"  # XML "fFlag": 3 total amount
    insurance_flag: str = "3"  # XML "iFlag"
    ie_flag: str = "E"
    app_type: AppType | str = AppType.NEW
    app_status: AppStatus | str = AppStatus.DECLARE
    pre_no: str = ""  # returned by customs (CEB604)
    invt_no: str = ""  # returned by customs (CEB604)
    iac_code: str = ""
    iac_name: str = ""
    ems_no: str = ""
    traf_name: str = ""
    voyage_no: str = ""
    bill_no: str = ""
    total_package_no: str = ""
    loct_no: str = ""
    license_no: str = ""
    note: str = ""
    guid: str = field(default_factory=new_guid)

    def __post_init__(self) -> None:
        _drop_microseconds(self, "app_time")


@dataclass(frozen=True, kw_only=True)
class Inventory:
    head: InventoryHead
    lines: tuple[InventoryLine, ...]


@dataclass(frozen=True, kw_only=True)
class InventoryMessage:
    """CEB603Message: 1..100 declaration lists and the filer."""

    inventories: tuple[Inventory, ...]
    transfer: BaseTransfer
    guid: str = field(default_factory=new_guid)
    version: str = "1.0"


# --- receipts (CEB304 / CEB506 / CEB604) -------------------------------------------------------


class ReceiptKind(StrEnum):
    ORDER = "order"  # CEB304 OrderReturn
    WAYBILL = "waybill"  # CEB506 LogisticsReturn
    INVENTORY = "inventory"  # CEB604 InventoryReturn


@dataclass(frozen=True, kw_only=True)
class Receipt:
    """One return entity. ``return_status`` is kept as sent ("120", "-301010"); see ``status_code``."""

    kind: ReceiptKind
    guid: str
    return_status: str
    return_time: datetime  # Beijing time, milliseconds kept (yyyyMMddHHmmssfff)
    return_info: str
    order_no: str = ""  # CEB304, CEB604
    ebp_code: str = ""  # CEB304, CEB604
    ebc_code: str = ""  # CEB304, CEB604
    logistics_code: str = ""  # CEB506
    logistics_no: str = ""  # CEB506
    agent_code: str = ""  # CEB604
    cop_no: str = ""  # CEB604
    pre_no: str = ""  # CEB604
    invt_no: str = ""  # CEB604
    statistics_flag: str = ""  # CEB604

    @property
    def status_code(self) -> int:
        return int(self.return_status)


@dataclass(frozen=True, kw_only=True)
class ReceiptMessage:
    message_type: str  # "CEB304", "CEB506" or "CEB604"
    guid: str
    version: str
    receipts: tuple[Receipt, ...]


# --- full customs declaration (报关单) record --------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class FullDeclarationLine:
    gnum: int
    item_no: str
    hs_code: str  # 10 digits
    inspection_code: str  # 3 digits (CIQ code)
    name: str
    declaration_elements: str  # 申报要素, in the HS code's order
    qty: Decimal
    unit: str  # customs unit code of the declared quantity
    qty1: Decimal
    unit1: str
    unit_price: Decimal
    total_price: Decimal
    currency: str  # ISO 4217
    origin_country: str  # ISO alpha-3
    destination_country: str  # ISO alpha-3
    qty2: Decimal | None = None
    unit2: str = ""


@dataclass(frozen=True, kw_only=True)
class FullDeclaration:
    """The head and lines of a full declaration with trade mode 9710/9810 and the 10000004 attachment."""

    number: str  # our declaration number
    trade_mode: TradeMode | str
    customs_code: str  # 4-digit declaring customs office
    port_code: str  # 4-digit exit customs office
    exporter_code: str  # 10-char customs code or 18-char USCC
    exporter_name: str
    consignee_name: str  # foreign buyer (9710) or overseas warehouse (9810)
    trade_country: str  # ISO alpha-3
    destination_country: str  # ISO alpha-3
    traf_mode: str
    terms_of_sale: str  # customs terms-of-sale code: 1 CIF, 2 C&F, 3 FOB, 7 EXW...
    incoterm: str  # Incoterms 2020 rule the code was mapped from
    currency: str  # ISO 4217
    freight: Decimal
    insurance: Decimal
    pack_no: int
    wrap_type: str
    gross_weight: Decimal
    net_weight: Decimal
    attachment_number: str  # the order or booking number, named by the 10000004 attachment
    lines: tuple[FullDeclarationLine, ...]
    declared_on: date
    attachment_type: str = "10000004"
    transport_document_no: str = ""
    license_no: str = ""
    note: str = ""
