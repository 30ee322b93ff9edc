from django.db import migrations

from search.synonyms import seed_synonyms


def seed(apps, schema_editor):
    seed_synonyms(apps)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
