"""Moving a declaration through its states on the filer's side: ready, submitted, corrected,
cancelled. Customs' answers move it through ``marketplace.customs.receipts``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.models import User
from marketplace.core import gates
from marketplace.customs.models import BookingStatus, Declaration, DeclarationStatus, WarehouseBooking
from marketplace.customs.services.common import _locked, _move, _recompute, _require_filer

# --- states -----------------------------------------------------------------------------------


def mark_ready(*, declaration: Declaration, user: User) -> Declaration:
    """Draft → ready, only when every validation rule passes (and its messages are schema-valid)."""
    from marketplace.customs.validation import validate_declaration

    _require_filer(user, declaration.supplier)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status != DeclarationStatus.DRAFT:
            raise ValidationError(_("Only a draft can be marked ready."))
        _recompute(declaration)
        declaration.save()
        problems = validate_declaration(declaration)
        if problems:
            raise ValidationError([problem.message for problem in problems])
        _move(declaration, DeclarationStatus.READY, user=user)
    return declaration


def submit_declaration(*, declaration: Declaration, user: User) -> Declaration:
    """Ready → submitted (filing): the firm has signed and sent the exported messages. Once the
    declaration is valid, the ``declaration.file`` gate may still refuse it."""
    from marketplace.customs.validation import validate_declaration

    _require_filer(user, declaration.supplier)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status != DeclarationStatus.READY:
            raise ValidationError(_("Only a declaration that is ready can be submitted."))
        problems = validate_declaration(declaration)
        if problems:
            raise ValidationError([problem.message for problem in problems])
        gates.check(action=gates.Action.DECLARATION_FILE, obj=declaration, user=user)
        declaration.submitted_at = timezone.now()
        _move(declaration, DeclarationStatus.SUBMITTED, user=user, data={"app_type": declaration.app_type})
        if declaration.booking_id:
            WarehouseBooking.objects.filter(pk=declaration.booking_id).update(status=BookingStatus.DECLARED)
    return declaration


def correct_declaration(*, declaration: Declaration, user: User) -> Declaration:
    """Rejected → draft, to be corrected and re-filed as a change (appType 2)."""
    _require_filer(user, declaration.supplier)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status != DeclarationStatus.REJECTED:
            raise ValidationError(_("Only a rejected declaration is corrected."))
        declaration.app_type = "2"
        # Messages customs refused are filed again; the accepted ones stand.
        for name in ("order_message_status", "waybill_message_status", "declaration_message_status"):
            if getattr(declaration, name) != "120":
                setattr(declaration, name, "")
        _move(declaration, DeclarationStatus.DRAFT, user=user, data={"app_type": "2"})
    return declaration


CANCELLABLE = (
    DeclarationStatus.DRAFT,
    DeclarationStatus.READY,
    DeclarationStatus.REJECTED,
    DeclarationStatus.RETURNED,
)


def cancel_declaration(*, declaration: Declaration, user: User, reason: str) -> Declaration:
    _require_filer(user, declaration.supplier)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the declaration is cancelled.")})
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status not in CANCELLABLE:
            raise ValidationError(_("A declaration with customs cannot be cancelled here."))
        _move(declaration, DeclarationStatus.CANCELLED, user=user, data={"reason": reason})
    return declaration
