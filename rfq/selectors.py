"""Reads of RFQs, quotes and threads, scoped to who is asking.

A buyer company sees its own RFQs with every quote; a supplier sees only RFQs routed to it and
only its own quotes and thread; operators see everything.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from marketplace.accounts.models import CompanyKind
from rfq.models import RFQ, Message, Quote, QuoteRevision, QuoteStatus, RFQRecipient, RFQStatus


def _company(user):
    return user.company if user.is_authenticated else None


def _partner(user):
    company = _company(user)
    return getattr(company, "partner", None) if company and company.kind == CompanyKind.SUPPLIER else None


def rfqs_visible_to(user) -> QuerySet:
    rfqs = RFQ.objects.select_related(
        "buyer", "unit", "currency", "incoterm", "product", "supplier", "category"
    )
    if not user.is_authenticated:
        return rfqs.none()
    if user.is_staff:
        return rfqs
    company = _company(user)
    if company is None:
        return rfqs.none()
    if company.kind == CompanyKind.BUYER:
        return rfqs.filter(buyer=company)
    partner = _partner(user)
    if partner is not None:
        return rfqs.filter(Exists(RFQRecipient.objects.filter(rfq=OuterRef("pk"), supplier=partner)))
    return rfqs.none()


def quotes_visible_to(user) -> QuerySet:
    quotes = Quote.objects.select_related(
        "rfq", "supplier__company", "currency", "incoterm", "unit", "offer__product"
    )
    if not user.is_authenticated:
        return quotes.none()
    if user.is_staff:
        return quotes
    company = _company(user)
    if company is None:
        return quotes.none()
    if company.kind == CompanyKind.BUYER:
        # Drafted options of a cancelled RFQ stay visible to the buyer that received them.
        return quotes.filter(rfq__buyer=company)
    partner = _partner(user)
    return quotes.filter(supplier=partner) if partner is not None else quotes.none()


def rfq_for_page(*, user, number: str) -> RFQ:
    return rfqs_visible_to(user).get(number=number)


def quotes_for_rfq(*, user, rfq: RFQ) -> QuerySet:
    return (
        quotes_visible_to(user)
        .filter(rfq=rfq)
        .prefetch_related(Prefetch("revisions", QuoteRevision.objects.order_by("number")))
        .order_by("supplier__name", "pk")
    )


def thread(*, user, rfq: RFQ, supplier) -> QuerySet:
    """The messages between the RFQ's buyer and ``supplier``, if the user is one of them."""
    messages = Message.objects.filter(rfq=rfq, supplier=supplier).select_related("author")
    company = _company(user)
    if user.is_staff or (company is not None and company.pk in (rfq.buyer_id, supplier.company_id)):
        return messages
    return messages.none()


def threads_for_buyer(*, rfq: RFQ) -> dict:
    """{partner: [messages]} of every thread of the RFQ (buyer or operator pages only)."""
    threads: dict = {}
    for message in Message.objects.filter(rfq=rfq).select_related("author", "supplier"):
        threads.setdefault(message.supplier, []).append(message)
    return threads


def recipients_of(*, rfq: RFQ) -> QuerySet:
    return RFQRecipient.objects.filter(rfq=rfq).select_related("supplier__company").order_by("supplier__name")


INBOX_TABS = ("new", "quoted", "won", "lost")


def supplier_inbox(*, partner, tab: str) -> QuerySet:
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


def response_rate(*, partner) -> ResponseRate:
    """RFQs the supplier quoted / RFQs it received (one query)."""
    counts = RFQRecipient.objects.filter(supplier=partner).aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Exists(Quote.objects.filter(rfq=OuterRef("rfq"), supplier=partner))),
    )
    return ResponseRate(received=counts["received"], answered=counts["answered"])


def buyer_has_rfq_for(user, product) -> bool:
    """The catalog's document access rule: the buyer's company asked for, or was quoted, it."""
    company = _company(user)
    if company is None or company.kind != CompanyKind.BUYER:
        return False
    return RFQ.objects.filter(Q(product=product) | Q(quotes__offer__product=product), buyer=company).exists()


def response_rates(*, partner_ids) -> dict[int, ResponseRate]:
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
