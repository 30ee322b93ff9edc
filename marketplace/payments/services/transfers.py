"""Bank transfers (T/T): the buyer uploads the bank's confirmation, the supplier or an operator
accepts it (the milestone is paid) or rejects it with a reason."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.accounts.models import User
from marketplace.core.services import record_event
from marketplace.orders.models import PaymentMethod
from marketplace.orders.services import record_payment
from marketplace.payments.models import PROOF_FILE, TransferProof
from marketplace.payments.services.cards import cancel_open_card_payment
from marketplace.payments.services.common import (
    locked_milestone,
    milestone_context,
    notify_company,
    require_pending,
    require_role,
)

PaymentMilestone = get_model("order", "PaymentMilestone")


def upload_transfer_proof(
    *, milestone: PaymentMilestone, file: UploadedFile, by: User, reference: str = ""
) -> TransferProof:
    """The buyer shows a bank transfer for a pending milestone; the supplier is asked to confirm."""
    if file is None:
        raise ValidationError({"file": [_("Attach the bank's confirmation of your transfer.")]})
    try:
        PROOF_FILE(file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    try:
        with transaction.atomic():
            milestone = locked_milestone(milestone_id=milestone.pk)
            require_role(order=milestone.order, user=by, roles=("buyer",))
            require_pending(milestone=milestone)
            if milestone.transfer_proofs.filter(accepted__isnull=True).exists():
                raise ValidationError(_("A proof for this payment is already waiting for the supplier."))
            proof = TransferProof.objects.create(
                milestone=milestone, file=file, reference=reference.strip(), uploaded_by=by
            )
            record_event(
                actor=by,
                subject=milestone.order,
                verb="payment.proof_uploaded",
                data={"milestone": milestone.pk, "proof": proof.pk, "reference": proof.reference},
            )
            notify_company(
                company=milestone.order.supplier.company,
                template="payments/proof_uploaded",
                context=milestone_context(milestone=milestone, reference=proof.reference),
            )
    except IntegrityError as error:  # two uploads at once
        raise ValidationError(_("A proof for this payment is already waiting for the supplier.")) from error
    return proof


def decide_transfer_proof(*, proof: TransferProof, accept: bool, by: User, reason: str = "") -> TransferProof:
    """The order's supplier or an operator accepts the proof (the milestone is paid) or rejects it."""
    reason = reason.strip()
    if not accept and not reason:
        raise ValidationError({"reason": [_("Tell the buyer why the proof is rejected.")]})
    with transaction.atomic():
        proof = TransferProof.objects.select_for_update().get(pk=proof.pk)
        milestone = locked_milestone(milestone_id=proof.milestone_id)
        require_role(
            order=milestone.order,
            user=by,
            roles=(
                "supplier",
                "operator",
            ),
        )
        if not proof.is_awaiting:
            raise ValidationError(_("This proof was already decided."))
        if accept:
            require_pending(milestone=milestone)
        proof.accepted, proof.reason = accept, reason
        proof.decided_by, proof.decided_at = by, timezone.now()
        proof.save(update_fields=["accepted", "reason", "decided_by", "decided_at"])
        verb = "payment.proof_accepted" if accept else "payment.proof_rejected"
        data = {"milestone": milestone.pk, "proof": proof.pk, "reason": reason}
        record_event(actor=by, subject=milestone.order, verb=verb, data=data)
        if accept:
            record_payment(
                milestone=milestone,
                method=PaymentMethod.BANK_TRANSFER,
                reference=proof.reference or f"transfer-proof-{proof.pk}",
                by=by,
            )
            # After commit, with no lock held: the card intent can no longer pay this milestone.
            transaction.on_commit(lambda: cancel_open_card_payment(milestone=milestone), robust=True)
        else:
            notify_company(
                company=milestone.order.buyer_company,
                template="payments/proof_rejected",
                context=milestone_context(milestone=milestone, reason=reason),
            )
    return proof
