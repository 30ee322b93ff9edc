"""The floors contract: every dependency of the project's code goes down a floor."""

import re
from pathlib import Path

import pytest
from django.apps import apps

from tests.architecture.floors import (
    FLOORS,
    LAYERS,
    Dependency,
    UnplacedModuleError,
    dependencies,
    layer_of,
    project_modules,
    violations,
)

ROOT = Path(__file__).resolve().parents[2]


def app_module(label: str) -> str | None:
    try:
        return apps.get_app_config(label).name
    except LookupError:
        return None


def check(module: str, source: str, *, is_package: bool = False) -> list[str]:
    deps = dependencies(module=module, source=source, is_package=is_package, app_module=app_module)
    return [str(violation) for violation in violations(deps)]


def test_every_dependency_of_the_project_goes_down_a_floor():
    found = []
    for module, path in project_modules(ROOT):
        found += check(module, path.read_text(), is_package=path.name == "__init__.py")

    assert found == []


def test_every_module_and_installed_app_is_on_a_floor():
    for module, _ in project_modules(ROOT):
        layer_of(module)  # raises UnplacedModuleError
    first_party = [
        c.name
        for c in apps.get_app_configs()
        if c.name.split(".")[0] in ("marketplace", "catalog", "search", "rfq", "cms")
    ]
    assert {layer_of(name).name for name in first_party} >= {
        "core",
        "accounts",
        "catalog",
        "suppliers",
        "cms",
    }


def test_an_upward_import_fails_the_contract():
    assert check("catalog.selectors", "from rfq.models import Quote") == [
        "catalog.selectors:1 (catalog) depends upwards on rfq.models (rfq) by import"
    ]
    inside_a_function = "def f():\n    import marketplace.customs.selectors\n"
    assert check("marketplace.orders.services", inside_a_function) == [
        "marketplace.orders.services:2 (orders) depends upwards on marketplace.customs.selectors (customs) "
        "by import"
    ]


def test_a_relative_upward_import_fails_it_too():
    assert check("catalog.offers.rules", "from ...rfq import models") == [
        "catalog.offers.rules:1 (catalog) depends upwards on rfq (rfq) by import"
    ]


def test_models_and_classes_named_by_label_count_as_dependencies():
    assert check("catalog.selectors", 'Order = get_model("order", "Order")') == [
        "catalog.selectors:1 (catalog) depends upwards on marketplace.orders (orders) by get_model"
    ]
    assert check("marketplace.accounts.services", 'apps.get_model("partner.Partner")') == [
        "marketplace.accounts.services:1 (accounts) depends upwards on catalog.offers (catalog) by get_model"
    ]
    assert check("marketplace.core.views", 'get_class("partner.strategy", "Selector")') == [
        "marketplace.core.views:1 (core) depends upwards on catalog.offers (catalog) by get_class"
    ]
    assert check("catalog.models", 'quote = models.ForeignKey("rfq.Quote", on_delete=models.CASCADE)') == [
        "catalog.models:1 (catalog) depends upwards on rfq (rfq) by relation"
    ]


def test_packages_on_one_floor_are_independent():
    assert check("search.facets", "from marketplace.orders.models import Order") == [
        "search.facets:1 (search) depends across its floor on marketplace.orders.models (orders) by import"
    ]


def test_downward_and_third_party_dependencies_pass():
    source = (
        "from django.db import models\n"
        "from catalog.offers.rules import Tier\n"
        "from marketplace.core.gates import check\n"
        'Order = get_model("order", "Order")\n'
        'basket = get_model("basket", "Basket")\n'
        'buyer = models.ForeignKey("accounts.Company", on_delete=models.PROTECT)\n'
    )
    assert check("rfq.services.quotes", source) == []


def test_a_new_package_must_be_placed():
    with pytest.raises(UnplacedModuleError):
        layer_of("marketplace.newapp.models")


def test_the_readme_floor_table_is_the_contract():
    readme = (ROOT / "README.md").read_text()
    rows = re.findall(r"^\| (\d+) \| ([^|]+) \|", readme, flags=re.MULTILINE)
    table = {int(floor): [name.strip(" `") for name in names.split("·")] for floor, names in rows}
    contract = {floor + 1: [name for name, _ in layers] for floor, layers in enumerate(FLOORS)}

    assert table == contract


def test_the_real_tree_is_checked(tmp_path):
    # Guards the guard: the walk finds the offers' rules and a known downward dependency.
    modules = dict(project_modules(ROOT))
    assert "catalog.offers.rules" in modules
    deps = list(
        dependencies(
            module="rfq.models",
            source=modules["rfq.models"].read_text(),
            is_package=False,
            app_module=app_module,
        )
    )
    assert Dependency("rfq.models", deps[0].line, deps[0].target, deps[0].how) in deps
    assert any(dep.target == "catalog.offers.rules" for dep in deps)
    assert len(LAYERS) == sum(len(layers) for layers in FLOORS)
