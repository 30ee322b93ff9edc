import django.contrib.postgres.search
from django.db import migrations, models

import search.models


def drop_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_vector")


def create_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX search_doc_vector ON search_productdocument USING gin (search_vector)"
        )


class Migration(migrations.Migration):
    """The search vector gains ``#identifier`` lexemes (search.models.DocumentVector).

    A generated column cannot be altered, so it is dropped and added again: PostgreSQL
    computes it for every indexed row, and no reindex is needed.
    """

    dependencies = [
        ("search", "0003_facet_value_lists"),
    ]

    operations = [
        migrations.RunPython(drop_vector_index, create_vector_index),
        migrations.RemoveField(model_name="productdocument", name="search_vector"),
        migrations.AddField(
            model_name="productdocument",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=search.models.DocumentVector("tokens", "identifiers"),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.RunPython(create_vector_index, drop_vector_index),
    ]
