"""Which route a declaration takes: the declaration list (CEB603) or the full declaration.

The list is only for a ticket of at most RMB 5,000 (configurable) whose goods need no licence,
no inspection and no tax (不涉证、不涉检、不涉税); anything else, or anything we cannot price
in RMB, takes the full declaration, which is always allowed. Reasons are kept as codes with
parameters so the page shows them in the reader's language.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from marketplace.customs.models import Route


@dataclass(frozen=True)
class LineFacts:
    """What the rule needs to know about one line (built from the product's specs)."""

    item_no: str
    hs_code: str = ""
    supervision_conditions: str = ""
    licence_letters: frozenset[str] = frozenset()
    needs_export_inspection: bool = False
    export_duty_rate: str = ""
    un_number: str = ""
    used_vehicle: bool = False
    licensed_hs: bool = False  # on the configured list of HS codes needing a licence (by date)


@dataclass(frozen=True)
class RouteDecision:
    route: str
    reasons: list[dict] = field(default_factory=list)

    @property
    def needs_licence(self) -> bool:
        return any(reason["code"] in LICENCE_REASONS for reason in self.reasons)


LICENCE_REASONS = {"export_licence", "licensed_hs", "used_vehicle"}


def has_export_duty(rate: str) -> bool:
    """A duty rate such as "20%" or "0.2" is due; "0", "0%", "" or an unconfirmed note is not."""
    number = re.search(r"\d+(?:\.\d+)?", rate or "")
    return bool(number) and Decimal(number.group()) > 0


def line_reasons(line: LineFacts) -> list[dict]:
    reasons = []
    item = {"item": line.item_no, "hs": line.hs_code}
    if not line.hs_code:
        reasons.append({"code": "hs_missing", **item})
    if line.licence_letters:
        reasons.append({"code": "export_licence", "letters": "".join(sorted(line.licence_letters)), **item})
    if line.licensed_hs:
        reasons.append({"code": "licensed_hs", **item})
    if line.needs_export_inspection:
        reasons.append({"code": "export_inspection", "letters": line.supervision_conditions, **item})
    if has_export_duty(line.export_duty_rate):
        reasons.append({"code": "export_duty", "rate": line.export_duty_rate, **item})
    if line.un_number:
        reasons.append({"code": "dangerous_goods", "un": line.un_number, **item})
    if line.used_vehicle:
        reasons.append({"code": "used_vehicle", **item})
    return reasons


def decide_route(
    *, value_cny: Decimal | None, limit_cny: Decimal, lines: list[LineFacts], claims_vat_refund: bool = False
) -> RouteDecision:
    reasons: list[dict] = []
    if value_cny is None:
        reasons.append({"code": "value_unknown"})
    elif value_cny > limit_cny:
        reasons.append({"code": "value_over_limit", "value": f"{value_cny:.2f}", "limit": f"{limit_cny:.2f}"})
    if claims_vat_refund:
        reasons.append({"code": "vat_refund"})
    for line in lines:
        reasons.extend(line_reasons(line))
    if reasons:
        return RouteDecision(Route.FULL, reasons)
    return RouteDecision(
        Route.LIST, [{"code": "list_allowed", "value": f"{value_cny:.2f}", "limit": f"{limit_cny:.2f}"}]
    )


def describe(reason: dict) -> str:
    """One reason as a sentence in the active language."""
    texts = {
        "value_unknown": _("No exchange rate to RMB: the value cannot be checked against the list limit."),
        "value_over_limit": _("The value is RMB %(value)s, above the list limit of RMB %(limit)s."),
        "vat_refund": _("An export VAT refund is claimed."),
        "hs_missing": _("%(item)s has no HS code."),
        "export_licence": _("%(item)s (HS %(hs)s) needs an export licence (supervision %(letters)s)."),
        "licensed_hs": _("%(item)s (HS %(hs)s) needs an export licence for this HS code."),
        "export_inspection": _(
            "%(item)s (HS %(hs)s) is subject to export inspection (supervision %(letters)s)."
        ),
        "export_duty": _("%(item)s (HS %(hs)s) carries export duty (%(rate)s)."),
        "dangerous_goods": _("%(item)s is dangerous goods (%(un)s) and is inspected."),
        "used_vehicle": _("%(item)s is a used vehicle: it needs a per-batch export licence."),
        "list_allowed": _(
            "RMB %(value)s is within the list limit of RMB %(limit)s and no line needs a licence, "
            "inspection or export duty."
        ),
    }
    text = texts.get(reason.get("code"), reason.get("code", ""))
    try:
        return text % reason
    except (KeyError, TypeError, ValueError):
        return text
