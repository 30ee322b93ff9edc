"""The rules table covers the project: a new route fails here until it has a rule, so the
permission matrix (test_matrix.py) tries it as every role that must not get in."""

from tests.permissions.routes import all_routes
from tests.permissions.rules import FRAMEWORK_GROUPS, RULES, rule_for

WRITE_METHODS = ("post", "put", "patch", "delete")


def test_every_route_has_a_rule():
    missing = [route for route in all_routes() if rule_for(route) is None]

    assert not missing, "\n".join(
        f"add a rule for {route.name} ({route.pattern}, view in {route.module}) in tests/permissions/rules.py"
        for route in missing
    )


def test_every_rule_names_a_route():
    names = {route.name for route in all_routes()}

    assert sorted(set(RULES) - names) == []


def test_each_framework_group_covers_something():
    empty = [
        group.name
        for group in FRAMEWORK_GROUPS
        if group.sample and not any(group.covers(r) for r in all_routes())
    ]

    assert empty == []


def test_every_write_an_api_route_takes_is_tried():
    """A DRF view says which methods it takes: the matrix sends each of them to the refused roles
    (a route that refuses nobody, like the token login, has nothing to try)."""
    routes = {route.name: route for route in all_routes()}
    forgotten = []
    for name, rule in RULES.items():
        view = routes[name].api_view
        if view is None or not rule.refused_writes:
            continue
        taken = {method.upper() for method in WRITE_METHODS if hasattr(view, method)}
        if missing := sorted(taken - set(rule.writes)):
            forgotten.append(f"{name}: {', '.join(missing)}")

    assert forgotten == [], "give these routes' rules a body for each method they take"
