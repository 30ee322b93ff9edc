"""The floors of the codebase and a checker that reads every dependency between them.

A package may depend on packages on lower floors only; packages on one floor are independent
of each other. A dependency is an import (at module level or inside a function), a model
named by its label (``get_model("order", "Order")``, ``apps.get_model("order.Order")``), an
Oscar class loaded by its app label (``get_class("partner.strategy", ...)``), or a relation
named by a string (``ForeignKey("rfq.Quote")``). Migrations mirror the models' relations and
are not read; tests may use anything.
"""

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Lowest first. Each floor is a tuple of independent layers; each layer names its packages.
# Floors without packages yet (credit … integrations) hold the places later apps take.
FLOORS: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] = (
    (("core", ("marketplace.core",)),),
    (("accounts", ("marketplace.accounts",)),),
    (("api", ("marketplace.api",)),),
    (("catalog", ("catalog",)),),
    (("suppliers", ("marketplace.suppliers",)),),
    (("search", ("search",)), ("orders", ("marketplace.orders",))),
    (("checkout", ("marketplace.checkout",)), ("payments", ("marketplace.payments",))),
    (("rfq", ("rfq",)), ("customs", ("marketplace.customs",))),
    (("fulfillment", ("marketplace.fulfillment",)),),
    (("credit", ("marketplace.credit",)),),
    (("risk", ("marketplace.risk",)),),
    (("finance", ("marketplace.finance",)),),
    (("statistics", ("marketplace.statistics",)),),
    (("integrations", ("marketplace.integrations",)),),
    (("cms", ("cms",)),),
    (
        (
            "project",
            (
                "marketplace",  # the package itself: it starts Celery
                "marketplace.asgi",
                "marketplace.celery",
                "marketplace.config",
                "marketplace.demo",
                "marketplace.health",
                "marketplace.settings",
                "marketplace.urls",
                "marketplace.wsgi",
            ),
        ),
    ),
)
ROOT_PACKAGES = ("marketplace", "catalog", "search", "rfq", "cms")
MODEL_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField", "ParentalKey", "ParentalManyToManyField"}


@dataclass(frozen=True)
class Layer:
    name: str
    floor: int
    packages: tuple[str, ...]


LAYERS = tuple(
    Layer(name, floor, packages) for floor, layers in enumerate(FLOORS) for name, packages in layers
)


class UnplacedModuleError(LookupError):
    pass


def layer_of(module: str) -> Layer:
    """The layer of the most specific package that holds ``module``."""
    best: tuple[int, Layer] | None = None
    for layer in LAYERS:
        for package in layer.packages:
            exact = package == "marketplace"
            if module == package or (not exact and module.startswith(package + ".")):
                if best is None or len(package) > best[0]:
                    best = (len(package), layer)
    if best is None:
        raise UnplacedModuleError(
            f"{module} is on no floor: place its package in tests/architecture/floors.py"
        )
    return best[1]


@dataclass(frozen=True)
class Dependency:
    importer: str
    line: int
    target: str  # a module path
    how: str  # the source text's kind: import, get_model, get_class, relation


@dataclass(frozen=True)
class Violation:
    dependency: Dependency
    importer_layer: Layer
    target_layer: Layer

    def __str__(self) -> str:
        d = self.dependency
        kind = "across its floor" if self.importer_layer.floor == self.target_layer.floor else "upwards"
        return (
            f"{d.importer}:{d.line} ({self.importer_layer.name}) depends {kind} on {d.target} "
            f"({self.target_layer.name}) by {d.how}"
        )


def _first_party(module: str) -> bool:
    return module.split(".")[0] in ROOT_PACKAGES


def _string_args(call: ast.Call) -> list[str]:
    return [arg.value for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def dependencies(*, module: str, source: str, is_package: bool, app_module: Callable[[str], str | None]):
    """Every first-party dependency of one module; ``app_module`` maps an app label to its package."""
    for node in ast.walk(ast.parse(source)):
        yield from _node_dependencies(node, module, is_package, app_module)


def _node_dependencies(node, module: str, is_package: bool, app_module) -> Iterator[Dependency]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield Dependency(module, node.lineno, alias.name, "import")
    elif isinstance(node, ast.ImportFrom):
        yield Dependency(module, node.lineno, _absolute(node, module, is_package), "import")
    elif isinstance(node, ast.Call):
        name, strings = _called_name(node), _string_args(node)
        target = None
        if name == "get_model" and strings:
            target = app_module(strings[0].split(".")[0])
        elif name in ("get_class", "get_classes") and strings:
            target = app_module(strings[0].split(".")[0])
        elif name in MODEL_FIELDS:
            to = strings[:1] + [
                kw.value.value
                for kw in node.keywords
                if kw.arg == "to" and isinstance(kw.value, ast.Constant)
            ]
            if to and isinstance(to[0], str) and "." in to[0]:
                target = app_module(to[0].split(".")[0])
            name = "relation"
        if target:
            yield Dependency(module, node.lineno, target, name)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def violations(deps) -> Iterator[Violation]:
    for dependency in deps:
        if not _first_party(dependency.target):
            continue
        importer, target = layer_of(dependency.importer), layer_of(dependency.target)
        if importer.name == target.name:
            continue
        if target.floor >= importer.floor:
            yield Violation(dependency, importer, target)


def project_modules(root: Path) -> Iterator[tuple[str, Path]]:
    for package in ROOT_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path
