"""Writes of the overseas-warehouse registry, 9810 bookings and export licences."""

import secrets
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.reference.models import Currency, HSCode, Incoterm, Unit
from marketplace.accounts.models import Company, CompanyKind
from marketplace.core.services import record_event
from marketplace.customs.models import (
    BookingLine,
    BookingStatus,
    EvidenceKind,
    ExportLicence,
    OverseasWarehouse,
    RegistrationStatus,
    WarehouseBooking,
    WarehouseEvidence,
)
from marketplace.customs.services import _require_filer


@dataclass(frozen=True)
class WarehouseData:
    name: str
    country: str
    city: str
    address: str
    area_m2: Decimal
    kind: str
    operator_name: str
    lease_start: date
    lease_end: date | None = None
    customs_registration_number: str = ""


def _require_supplier(supplier: Company) -> None:
    if supplier.kind != CompanyKind.SUPPLIER:
        raise ValidationError({"supplier": _("Only supplier companies have overseas warehouses.")})


def register_warehouse(*, supplier: Company, data: WarehouseData, user) -> OverseasWarehouse:
    """Add a warehouse to the registry, pending customs registration."""
    _require_filer(user, supplier)
    _require_supplier(supplier)
    warehouse = OverseasWarehouse(supplier=supplier, created_by=user, **data.__dict__)
    warehouse.full_clean()
    with transaction.atomic():
        warehouse.save()
        record_event(actor=user, subject=warehouse, verb="warehouse.added", data={"name": warehouse.name})
    return warehouse


def set_warehouse_registration(
    *, warehouse: OverseasWarehouse, status: str, registration_number: str = "", user
) -> OverseasWarehouse:
    """Record customs' decision on a warehouse (operators only: customs tells the platform)."""
    if not user.is_staff:
        raise PermissionDenied(_("Only operators record the customs registration."))
    if status not in RegistrationStatus.values:
        raise ValidationError({"registration_status": _("Unknown registration status.")})
    number = registration_number or warehouse.customs_registration_number
    if status == RegistrationStatus.REGISTERED and not number:
        raise ValidationError({"customs_registration_number": _("A registered warehouse needs its number.")})
    with transaction.atomic():
        before = warehouse.registration_status
        warehouse.registration_status = status
        warehouse.customs_registration_number = number
        warehouse.save(update_fields=["registration_status", "customs_registration_number"])
        record_event(
            actor=user, subject=warehouse, verb="warehouse.registration", data={"from": before, "to": status}
        )
    return warehouse


def add_warehouse_evidence(*, warehouse: OverseasWarehouse, kind: str, file, user) -> WarehouseEvidence:
    _require_filer(user, warehouse.supplier)
    if kind not in EvidenceKind.values:
        raise ValidationError({"kind": _("Unknown kind of evidence.")})
    evidence = WarehouseEvidence(warehouse=warehouse, kind=kind, file=file, uploaded_by=user)
    evidence.full_clean()
    with transaction.atomic():
        evidence.save()
        record_event(actor=user, subject=warehouse, verb="warehouse.evidence", data={"kind": kind})
    return evidence


@dataclass(frozen=True)
class BookingLineData:
    product: object
    quantity: Decimal
    unit: Unit
    unit_price: Decimal
    currency: str
    net_weight_kg: Decimal
    gross_weight_kg: Decimal
    partner_sku: str = ""
    lot_number: str = ""


@dataclass
class BookingRequest:
    supplier: Company
    warehouse: OverseasWarehouse
    destination_country: str
    lines: list[BookingLineData]
    incoterm: Incoterm | None = None
    notes: str = ""
    number: str = ""
    extra: dict = field(default_factory=dict)


def _new_booking_number() -> str:
    while True:
        number = f"OW{timezone.now():%y%m%d}{secrets.token_hex(3).upper()}"
        if not WarehouseBooking.objects.filter(number=number).exists():
            return number


