"""Reads of customs data, scoped to who is asking.

Suppliers see their own; trade-service firms see the suppliers that authorised them (and only
while the authorisation is in force); buyers see the declarations of their own orders;
operators see everything.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from oscar.core.loading import get_model

from marketplace.accounts.models import Company, CompanyKind
from marketplace.accounts.selectors import suppliers_represented_by
from marketplace.customs.models import (
    BookingStatus,
    Declaration,
    DeclarationLine,
    DeclarationStatus,
    ExportLicence,
    OverseasWarehouse,
    WarehouseBooking,
)
from marketplace.orders.models import OrderStatus
from marketplace.orders.selectors import orders_visible_to

Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")

# A declaration in one of these states no longer stands for its order or booking.
DEAD_STATES = (DeclarationStatus.CANCELLED,)


def _company(user) -> Company | None:
    return user.company if user.is_authenticated else None


def _supplier_scope(user, queryset: QuerySet, field: str = "supplier") -> QuerySet:
    """Operators: all; suppliers: their own; firms: suppliers that authorised them; others: none."""
    if not user.is_authenticated:
        return queryset.none()
    if user.is_staff:
        return queryset
    company = _company(user)
    if company is None:
        return queryset.none()
    if company.kind == CompanyKind.SUPPLIER:
        return queryset.filter(**{field: company})
    if company.kind == CompanyKind.SERVICE_FIRM:
        return queryset.filter(**{f"{field}__in": suppliers_represented_by(firm=company)})
    return queryset.none()


def declarations_visible_to(*, user) -> QuerySet[Declaration]:
    declarations = Declaration.objects.select_related(
        "order", "booking__warehouse", "supplier", "firm", "transport_mode"
    )
    company = _company(user)
    if company is not None and company.kind == CompanyKind.BUYER and not user.is_staff:
        return declarations.filter(order__buyer_company=company)
    return _supplier_scope(user, declarations)


def declarations_for_desk(*, user, status: str = "", mode: str = "", route: str = "", text: str = ""):
    """The desk's list: rejected first, then the newest; filtered and searched."""
    declarations = declarations_visible_to(user=user)
    if status in DeclarationStatus.values:
        declarations = declarations.filter(status=status)
    if mode:
        declarations = declarations.filter(mode=mode)
    if route:
        declarations = declarations.filter(route=route)
    if text:
        declarations = declarations.filter(
            Q(number__icontains=text)
            | Q(order__number__icontains=text)
            | Q(booking__number__icontains=text)
            | Q(waybill_number__icontains=text)
            | Q(supplier__name__icontains=text)
        )
    rejected_first = Case(
        When(status=DeclarationStatus.REJECTED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return declarations.annotate(rejected_first=rejected_first).order_by(
        "rejected_first", "-created_at", "-pk"
    )


def declaration_for_page(*, user, pk: int) -> Declaration:
    return (
        declarations_visible_to(user=user)
        .select_related("customs_office", "port", "incoterm", "order__buyer_company", "created_by")
        .prefetch_related("lines__unit", "lines__unit1", "lines__unit2", "lines__licence", "receipts")
        .get(pk=pk)
    )


def declarations_for_order(*, order) -> QuerySet[Declaration]:
    return Declaration.objects.filter(order=order).order_by("-created_at", "-pk")


def _live_declarations(**filters) -> QuerySet[Declaration]:
    return Declaration.objects.filter(**filters).exclude(status__in=DEAD_STATES)


def orders_awaiting_declaration(*, user) -> QuerySet:
    """Orders of the suppliers the user acts for, not cancelled, with no live declaration yet."""
    company = _company(user)
    if company is not None and company.kind == CompanyKind.BUYER:
        return Order.objects.none()
    declared_lines = DeclarationLine.objects.filter(order_line__isnull=False).exclude(
        declaration__status__in=DEAD_STATES
    )
    undeclared = OrderLine.objects.filter(order=OuterRef("pk")).exclude(
        pk__in=declared_lines.values("order_line")
    )
    return (
        orders_visible_to(user)
        .exclude(status__in=(OrderStatus.CANCELLED, OrderStatus.COMPLETED, OrderStatus.DELIVERED))
        .filter(Exists(undeclared))
        .order_by("date_placed", "pk")
    )


def bookings_visible_to(*, user) -> QuerySet[WarehouseBooking]:
    bookings = WarehouseBooking.objects.select_related("supplier", "warehouse", "created_by")
    return _supplier_scope(user, bookings)


def bookings_awaiting_declaration(*, user) -> QuerySet[WarehouseBooking]:
    live = _live_declarations(booking=OuterRef("pk"))
    return (
        bookings_visible_to(user=user)
        .filter(status=BookingStatus.CONFIRMED)
        .filter(~Exists(live))
        .order_by("created_at", "pk")
    )


def booking_for_page(*, user, pk: int) -> WarehouseBooking:
    return bookings_visible_to(user=user).prefetch_related("lines__unit", "lines__product").get(pk=pk)


def warehouses_visible_to(*, user) -> QuerySet[OverseasWarehouse]:
    return _supplier_scope(user, OverseasWarehouse.objects.select_related("supplier"))


def licences_visible_to(*, user) -> QuerySet[ExportLicence]:
    return _supplier_scope(user, ExportLicence.objects.select_related("supplier", "hs_code", "unit"))


def suppliers_for(*, user) -> QuerySet[Company]:
    """The supplier companies the user may file for."""
    suppliers = Company.objects.filter(kind=CompanyKind.SUPPLIER).order_by("name", "pk")
    if user.is_staff:
        return suppliers
    company = _company(user)
    if company is None:
        return suppliers.none()
    if company.kind == CompanyKind.SUPPLIER:
        return suppliers.filter(pk=company.pk)
    if company.kind == CompanyKind.SERVICE_FIRM:
        return suppliers.filter(pk__in=suppliers_represented_by(firm=company).values("pk"))
    return suppliers.none()


def state_counts(*, user) -> dict[str, int]:
    from django.db.models import Count

    rows = declarations_visible_to(user=user).order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}
