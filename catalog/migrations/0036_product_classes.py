"""The exchange's product classes; their typed specs are listed in catalog/specs/registry.py."""

from django.db import migrations

from catalog.reference import seed


def create_classes(apps, schema_editor):
    seed.load_product_classes(apps)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0035_typed_specs")]

    operations = [migrations.RunPython(create_classes, migrations.RunPython.noop)]
