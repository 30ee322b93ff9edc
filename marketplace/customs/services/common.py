"""Who may act on a declaration, and the helpers every write shares (numbering, locking, moves,
the route and totals)."""

import secrets
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.models import Company, CompanyKind
from marketplace.accounts.policy import acts_for
from marketplace.core import events
from marketplace.core.services import record_event
from marketplace.customs import facts as catalog_facts
from marketplace.customs.models import CustomsSettings, Declaration
from marketplace.customs.route import decide_route

FIVE_PLACES = Decimal("0.00001")


# --- who may act ------------------------------------------------------------------------------


def _require_filer(user, supplier: Company) -> None:
    if not acts_for(user=user, company=supplier):
        raise PermissionDenied(
            _("Only the supplier, a trade-service firm it authorised or an operator may do this.")
        )


def _firm_of(user) -> Company | None:
    company = user.company if user.is_authenticated else None
    return company if company is not None and company.kind == CompanyKind.SERVICE_FIRM else None


def _new_number() -> str:
    while True:
        number = f"CD{timezone.now():%y%m%d}{secrets.token_hex(4).upper()}"
        if not Declaration.objects.filter(number=number).exists():
            return number


def _locked(declaration: Declaration) -> Declaration:
    return Declaration.objects.select_for_update().get(pk=declaration.pk)


def _move(declaration: Declaration, to: str, *, user, data: dict | None = None) -> None:
    """Every state change of a declaration (the filer's and customs' receipts) goes through here."""
    before = declaration.status
    declaration.status = to
    declaration.save()
    record_event(
        actor=user,
        subject=declaration,
        verb=f"declaration.{to}",
        data={"from": before, "to": to, **(data or {})},
    )
    events.publish(
        events.Name.DECLARATION_STATE_CHANGED,
        declaration_id=declaration.pk,
        declaration=declaration,
        before=before,
        after=to,
        user_id=user.pk if user is not None else None,
    )


# --- the route and totals ---------------------------------------------------------------------


def _recompute(declaration: Declaration) -> None:
    """Totals, RMB value and route from the lines as they stand (no save)."""
    lines = list(declaration.lines.select_related("unit").order_by("gnum"))
    declaration.goods_value = sum((line.total_price for line in lines), Decimal(0))
    declaration.net_weight_kg = sum((line.net_weight_kg for line in lines), Decimal(0))
    rate = declaration.fx_rate_cny
    value_cny = (declaration.goods_value * rate).quantize(Decimal("0.01")) if rate is not None else None
    declaration.value_cny = value_cny or Decimal(0)
    settings_row = CustomsSettings.current()
    facts = catalog_facts.product_facts([line.product_id for line in lines])
    on = timezone.localdate()
    licensed = settings_row.licensed_hs_codes(on)
    decision = decide_route(
        value_cny=value_cny,
        limit_cny=settings_row.list_limit_cny,
        lines=[
            catalog_facts.line_facts(
                item_no=line.item_no,
                hs_code=line.hs_code,
                facts=facts.get(line.product_id),
                on=on,
                licensed=licensed,
            )
            for line in lines
        ],
        claims_vat_refund=declaration.claims_vat_refund,
    )
    declaration.route = decision.route
    declaration.route_reasons = decision.reasons
