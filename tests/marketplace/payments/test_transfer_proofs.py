"""Bank transfers (T/T): the buyer uploads a proof, the supplier or an operator confirms (the
milestone is paid) or rejects it with a reason; every refusal changes nothing."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.core.models import AuditEvent, EmailNotification
from marketplace.orders.models import MilestoneStatus, OrderStatus, PaymentMethod
from marketplace.orders.services import record_payment
from marketplace.payments import services
from marketplace.payments.models import CardPayment, CardPaymentStatus, TransferProof
from tests.factories import CompanyFactory, SupplierFactory, member_of
from tests.marketplace.payments.conftest import PNG, localstripe, proof_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def proof(deposit, buyer_user):
    return services.upload_transfer_proof(
        milestone=deposit, file=proof_file(), by=buyer_user, reference="UETR-1"
    )


def test_the_buyer_uploads_a_proof_and_the_supplier_is_asked(
    deposit, buyer_user, supplier_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proof = services.upload_transfer_proof(
            milestone=deposit, file=proof_file("slip.png", PNG), by=buyer_user, reference=" UETR-1 "
        )

    assert (proof.reference, proof.accepted, proof.uploaded_by) == ("UETR-1", None, buyer_user)
    assert proof.file.name.startswith("payments/transfer-proofs/") and proof.file.name.endswith("slip.png")
    assert proof.file.storage.exists(proof.file.name)
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PENDING
    assert AuditEvent.objects.filter(verb="payment.proof_uploaded", subject_id=str(deposit.order_id)).exists()
    assert [(m.to, "confirm the buyer's bank transfer" in m.subject) for m in mail.outbox] == [
        ([supplier_admin.email], True)
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("slip.exe", b"MZ\x90\x00"),
        ("slip.pdf", b"<html><script>alert(1)</script>"),
        ("slip.png", b"%PDF-1.7"),
    ],
)
def test_only_pdf_png_and_jpeg_proofs(deposit, buyer_user, name, content):
    with pytest.raises(ValidationError) as refused:
        services.upload_transfer_proof(milestone=deposit, file=proof_file(name, content), by=buyer_user)

    assert "file" in refused.value.message_dict
    assert not TransferProof.objects.exists()


def test_one_proof_at_a_time_awaits_a_decision(proof, deposit, buyer_user):
    with pytest.raises(ValidationError, match="already waiting"):
        services.upload_transfer_proof(milestone=deposit, file=proof_file(), by=buyer_user)

    assert TransferProof.objects.count() == 1


@pytest.mark.parametrize("who", ["supplier_admin", "operator", "firm_user", "other_buyer"])
def test_only_the_orders_buyer_uploads_proofs(deposit, who, request):
    user = member_of(CompanyFactory()) if who == "other_buyer" else request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        services.upload_transfer_proof(milestone=deposit, file=proof_file(), by=user)

    assert not TransferProof.objects.exists()


def test_no_proof_for_a_paid_milestone(deposit, buyer_user):
    record_payment(milestone=deposit, method=PaymentMethod.CARD, reference="pi_1")

    with pytest.raises(ValidationError, match="already paid"):
        services.upload_transfer_proof(milestone=deposit, file=proof_file(), by=buyer_user)


@pytest.mark.parametrize("who", ["supplier_admin", "operator"])
def test_the_supplier_or_an_operator_confirms_and_the_milestone_is_paid(proof, deposit, order, who, request):
    user = request.getfixturevalue(who)

    services.decide_transfer_proof(proof=proof, accept=True, by=user)

    proof.refresh_from_db()
    deposit.refresh_from_db()
    order.refresh_from_db()
    assert (proof.accepted, proof.decided_by, proof.decided_at is not None) == (True, user, True)
    assert (deposit.status, deposit.paid_with, deposit.payment_reference) == (
        MilestoneStatus.PAID,
        PaymentMethod.BANK_TRANSFER,
        "UETR-1",
    )
    assert order.status == OrderStatus.IN_PRODUCTION
    assert AuditEvent.objects.filter(verb="payment.proof_accepted", actor=user).exists()


def test_a_proof_without_reference_pays_with_the_proofs_number(deposit, buyer_user, supplier_admin):
    proof = services.upload_transfer_proof(milestone=deposit, file=proof_file(), by=buyer_user)

    services.decide_transfer_proof(proof=proof, accept=True, by=supplier_admin)

    deposit.refresh_from_db()
    assert deposit.payment_reference == f"transfer-proof-{proof.pk}"


def test_a_rejection_needs_a_reason_and_tells_the_buyer(
    proof, deposit, supplier_admin, buyer_user, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError):
        services.decide_transfer_proof(proof=proof, accept=False, by=supplier_admin, reason="  ")
    proof.refresh_from_db()
    assert proof.accepted is None

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_transfer_proof(
            proof=proof, accept=False, by=supplier_admin, reason="No money arrived"
        )

    proof.refresh_from_db()
    deposit.refresh_from_db()
    assert (proof.accepted, proof.reason) == (False, "No money arrived")
    assert deposit.status == MilestoneStatus.PENDING
    notice = EmailNotification.objects.get(template="payments/proof_rejected")
    assert (notice.recipient, notice.context["reason"]) == (buyer_user, "No money arrived")
    assert [m.to for m in mail.outbox if "not accepted" in m.subject] == [[buyer_user.email]]
    # The buyer may now upload another proof.
    services.upload_transfer_proof(milestone=deposit, file=proof_file(), by=buyer_user)


@pytest.mark.parametrize("who", ["buyer_user", "firm_user", "other_supplier"])
def test_nobody_else_decides(proof, deposit, who, request):
    user = member_of(SupplierFactory()) if who == "other_supplier" else request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        services.decide_transfer_proof(proof=proof, accept=True, by=user)

    proof.refresh_from_db()
    deposit.refresh_from_db()
    assert (proof.accepted, deposit.status) == (None, MilestoneStatus.PENDING)


def test_a_decided_proof_stays_decided(proof, supplier_admin):
    services.decide_transfer_proof(proof=proof, accept=False, by=supplier_admin, reason="Wrong amount")

    with pytest.raises(ValidationError, match="already decided"):
        services.decide_transfer_proof(proof=proof, accept=True, by=supplier_admin)
    proof.refresh_from_db()
    assert proof.accepted is False


def test_a_proof_for_a_milestone_paid_by_card_meanwhile_can_only_be_rejected(proof, deposit, supplier_admin):
    record_payment(milestone=deposit, method=PaymentMethod.CARD, reference="pi_first")

    with pytest.raises(ValidationError, match="already paid"):
        services.decide_transfer_proof(proof=proof, accept=True, by=supplier_admin)
    services.decide_transfer_proof(proof=proof, accept=False, by=supplier_admin, reason="Paid by card")

    deposit.refresh_from_db()
    assert (deposit.paid_with, deposit.payment_reference) == (PaymentMethod.CARD, "pi_first")


def test_confirming_a_transfer_closes_the_open_card_payment(
    stripe_on, deposit, buyer_user, supplier_admin, django_capture_on_commit_callbacks
):
    intent_id = services.start_card_payment(milestone=deposit, by=buyer_user).card_payment.intent_id
    proof = services.upload_transfer_proof(milestone=deposit, file=proof_file(), by=buyer_user)

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_transfer_proof(proof=proof, accept=True, by=supplier_admin)

    assert localstripe(stripe_on).PaymentIntent.retrieve(intent_id).status == "canceled"
    assert CardPayment.objects.get(milestone=deposit).status == CardPaymentStatus.CANCELLED
