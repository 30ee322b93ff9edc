"""Opening a declaration: 9710 from an order (or some of its lines), 9810 from a booking."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.reference.selectors import rates_at
from marketplace.accounts.models import Company, User
from marketplace.core.services import record_event
from marketplace.customs import facts as catalog_facts
from marketplace.customs.models import (
    BookingStatus,
    Declaration,
    DeclarationLine,
    DeclarationStatus,
    Route,
    StatisticsFlag,
    TradeMode,
    WarehouseBooking,
)
from marketplace.customs.services.common import (
    FIVE_PLACES,
    _firm_of,
    _new_number,
    _recompute,
    _require_filer,
)
from marketplace.orders.models import OrderStatus

Order = get_model("order", "Order")

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


def open_declaration_for_order(*, order: Order, user: User, line_ids: list[int] | None = None) -> Declaration:
    """A 9710 declaration for an order, or for the chosen lines of it (a partial shipment)."""
    supplier = _order_supplier(order)
    _require_filer(user, supplier)
    with transaction.atomic():
        # The order's row is locked so two filers cannot put the same lines on two declarations.
        order = type(order).objects.select_for_update(of=("self",)).get(pk=order.pk)
        return _open_for_order(order=order, supplier=supplier, user=user, line_ids=line_ids)


def _open_for_order(*, order, supplier: Company, user, line_ids: list[int] | None) -> Declaration:
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


def open_declaration_for_booking(*, booking: WarehouseBooking, user: User) -> Declaration:
    """A 9810 declaration for an overseas-warehouse booking (orderType W)."""
    _require_filer(user, booking.supplier)
    with transaction.atomic():
        # Locked, so a booking is never declared twice at the same time.
        booking = WarehouseBooking.objects.select_for_update(of=("self",)).get(pk=booking.pk)
        return _open_for_booking(booking=booking, user=user)


def _open_for_booking(*, booking: WarehouseBooking, user) -> Declaration:
    if booking.status != BookingStatus.CONFIRMED:
        raise ValidationError(_("Only a confirmed booking can be declared."))
    if booking.declarations.exclude(status=DeclarationStatus.CANCELLED).exists():
        raise ValidationError(_("This booking is already on a declaration."))
    booking_lines = list(booking.lines.select_related("product", "unit").order_by("pk"))
    currency = booking_lines[0].currency if booking_lines else "CNY"
    facts = catalog_facts.product_facts([line.product_id for line in booking_lines])
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
