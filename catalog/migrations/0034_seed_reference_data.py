"""Units, conversions, Incoterms, currencies and the researched HS lines (editable later)."""

from decimal import Decimal

from django.db import migrations

from catalog.reference import seed


def load(apps, schema_editor):
    Unit = apps.get_model("catalogue", "Unit")
    UnitConversion = apps.get_model("catalogue", "UnitConversion")
    Incoterm = apps.get_model("catalogue", "Incoterm")
    Currency = apps.get_model("catalogue", "Currency")
    HSCode = apps.get_model("catalogue", "HSCode")

    units = {}
    for code, name, name_zh, customs_code in seed.UNITS:
        units[code], _ = Unit.objects.update_or_create(
            code=code, defaults={"name": name, "name_zh": name_zh, "customs_code": customs_code}
        )
    for from_code, to_code, factor in seed.CONVERSIONS:
        UnitConversion.objects.update_or_create(
            from_unit=units[from_code], to_unit=units[to_code], defaults={"factor": Decimal(factor)}
        )
    for code, name, sea_only, terms_code in seed.INCOTERMS:
        Incoterm.objects.update_or_create(
            code=code, defaults={"name": name, "sea_only": sea_only, "customs_terms_code": terms_code}
        )
    for code, name, customs_code, decimals in seed.CURRENCIES:
        Currency.objects.update_or_create(
            code=code, defaults={"name": name, "customs_code": customs_code, "decimal_places": decimals}
        )
    by_customs_code = {unit.customs_code: unit for unit in units.values() if unit.customs_code}
    for row in seed.hs_rows():
        unit1 = by_customs_code.get(row.pop("unit1_customs_code"))
        unit2 = by_customs_code.get(row.pop("unit2_customs_code"))
        HSCode.objects.update_or_create(code=row.pop("code"), defaults={**row, "unit1": unit1, "unit2": unit2})


def unload(apps, schema_editor):
    for model in ("HSCode", "UnitConversion", "Unit", "Incoterm", "Currency"):
        apps.get_model("catalogue", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_reference_data")]

    operations = [migrations.RunPython(load, unload)]
