"""Catalog checkout for B2B buyers: a basket of one supplier's offers, priced at the quantity
breaks reached, turned into an order by ``marketplace.orders.services.place_order``."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.offers.rules import check_offer_quantity
from catalog.selectors import browsable_products
from marketplace.accounts.models import CompanyKind, User
from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest, place_order

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


def _require_buyer(user) -> None:
    company = user.company if user.is_authenticated else None
    if company is None or company.kind != CompanyKind.BUYER:
        raise PermissionDenied(_("Only buyer companies can order."))


def add_offer(*, basket: Basket, offer: StockRecord, quantity: int, user: User) -> Line:
    """Put ``quantity`` of an offer in the basket (replacing an earlier quantity of it)."""
    _require_buyer(user)
    if not browsable_products().filter(pk=offer.product_id, supplier_id=offer.partner_id).exists():
        raise ValidationError(_("This offer is not available."))
    check_offer_quantity(offer=offer, quantity=quantity)
    other = basket.lines.exclude(stockrecord__partner_id=offer.partner_id).select_related(
        "stockrecord__partner"
    )
    if first := other.first():
        raise ValidationError(
            _("Your basket holds offers of %(supplier)s. Order them first, or empty the basket.")
            % {"supplier": first.stockrecord.partner.name}
        )
    unit_price = basket.strategy.fetch_for_product(offer.product, offer).price.excl_tax
    line, created = basket.lines.get_or_create(
        line_reference=f"{offer.product_id}_{offer.pk}",
        defaults={
            "product": offer.product,
            "stockrecord": offer,
            "quantity": quantity,
            "price_currency": offer.price_currency,
            "price_excl_tax": unit_price,
            "price_incl_tax": unit_price,
        },
    )
    if not created:
        line.quantity = quantity
        line.save(update_fields=["quantity"])
    return line


def change_quantity(*, basket: Basket, line_id: int, quantity: int, user: User) -> None:
    _require_buyer(user)
    line = basket.lines.select_related("stockrecord__commercial_unit").get(pk=line_id)
    if quantity == 0:
        line.delete()
        return
    check_offer_quantity(offer=line.stockrecord, quantity=quantity)
    line.quantity = quantity
    line.save(update_fields=["quantity"])


def basket_lines(*, basket: Basket) -> list[Line]:
    """The basket's lines with their offers, tiers and Incoterms, each priced at its quantity."""
    lines = list(
        basket.lines.select_related("product", "stockrecord__partner", "stockrecord__commercial_unit")
        .prefetch_related("stockrecord__price_tiers", "stockrecord__incoterms__incoterm")
        .order_by("pk")
    )
    for line in lines:
        line.unit_price = basket.strategy.fetch_for_line(line, line.stockrecord).price.excl_tax
        line.total = line.unit_price * line.quantity
    return lines


def common_places(*, lines: list[Line]) -> list[tuple[str, str]]:
    """(Incoterm code, named place) pairs every offer in the basket offers."""
    places = None
    for line in lines:
        offered = {(place.incoterm.code, place.named_place) for place in line.stockrecord.incoterms.all()}
        places = offered if places is None else places & offered
    return sorted(places or ())


@transaction.atomic
def check_out(
    *,
    basket: Basket,
    user: User,
    place: tuple[str, str],
    destination_country: str,
    destination_city: str,
    schedule: str,
    notes: str = "",
) -> Order:
    """Place the order for the basket's lines and close the basket."""
    from catalog.reference.models import Incoterm

    _require_buyer(user)
    lines = basket_lines(basket=basket)
    if not lines:
        raise ValidationError(_("Your basket is empty."))
    if place not in common_places(lines=lines):
        raise ValidationError({"place": _("Choose an Incoterm every offer in the basket has.")})
    currencies = {line.stockrecord.price_currency for line in lines}
    if len(currencies) != 1:
        raise ValidationError(_("The offers are priced in different currencies; order them separately."))
    for line in lines:
        check_offer_quantity(offer=line.stockrecord, quantity=line.quantity)
    code, named_place = place
    order = place_order(
        request=OrderRequest(
            buyer=user.company,
            placed_by=user,
            supplier=lines[0].stockrecord.partner,
            lines=[
                AgreedLine(
                    product=line.product,
                    offer=line.stockrecord,
                    quantity=Decimal(line.quantity),
                    unit=line.stockrecord.commercial_unit or line.product.trade_spec.commercial_unit,
                    unit_price=line.unit_price,
                )
                for line in lines
            ],
            currency=currencies.pop(),
            incoterm=Incoterm.objects.get(code=code),
            named_place=named_place,
            destination_country=destination_country,
            destination_city=destination_city,
            schedule=SCHEDULES[schedule],
            source="checkout",
            notes=notes,
        )
    )
    basket.submit()
    return order