def _check_booking(request: BookingRequest) -> None:
    errors: dict[str, list[str]] = {}
    warehouse = request.warehouse
    if warehouse.supplier_id != request.supplier.pk:
        errors.setdefault("warehouse", []).append(_("The warehouse belongs to another supplier."))
    if warehouse.registration_status != RegistrationStatus.REGISTERED:
        errors.setdefault("warehouse", []).append(_("The warehouse is not registered with customs."))
    elif not warehouse.is_active:
        errors.setdefault("warehouse", []).append(_("The warehouse is not active (registration or lease)."))
    if request.destination_country != warehouse.country:
        errors.setdefault("destination_country", []).append(
            _("The destination country must be the warehouse's country (%(country)s).")
            % {"country": warehouse.country}
        )
    if not request.lines:
        errors.setdefault("lines", []).append(_("A booking needs at least one line."))
    currencies = {line.currency for line in request.lines}
    if len(currencies) > 1:
        errors.setdefault("lines", []).append(_("All lines of a booking use one currency."))
    if currencies - set(Currency.objects.filter(code__in=currencies).values_list("code", flat=True)):
        errors.setdefault("lines", []).append(_("Unknown currency."))
    for line in request.lines:
        if line.product.supplier is None or line.product.supplier.company_id != request.supplier.pk:
            errors.setdefault("lines", []).append(
                _("%(title)s is not the supplier's product.") % {"title": line.product.get_title()}
            )
        if line.quantity <= 0 or line.unit_price <= 0:
            errors.setdefault("lines", []).append(_("Quantities and prices must be above zero."))
        if not (0 < line.net_weight_kg <= line.gross_weight_kg):
            errors.setdefault("lines", []).append(
                _("The net weight must be above zero and at most the gross weight.")
            )
    if request.number and WarehouseBooking.objects.filter(number=request.number).exists():
        errors.setdefault("number", []).append(_("This booking number is already used."))
    if errors:
        raise ValidationError(errors)


def create_booking(*, request: BookingRequest, user) -> WarehouseBooking:
    """A 9810 booking to one registered, active warehouse in the destination country."""
    _require_filer(user, request.supplier)
    _check_booking(request)
    with transaction.atomic():
        booking = WarehouseBooking.objects.create(
            number=request.number or _new_booking_number(),
            supplier=request.supplier,
            warehouse=request.warehouse,
            incoterm=request.incoterm,
            notes=request.notes,
            status=BookingStatus.CONFIRMED,
            created_by=user,
        )
        BookingLine.objects.bulk_create(
            BookingLine(
                booking=booking,
                product=line.product,
                partner_sku=line.partner_sku or line.product.upc or str(line.product.pk),
                quantity=line.quantity,
                unit=line.unit,
                lot_number=line.lot_number,
                unit_price=line.unit_price,
                currency=line.currency,
                net_weight_kg=line.net_weight_kg,
                gross_weight_kg=line.gross_weight_kg,
            )
            for line in request.lines
        )
        record_event(
            actor=user, subject=booking, verb="booking.created", data={"warehouse": request.warehouse.pk}
        )
    return booking


def cancel_booking(*, booking: WarehouseBooking, user) -> WarehouseBooking:
    """Cancel a booking that is not on a declaration (cancel the declaration first)."""
    _require_filer(user, booking.supplier)
    with transaction.atomic():
        booking = WarehouseBooking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == BookingStatus.DECLARED:
            raise ValidationError(_("A declared booking cannot be cancelled."))
        if booking.status == BookingStatus.CANCELLED:
            raise ValidationError(_("The booking is already cancelled."))
        if booking.declarations.exclude(status="cancelled").exists():
            raise ValidationError(_("The booking is on a declaration: cancel the declaration first."))
        booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["status"])
        record_event(actor=user, subject=booking, verb="booking.cancelled")
    return booking


@dataclass(frozen=True)
class LicenceData:
    number: str
    kind: str
    hs_code: HSCode
    quantity: Decimal
    unit: Unit
    valid_from: date
    valid_until: date
    vins: str = ""


def record_licence(*, supplier: Company, data: LicenceData, user) -> ExportLicence:
    _require_filer(user, supplier)
    _require_supplier(supplier)
    licence = ExportLicence(supplier=supplier, created_by=user, **data.__dict__)
    licence.full_clean()
    from catalog.validators import validate_vin

    for vin in licence.vin_list:
        try:
            validate_vin(vin)
        except ValidationError as error:
            raise ValidationError({"vins": error.messages}) from None
    with transaction.atomic():
        licence.save()
        record_event(actor=user, subject=licence, verb="licence.recorded", data={"number": licence.number})
    return licence
