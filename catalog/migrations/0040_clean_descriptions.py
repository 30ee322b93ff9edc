"""Clean the markup of descriptions stored before they were cleaned on save (issue #18).

Product pages show descriptions as HTML; rows written before Product.clean and translate_product
cleaned them may hold scripts, event handlers or javascript: links. Cleaning is idempotent, so
running this again changes nothing, and there is nothing to undo.
"""

from django.db import migrations

from marketplace.core.html import clean_html

BATCH = 1000


def clean(model) -> None:
    changed = []
    for row in model.objects.exclude(description="").only("pk", "description").iterator(chunk_size=BATCH):
        cleaned = clean_html(row.description)
        if cleaned != row.description:
            row.description = cleaned
            changed.append(row)
    model.objects.bulk_update(changed, ["description"], batch_size=BATCH)


def clean_descriptions(apps, schema_editor):
    clean(apps.get_model("catalogue", "Product"))
    clean(apps.get_model("catalogue", "ProductTranslation"))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0039_product_moderation")]

    operations = [migrations.RunPython(clean_descriptions, migrations.RunPython.noop)]
