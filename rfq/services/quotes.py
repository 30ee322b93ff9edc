"""Quotes (options), their revisions and withdrawal, the negotiation thread, awards, expiry."""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.offers.rules import check_minimum_order, check_tiers, tiers_from_json
from catalog.reference.models import Currency, Incoterm, Unit
from catalog.reference.selectors import ConversionMissingError, conversion_factor
from marketplace.accounts.models import User
from marketplace.core import events, gates
from marketplace.core.services import notify, record_event
from marketplace.orders.models import MilestoneDue
from marketplace.orders.services import AgreedLine, MilestoneTerm, OrderRequest, place_order
from rfq.models import (
    AWARDABLE_RFQ_STATUSES,
    LIVE_QUOTE_STATUSES,
    RFQ,
    Award,
    Message,
    MessageSide,
    Quote,
    QuoteRevision,
    QuoteStatus,
    RFQStatus,
)
from rfq.services.requests import (
    _locked_rfq,
    _members,
    _move_rfq,
    _require_buyer,
    _require_recipient,
    _supplier_of,
)

Partner = get_model("partner", "Partner")

Order = get_model("order", "Order")

QUOTABLE_RFQ_STATUSES = (RFQStatus.OPEN, RFQStatus.QUOTED, RFQStatus.PARTLY_AWARDED)


@dataclass
class QuoteTerms:
    offer: object  # partner.StockRecord of the quoting supplier
    unit_price: Decimal
    currency: Currency
    incoterm: Incoterm
    named_place: str
    quantity: Decimal
    unit: Unit
    lead_time_days: int
    valid_until: date
    payment_schedule: list[MilestoneTerm]
    moq: Decimal = Decimal(1)
    price_tiers: list[dict] = field(default_factory=list)
    label: str = ""
    documents_available: str = ""
    remarks: str = ""


def _validate_terms(terms: QuoteTerms, *, partner, rfq: RFQ) -> None:
    errors = {}
    if terms.offer.partner_id != partner.pk or terms.offer.product.supplier_id != partner.pk:
        errors["offer"] = _("Quote one of your own offers.")
    if terms.valid_until < timezone.localdate():
        errors["valid_until"] = _("A quote must be valid at least until today.")
    if terms.unit_price <= 0 or terms.quantity <= 0 or terms.moq <= 0:
        errors["unit_price"] = _("Price, quantity and MOQ must be positive.")
    percents = [Decimal(term.percent) for term in terms.payment_schedule]
    if sum(percents) != 100 or any(percent <= 0 for percent in percents):
        errors["payment_schedule"] = _("The payment terms must add up to 100 %.")
    if terms.incoterm.sea_only and not terms.named_place:
        errors["named_place"] = _("Name the port.")
    try:
        conversion_factor(from_unit=terms.unit, to_unit=rfq.unit)
    except ConversionMissingError:
        errors["unit"] = _("%(unit)s does not convert to the RFQ's unit %(rfq_unit)s.") % {
            "unit": terms.unit.code,
            "rfq_unit": rfq.unit.code,
        }
    if problems := _tier_problems(terms):
        errors["price_tiers"] = problems
    if errors:
        raise ValidationError(errors)


def _tier_problems(terms: QuoteTerms) -> list[str]:
    """A quote's breaks follow the offers' rules: positive, above the MOQ, cheaper as they grow."""
    tiers = tiers_from_json(terms.price_tiers)
    if any(tier.min_quantity <= 0 or tier.unit_price <= 0 for tier in tiers):
        return [_("Price tiers need a positive quantity and price.")]
    try:
        check_tiers(price=terms.unit_price, moq=terms.moq, tiers=tiers)
    except ValidationError as error:
        return error.message_dict["tiers"]
    return []


def _snapshot(terms: QuoteTerms) -> dict:
    data = asdict(terms)
    data.update(
        offer=terms.offer.pk,
        currency=terms.currency.code,
        incoterm=terms.incoterm.code,
        unit=terms.unit.code,
        valid_until=terms.valid_until.isoformat(),
        payment_schedule=[_schedule_entry(term) for term in terms.payment_schedule],
        price_tiers=_tier_entries(terms),
    )
    return {key: str(value) if isinstance(value, Decimal) else value for key, value in data.items()}


def _schedule_entry(term: MilestoneTerm) -> dict:
    return {"percent": str(term.percent), "due": str(term.due), "label": str(term.label)}


def _tier_entries(terms: QuoteTerms) -> list[dict]:
    # Stored as strings (JSON), whether the terms came from the API (strings) or a form (Decimals).
    return [
        {"min_quantity": str(t["min_quantity"]), "unit_price": str(t["unit_price"])}
        for t in terms.price_tiers
    ]


