"""Customs' receipts move declarations (DOMAIN.md "Declaration state machine").

Order (CEB304) and waybill (CEB506) receipts stop at 120 or 100; the list (CEB604) or the
full declaration's result goes on to 800 released and 899 closed. A receipt that does not fit
the current state is refused and changes nothing.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.accounts.models import User
from marketplace.core import events
from marketplace.core.services import record_event
from marketplace.customs.models import (
    Declaration,
    DeclarationReceipt,
    DeclarationStatus,
    ReceiptMessage,
    ReceiptSource,
    Route,
)
from marketplace.customs.services import _locked, _move, _require_filer

S = DeclarationStatus
ACCEPTED, REJECTED = "120", "100"
INFORMATIONAL = {"1", "2", "3", "399"}  # draft saved, declaring, sent; 399 handled below

# For the list / full declaration: return status → (states it may arrive in, state it leads to).
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "120": ((S.SUBMITTED,), S.ACCEPTED),
    "300": ((S.ACCEPTED,), S.MANUAL_REVIEW),
    "399": ((S.MANUAL_REVIEW,), S.ACCEPTED),
    "500": ((S.ACCEPTED, S.MANUAL_REVIEW), S.INSPECTION),
    "700": ((S.ACCEPTED, S.MANUAL_REVIEW, S.INSPECTION, S.DETAINED), S.RETURNED),
    "800": ((S.ACCEPTED, S.MANUAL_REVIEW, S.INSPECTION, S.DETAINED), S.RELEASED),
    "899": ((S.RELEASED,), S.CLOSED),
}
DETAINABLE = (S.ACCEPTED, S.MANUAL_REVIEW, S.INSPECTION)
REJECTABLE = (S.SUBMITTED, S.ACCEPTED, S.MANUAL_REVIEW)
FIELD_FOR = {
    ReceiptMessage.ORDER: "order_message_status",
    ReceiptMessage.WAYBILL: "waybill_message_status",
    ReceiptMessage.LIST: "declaration_message_status",
    ReceiptMessage.DECLARATION: "declaration_message_status",
}


@dataclass(frozen=True)
class ReceiptEntry:
    """One receipt as uploaded (parsed XML) or typed into the form."""

    message: str  # ReceiptMessage
    return_status: str
    return_time: datetime | None = None
    return_info: str = ""
    guid: str = ""
    order_no: str = ""
    logistics_no: str = ""
    cop_no: str = ""
    pre_no: str = ""
    invt_no: str = ""


def _is_failure(code: str) -> bool:
    return code == REJECTED or code == "4" or code.startswith("-")


def _check_matches(declaration: Declaration, entry: ReceiptEntry) -> None:
    if entry.order_no and entry.order_no != declaration.source_number:
        raise ValidationError(
            _("This receipt is for order %(number)s, not %(ours)s.")
            % {"number": entry.order_no, "ours": declaration.source_number}
        )
    if entry.cop_no and entry.cop_no != declaration.number:
        raise ValidationError(
            _("This receipt is for list %(number)s, not %(ours)s.")
            % {"number": entry.cop_no, "ours": declaration.number}
        )
    if entry.logistics_no and entry.logistics_no != declaration.waybill_number:
        raise ValidationError(
            _("This receipt is for waybill %(number)s, not %(ours)s.")
            % {"number": entry.logistics_no, "ours": declaration.waybill_number or "—"}
        )


# What the receipt's columns hold; a longer value is refused with a message, not a database error.
MAX_LENGTHS = {"return_status": 4, "guid": 36, "pre_no": 18, "invt_no": 18}


def _check_lengths(entry: ReceiptEntry) -> None:
    errors = {
        name: _("At most %(count)s characters.") % {"count": limit}
        for name, limit in MAX_LENGTHS.items()
        if len(getattr(entry, name) or "") > limit
    }
    if errors:
        raise ValidationError(errors)


def _expected_message(declaration: Declaration, entry: ReceiptEntry) -> None:
    final = ReceiptMessage.LIST if declaration.route == Route.LIST else ReceiptMessage.DECLARATION
    if entry.message in (ReceiptMessage.LIST, ReceiptMessage.DECLARATION) and entry.message != final:
        raise ValidationError(
            _("This declaration takes the %(route)s route: a %(message)s does not apply.")
            % {"route": declaration.get_route_display(), "message": entry.message}
        )


def _apply_message_receipt(declaration: Declaration, entry: ReceiptEntry) -> str | None:
    """CEB304 / CEB506: record 120 on the message; a rejection rejects the declaration."""
    field = FIELD_FOR[entry.message]
    current = getattr(declaration, field)
    if declaration.status != S.SUBMITTED and not (
        declaration.status in DETAINABLE and entry.return_status in INFORMATIONAL
    ):
        raise ValidationError(
            _("The declaration is not waiting for this receipt (%(status)s).")
            % {"status": declaration.get_status_display()}
        )
    if current == ACCEPTED and entry.return_status != ACCEPTED:
        raise ValidationError(
            _("Customs already accepted this message; a later %(code)s is out of order.")
            % {"code": entry.return_status}
        )
    if current == ACCEPTED:
        raise ValidationError(_("This message is already accepted (120)."))
    if entry.return_status in INFORMATIONAL:
        setattr(declaration, field, entry.return_status)
        return None
    if entry.return_status == ACCEPTED:
        setattr(declaration, field, ACCEPTED)
        return None
    if _is_failure(entry.return_status):
        setattr(declaration, field, entry.return_status)
        return S.REJECTED
    raise ValidationError(
        _("Return status %(code)s does not apply to this message.") % {"code": entry.return_status}
    )


def _apply_declaration_receipt(declaration: Declaration, entry: ReceiptEntry) -> str | None:
    """CEB604 / full declaration result: the declaration's own state machine."""
    needs = [declaration.order_message_status]
    if declaration.route == Route.LIST:
        needs.append(declaration.waybill_message_status)
    if any(status != ACCEPTED for status in needs):
        raise ValidationError(
            _("The list is refused until its order and waybill messages are accepted (120).")
            if declaration.route == Route.LIST
            else _("The declaration's result is refused until its order message is accepted (120).")
        )
    code = entry.return_status
    if code in ("1", "2", "3"):
        if declaration.status != S.SUBMITTED:
            raise ValidationError(_("Return status %(code)s is out of order.") % {"code": code})
        declaration.declaration_message_status = code
        return None
    if _is_failure(code):
        if declaration.status not in REJECTABLE:
            raise ValidationError(
                _("A rejection cannot follow %(status)s.") % {"status": declaration.get_status_display()}
            )
        declaration.declaration_message_status = code
        return S.REJECTED
    if code.isdigit() and 501 <= int(code) <= 599:
        allowed, target = DETAINABLE, S.DETAINED
    elif code in TRANSITIONS:
        allowed, target = TRANSITIONS[code]
    else:
        raise ValidationError(_("Unknown return status %(code)s.") % {"code": code})
    if declaration.status not in allowed:
        raise ValidationError(
            _("Receipt %(code)s cannot follow %(status)s: it is out of order.")
            % {"code": code, "status": declaration.get_status_display()}
        )
    declaration.declaration_message_status = code
    return target


