"""PostgreSQL refuses TRUNCATE on the audit log too: row triggers (0002) do not fire on it.

A statement-level trigger, so even the table's owner (who runs migrations) cannot empty the
log by accident; the app's own role has no TRUNCATE right either (manage.py grant_app_role).
"""

from django.db import migrations

FORBID = """
CREATE TRIGGER core_auditevent_no_truncate
    BEFORE TRUNCATE ON core_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_append_only();
"""
ALLOW = "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent;"


def forbid_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORBID, params=None)


def allow_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_outbox_and_notification_claims")]

    operations = [migrations.RunPython(forbid_truncate, allow_truncate)]
