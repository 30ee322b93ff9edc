"""Initial reference data, loaded by a data migration and editable afterwards by staff."""

import csv
from decimal import Decimal
from pathlib import Path

from catalog.specs.classes import PRODUCT_CLASSES

HS_REFERENCE_CSV = Path(__file__).resolve().parent.parent / "data" / "hs_reference.csv"

# (code, name, Chinese name, customs unit code)
UNITS = [
    ("kg", "kilogram", "千克", "035"),
    ("t", "tonne (metric ton)", "吨", "070"),
    ("g", "gram", "克", "036"),
    ("l", "litre", "升", "095"),
    ("m", "metre", "米", "030"),
    ("m2", "square metre", "平方米", "032"),
    ("m3", "cubic metre", "立方米", "033"),
    ("pcs", "piece", "个", "007"),
    ("item", "piece (article)", "件", "011"),
    ("set", "set", "套", "006"),
    ("unit", "unit (machine)", "台", "001"),
    ("vehicle", "vehicle", "辆", "003"),
    ("box", "box", "箱", "120"),
    ("drum", "drum", "桶", "123"),
    ("bag", "bag", "袋", "125"),
    ("kwh", "kilowatt-hour", "千瓦时", "062"),
    ("w", "watt", "瓦", ""),  # no customs code found for the watt (hs_reference.md §2.3)
]
CONVERSIONS = [("t", "kg", "1000"), ("kg", "g", "1000"), ("m3", "l", "1000")]

# Incoterms 2020: (code, name, sea only, customs terms-of-sale code)
INCOTERMS = [
    ("EXW", "Ex Works", False, "7"),
    ("FCA", "Free Carrier", False, ""),
    ("CPT", "Carriage Paid To", False, ""),
    ("CIP", "Carriage and Insurance Paid To", False, ""),
    ("DAP", "Delivered at Place", False, ""),
    ("DPU", "Delivered at Place Unloaded", False, ""),
    ("DDP", "Delivered Duty Paid", False, ""),
    ("FAS", "Free Alongside Ship", True, ""),
    ("FOB", "Free on Board", True, "3"),
    ("CFR", "Cost and Freight", True, "2"),
    ("CIF", "Cost, Insurance and Freight", True, "1"),
]

# (ISO code, name, customs numeric code, decimal places)
CURRENCIES = [
    ("USD", "US dollar", "502", 2),
    ("EUR", "Euro", "300", 2),
    ("CNY", "Chinese yuan", "142", 2),
    ("RUB", "Russian rouble", "344", 2),
    ("MNT", "Mongolian tögrög", "", 2),
]


def _clean(value: str) -> tuple[str, bool]:
    """A CSV cell without the research markers, and whether it was unconfirmed."""
    value = value.strip()
    unsure = value.endswith("?") or "UNCONFIRMED" in value
    value = value.rstrip("?").strip()
    if value.upper().startswith("UNCONFIRMED") or value.lower().startswith("none"):
        value = ""
    return value, unsure


def hs_rows() -> list[dict]:
    """The tariff lines of hs_reference.csv as model field values."""
    rows = []
    with HS_REFERENCE_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code, code_unsure = _clean(row["hs_code"])
            unit1, unit1_unsure = _clean(row["unit1_code"])
            unit2, unit2_unsure = _clean(row["unit2_code"])
            supervision, _ = _clean(row["supervision_conditions"])
            inspection, _ = _clean(row["inspection_category"])
            rows.append(
                {
                    "code": code,
                    "description": row["description_en"].strip()[:300],
                    "description_zh": row["description_zh"].strip()[:300],
                    "unit1_customs_code": unit1 if unit1.isdigit() else "",
                    "unit2_customs_code": unit2 if unit2.isdigit() else "",
                    # Keep only the code letters ("4,6,A,x,y (jingyu100...)" → "46Axy").
                    "supervision_conditions": "".join(
                        char for char in supervision.split("(")[0] if char.isalnum()
                    )[:20],
                    # First token only ("L/M as shown by htshub" → "L/M").
                    "inspection_category": (inspection.split("(")[0].split() or [""])[0].rstrip("?")[:20],
                    "declaration_elements": row["declaration_elements"].strip(),
                    "export_vat_refund_rate": row["export_vat_refund_rate"].strip()[:200],
                    "export_duty_rate": row["export_duty_rate"].strip()[:200],
                    "source": f"{row['source_url'].strip()} (confidence: {row['confidence'].strip()})",
                    "needs_review": row["confidence"].strip() != "high"
                    or code_unsure
                    or unit1_unsure
                    or unit2_unsure,
                }
            )
    return rows


def load_reference_data(apps) -> None:
    """Create or update every seed row. ``apps``: a migration's registry or django.apps.apps."""
    Unit = apps.get_model("catalogue", "Unit")
    UnitConversion = apps.get_model("catalogue", "UnitConversion")
    Incoterm = apps.get_model("catalogue", "Incoterm")
    Currency = apps.get_model("catalogue", "Currency")
    HSCode = apps.get_model("catalogue", "HSCode")

    units = {}
    for code, name, name_zh, customs_code in UNITS:
        units[code], _ = Unit.objects.update_or_create(
            code=code, defaults={"name": name, "name_zh": name_zh, "customs_code": customs_code}
        )
    for from_code, to_code, factor in CONVERSIONS:
        UnitConversion.objects.update_or_create(
            from_unit=units[from_code], to_unit=units[to_code], defaults={"factor": Decimal(factor)}
        )
    for code, name, sea_only, terms_code in INCOTERMS:
        Incoterm.objects.update_or_create(
            code=code, defaults={"name": name, "sea_only": sea_only, "customs_terms_code": terms_code}
        )
    for code, name, customs_code, decimals in CURRENCIES:
        Currency.objects.update_or_create(
            code=code, defaults={"name": name, "customs_code": customs_code, "decimal_places": decimals}
        )
    by_customs_code = {unit.customs_code: unit for unit in units.values() if unit.customs_code}
    for row in hs_rows():
        unit1 = by_customs_code.get(row.pop("unit1_customs_code"))
        unit2 = by_customs_code.get(row.pop("unit2_customs_code"))
        HSCode.objects.update_or_create(
            code=row.pop("code"), defaults={**row, "unit1": unit1, "unit2": unit2}
        )


def load_product_classes(apps) -> None:
    ProductClass = apps.get_model("catalogue", "ProductClass")
    for slug, name in PRODUCT_CLASSES.items():
        ProductClass.objects.update_or_create(slug=slug, defaults={"name": name, "requires_shipping": True})
