"""Sending a rule's request as a role, reading the answer, and a snapshot of the domain's rows."""

import json
from urllib.parse import urlencode, urlparse

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from tests.permissions.rules import Rule
from tests.permissions.world import ANONYMOUS, World

# Apps whose rows a refused request must leave as they were: ours and Oscar's orders and catalogue.
DOMAIN_APPS = (
    "accounts",
    "core",
    "catalogue",
    "catalog_imports",
    "catalog_documents",
    "partner",
    "order",
    "payments",
    "rfq",
    "customs",
    "fulfillment",
)  # not search: its index and its log of queries follow reads by design


def url_of(name: str, rule: Rule, world: World) -> str:
    url = reverse(name, kwargs=rule.args(world) if rule.args else None)
    return f"{url}?{urlencode(rule.query)}" if rule.query else url


def log_in(client, world: World, role: str) -> None:
    if role != ANONYMOUS:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]


def call(client, method: str, url: str, body: dict | None = None):
    """GET, or a write: JSON to the API, a multipart form to pages and to any upload."""
    if method == "GET":
        return client.get(url)
    body = body or {}
    has_files = any(isinstance(value, UploadedFile) for value in body.values())
    if urlparse(url).path.startswith("/api/") and not has_files:
        return client.generic(
            method, url, json.dumps(body, cls=DjangoJSONEncoder), content_type="application/json"
        )
    if method == "POST":
        return client.post(url, body)
    return client.generic(method, url, encode_multipart("BoUnDaRy", body), content_type=MULTIPART_CONTENT)


def text_of(response) -> str:
    """The body, also of a file download (the test client closes the file once it is read; closing
    the response again would close the database connection, inside the world's transaction)."""
    if response.streaming:
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace")


def login_pages() -> set[str]:
    return {
        reverse(name)
        for name in ("login", "customer:login", "dashboard:login", "admin:login", "wagtailadmin_login")
    }


def is_login_redirect(response) -> bool:
    return response.status_code in (301, 302) and urlparse(response["Location"]).path in login_pages()


def is_refusal(response, refusals: frozenset[int]) -> bool:
    return response.status_code in refusals or is_login_redirect(response)


def explain(response) -> str:
    """What went wrong, for a failure message: the form errors or messages of a page, an API's body."""
    found = []
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            errors = getattr(value, "errors", None)
            if errors and hasattr(value, "is_bound"):
                found.append(str(errors.as_data() if hasattr(errors, "as_data") else errors))
    found = list(dict.fromkeys(found))
    messages = [str(m) for m in getattr(response.wsgi_request, "_messages", [])]
    if found or messages:
        return f"{found} {messages}"
    return "" if response.streaming else response.content[:400].decode(errors="replace")


def _domain_tables() -> list[str]:
    return sorted(
        model._meta.db_table
        for label in DOMAIN_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.managed and not model._meta.proxy
    )


def snapshot() -> dict[str, tuple[int, str]]:
    """Row count and a digest of every row, per table, in one query."""
    quote = connection.ops.quote_name
    digest = "md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
    parts = [f"SELECT %s, count(*), {digest} FROM {quote(table)} t" for table in _domain_tables()]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), _domain_tables())
        return {table: (count, digest) for table, count, digest in cursor.fetchall()}


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(table for table in before if before[table] != after[table])