def record_receipt(
    *,
    declaration: Declaration,
    entry: ReceiptEntry,
    user: User | None,
    source: str = ReceiptSource.FORM,
    raw_xml: str = "",
) -> DeclarationReceipt:
    """Apply one receipt; refuses receipts for another order, waybill or out of order. Publishes
    ``receipt.recorded`` (and ``declaration.state_changed`` when the receipt moves it)."""
    if user is not None:
        _require_filer(user, declaration.supplier)
    if entry.message not in ReceiptMessage.values:
        raise ValidationError({"message": _("Unknown message %(message)s.") % {"message": entry.message}})
    _check_lengths(entry)
    with transaction.atomic():
        declaration = _locked(declaration)
        _check_matches(declaration, entry)
        _expected_message(declaration, entry)
        if (
            entry.guid
            and declaration.receipts.filter(
                guid=entry.guid,
                message=entry.message,
                return_status=entry.return_status,
                return_time=entry.return_time,
            ).exists()
        ):
            raise ValidationError(_("This receipt was already recorded."))
        before = declaration.status
        if entry.message in (ReceiptMessage.ORDER, ReceiptMessage.WAYBILL):
            target = _apply_message_receipt(declaration, entry)
        else:
            target = _apply_declaration_receipt(declaration, entry)
        if entry.pre_no:
            declaration.pre_no = entry.pre_no
        if entry.invt_no:
            declaration.invt_no = entry.invt_no
        if target == S.REJECTED:
            declaration.rejection_reason = entry.return_info or _("No reason given.")
        receipt = DeclarationReceipt.objects.create(
            declaration=declaration,
            message=entry.message,
            guid=entry.guid,
            return_status=entry.return_status,
            return_time=entry.return_time,
            return_info=entry.return_info,
            pre_no=entry.pre_no,
            invt_no=entry.invt_no,
            source=source,
            raw_xml=raw_xml,
            status_before=before,
            status_after=target or before,
            recorded_by=user,
        )
        data = {"message": entry.message, "return_status": entry.return_status, "info": entry.return_info}
        if target is not None and target != before:
            _move(declaration, target, user=user, data=data)
        else:
            declaration.save()
            record_event(actor=user, subject=declaration, verb="declaration.receipt", data=data)
        events.publish(
            events.Name.RECEIPT_RECORDED,
            receipt_id=receipt.pk,
            receipt=receipt,
            declaration_id=declaration.pk,
            message=receipt.message,
            return_status=receipt.return_status,
            status_before=receipt.status_before,
            status_after=receipt.status_after,
            user_id=user.pk if user is not None else None,
        )
    return receipt