def _apply(quote: Quote, terms: QuoteTerms) -> None:
    for name in (
        "offer", "unit_price", "currency", "incoterm", "named_place", "quantity", "unit",
        "lead_time_days", "valid_until", "moq", "label", "documents_available", "remarks",
    ):  # fmt: skip
        setattr(quote, name, getattr(terms, name))
    quote.price_tiers = _tier_entries(terms)
    quote.payment_schedule = [_schedule_entry(term) for term in terms.payment_schedule]


def submit_quote(*, rfq: RFQ, by: User, terms: QuoteTerms) -> Quote:
    """A supplier the RFQ was routed to quotes an option; the first quote makes the RFQ "quoted".

    The ``rfq.answer`` gate may refuse it; publishes ``quote.submitted``.
    """
    partner = _supplier_of(by)
    _require_recipient(rfq, partner)
    _validate_terms(terms, partner=partner, rfq=rfq)
    with transaction.atomic():
        rfq = _locked_rfq(rfq.pk)
        if rfq.status not in QUOTABLE_RFQ_STATUSES or rfq.quote_deadline < timezone.localdate():
            raise ValidationError(_("This RFQ no longer accepts quotes."))
        gates.check(action=gates.Action.RFQ_ANSWER, obj=rfq, user=by)
        quote = Quote(rfq=rfq, supplier=partner, submitted_by=by)
        _apply(quote, terms)
        quote.save()
        QuoteRevision.objects.create(quote=quote, number=1, terms=_snapshot(terms), created_by=by)
        record_event(actor=by, subject=quote, verb="quote.submitted", data={"rfq": rfq.number})
        events.publish(
            events.Name.QUOTE_SUBMITTED,
            quote_id=quote.pk,
            quote=quote,
            rfq_id=rfq.pk,
            supplier_id=partner.pk,
            user_id=by.pk,
        )
        if rfq.status == RFQStatus.OPEN:
            _move_rfq(rfq, RFQStatus.QUOTED, allowed_from=(RFQStatus.OPEN,), by=by)
        _tell_buyer(rfq, template="rfq/quote_received", supplier=partner.name)
    return quote


def _locked_quote(quote_id: int) -> Quote:
    return Quote.objects.select_for_update(of=("self",)).select_related("supplier", "rfq").get(pk=quote_id)


def revise_quote(*, quote: Quote, by: User, terms: QuoteTerms, note: str = "") -> Quote:
    """New terms for a live quote (e.g. answering a counter-offer); earlier terms are kept.
    The ``rfq.answer`` gate may refuse it."""
    partner = _supplier_of(by)
    if quote.supplier_id != partner.pk:
        raise PermissionDenied(_("You can only revise your own quotes."))
    _validate_terms(terms, partner=partner, rfq=quote.rfq)
    with transaction.atomic():
        rfq = _locked_rfq(quote.rfq_id)
        quote = _locked_quote(quote.pk)
        if not quote.is_live or rfq.status not in QUOTABLE_RFQ_STATUSES:
            raise ValidationError(
                _("A quote that is %(status)s cannot be revised.") % {"status": quote.status_label.lower()}
            )
        gates.check(action=gates.Action.RFQ_ANSWER, obj=rfq, user=by)
        _apply(quote, terms)
        quote.revision += 1
        quote.status = QuoteStatus.REVISED
        quote.save()
        QuoteRevision.objects.create(
            quote=quote, number=quote.revision, terms=_snapshot(terms), note=note, created_by=by
        )
        record_event(
            actor=by, subject=quote, verb="quote.revised", data={"revision": quote.revision, "note": note}
        )
        _tell_buyer(rfq, template="rfq/quote_revised", supplier=partner.name)
    return quote


def withdraw_quote(*, quote: Quote, by: User) -> Quote:
    partner = _supplier_of(by)
    if quote.supplier_id != partner.pk:
        raise PermissionDenied(_("You can only withdraw your own quotes."))
    with transaction.atomic():
        _locked_rfq(quote.rfq_id)
        quote = _locked_quote(quote.pk)
        _move_quote(quote, QuoteStatus.WITHDRAWN, by=by)
    return quote


def _move_quote(quote: Quote, to: str, *, by, data: dict | None = None) -> None:
    if not quote.is_live:
        raise ValidationError(
            _("A quote that is %(current)s cannot become %(to)s.")
            % {"current": quote.status_label.lower(), "to": QuoteStatus(to).label.lower()}
        )
    start = quote.status
    quote.status = to
    quote.save(update_fields=["status", "updated_at"])
    record_event(actor=by, subject=quote, verb=f"quote.{to}", data={"from": start, **(data or {})})


