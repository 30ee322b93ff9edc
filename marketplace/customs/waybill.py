"""The waybill data a CEB505 needs, as entered on the desk or filled from a shipment."""

from dataclasses import dataclass
from decimal import Decimal

MAX_PACKAGES = 999_999_999  # CEB505 packNo: an int of at most 9 digits


@dataclass(frozen=True)
class WaybillData:
    logistics_code: str
    logistics_name: str
    waybill_number: str
    freight: Decimal
    insured_fee: Decimal
    currency: str  # ISO 4217
    gross_weight_kg: Decimal
    package_count: int
    goods_description: str
