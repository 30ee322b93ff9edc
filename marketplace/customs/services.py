"""Writes and rules of customs declarations: opening one from an order or a booking, the route,
the waybill, readiness, filing, corrections and cancellation.

Receipts from customs move declarations through ``marketplace.customs.receipts``; warehouses,
bookings and licences are written by ``marketplace.customs.warehousing``.
"""

import re
import secrets
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.reference.selectors import rates_at
from marketplace.accounts.models import Company, CompanyKind
from marketplace.accounts.selectors import is_authorised
from marketplace.core.services import record_event
from marketplace.customs import facts as catalog_facts
from marketplace.customs.models import (
    CustomsSettings,
    Declaration,
    DeclarationLine,
    DeclarationStatus,
    Route,
    StatisticsFlag,
    TradeMode,
    WarehouseBooking,
)
from marketplace.customs.route import decide_route
from marketplace.customs.waybill import WaybillData
from marketplace.orders.models import OrderStatus

FIVE_PLACES = Decimal("0.00001")
WAYBILL_FIELDS = (
    "logistics_code",
    "logistics_name",
    "waybill_number",
    "freight",
    "insured_fee",
    "waybill_currency",
    "gross_weight_kg",
    "package_count",
    "goods_description",
)
HEAD_FIELDS = (
    "customs_office",
    "port",
    "transport_mode",
    "incoterm",
    "terms_of_sale",
    "destination_port",
    "statistics_flag",
    "claims_vat_refund",
    "wrap_type",
)
LINE_FIELDS = ("hs_code", "inspection_code", "declaration_elements", "qty1", "qty2", "licence")


# --- who may act ------------------------------------------------------------------------------


def can_file(*, user, supplier: Company) -> bool:
    """The supplier itself, a firm it authorised, or an operator."""
    if user.is_staff:
        return True
    company = user.company if user.is_authenticated else None
    if company is None:
        return False
    if company.pk == supplier.pk:
        return True
    return company.kind == CompanyKind.SERVICE_FIRM and is_authorised(firm=company, supplier=supplier)


def _require_filer(user, supplier: Company) -> None:
    if not can_file(user=user, supplier=supplier):
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
    before = declaration.status
    declaration.status = to
    declaration.save()
    record_event(
        actor=user,
        subject=declaration,
        verb=f"declaration.{to}",
        data={"from": before, "to": to, **(data or {})},
    )


# --- opening ----------------------------------------------------------------------------------


def _order_supplier(order) -> Company:
    company = order.supplier.company if order.supplier_id else None
    if company is None:
        raise ValidationError(_("The order has no supplier company."))
    return company


def _rate_to_cny(*, currency: str, locked: Decimal | None, at) -> Decimal | None:
    if locked is not None:
        return locked
    try:
        return rates_at(at).rate(currency, "CNY")
    except LookupError:
        return None


def _elements_without_notes(elements: str) -> str:
    """The HS line's element list without the research note some rows end with ("(... source)")."""
    return re.sub(r"\s+\([^()]*\)\s*$", "", elements).strip()


def _line_from(
    *, gnum, product, item_no, item_name, quantity, unit, price, facts_by_product
) -> DeclarationLine:
    facts = facts_by_product.get(product.pk if product else None)
    trade, hs = (facts.trade, facts.hs) if facts else (None, None)
    net, gross = catalog_facts.weights(quantity, unit, trade)
    return DeclarationLine(
        gnum=gnum,
        product=product,
        item_no=item_no[:64],
        item_name=item_name[:250],
        hs_code=hs.code if hs else "",
        declaration_elements=_elements_without_notes(hs.declaration_elements) if hs else "",
        origin_country=trade.origin_country if trade else "CN",
        quantity=quantity,
        unit=unit,
        unit_price=price,
        total_price=(quantity * price).quantize(FIVE_PLACES),
        unit1=hs.unit1 if hs else None,
        qty1=catalog_facts.legal_quantity(quantity, unit, hs.unit1 if hs else None, net),
        unit2=hs.unit2 if hs else None,
        qty2=catalog_facts.legal_quantity(quantity, unit, hs.unit2 if hs else None, net),
        net_weight_kg=net,
        gross_weight_kg=gross,
    )


