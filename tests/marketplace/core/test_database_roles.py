"""The app's database role (manage.py grant_app_role) may read and write rows, nothing more.

The suite itself runs as the postgres superuser; these tests create the app role on the test
database and connect as it with psycopg, as the web and workers do in production.
"""

import io

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from psycopg import errors

from marketplace.accounts.models import Company

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def app_role(django_db_setup, django_db_blocker):
    """The role, created and granted outside any test transaction, so other connections see it."""
    database = connection.settings_dict
    role = f"{database['NAME']}_app"[:63]  # roles are cluster-wide: one per test database
    url = f"postgres://{role}:app-role-test@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    with django_db_blocker.unblock():
        call_command("grant_app_role", app_url=url, stdout=io.StringIO())
    yield role
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{role}"')  # its grants and default privileges here
        cursor.execute(f'DROP ROLE "{role}"')


@pytest.fixture
def as_app(app_role):
    """A psycopg connection as the app role; everything it does is rolled back."""
    database = connection.settings_dict
    with psycopg.connect(
        host=database["HOST"], port=database["PORT"], dbname=database["NAME"], user=app_role
    ) as conn:
        yield conn
        conn.rollback()


def _refused(conn, statement: str, params=None) -> psycopg.Error:
    with pytest.raises(psycopg.Error) as refused:
        conn.execute(statement, params)
    conn.rollback()
    return refused.value


def _insert_event(conn) -> int:
    content_type = ContentType.objects.get_for_model(Company).pk
    return conn.execute(
        "INSERT INTO core_auditevent (actor_label, subject_type_id, subject_id, verb, data, created_at)"
        " VALUES ('', %s, '1', 'role.test', '{}', now()) RETURNING id",
        [content_type],
    ).fetchone()[0]


def test_the_app_role_owns_nothing_and_is_no_superuser(as_app, app_role):
    super_, create_db, create_role = as_app.execute(
        "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    owned = as_app.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"
    ).fetchone()[0]

    assert (super_, create_db, create_role, owned) == (False, False, False, 0)


def test_the_app_role_reads_and_writes_rows(as_app):
    event_id = _insert_event(as_app)
    as_app.execute("UPDATE django_site SET name = name")
    as_app.execute("DELETE FROM django_session WHERE expire_date < now() - interval '100 years'")

    assert as_app.execute("SELECT verb FROM core_auditevent WHERE id = %s", [event_id]).fetchone() == (
        "role.test",
    )
    assert as_app.execute("SELECT count(*) FROM catalogue_product").fetchone()[0] >= 0


def test_the_app_role_cannot_truncate_the_audit_log(as_app):
    refused = _refused(as_app, "TRUNCATE core_auditevent")

    assert isinstance(refused, errors.InsufficientPrivilege)


@pytest.mark.parametrize(
    ("statement", "operation"),
    [
        ("UPDATE core_auditevent SET verb = 'tampered' WHERE id = %s", "UPDATE"),
        ("DELETE FROM core_auditevent WHERE id = %s", "DELETE"),
    ],
)
def test_the_app_role_cannot_change_or_delete_an_event(as_app, statement, operation):
    event_id = _insert_event(as_app)

    with pytest.raises(errors.RaiseException, match=rf"append-only \({operation} refused\)"):
        as_app.execute(statement, [event_id])


def test_the_app_role_cannot_disable_the_audit_triggers(as_app):
    refused = _refused(as_app, "ALTER TABLE core_auditevent DISABLE TRIGGER ALL")

    assert isinstance(refused, errors.InsufficientPrivilege)
    assert "must be owner" in str(refused)


def test_the_app_role_cannot_switch_off_triggers_for_its_session(as_app):
    refused = _refused(as_app, "SET session_replication_role = replica")

    assert isinstance(refused, errors.InsufficientPrivilege)
    assert as_app.execute("SHOW session_replication_role").fetchone() == ("origin",)


def test_the_app_role_gets_tables_the_owner_creates_later(as_app):
    # Default privileges: a table a later migration creates is granted with no new command.
    # The owner's table must be committed for the app's connection to see it.
    database = connection.settings_dict
    owner = {"host": database["HOST"], "port": database["PORT"], "dbname": database["NAME"]}
    with psycopg.connect(**owner, user=database["USER"], autocommit=True) as conn:
        conn.execute("CREATE TABLE role_test_later (id int)")
        try:
            as_app.execute("INSERT INTO role_test_later VALUES (1)")
            rows = as_app.execute("SELECT id FROM role_test_later").fetchall()
            as_app.rollback()
        finally:
            conn.execute("DROP TABLE role_test_later")

    assert rows == [(1,)]


def test_a_role_with_the_truncate_right_is_still_refused_by_the_trigger(as_app, app_role):
    # As the table's owner is when it is no superuser (managed PostgreSQL): the right alone
    # does not empty the log.
    database = connection.settings_dict
    # Granted on a connection of its own: the test's transaction would hide it from the app's.
    with psycopg.connect(
        host=database["HOST"],
        port=database["PORT"],
        dbname=database["NAME"],
        user=database["USER"],
        autocommit=True,
    ) as owner:
        owner.execute(f'GRANT TRUNCATE ON core_auditevent TO "{app_role}"')
        try:
            refused = _refused(as_app, "TRUNCATE core_auditevent")
        finally:
            owner.execute(f'REVOKE TRUNCATE ON core_auditevent FROM "{app_role}"')

    assert isinstance(refused, errors.RaiseException)
    assert "append-only (TRUNCATE refused)" in str(refused)
