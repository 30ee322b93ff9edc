"""Writes of offers: a supplier's terms for one of its products, with tiers and Incoterms."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.models import ProductStatus
from catalog.offers.rules import Tier, check_tiers
from catalog.reference.models import Incoterm
from marketplace.accounts.models import Company, CompanyKind, User
from marketplace.core.services import record_event

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")

OFFER_FIELDS = (
    "partner_sku",
    "price",
    "price_currency",
    "commercial_unit",
    "minimum_order_quantity",
    "lead_time_days",
    "monthly_capacity",
    "packaging",
)


@dataclass(frozen=True)
class Place:
    incoterm: Incoterm
    named_place: str


def save_offer(
    *,
    partner: Partner,
    product: Product,
    fields: dict,
    tiers: list[Tier],
    places: list[Place],
    by: User,
    offer: StockRecord | None = None,
) -> StockRecord:
    """Create or replace one of ``partner``'s offers for its own ``product``, all or nothing."""
    if product.supplier_id != partner.pk or (offer is not None and offer.partner_id != partner.pk):
        raise PermissionDenied(_("Only the product's own supplier can make offers for it."))
    if product.status == ProductStatus.RETIRED:
        raise ValidationError(_("A retired product takes no offers; send it for review again first."))
    check_tiers(price=fields["price"], moq=fields["minimum_order_quantity"], tiers=tiers)
    with transaction.atomic():
        offer = offer or StockRecord(product=product, partner=partner, num_in_stock=0)
        for name in OFFER_FIELDS:
            setattr(offer, name, fields[name])
        offer.full_clean()
        offer.save()
        offer.price_tiers.all().delete()
        PriceTier.objects.bulk_create(
            PriceTier(offer=offer, min_quantity=tier.min_quantity, unit_price=tier.unit_price)
            for tier in tiers
        )
        offer.incoterms.all().delete()
        OfferIncoterm.objects.bulk_create(
            OfferIncoterm(offer=offer, incoterm=place.incoterm, named_place=place.named_place)
            for place in places
        )
        record_event(actor=by, subject=product, verb="offer.saved", data={"sku": offer.partner_sku})
    return offer


def delete_offer(*, offer: StockRecord, by: User) -> None:
    """A supplier withdraws an offer; a published product keeps at least one."""
    product = offer.product
    if product.status == ProductStatus.PUBLISHED and product.stockrecords.count() == 1:
        raise ValidationError(_("This is the product's only offer: retire the product instead."))
    with transaction.atomic():
        record_event(actor=by, subject=product, verb="offer.deleted", data={"sku": offer.partner_sku})
        offer.delete()


def open_partner_account(*, company: Company, user: User) -> None:
    """A new supplier company gets its Oscar partner (the seller of its offers), with its founder.

    Registered in ``SuppliersConfig.ready()`` as an accounts sign-up hook, inside the sign-up
    transaction.
    """
    if company.kind != CompanyKind.SUPPLIER:
        return
    partner = Partner.objects.create(name=company.name, company=company)
    partner.users.add(user)
