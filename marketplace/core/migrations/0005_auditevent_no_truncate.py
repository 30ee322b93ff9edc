"""PostgreSQL refuses TRUNCATE on the audit log too: row triggers (0002) do not fire on it.

A statement-level trigger, so no role but a superuser can empty the log — not the table's owner
(who runs migrations; on managed PostgreSQL it is no superuser), and not the app's own role, which
has no TRUNCATE right either (manage.py grant_app_role). Superusers are let through: they can
switch any trigger off anyway (session_replication_role), and test databases are flushed by one.
"""

from django.db import migrations

FORBID = """
CREATE FUNCTION core_auditevent_no_truncate() RETURNS trigger AS $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'core_auditevent is append-only (TRUNCATE refused)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditevent_no_truncate
    BEFORE TRUNCATE ON core_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_no_truncate();
"""
ALLOW = """
DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent;
DROP FUNCTION IF EXISTS core_auditevent_no_truncate();
"""


def forbid_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORBID, params=None)


def allow_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_outbox_and_notification_claims")]

    operations = [migrations.RunPython(forbid_truncate, allow_truncate)]
