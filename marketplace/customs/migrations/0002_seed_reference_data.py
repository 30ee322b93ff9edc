from django.db import migrations


def seed(apps, schema_editor):
    from marketplace.customs.seed import load_reference_data

    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("customs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