MESSAGE_FOR_KIND = {
    "order": ReceiptMessage.ORDER,
    "waybill": ReceiptMessage.WAYBILL,
    "inventory": ReceiptMessage.LIST,
}


def import_receipts(*, declaration: Declaration, xml: bytes, user) -> list[DeclarationReceipt]:
    """Parse an uploaded CEB304/506/604 (any namespace prefix) and apply its receipts in order."""
    from marketplace.customs.messages.errors import MessageError
    from marketplace.customs.messages.receipts import parse_receipts

    try:
        parsed = parse_receipts(xml)
    except (MessageError, ValueError) as error:
        raise ValidationError(
            {"file": _("This is not a customs receipt we can read: %(error)s") % {"error": error}}
        ) from None
    text = xml.decode("utf-8-sig", errors="replace")
    # Customs repeats a receipt at times (the official samples do): apply each one once.
    entries = {}
    for receipt in sorted(parsed.receipts, key=lambda r: r.return_time):
        entries[(receipt.guid, receipt.return_status, receipt.return_time)] = receipt
    entries = [
        ReceiptEntry(
            message=MESSAGE_FOR_KIND[str(receipt.kind)],
            return_status=receipt.return_status,
            return_time=receipt.return_time,
            return_info=receipt.return_info,
            guid=receipt.guid,
            order_no=receipt.order_no,
            logistics_no=receipt.logistics_no,
            cop_no=receipt.cop_no,
            pre_no=receipt.pre_no,
            invt_no=receipt.invt_no,
        )
        for receipt in entries.values()
    ]
    with transaction.atomic():
        return [
            record_receipt(
                declaration=declaration, entry=entry, user=user, source=ReceiptSource.UPLOAD, raw_xml=text
            )
            for entry in entries
        ]
