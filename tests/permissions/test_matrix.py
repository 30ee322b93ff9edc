"""The permission matrix: every rule of tests/permissions/rules.py tried as every role it names.

Refused roles get 401/403/404/405 or the login page for GET and for each write, and after a write
the domain's rows are exactly as they were; list pages show them none of company A's objects. The
reader gets its page, the writer's write with the same body goes through. Each case is named
route|role|method.
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.permissions.calls import (
    call,
    changed_tables,
    explain,
    is_login_redirect,
    is_refusal,
    log_in,
    snapshot,
    text_of,
    url_of,
)
from tests.permissions.rules import CROSSINGS, FRAMEWORK_GROUPS, RULES, Access
from tests.permissions.world import ANONYMOUS, OPERATOR, OUTSIDERS, private_markers

pytestmark = pytest.mark.django_db

# Known failures, by case id → what goes wrong: each is a bug to fix on main. The case is a strict
# xfail, so it fails once the bug is fixed, and must then leave this table.
HOLES: dict[str, str] = {}


def case(route: str, role: str, method: str, *values, about: str = ""):
    case_id = "|".join(part for part in (route, role, method, about) if part)
    marks = [pytest.mark.xfail(strict=True, reason=HOLES[case_id])] if case_id in HOLES else []
    return pytest.param(*(values or (route, role, method)), id=case_id, marks=marks)


def refusal_cases() -> list:
    cases = []
    for route, rule in RULES.items():
        cases += [case(route, role, "GET") for role in rule.refused]
        cases += [case(route, role, method) for role in rule.refused_writes for method in rule.writes]
    return cases


def reader_cases() -> list:
    return [case(route, rule.reader, "GET") for route, rule in RULES.items() if rule.reader]


def shown_cases() -> list:
    return [case(route, rule.shown_to, "GET") for route, rule in RULES.items() if rule.shown_to]


def writer_cases() -> list:
    return [
        case(route, rule.writer, method)
        for route, rule in RULES.items()
        if rule.writer
        for method in rule.writes
    ]


def getless_cases() -> list:
    return [
        case(route, OPERATOR, "GET")
        for route, rule in RULES.items()
        if rule.access in (Access.OBJECT, Access.STAFF) and rule.reader is None
    ]


def leaks(world, url: str, role: str, response, markers=()) -> list[str]:
    """A's private text in an outsider's answer or its redirect, beyond what the request's URL holds
    (A's own side, refused a page not meant for its role, may know A's things)."""
    if role not in OUTSIDERS:
        return []
    seen = text_of(response) + response.get("Location", "")
    return [marker for marker in (*markers, *private_markers(world)) if marker in seen and marker not in url]


@pytest.mark.parametrize(("route", "role", "method"), refusal_cases())
def test_a_refused_role_gets_nothing_and_changes_nothing(client, world, route, role, method):
    rule = RULES[route]
    url = url_of(route, rule, world)
    log_in(client, world, role)
    before = snapshot() if method != "GET" else None

    response = call(client, method, url, rule.writes[method](world) if method != "GET" else None)

    status = response.status_code
    assert status < 500, f"{method} {url} as {role}: {status}"
    listed = method == "GET" and rule.hides and status == 200
    assert listed or is_refusal(response, rule.refusals), (
        f"{method} {url} as {role}: {status} {response.get('Location', '')} {explain(response)}"
    )
    assert leaks(world, url, role, response, rule.hides(world) if rule.hides else ()) == [], (
        f"{method} {url} as {role} shows company A's"
    )
    if before is not None:
        assert changed_tables(before, snapshot()) == [], f"{method} {url} as {role} changed rows"


@pytest.mark.parametrize("crossing", [case(c.route, c.role, c.method, c, about=c.about) for c in CROSSINGS])
def test_a_crossed_request_is_refused(client, world, crossing):
    """The outsider's own object in one id, A's in another or in the body."""
    url = reverse(crossing.route, kwargs=crossing.args(world))
    if crossing.query:
        url = f"{url}?{urlencode(crossing.query(world))}"
    log_in(client, world, crossing.role)
    before = snapshot()

    response = call(client, crossing.method, url, crossing.body(world) if crossing.body else None)

    assert is_refusal(response, crossing.refusals), (
        f"{crossing.method} {url} as {crossing.role}: {response.status_code} {explain(response)}"
    )
    assert leaks(world, url, crossing.role, response) == [], (
        f"{crossing.method} {url} as {crossing.role} shows company A's"
    )
    assert changed_tables(before, snapshot()) == [], (
        f"{crossing.method} {url} as {crossing.role} changed rows"
    )


@pytest.mark.parametrize(("route", "role", "method"), reader_cases())
def test_the_reader_gets_the_page(client, world, route, role, method):
    rule = RULES[route]
    url = url_of(route, rule, world)
    log_in(client, world, role)

    response = client.get(url)

    assert response.status_code == rule.reads, f"GET {url} as {role}: {response.status_code}"
    text_of(response)


@pytest.mark.parametrize(("route", "role", "method"), getless_cases())
def test_an_object_route_without_a_reader_takes_no_get(client, world, route, role, method):
    """Every object route someone may read names a reader: one without takes no GET, even from
    an operator, who sees everything."""
    rule = RULES[route]
    log_in(client, world, role)

    response = client.get(url_of(route, rule, world))

    assert response.status_code == 405, f"give {route} a reader in tests/permissions/rules.py"


@pytest.mark.parametrize(("route", "role", "method"), shown_cases())
def test_a_list_shows_its_markers_to_who_may_see_them(client, world, route, role, method):
    """The markers refused roles must not see are on the page for this role: their absence means something."""
    rule = RULES[route]
    log_in(client, world, role)

    response = client.get(url_of(route, rule, world))

    body = text_of(response)
    assert response.status_code == 200
    assert [marker for marker in rule.hides(world) if marker not in body] == []


@pytest.mark.parametrize(("route", "role", "method"), writer_cases())
def test_the_writer_gets_through_with_the_same_body(client, world, route, role, method):
    """The body the refused roles sent is one the route takes: their refusal is the rule's doing."""
    rule = RULES[route]
    url = url_of(route, rule, world)
    log_in(client, world, role)
    before = snapshot()

    response = call(client, method, url, rule.writes[method](world))

    assert response.status_code < 400 and not is_login_redirect(response), (
        f"{method} {url} as {role}: {response.status_code} {explain(response)}"
    )
    assert changed_tables(before, snapshot()) != [], (
        f"{method} {url} as {role} changed nothing: {explain(response)}"
    )


# --- the frameworks' own pages: one sample per group -----------------------------------------------


def framework_cases() -> list:
    cases = []
    for group in FRAMEWORK_GROUPS:
        if group.sample:
            roles = dict.fromkeys([ANONYMOUS, *group.refused, *([group.reader] if group.reader else [])])
            cases += [pytest.param(group, role, id=f"{group.name}|{role}|GET") for role in roles]
    return cases


@pytest.mark.parametrize(("group", "role"), framework_cases())
def test_a_framework_group_keeps_its_own_rule(client, world, group, role):
    url = reverse(group.sample, args=group.sample_args)
    log_in(client, world, role)

    response = client.get(url)

    if role == group.reader:
        assert response.status_code == 200, f"GET {url} as {role}: {response.status_code}"
    elif group.access in (Access.STAFF, Access.LOGIN):
        assert is_refusal(response, frozenset({401, 403, 404})), (
            f"GET {url} as {role}: {response.status_code}"
        )
    text_of(response)
