"""Public services and selectors say what they take: typed, and keyword-only where it matters.

Services take keyword-only arguments (model objects, never "an id or an object"); selectors
take ``user=`` by keyword; every public function of both is fully annotated.
"""

import ast
from pathlib import Path

from tests.architecture.floors import project_modules

ROOT = Path(__file__).resolve().parents[2]


def _kind(module: str) -> str | None:
    parts = module.split(".")
    for kind in ("services", "selectors"):
        if kind in parts:
            return kind
    return None


def problems_of(module: str, source: str) -> list[str]:
    kind = _kind(module)
    if kind is None:
        return []
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
            continue
        args = node.args
        positional = [a.arg for a in args.posonlyargs + args.args]
        every = args.posonlyargs + args.args + args.kwonlyargs
        where = f"{module}.{node.name}"
        if untyped := [a.arg for a in every if a.annotation is None]:
            found.append(f"{where}: no type for {', '.join(untyped)}")
        if node.returns is None:
            found.append(f"{where}: no return type")
        if kind == "services" and positional:
            found.append(f"{where}: take {', '.join(positional)} by keyword")
        if kind == "selectors" and "user" in positional:
            found.append(f"{where}: take user by keyword")
    return found


def test_public_services_and_selectors_are_typed_and_keyword_only():
    found = []
    for module, path in project_modules(ROOT):
        found += problems_of(module, path.read_text())

    assert found == []


def test_the_check_names_what_is_missing():
    source = "def place_order(request, *, by):\n    pass\n\ndef _helper(x):\n    pass\n"

    assert problems_of("marketplace.orders.services", source) == [
        "marketplace.orders.services.place_order: no type for request, by",
        "marketplace.orders.services.place_order: no return type",
        "marketplace.orders.services.place_order: take request by keyword",
    ]
    assert problems_of("rfq.selectors", "def rfqs_visible_to(user) -> list:\n    pass\n") == [
        "rfq.selectors.rfqs_visible_to: no type for user",
        "rfq.selectors.rfqs_visible_to: take user by keyword",
    ]
    assert problems_of("rfq.views", "def page(request):\n    pass\n") == []
