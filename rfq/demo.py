"""Demo RFQs in every state, with competing quotes (one revised after a counter-offer, one
expired) and a negotiation thread. Built through the real services; keyed by title, so a second
run adds nothing.

load_demo calls ``load(buyers=buyers, suppliers=suppliers)`` with companies.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from catalog.reference.models import Currency, Incoterm, Unit
from marketplace.orders.services import SCHEDULES
from rfq import services
from rfq.models import RFQ, Quote

Product = get_model("catalogue", "Product")

STATES = ["draft", "open", "quoted", "awarded", "partly_awarded", "closed", "cancelled", "expired"]


def _user(company):
    return company.memberships.select_related("user").order_by("pk").first().user


def _offered(supplier):
    product = (
        Product.objects.filter(
            supplier=supplier.partner, status="published", stockrecords__partner=supplier.partner
        )
        .order_by("pk")
        .first()
    )
    return product


def _terms(supplier, product, rfq, *, price: str, days: int = 14):
    offer = product.stockrecords.filter(partner=supplier.partner).order_by("pk").first()
    return services.QuoteTerms(
        offer=offer,
        unit_price=Decimal(price),
        currency=Currency.objects.get(code="USD"),
        incoterm=Incoterm.objects.get(code="FCA"),
        named_place="Erenhot",
        quantity=rfq.quantity,
        unit=rfq.unit,
        lead_time_days=days + 10,
        valid_until=timezone.localdate() + timedelta(days=days),
        payment_schedule=SCHEDULES["30-70"],
        moq=Decimal(1),
        documents_available="COA, SDS, certificate of origin",
    )


PURPOSES = {
    "draft": "annual contract 2027",
    "open": "Q1 2027 supply",
    "quoted": "spot order, January",
    "awarded": "pilot shipment",
    "partly_awarded": "split supply from two plants",
    "closed": "trial order",
    "cancelled": "replacement order",
    "expired": "winter stock",
}


def load(*, buyers: list, suppliers: list) -> int:
    """Create the missing demo RFQs; returns how many were new."""
    quoting = [(supplier, _offered(supplier)) for supplier in suppliers]
    quoting = [(supplier, product) for supplier, product in quoting if product is not None][:3]
    if len(quoting) < 2 or not buyers:
        return 0
    created = 0
    category = quoting[0][1].categories.order_by("path").first().get_root()
    for index, state in enumerate(STATES):
        buyer = buyers[index % len(buyers)]
        # Titles as buyers write them; unique per state so a second run finds them.
        title = f"{category.name} for {buyer.city or buyer.name}: {PURPOSES.get(state, state)}"
        if RFQ.objects.filter(buyer=buyer, title=title).exists():
            continue
        _create(state, title=title, buyer_user=_user(buyer), quoting=quoting)
        created += 1
    return created


def _create(state: str, *, title: str, buyer_user, quoting) -> None:
    (first, first_product), (second, second_product) = quoting[0], quoting[1]
    unit = first_product.stockrecords.order_by("pk").first().commercial_unit or Unit.objects.get(code="t")
    details = services.RFQDetails(
        title=title,
        quantity=Decimal(100),
        unit=unit,
        currency=Currency.objects.get(code="USD"),
        incoterm=Incoterm.objects.get(code="DAP"),
        named_place=buyer_user.company.city or "Ulaanbaatar",
        destination_country=buyer_user.company.country,
        destination_city=buyer_user.company.city,
        quote_deadline=timezone.localdate() + timedelta(days=10),
        product=first_product if state == "draft" else None,
        category=first_product.categories.order_by("path").first().get_root(),
        message="Please quote with your best lead time.",
    )
    rfq = services.create_rfq(buyer_user=buyer_user, details=details, submit=state != "draft")
    if state == "draft":
        return
    if not rfq.is_direct:
        services.broadcast_rfq(rfq=rfq)
    # Both suppliers are routed to, even when the broadcast's spec filters matched only one.
    from rfq.services.requests import _route

    _route(rfq, [first.partner, second.partner])
    if state == "open":
        return
    if state == "expired":
        RFQ.objects.filter(pk=rfq.pk).update(quote_deadline=timezone.localdate() - timedelta(days=1))
        services.expire_quotes_and_rfqs(today=timezone.localdate())
        return
    first_quote = services.submit_quote(
        rfq=rfq, by=_user(first), terms=_terms(first, first_product, rfq, price="285.00")
    )
    second_quote = services.submit_quote(
        rfq=rfq, by=_user(second), terms=_terms(second, second_product, rfq, price="279.00", days=2)
    )
    services.post_message(
        rfq=rfq, supplier=first.partner, by=buyer_user, body="Could you meet 275?", counter_price=Decimal(275)
    )
    services.post_message(
        rfq=rfq, supplier=first.partner, by=_user(first), body="We can do 278 with 30 days."
    )
    first_quote = services.revise_quote(
        quote=first_quote,
        by=_user(first),
        terms=_terms(first, first_product, rfq, price="278.00", days=30),
        note="Answering the counter-offer",
    )
    if state == "quoted":
        # The competing quote ran out: it stays visible as expired.
        Quote.objects.filter(pk=second_quote.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
        services.expire_quotes_and_rfqs(today=timezone.localdate())
    elif state == "awarded":
        services.accept_quote(quote=first_quote, by=buyer_user)
    elif state in ("partly_awarded", "closed"):
        services.accept_quote(quote=first_quote, by=buyer_user, quantity=Decimal(60))
        if state == "closed":
            services.close_rfq(rfq=rfq, by=buyer_user)
    elif state == "cancelled":
        services.withdraw_quote(quote=second_quote, by=_user(second))
        services.cancel_rfq(rfq=rfq, by=buyer_user)
