"""Reads of RFQs, quotes and threads, scoped to who is asking.

A buyer company sees its own RFQs with every quote; a supplier sees only RFQs routed to it and
only its own quotes and thread; operators see everything.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from marketplace.accounts.models import CompanyKind
from marketplace.accounts.policy import AnyUser, side_of, visible_to
from marketplace.accounts.selectors import company_of
from rfq.models import RFQ, Message, Quote, QuoteRevision, QuoteStatus, RFQRecipient, RFQStatus

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

# Authorised trade-service firms act for a supplier in customs, logistics and orders, not in
# selling: they see no RFQs, quotes or threads (firms=False below).


def rfqs_visible_to(*, user: AnyUser) -> QuerySet[RFQ]:
    """The buyer's own RFQs; a supplier's, those routed to it; operators', all."""
    rfqs = RFQ.objects.select_related(
        "buyer", "unit", "currency", "incoterm", "product", "supplier", "category"
    )
    # One recipient row per (RFQ, supplier) and one partner per company: the join adds no duplicates.
    return visible_to(
        user=user,
        queryset=rfqs,
        supplier_field="recipients__supplier__company",
        buyer_field="buyer",
        firms=False,
    )


def quotes_visible_to(*, user: AnyUser) -> QuerySet[Quote]:
    """The quotes on the buyer's RFQs (drafted options of a cancelled RFQ stay visible to the buyer
    that received them); a supplier's own quotes; operators', all."""
    quotes = Quote.objects.select_related(
        "rfq", "supplier__company", "currency", "incoterm", "unit", "offer__product"
    )
    return visible_to(
        user=user, queryset=quotes, supplier_field="supplier__company", buyer_field="rfq__buyer", firms=False
    )


def messages_visible_to(*, user: AnyUser, rfq: RFQ) -> QuerySet[Message]:
    """The buyer's side (and operators) reads every thread of its RFQ; a supplier only its own."""
    messages = Message.objects.filter(rfq=rfq).select_related("author")
    if side_of(user=user, buyer=rfq.buyer) is not None:
        return messages
    return visible_to(user=user, queryset=messages, supplier_field="supplier__company", firms=False)


def rfq_for_page(*, user: AnyUser, number: str) -> RFQ:
    return rfqs_visible_to(user=user).get(number=number)


def quotes_for_rfq(*, user: AnyUser, rfq: RFQ) -> QuerySet[Quote]:
    return (
        quotes_visible_to(user=user)
        .filter(rfq=rfq)
        .prefetch_related(Prefetch("revisions", QuoteRevision.objects.order_by("number")))
        .order_by("supplier__name", "pk")
    )


def thread(*, user: AnyUser, rfq: RFQ, supplier: Partner) -> QuerySet[Message]:
    """The messages between the RFQ's buyer and ``supplier``, if the user is one of them."""
    return messages_visible_to(user=user, rfq=rfq).filter(supplier=supplier)


def threads_for_buyer(*, rfq: RFQ) -> dict[Partner, list[Message]]:
    """{partner: [messages]} of every thread of the RFQ (buyer or operator pages only)."""
    threads: dict = {}
    for message in Message.objects.filter(rfq=rfq).select_related("author", "supplier"):
        threads.setdefault(message.supplier, []).append(message)
    return threads


def recipients_of(*, rfq: RFQ) -> QuerySet[RFQRecipient]:
    return RFQRecipient.objects.filter(rfq=rfq).select_related("supplier__company").order_by("supplier__name")


INBOX_TABS = ("new", "quoted", "won", "lost")


def supplier_inbox(*, partner: Partner, tab: str) -> QuerySet[RFQ]:
    """RFQs routed to ``partner``: new (not quoted yet), quoted, won, lost."""
    own = Quote.objects.filter(rfq=OuterRef("pk"), supplier=partner)
    rfqs = (
        RFQ.objects.filter(recipients__supplier=partner)
        .select_related("buyer", "unit", "incoterm")
        .annotate(
            has_quoted=Exists(own),
            has_won=Exists(own.filter(status=QuoteStatus.ACCEPTED)),
        )
        .order_by("-created_at", "-pk")
    )
    closed = (RFQStatus.AWARDED, RFQStatus.CLOSED, RFQStatus.CANCELLED, RFQStatus.EXPIRED)
    if tab == "new":
        return rfqs.filter(has_quoted=False).exclude(status__in=closed)
    if tab == "quoted":
        return rfqs.filter(has_quoted=True, has_won=False).exclude(status__in=closed)
    if tab == "won":
        return rfqs.filter(has_won=True)
    return rfqs.filter(has_won=False).filter(
        Q(status__in=closed) | Q(has_quoted=True, status=RFQStatus.AWARDED)
    )


@dataclass(frozen=True)
class ResponseRate:
    received: int
    answered: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.answered / self.received) if self.received else None


def response_rate(*, partner: Partner) -> ResponseRate:
    """RFQs the supplier quoted / RFQs it received (one query)."""
    counts = RFQRecipient.objects.filter(supplier=partner).aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Exists(Quote.objects.filter(rfq=OuterRef("rfq"), supplier=partner))),
    )
    return ResponseRate(received=counts["received"], answered=counts["answered"])


def buyer_has_rfq_for(*, user: AnyUser, product: Product) -> bool:
    """The catalog's document access rule: the buyer's company asked for, or was quoted, it."""
    company = company_of(user=user)
    if company is None or company.kind != CompanyKind.BUYER:
        return False
    return RFQ.objects.filter(Q(product=product) | Q(quotes__offer__product=product), buyer=company).exists()


def response_rates(*, partner_ids: Iterable[int]) -> dict[int, ResponseRate]:
    """ResponseRate per supplier for a comparison page, in one query."""
    rows = (
        RFQRecipient.objects.filter(supplier_id__in=partner_ids)
        .values("supplier_id")
        .annotate(
            received=Count("pk"),
            answered=Count(
                "pk",
                filter=Exists(Quote.objects.filter(rfq=OuterRef("rfq"), supplier=OuterRef("supplier"))),
            ),
        )
    )
    return {row["supplier_id"]: ResponseRate(row["received"], row["answered"]) for row in rows}
