"""The journey: open RFQ → broadcast → quotes (one revised after a counter-offer) → compare →
accept → order at the agreed price and schedule; losers told; refusals change nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace.core.models import AuditEvent, EmailNotification
from marketplace.orders.models import OrderStatus
from rfq import comparison, services
from rfq.landed_cost import Assumptions
from rfq.models import Quote, QuoteStatus, RFQRecipient, RFQStatus
from tests.factories import SupplierFactory
from tests.rfq.conftest import methanol_from, quote_terms, rfq_details

pytestmark = pytest.mark.django_db


def _notified(user, template):
    return EmailNotification.objects.filter(recipient=user, template=template).count()


def test_an_open_rfq_reaches_matching_verified_suppliers_only(
    buyer_user,
    methanol_category,
    supplier_a,
    supplier_b,
    supplier_low_purity,
    django_capture_on_commit_callbacks,
):
    unverified = SupplierFactory(name="Unverified Works", verification_status="unverified")
    methanol_from(unverified, category=methanol_category)

    with django_capture_on_commit_callbacks(execute=True):
        rfq = services.create_rfq(buyer_user=buyer_user, details=rfq_details(category=methanol_category))

    rfq.refresh_from_db()
    assert rfq.status == RFQStatus.OPEN
    assert set(RFQRecipient.objects.filter(rfq=rfq).values_list("supplier__name", flat=True)) == {
        "Hanggin Methanol",
        "Junggar Chemical",
    }
    assert rfq.routing_rule.startswith("Sent to 2 verified suppliers")
    assert "≥ 99.85" in rfq.routing_rule
    assert _notified(supplier_a.user, "rfq/rfq_received") == 1
    assert _notified(supplier_low_purity.partner.company.memberships.first().user, "rfq/rfq_received") == 0


def test_broadcast_is_capped_and_idempotent(open_rfq, settings, methanol_category):
    settings.RFQ_BROADCAST_CAP = 1
    assert services.broadcast_rfq(rfq=open_rfq) == 0  # both already routed: nothing new
    assert RFQRecipient.objects.filter(rfq=open_rfq).count() == 2
    assert len(services.matching_suppliers(rfq=open_rfq)) == 1


def test_the_whole_journey(open_rfq, buyer_user, supplier_a, supplier_b, quote_a, quote_b):
    # The buyer counters B's price; B answers with a revision.
    services.post_message(
        rfq=open_rfq, supplier=supplier_b.partner, by=buyer_user, body="Can you do 1980?", counter_price=1980
    )
    revised = services.revise_quote(
        quote=quote_b,
        by=supplier_b.user,
        terms=quote_terms(supplier_b, price="1980.00", currency="CNY", incoterm="CPT", place="Ulaanbaatar"),
        note="Answering the counter-offer",
    )
    assert (revised.status, revised.revision) == (QuoteStatus.REVISED, 2)
    assert [r.terms["unit_price"] for r in revised.revisions.order_by("number")] == ["2016.00", "1980.00"]
    open_rfq.refresh_from_db()
    assert open_rfq.status == RFQStatus.QUOTED

    # Compare in USD: B is 1980 CNY / 7.2 = 275 USD per t, CPT (insurance + destination + duty).
    assumptions = Assumptions(
        mode="rail",
        freight_per_unit=Decimal(40),
        insurance_percent=Decimal("0.5"),
        destination_charges_per_unit=Decimal(5),
        duty_percent=Decimal(5),
    )
    rows = comparison.compare(
        rfq=open_rfq, quotes=Quote.objects.filter(rfq=open_rfq), currency="USD", assumptions=assumptions
    )
    assert [row.quote.supplier.name for row in rows] == ["Junggar Chemical", "Hanggin Methanol"]
    assert rows[0].unit_price == Decimal("275")
    # CPT: 275 + insurance 1.375 + destination 5 + duty 5 % of (275 + 1.375) = 13.8188 → 295.1938/t
    assert rows[0].landed.per_unit == Decimal("295.1938")
    assert rows[0].landed_total == Decimal("29519.38")
    # FCA 280: freight 40, insurance 1.60, destination 5, duty 5 % of 321.60 = 16.08 → 342.68/t
    assert rows[1].landed_total == Decimal("34268.00")

    order = services.accept_quote(quote=revised, by=buyer_user)

    line = order.lines.get()
    assert (order.source, order.source_reference, order.currency) == ("rfq", open_rfq.number, "CNY")
    assert (line.agreed_quantity, line.unit_price_excl_tax, line.product) == (
        Decimal(100),
        Decimal("1980.00"),
        supplier_b.product,
    )
    assert order.incoterm.code == "CPT" and order.named_place == "Ulaanbaatar"
    assert order.locked_rate("USD") == Decimal(1) / Decimal("7.20")
    assert [(m.percent, m.due) for m in order.milestones.all()] == [
        (Decimal(30), "on_order"),
        (Decimal(70), "before_shipment"),
    ]
    assert order.status == OrderStatus.AWAITING_DEPOSIT
    open_rfq.refresh_from_db()
    quote_a.refresh_from_db()
    assert open_rfq.status == RFQStatus.AWARDED and open_rfq.awarded_quantity == 100
    assert quote_a.status == QuoteStatus.DECLINED
    assert _notified(supplier_a.user, "rfq/quote_declined") == 1
    assert _notified(supplier_b.user, "rfq/quote_accepted") == 1
    assert AuditEvent.objects.filter(verb="rfq.awarded", subject_id=str(open_rfq.pk)).count() == 1


def test_a_split_award_keeps_the_remainder_open(open_rfq, buyer_user, quote_a, quote_b):
    services.accept_quote(quote=quote_a, by=buyer_user, quantity=Decimal(60))
    open_rfq.refresh_from_db()
    assert (open_rfq.status, open_rfq.remaining_quantity) == (RFQStatus.PARTLY_AWARDED, Decimal(40))

    order = services.accept_quote(quote=quote_b, by=buyer_user)

    assert order.lines.get().agreed_quantity == Decimal(40)
    open_rfq.refresh_from_db()
    assert open_rfq.status == RFQStatus.AWARDED


def _unchanged(rfq, quote):
    rfq.refresh_from_db()
    quote.refresh_from_db()
    return rfq.status, rfq.awarded_quantity, quote.status, rfq.awards.count()


def test_a_withdrawn_quote_cannot_be_accepted(open_rfq, buyer_user, supplier_a, quote_a):
    services.withdraw_quote(quote=quote_a, by=supplier_a.user)
    before = _unchanged(open_rfq, quote_a)

    with pytest.raises(ValidationError, match="withdrawn cannot be accepted"):
        services.accept_quote(quote=quote_a, by=buyer_user)

    assert _unchanged(open_rfq, quote_a) == before == (RFQStatus.QUOTED, 0, QuoteStatus.WITHDRAWN, 0)


def test_an_expired_quote_cannot_be_accepted(open_rfq, buyer_user, quote_a):
    Quote.objects.filter(pk=quote_a.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    quote_a.refresh_from_db()

    with pytest.raises(ValidationError, match="expired"):
        services.accept_quote(quote=quote_a, by=buyer_user)
    assert _unchanged(open_rfq, quote_a) == (RFQStatus.QUOTED, 0, QuoteStatus.SUBMITTED, 0)

    assert services.expire_quotes_and_rfqs(today=timezone.localdate()) == (1, 0)
    with pytest.raises(ValidationError, match="expired cannot be accepted"):
        services.accept_quote(quote=quote_a, by=buyer_user)
    assert _unchanged(open_rfq, quote_a) == (RFQStatus.QUOTED, 0, QuoteStatus.EXPIRED, 0)


def test_an_rfq_without_live_quotes_expires_after_its_deadline(open_rfq):
    services.expire_quotes_and_rfqs(today=open_rfq.quote_deadline)
    open_rfq.refresh_from_db()
    assert open_rfq.status == RFQStatus.OPEN

    assert services.expire_quotes_and_rfqs(today=open_rfq.quote_deadline + timedelta(days=1)) == (0, 1)
    open_rfq.refresh_from_db()
    assert open_rfq.status == RFQStatus.EXPIRED


def test_illegal_transitions_are_refused(open_rfq, buyer_user, supplier_a, quote_a):
    with pytest.raises(ValidationError, match="quoted cannot become closed"):
        services.close_rfq(rfq=open_rfq, by=buyer_user)
    services.cancel_rfq(rfq=open_rfq, by=buyer_user)
    quote_a.refresh_from_db()
    assert quote_a.status == QuoteStatus.DECLINED
    with pytest.raises(ValidationError, match="no longer accepts quotes"):
        services.submit_quote(rfq=open_rfq, by=supplier_a.user, terms=quote_terms(supplier_a))
    with pytest.raises(ValidationError, match="declined cannot be revised"):
        services.revise_quote(quote=quote_a, by=supplier_a.user, terms=quote_terms(supplier_a))


def test_a_quote_must_name_one_of_the_suppliers_own_offers(open_rfq, supplier_a, supplier_b):
    terms = quote_terms(supplier_a, offer=supplier_b.product.stockrecords.get())
    with pytest.raises(ValidationError, match="your own offers"):
        services.submit_quote(rfq=open_rfq, by=supplier_a.user, terms=terms)
    assert not Quote.objects.exists()


def test_only_the_buyer_accepts_and_only_recipients_quote(open_rfq, supplier_a, quote_a, methanol_category):
    with pytest.raises(PermissionDenied):
        services.accept_quote(quote=quote_a, by=supplier_a.user)
    outsider = SupplierFactory(name="Not Invited")
    outsider.product = methanol_from(outsider, category=methanol_category)
    from tests.factories import member_of

    outsider.user = member_of(outsider)
    with pytest.raises(PermissionDenied):
        services.submit_quote(rfq=open_rfq, by=outsider.user, terms=quote_terms(outsider))


def test_a_direct_rfq_from_a_product_page_goes_to_its_supplier(buyer_user, supplier_a, supplier_b):
    rfq = services.create_rfq(buyer_user=buyer_user, details=rfq_details(product=supplier_a.product))
    assert rfq.supplier == supplier_a.partner
    assert list(rfq.recipients.values_list("supplier__name", flat=True)) == ["Hanggin Methanol"]
    assert rfq.routing_rule == "Sent directly to Hanggin Methanol."


def test_rfq_creation_is_rate_limited(buyer_user, supplier_a, settings):
    settings.RFQ_RATE_LIMIT_PER_HOUR = 2
    for _ in range(2):
        services.create_rfq(buyer_user=buyer_user, details=rfq_details(product=supplier_a.product))
    with pytest.raises(services.RFQRateLimitError, match="2 requests"):
        services.create_rfq(buyer_user=buyer_user, details=rfq_details(product=supplier_a.product))
    assert buyer_user.company.rfqs.count() == 2
