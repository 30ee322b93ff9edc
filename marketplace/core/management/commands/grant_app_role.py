"""Create the role the web and workers connect as, with data rights only, and grant it.

Run as the database owner, the role that runs migrations (docker/entrypoint.sh does it after
``migrate``). The app role may read and write rows (SELECT, INSERT, UPDATE, DELETE; sequences)
but owns nothing and is no superuser, so it cannot TRUNCATE, ALTER or DROP a table, disable
the audit log's triggers or set ``session_replication_role``. Default privileges grant it
every table and sequence the owner creates later, so new migrations need no new grants.
Idempotent: an existing role keeps its password and attributes.
"""

import environ
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql

GRANTS = [
    "GRANT CONNECT ON DATABASE {database} TO {role}",
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
    # Tables and sequences the owner (this connection's role) creates in later migrations.
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role}",
]


class Command(BaseCommand):
    help = "Create the app's database role (data rights only) and grant it; run as the owner."

    def add_arguments(self, parser):
        parser.add_argument(
            "--app-url",
            default=environ.Env().str("APP_DATABASE_URL", default=""),
            help="The app's database URL: its user and password name the role (default: $APP_DATABASE_URL).",
        )

    def handle(self, *args, app_url: str, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles exist on PostgreSQL only.")
        if not app_url:
            raise CommandError("Give the app's database URL: --app-url or APP_DATABASE_URL.")
        app = environ.Env.db_url_config(app_url)
        role, password = app["USER"], app["PASSWORD"]
        if not role or role == connection.settings_dict["USER"]:
            raise CommandError("The app's role must differ from the owner this command runs as.")

        names = {"role": sql.Identifier(role), "database": sql.Identifier(connection.settings_dict["NAME"])}
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone() is None:
                # Utility statements take no bind parameters: quote the password as a literal.
                create = sql.SQL(
                    "CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {password}"
                )
                cursor.execute(
                    self._render(create.format(role=names["role"], password=sql.Literal(password)))
                )
                self.stdout.write(f"Created role {role}.")
            for grant in GRANTS:
                cursor.execute(self._render(sql.SQL(grant).format(**names)))
        self.stdout.write(f"Granted {role} data rights on {connection.settings_dict['NAME']}.")

    @staticmethod
    def _render(statement: sql.Composable) -> str:
        return statement.as_string(connection.connection)
