"""Units, conversions, Incoterms, currencies and the researched HS lines (editable later)."""

from django.db import migrations

from catalog.reference import seed


def load(apps, schema_editor):
    seed.load_reference_data(apps)


def unload(apps, schema_editor):
    for model in ("HSCode", "UnitConversion", "Unit", "Incoterm", "Currency"):
        apps.get_model("catalogue", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_reference_data")]

    operations = [migrations.RunPython(load, unload)]
