"""Editing a declaration while it is a draft or ready: head, lines and the CEB505 waybill."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.accounts.models import User
from marketplace.core.services import record_event
from marketplace.customs.models import Declaration, DeclarationLine, DeclarationStatus
from marketplace.customs.services.common import (
    _locked,
    _move,
    _recompute,
    _require_filer,
)
from marketplace.customs.waybill import MAX_PACKAGES, WaybillData

WAYBILL_FIELDS = (
    "logistics_code",
    "logistics_name",
    "waybill_number",
    "freight",
    "insured_fee",
    "waybill_currency",
    "gross_weight_kg",
    "package_count",
    "goods_description",
)
HEAD_FIELDS = (
    "customs_office",
    "port",
    "transport_mode",
    "incoterm",
    "terms_of_sale",
    "destination_port",
    "statistics_flag",
    "claims_vat_refund",
    "wrap_type",
)
LINE_FIELDS = ("hs_code", "inspection_code", "declaration_elements", "qty1", "qty2", "licence")


def _require_editable(declaration: Declaration) -> None:
    if not declaration.is_editable:
        raise ValidationError(
            _("The declaration is %(status)s: it can no longer be changed.")
            % {"status": declaration.get_status_display()}
        )


def _back_to_draft(declaration: Declaration, *, user) -> None:
    if declaration.status == DeclarationStatus.READY:
        _move(declaration, DeclarationStatus.DRAFT, user=user, data={"reason": "edited"})


def update_declaration(*, declaration: Declaration, user: User, **fields) -> Declaration:
    """Change the head (office, port, transport, Incoterm...); the route is decided again."""
    _require_filer(user, declaration.supplier)
    unknown = set(fields) - set(HEAD_FIELDS)
    if unknown:
        raise ValueError(f"Not a head field: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        declaration = _locked(declaration)
        _require_editable(declaration)
        for name, value in fields.items():
            setattr(declaration, name, value)
        _recompute(declaration)
        declaration.save()
        record_event(
            actor=user, subject=declaration, verb="declaration.edited", data={"fields": sorted(fields)}
        )
        _back_to_draft(declaration, user=user)
    return declaration


def update_declaration_line(*, line: DeclarationLine, user: User, **fields) -> DeclarationLine:
    """Change what the firm completes on a line: HS line, inspection code, elements, licence."""
    declaration = line.declaration
    _require_filer(user, declaration.supplier)
    unknown = set(fields) - set(LINE_FIELDS)
    if unknown:
        raise ValueError(f"Not a line field: {', '.join(sorted(unknown))}")
    licence = fields.get("licence")
    if licence is not None and licence.supplier_id != declaration.supplier_id:
        raise ValidationError({"licence": _("The licence belongs to another supplier.")})
    with transaction.atomic():
        declaration = _locked(declaration)
        _require_editable(declaration)
        for name, value in fields.items():
            setattr(line, name, value)
        line.save()
        _recompute(declaration)
        declaration.save()
        record_event(
            actor=user,
            subject=declaration,
            verb="declaration.edited",
            data={"line": line.gnum, "fields": sorted(fields)},
        )
        _back_to_draft(declaration, user=user)
    return line


# WaybillData field → the declaration's column, for the length checks.
WAYBILL_COLUMNS = {"currency": "waybill_currency"}


def _check_waybill(waybill: WaybillData) -> None:
    """Refuse what the columns or CEB505 cannot hold (shipments fill this too, not only the form)."""
    errors = {}
    for name, value in waybill.__dict__.items():
        if isinstance(value, str):
            limit = Declaration._meta.get_field(WAYBILL_COLUMNS.get(name, name)).max_length
            if limit and len(value) > limit:
                errors[name] = _("At most %(count)s characters.") % {"count": limit}
    if not 0 <= waybill.package_count <= MAX_PACKAGES:
        errors["package_count"] = _("Give between 1 and %(max)s packages.") % {"max": MAX_PACKAGES}
    if min(waybill.freight, waybill.insured_fee, waybill.gross_weight_kg) < 0:
        errors["freight"] = _("Amounts and weights cannot be negative.")
    if errors:
        raise ValidationError(errors)


def fill_waybill(*, declaration: Declaration, waybill: WaybillData, user: User) -> Declaration:
    """Record the CEB505 waybill data (entered on the desk or from a shipment)."""
    if user is not None:
        _require_filer(user, declaration.supplier)
    _check_waybill(waybill)
    with transaction.atomic():
        declaration = _locked(declaration)
        if declaration.status not in (
            DeclarationStatus.DRAFT,
            DeclarationStatus.READY,
            DeclarationStatus.REJECTED,
        ):
            raise ValidationError(_("The declaration is submitted: its waybill can no longer be changed."))
        declaration.logistics_code = waybill.logistics_code
        declaration.logistics_name = waybill.logistics_name
        declaration.waybill_number = waybill.waybill_number
        declaration.freight = waybill.freight
        declaration.insured_fee = waybill.insured_fee
        declaration.waybill_currency = waybill.currency
        declaration.gross_weight_kg = waybill.gross_weight_kg
        declaration.package_count = waybill.package_count
        declaration.goods_description = waybill.goods_description
        declaration.save()
        record_event(
            actor=user,
            subject=declaration,
            verb="declaration.waybill",
            data={"waybill": waybill.waybill_number},
        )
        _back_to_draft(declaration, user=user)
    return declaration