def open_declaration_for_order(*, order, user, line_ids: list[int] | None = None) -> Declaration:
    """A 9710 declaration for an order, or for the chosen lines of it (a partial shipment)."""
    supplier = _order_supplier(order)
    _require_filer(user, supplier)
    if order.status == OrderStatus.CANCELLED:
        raise ValidationError(_("A cancelled order cannot be declared."))
    order_lines = list(order.lines.select_related("product", "unit").order_by("pk"))
    if line_ids:
        order_lines = [line for line in order_lines if line.pk in set(line_ids)]
        if len(order_lines) != len(set(line_ids)):
            raise ValidationError({"lines": _("Choose lines of this order.")})
    if not order_lines:
        raise ValidationError({"lines": _("Choose at least one line.")})
    declared = set(
        DeclarationLine.objects.filter(order_line__in=order_lines)
        .exclude(declaration__status=DeclarationStatus.CANCELLED)
        .values_list("order_line_id", flat=True)
    )
    if declared:
        raise ValidationError({"lines": _("Some of these lines are already on a declaration.")})
    facts = catalog_facts.product_facts([line.product_id for line in order_lines])
    with transaction.atomic():
        declaration = Declaration(
            number=_new_number(),
            mode=TradeMode.DIRECT,
            order=order,
            supplier=supplier,
            firm=_firm_of(user),
            currency=order.currency,
            incoterm=order.incoterm,
            terms_of_sale=order.incoterm.customs_terms_code if order.incoterm_id else "",
            destination_country=order.destination_country,
            waybill_currency=order.currency,
            fx_rate_cny=_rate_to_cny(
                currency=order.currency, locked=order.locked_rate("CNY"), at=order.date_placed
            ),
            created_by=user,
        )
        lines = []
        for gnum, line in enumerate(order_lines, start=1):
            unit = line.unit or (
                facts[line.product_id].trade.commercial_unit
                if line.product_id in facts and facts[line.product_id].trade
                else None
            )
            if unit is None:
                raise ValidationError({"lines": _("%(title)s has no unit.") % {"title": line.title}})
            declared = _line_from(
                gnum=gnum,
                product=line.product,
                item_no=line.partner_sku or line.upc or str(line.pk),
                item_name=line.title,
                quantity=line.agreed_quantity or Decimal(line.quantity),
                unit=unit,
                price=line.unit_price_excl_tax,
                facts_by_product=facts,
            )
            declared.order_line = line
            lines.append(declared)
        return _save_new(declaration, lines, user=user)


def open_declaration_for_booking(*, booking: WarehouseBooking, user) -> Declaration:
    """A 9810 declaration for an overseas-warehouse booking (orderType W)."""
    from marketplace.customs.models import BookingStatus

    _require_filer(user, booking.supplier)
    if booking.status != BookingStatus.CONFIRMED:
        raise ValidationError(_("Only a confirmed booking can be declared."))
    booking_lines = list(booking.lines.select_related("product", "unit").order_by("pk"))
    currency = booking_lines[0].currency if booking_lines else "CNY"
    facts = catalog_facts.product_facts([line.product_id for line in booking_lines])
    with transaction.atomic():
        declaration = Declaration(
            number=_new_number(),
            mode=TradeMode.WAREHOUSE,
            booking=booking,
            supplier=booking.supplier,
            firm=_firm_of(user),
            currency=currency,
            incoterm=booking.incoterm,
            terms_of_sale=booking.incoterm.customs_terms_code if booking.incoterm_id else "",
            destination_country=booking.warehouse.country,
            waybill_currency=currency,
            fx_rate_cny=_rate_to_cny(currency=currency, locked=None, at=booking.created_at),
            created_by=user,
        )
        lines = []
        for gnum, line in enumerate(booking_lines, start=1):
            declared = _line_from(
                gnum=gnum,
                product=line.product,
                item_no=line.partner_sku,
                item_name=line.product.get_title(),
                quantity=line.quantity,
                unit=line.unit,
                price=line.unit_price,
                facts_by_product=facts,
            )
            # The booking's own weights (weighed lots) win over the catalogue's per-unit ones.
            declared.net_weight_kg, declared.gross_weight_kg = line.net_weight_kg, line.gross_weight_kg
            if declared.unit1 and declared.unit1.customs_code == catalog_facts.KG_CUSTOMS_CODE:
                declared.qty1 = line.net_weight_kg
            declared.booking_line = line
            lines.append(declared)
        return _save_new(declaration, lines, user=user)


def _save_new(declaration: Declaration, lines: list[DeclarationLine], *, user) -> Declaration:
    declaration.save()
    for line in lines:
        line.declaration = declaration
    DeclarationLine.objects.bulk_create(lines)
    _recompute(declaration)
    declaration.gross_weight_kg = sum((line.gross_weight_kg for line in lines), Decimal(0))
    declaration.statistics_flag = (
        StatisticsFlag.SIMPLIFIED if declaration.route == Route.LIST else StatisticsFlag.SUMMARY
    )
    declaration.save()
    record_event(
        actor=user,
        subject=declaration,
        verb="declaration.opened",
        data={"mode": declaration.mode, "source": declaration.source_number, "route": declaration.route},
    )
    return declaration


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


def _require_editable(declaration: Declaration) -> None:
    if not declaration.is_editable:
        raise ValidationError(
            _("The declaration is %(status)s: it can no longer be changed.")
            % {"status": declaration.get_status_display()}
        )


def _back_to_draft(declaration: Declaration, *, user) -> None:
    if declaration.status == DeclarationStatus.READY:
        _move(declaration, DeclarationStatus.DRAFT, user=user, data={"reason": "edited"})