def _tell_buyer(rfq: RFQ, *, template: str, **extra) -> None:
    for user in _members(rfq.buyer):
        notify(recipient=user, template=template, context={"rfq_number": rfq.number, **extra})


def _tell_supplier(quote_or_partner, rfq: RFQ, *, template: str, **extra) -> None:
    partner = getattr(quote_or_partner, "supplier", quote_or_partner)
    for user in _members(partner.company):
        notify(recipient=user, template=template, context={"rfq_number": rfq.number, **extra})


# --- negotiation thread -----------------------------------------------------------------------


def post_message(
    *, rfq: RFQ, supplier: Partner, by: User, body: str, counter_price: Decimal | None = None
) -> Message:
    """A message in the thread of ``rfq`` with ``supplier``; the buyer may add a counter-offer."""
    body = body.strip()
    company = by.company if by.is_authenticated else None
    if company is not None and company.pk == rfq.buyer_id:
        side = MessageSide.BUYER
    elif company is not None and company.pk == supplier.company_id:
        side = MessageSide.SUPPLIER
    else:
        raise PermissionDenied(_("Only the buyer and this supplier write in this thread."))
    _require_recipient(rfq, supplier)
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if counter_price is not None and (side != MessageSide.BUYER or counter_price <= 0):
        raise ValidationError({"counter_price": _("Only the buyer proposes a positive counter-offer price.")})
    if rfq.status in (RFQStatus.DRAFT, RFQStatus.CANCELLED):
        raise ValidationError(_("This RFQ has no open thread."))
    with transaction.atomic():
        message = Message.objects.create(
            rfq=rfq, supplier=supplier, author=by, side=side, body=body, counter_price=counter_price
        )
        verb = "rfq.counter_offer" if counter_price is not None else "rfq.message"
        record_event(actor=by, subject=rfq, verb=verb, data={"supplier": supplier.name})
        if side == MessageSide.BUYER:
            _tell_supplier(
                supplier, rfq, template="rfq/message_received", path=f"/supplier/rfqs/{rfq.number}/"
            )
        else:
            _tell_buyer(rfq, template="rfq/message_received", path=f"/rfqs/{rfq.number}/")
    return message


# --- award ------------------------------------------------------------------------------------


def _schedule(quote: Quote) -> list[MilestoneTerm]:
    return [
        MilestoneTerm(Decimal(term["percent"]), MilestoneDue(term["due"]), term["label"])
        for term in quote.payment_schedule
    ]


def accept_quote(*, quote: Quote, by: User, quantity: Decimal | None = None) -> Order:
    """The buyer accepts an option for ``quantity`` (RFQ unit; default: all that is left) and an
    order is placed at the quote's price, currency, Incoterm and payment terms; returns it.

    The RFQ row is locked first, so of two simultaneous acceptances exactly one wins. The
    ``quote.accept`` gate may refuse it; publishes ``quote.accepted`` (and ``order.placed``).
    """
    _require_buyer(quote.rfq, by)
    with transaction.atomic():
        rfq = _locked_rfq(quote.rfq_id)
        quote = _locked_quote(quote.pk)
        if rfq.status not in AWARDABLE_RFQ_STATUSES:
            raise ValidationError(
                _("An RFQ that is %(status)s cannot be awarded.") % {"status": rfq.status_label.lower()}
            )
        if not quote.is_live:
            raise ValidationError(
                _("A quote that is %(status)s cannot be accepted.") % {"status": quote.status_label.lower()}
            )
        if quote.valid_until < timezone.localdate():
            raise ValidationError(_("This quote expired on %(date)s.") % {"date": quote.valid_until})
        quantity = rfq.remaining_quantity if quantity is None else quantity
        if quantity <= 0 or quantity > rfq.remaining_quantity:
            raise ValidationError(
                {
                    "quantity": _("Award between 0 and the %(left)s %(unit)s still open.")
                    % {"left": format(rfq.remaining_quantity.normalize(), "f"), "unit": rfq.unit.code}
                }
            )
        gates.check(action=gates.Action.QUOTE_ACCEPT, obj=quote, user=by, quantity=quantity)
        order = _place(rfq, quote, quantity=quantity, by=by)
        _record_award(rfq, quote, quantity=quantity, order=order, by=by)
        events.publish(
            events.Name.QUOTE_ACCEPTED,
            quote_id=quote.pk,
            quote=quote,
            rfq_id=rfq.pk,
            supplier_id=quote.supplier_id,
            order_id=order.pk,
            order=order,
            quantity=quantity,
            user_id=by.pk,
        )
    return order


