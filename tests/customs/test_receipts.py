"""Receipts drive the state machine: official samples, out-of-order refusals, rejection → release."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from marketplace.core.models import AuditEvent
from marketplace.customs import exports, services
from marketplace.customs.messages.ceb import parse_ceb303
from marketplace.customs.models import Declaration, DeclarationStatus, ReceiptMessage
from marketplace.customs.receipts import ReceiptEntry, import_receipts, record_receipt
from tests.factories.customs import complete, order_for
from tests.factories.customs import waybill as make_waybill

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
Order = get_model("order", "Order")


def sample(name: str, status: str | None = None) -> bytes:
    text = (FIXTURES / f"{name}Message.xml").read_bytes()
    if status is not None:
        text = text.replace(b"<ceb:returnStatus>2<", f"<ceb:returnStatus>{status}<".encode())
    return text


def submitted(*, order, user, waybill="EH2026000001", number=None):
    declaration = services.open_declaration_for_order(order=order, user=user)
    if number:
        Declaration.objects.filter(pk=declaration.pk).update(number=number)
        declaration.refresh_from_db()
    declaration = complete(declaration, user=user)
    services.fill_waybill(
        declaration=declaration,
        waybill=make_waybill(
            waybill_number=waybill, gross_weight_kg=declaration.gross_weight_kg, currency="USD"
        ),
        user=user,
    )
    services.mark_ready(declaration=declaration, user=user)
    return services.submit_declaration(declaration=declaration, user=user)


@pytest.fixture
def order(buyer, buyer_user, supplier, polypropylene):
    order = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)
    Order.objects.filter(pk=order.pk).update(number="order2018050711340001")
    order.refresh_from_db()
    return order


@pytest.fixture
def declaration(order, supplier_admin):
    return submitted(order=order, user=supplier_admin, waybill="L2018050700001")


def entry(message, status, info=""):
    return ReceiptEntry(message=message, return_status=status, return_info=info)


def accept_order_and_waybill(declaration, user):
    import_receipts(declaration=declaration, xml=sample("CEB304", "120"), user=user)
    import_receipts(declaration=declaration, xml=sample("CEB506", "120"), user=user)


def test_the_official_order_and_waybill_samples_import(declaration, supplier_admin):
    recorded = import_receipts(declaration=declaration, xml=sample("CEB304"), user=supplier_admin)
    import_receipts(declaration=declaration, xml=sample("CEB506"), user=supplier_admin)

    declaration.refresh_from_db()
    # The sample repeats one receipt ten times: it is applied once.
    assert [(r.message, r.return_status) for r in recorded] == [("CEB304", "2")]
    assert (declaration.order_message_status, declaration.waybill_message_status) == ("2", "2")
    assert declaration.status == DeclarationStatus.SUBMITTED
    assert declaration.receipts.count() == 2


def test_accepted_order_and_waybill_let_the_list_through_to_closing(declaration, supplier_admin):
    accept_order_and_waybill(declaration, supplier_admin)
    Declaration.objects.filter(pk=declaration.pk).update(number="Cop20180507001")
    Order.objects.filter(pk=declaration.order_id).update(number="1105910159")
    declaration.refresh_from_db()

    import_receipts(declaration=declaration, xml=sample("CEB604"), user=supplier_admin)
    import_receipts(declaration=declaration, xml=sample("CEB604", "120"), user=supplier_admin)
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.ACCEPTED
    assert (declaration.pre_no, declaration.invt_no) == ("P20180507000000001", "Invt20180507000001")
    record_receipt(declaration=declaration, entry=entry(ReceiptMessage.LIST, "800"), user=supplier_admin)
    record_receipt(declaration=declaration, entry=entry(ReceiptMessage.LIST, "899"), user=supplier_admin)

    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.CLOSED
    verbs = list(AuditEvent.objects.for_subject(declaration).order_by("pk").values_list("verb", flat=True))
    assert verbs[-3:] == ["declaration.accepted", "declaration.released", "declaration.closed"]


def test_the_list_is_refused_before_its_order_and_waybill_are_accepted(declaration, supplier_admin):
    import_receipts(declaration=declaration, xml=sample("CEB304", "120"), user=supplier_admin)

    with pytest.raises(ValidationError, match="order and waybill messages are accepted"):
        record_receipt(declaration=declaration, entry=entry(ReceiptMessage.LIST, "120"), user=supplier_admin)

    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.SUBMITTED
    assert declaration.receipts.count() == 1


@pytest.mark.parametrize(("before", "code"), [([], "800"), (["120"], "899"), (["120", "800"], "120")])
def test_out_of_order_receipts_are_refused(declaration, supplier_admin, before, code):
    accept_order_and_waybill(declaration, supplier_admin)
    for earlier in before:
        record_receipt(
            declaration=declaration, entry=entry(ReceiptMessage.LIST, earlier), user=supplier_admin
        )
    declaration.refresh_from_db()
    status, receipts = declaration.status, declaration.receipts.count()

    with pytest.raises(ValidationError, match="out of order"):
        record_receipt(declaration=declaration, entry=entry(ReceiptMessage.LIST, code), user=supplier_admin)

    declaration.refresh_from_db()
    assert (declaration.status, declaration.receipts.count()) == (status, receipts)


def test_a_receipt_for_another_order_is_refused(declaration, supplier_admin):
    other = sample("CEB304", "120").replace(b"order2018050711340001", b"OX-OTHER")

    with pytest.raises(ValidationError, match="OX-OTHER"):
        import_receipts(declaration=declaration, xml=other, user=supplier_admin)
    assert declaration.receipts.count() == 0


def test_a_receipt_without_the_ceb_prefix_is_read_by_namespace(declaration, supplier_admin):
    text = sample("CEB304", "120").replace(b"ceb:", b"").replace(b"xmlns:ceb=", b"xmlns=")

    import_receipts(declaration=declaration, xml=text, user=supplier_admin)

    declaration.refresh_from_db()
    assert declaration.order_message_status == "120"


def test_rejection_correction_and_release(declaration, supplier_admin):
    accept_order_and_waybill(declaration, supplier_admin)
    record_receipt(
        declaration=declaration,
        entry=entry(ReceiptMessage.LIST, "100", "gmodel does not match"),
        user=supplier_admin,
    )
    declaration.refresh_from_db()
    assert (declaration.status, declaration.rejection_reason) == (
        DeclarationStatus.REJECTED,
        "gmodel does not match",
    )

    declaration = services.correct_declaration(declaration=declaration, user=supplier_admin)
    line = declaration.lines.get()
    services.update_declaration_line(
        line=line, user=supplier_admin, declaration_elements="0|0|颗粒|PP 100%|T30S"
    )
    services.mark_ready(declaration=declaration, user=supplier_admin)
    services.submit_declaration(declaration=declaration, user=supplier_admin)
    declaration.refresh_from_db()
    # Order and waybill stay accepted; the corrected list is filed as a change.
    assert (declaration.app_type, declaration.order_message_status, declaration.waybill_message_status) == (
        "2",
        "120",
        "120",
    )
    order_message = parse_ceb303(exports.build_xml(declaration, "ceb303"), codes=exports.code_map())
    assert order_message.orders[0].head.app_type == "2"

    record_receipt(declaration=declaration, entry=entry(ReceiptMessage.LIST, "120"), user=supplier_admin)
    record_receipt(declaration=declaration, entry=entry(ReceiptMessage.LIST, "800"), user=supplier_admin)

    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.RELEASED
    verbs = set(AuditEvent.objects.for_subject(declaration).values_list("verb", flat=True))
    assert {"declaration.rejected", "declaration.draft", "declaration.ready", "declaration.released"} <= verbs


def test_the_full_declaration_goes_through_review_inspection_and_detention(
    buyer, buyer_user, supplier, supplier_admin, polypropylene
):
    order = order_for(
        buyer=buyer,
        buyer_user=buyer_user,
        supplier=supplier,
        product=polypropylene,
        quantity="1000",
        price="1",
    )
    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)
    declaration = complete(declaration, user=supplier_admin)
    services.update_declaration(
        declaration=declaration, user=supplier_admin, terms_of_sale="3", statistics_flag="B"
    )
    services.mark_ready(declaration=declaration, user=supplier_admin)
    services.submit_declaration(declaration=declaration, user=supplier_admin)
    assert declaration.route == "full"

    with pytest.raises(ValidationError, match="order message is accepted"):
        record_receipt(
            declaration=declaration, entry=entry(ReceiptMessage.DECLARATION, "120"), user=supplier_admin
        )
    with pytest.raises(ValidationError, match="does not apply"):
        record_receipt(declaration=declaration, entry=entry(ReceiptMessage.LIST, "120"), user=supplier_admin)
    record_receipt(declaration=declaration, entry=entry(ReceiptMessage.ORDER, "120"), user=supplier_admin)
    states = []
    for code in ("120", "300", "500", "501", "800", "899"):
        record_receipt(
            declaration=declaration, entry=entry(ReceiptMessage.DECLARATION, code), user=supplier_admin
        )
        declaration.refresh_from_db()
        states.append(declaration.status)

    assert states == ["accepted", "manual_review", "inspection", "detained", "released", "closed"]