def update_declaration(*, declaration: Declaration, user, **fields) -> Declaration:
    """Change the head (office, port, transport, Incoterm...); the route is decided again."""
    _require_filer(user, declaration.supplier)
    unknown = set(fields) - set(HEAD_FIELDS)
    if unknown:
        raise ValueError(f"Not a head field: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        declaration = _locked(declaration)
        _require_editable(declaration)
        for name, value in fields.items():
            setattr(declaration, name, value)
        _recompute(declaration)
        declaration.save()
        record_event(
            actor=user, subject=declaration, verb="declaration.edited", data={"fields": sorted(fields)}
        )
        _back_to_draft(declaration, user=user)
    return declaration


def update_declaration_line(*, line: DeclarationLine, user, **fields) -> DeclarationLine:
    """Change what the firm completes on a line: HS line, inspection code, elements, licence."""
    declaration = line.declaration
    _require_filer(user, declaration.supplier)
    unknown = set(fields) - set(LINE_FIELDS)
    if unknown:
        raise ValueError(f"Not a line field: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        declaration = _locked(declaration)
        _require_editable(declaration)
        for name, value in fields.items():
            setattr(line, name, value)
        line.save()
        _recompute(declaration)
        declaration.save()
        record_event(
            actor=user,
            subject=declaration,
            verb="declaration.edited",
            data={"line": line.gnum, "fields": sorted(fields)},
        )
        _back_to_draft(declaration, user=user)
    return line


def fill_waybill(*, declaration: Declaration, waybill: WaybillData, user) -> Declaration:
    """Record the CEB505 waybill data (entered on the desk or from a shipment)."""
    if user is not None:
        _require_filer(user, declaration.supplier)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status not in (
            DeclarationStatus.DRAFT,
            DeclarationStatus.READY,
            DeclarationStatus.REJECTED,
        ):
            raise ValidationError(_("The declaration is submitted: its waybill can no longer be changed."))
        declaration.logistics_code = waybill.logistics_code
        declaration.logistics_name = waybill.logistics_name
        declaration.waybill_number = waybill.waybill_number
        declaration.freight = waybill.freight
        declaration.insured_fee = waybill.insured_fee
        declaration.waybill_currency = waybill.currency
        declaration.gross_weight_kg = waybill.gross_weight_kg
        declaration.package_count = waybill.package_count
        declaration.goods_description = waybill.goods_description
        declaration.save()
        record_event(
            actor=user,
            subject=declaration,
            verb="declaration.waybill",
            data={"waybill": waybill.waybill_number},
        )
        _back_to_draft(declaration, user=user)
    return declaration


# --- states -----------------------------------------------------------------------------------


def mark_ready(*, declaration: Declaration, user) -> Declaration:
    """Draft → ready, only when every validation rule passes (and its messages are schema-valid)."""
    from marketplace.customs.validation import validate_declaration

    _require_filer(user, declaration.supplier)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status != DeclarationStatus.DRAFT:
            raise ValidationError(_("Only a draft can be marked ready."))
        _recompute(declaration)
        declaration.save()
        problems = validate_declaration(declaration)
        if problems:
            raise ValidationError([problem.message for problem in problems])
        _move(declaration, DeclarationStatus.READY, user=user)
    return declaration


def submit_declaration(*, declaration: Declaration, user) -> Declaration:
    """Ready → submitted: the firm has signed and sent the exported messages."""
    from marketplace.customs.validation import validate_declaration

    _require_filer(user, declaration.supplier)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status != DeclarationStatus.READY:
            raise ValidationError(_("Only a declaration that is ready can be submitted."))
        problems = validate_declaration(declaration)
        if problems:
            raise ValidationError([problem.message for problem in problems])
        declaration.submitted_at = timezone.now()
        _move(declaration, DeclarationStatus.SUBMITTED, user=user, data={"app_type": declaration.app_type})
        if declaration.booking_id:
            from marketplace.customs.models import BookingStatus

            WarehouseBooking.objects.filter(pk=declaration.booking_id).update(status=BookingStatus.DECLARED)
    return declaration


def correct_declaration(*, declaration: Declaration, user) -> Declaration:
    """Rejected → draft, to be corrected and re-filed as a change (appType 2)."""
    _require_filer(user, declaration.supplier)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status != DeclarationStatus.REJECTED:
            raise ValidationError(_("Only a rejected declaration is corrected."))
        declaration.app_type = "2"
        # Messages customs refused are filed again; the accepted ones stand.
        for name in ("order_message_status", "waybill_message_status", "declaration_message_status"):
            if getattr(declaration, name) != "120":
                setattr(declaration, name, "")
        _move(declaration, DeclarationStatus.DRAFT, user=user, data={"app_type": "2"})
    return declaration


CANCELLABLE = (
    DeclarationStatus.DRAFT,
    DeclarationStatus.READY,
    DeclarationStatus.REJECTED,
    DeclarationStatus.RETURNED,
)


def cancel_declaration(*, declaration: Declaration, user, reason: str) -> Declaration:
    _require_filer(user, declaration.supplier)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the declaration is cancelled.")})
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status not in CANCELLABLE:
            raise ValidationError(_("A declaration with customs cannot be cancelled here."))
        _move(declaration, DeclarationStatus.CANCELLED, user=user, data={"reason": reason})
    return declaration