def _place(rfq: RFQ, quote: Quote, *, quantity: Decimal, by):
    # The order is in the quote's unit: 1 RFQ unit = factor × quote unit.
    quote_quantity = quantity * conversion_factor(from_unit=rfq.unit, to_unit=quote.unit)
    check_minimum_order(moq=quote.moq, quantity=quote_quantity, unit_code=quote.unit.code)
    unit_price = quote.price_for(quote_quantity)
    return place_order(
        request=OrderRequest(
            buyer=rfq.buyer,
            placed_by=by,
            supplier=quote.supplier,
            lines=[
                AgreedLine(
                    product=quote.offer.product,
                    offer=quote.offer,
                    quantity=quote_quantity,
                    unit=quote.unit,
                    unit_price=unit_price,
                )
            ],
            currency=quote.currency_id,
            incoterm=quote.incoterm,
            named_place=quote.named_place,
            destination_country=rfq.destination_country,
            destination_city=rfq.destination_city,
            schedule=_schedule(quote),
            source="rfq",
            source_reference=rfq.number,
        )
    )


def _record_award(rfq: RFQ, quote: Quote, *, quantity: Decimal, order, by) -> None:
    line = order.lines.get()
    Award.objects.create(
        rfq=rfq,
        quote=quote,
        quantity=quantity,
        unit_price=line.unit_price_excl_tax,
        currency=order.currency,
        order=order,
        awarded_by=by,
    )
    quote.awarded_quantity += quantity
    quote.save(update_fields=["awarded_quantity"])
    _move_quote(quote, QuoteStatus.ACCEPTED, by=by, data={"order": order.number, "quantity": str(quantity)})
    _tell_supplier(quote, rfq, template="rfq/quote_accepted", order_number=order.number)
    rfq.awarded_quantity += quantity
    rfq.save(update_fields=["awarded_quantity"])
    if rfq.remaining_quantity > 0:
        if rfq.status != RFQStatus.PARTLY_AWARDED:
            _move_rfq(rfq, RFQStatus.PARTLY_AWARDED, allowed_from=AWARDABLE_RFQ_STATUSES, by=by)
        return
    _move_rfq(rfq, RFQStatus.AWARDED, allowed_from=AWARDABLE_RFQ_STATUSES, by=by)
    _decline_live_quotes(rfq, by=by)


def _decline_live_quotes(rfq: RFQ, *, by) -> None:
    """Losing options are declined and their suppliers told (once per supplier)."""
    told = set()
    for quote in rfq.quotes.filter(status__in=LIVE_QUOTE_STATUSES).select_related("supplier__company"):
        _move_quote(quote, QuoteStatus.DECLINED, by=by)
        if quote.supplier_id not in told:
            told.add(quote.supplier_id)
            _tell_supplier(quote, rfq, template="rfq/quote_declined")


# --- expiry -----------------------------------------------------------------------------------


def expire_quotes_and_rfqs(*, today: date) -> tuple[int, int]:
    """Beat: quotes past their validity expire; RFQs past their deadline with no live quote
    expire. Idempotent; returns (quotes, rfqs) expired."""
    quotes = 0
    for quote_id in Quote.objects.filter(status__in=LIVE_QUOTE_STATUSES, valid_until__lt=today).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            quote = _locked_quote(quote_id)
            if quote.is_live and quote.valid_until < today:
                _move_quote(quote, QuoteStatus.EXPIRED, by=None)
                quotes += 1
    rfqs = 0
    stale = RFQ.objects.filter(
        status__in=(RFQStatus.OPEN, RFQStatus.QUOTED), quote_deadline__lt=today
    ).exclude(quotes__status__in=LIVE_QUOTE_STATUSES)
    for rfq_id in stale.values_list("pk", flat=True):
        with transaction.atomic():
            rfq = _locked_rfq(rfq_id)
            if (
                rfq.status in (RFQStatus.OPEN, RFQStatus.QUOTED)
                and not rfq.quotes.filter(status__in=LIVE_QUOTE_STATUSES).exists()
            ):
                _move_rfq(rfq, RFQStatus.EXPIRED, allowed_from=(RFQStatus.OPEN, RFQStatus.QUOTED), by=None)
                _tell_buyer(rfq, template="rfq/rfq_expired")
                rfqs += 1
    return quotes, rfqs
