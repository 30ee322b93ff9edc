"""Reads of customs data, scoped to who is asking.

Suppliers see their own; trade-service firms see the suppliers that authorised them (and only
while the authorisation is in force); buyers see the declarations of their own orders;
operators see everything.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from oscar.core.loading import get_model

from marketplace.accounts.models import Company, CompanyKind
from marketplace.accounts.policy import AnyUser, visible_to
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
from marketplace.orders.selectors import supplier_orders_visible_to

Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")

# A declaration in one of these states no longer stands for its order or booking.
DEAD_STATES = (DeclarationStatus.CANCELLED,)


def _declarations() -> QuerySet[Declaration]:
    return Declaration.objects.select_related(
        "order", "booking__warehouse", "supplier", "firm", "transport_mode"
    )


def declarations_visible_to(*, user: AnyUser) -> QuerySet[Declaration]:
    """Every party's declarations: the filers' (supplier, its firms, operators) and the buyers' of
    their own orders. Buyers are shown the status only (BuyerDeclarationSerializer, the order page)."""
    return visible_to(
        user=user, queryset=_declarations(), supplier_field="supplier", buyer_field="order__buyer_company"
    )


def declarations_filed_by(*, user: AnyUser) -> QuerySet[Declaration]:
    """The declarations the user files and works on: the supplier's members, its authorised firms
    and operators; buyers none (they only follow the status)."""
    return visible_to(user=user, queryset=_declarations(), supplier_field="supplier")


def declarations_for_desk(
    *, user: AnyUser, status: str = "", mode: str = "", route: str = "", text: str = ""
) -> QuerySet[Declaration]:
    """The desk's list: rejected first, then the newest; filtered and searched."""
    declarations = declarations_filed_by(user=user)
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


def declaration_for_page(*, user: AnyUser, pk: int) -> Declaration:
    """The desk's declaration page (filers only; buyers follow the status on their order)."""
    return (
        declarations_filed_by(user=user)
        .select_related("customs_office", "port", "incoterm", "order__buyer_company", "created_by")
        .prefetch_related("lines__unit", "lines__unit1", "lines__unit2", "lines__licence", "receipts")
        .get(pk=pk)
    )


def declarations_for_order(*, order: Order) -> QuerySet[Declaration]:
    return Declaration.objects.filter(order=order).order_by("-created_at", "-pk")


def _live_declarations(**filters) -> QuerySet[Declaration]:
    return Declaration.objects.filter(**filters).exclude(status__in=DEAD_STATES)


def orders_awaiting_declaration(*, user: AnyUser) -> QuerySet[Order]:
    """Orders of the suppliers the user acts for, not cancelled, with no live declaration yet."""
    declared_lines = DeclarationLine.objects.filter(order_line__isnull=False).exclude(
        declaration__status__in=DEAD_STATES
    )
    undeclared = OrderLine.objects.filter(order=OuterRef("pk")).exclude(
        pk__in=declared_lines.values("order_line")
    )
    return (
        supplier_orders_visible_to(user=user)
        .exclude(status__in=(OrderStatus.CANCELLED, OrderStatus.COMPLETED, OrderStatus.DELIVERED))
        .filter(Exists(undeclared))
        .order_by("date_placed", "pk")
    )


def bookings_visible_to(*, user: AnyUser) -> QuerySet[WarehouseBooking]:
    bookings = WarehouseBooking.objects.select_related("supplier", "warehouse", "created_by")
    return visible_to(user=user, queryset=bookings, supplier_field="supplier")


def bookings_awaiting_declaration(*, user: AnyUser) -> QuerySet[WarehouseBooking]:
    live = _live_declarations(booking=OuterRef("pk"))
    return (
        bookings_visible_to(user=user)
        .filter(status=BookingStatus.CONFIRMED)
        .filter(~Exists(live))
        .order_by("created_at", "pk")
    )


def booking_for_page(*, user: AnyUser, pk: int) -> WarehouseBooking:
    return bookings_visible_to(user=user).prefetch_related("lines__unit", "lines__product").get(pk=pk)


def warehouses_visible_to(*, user: AnyUser) -> QuerySet[OverseasWarehouse]:
    warehouses = OverseasWarehouse.objects.select_related("supplier")
    return visible_to(user=user, queryset=warehouses, supplier_field="supplier")


def licences_visible_to(*, user: AnyUser) -> QuerySet[ExportLicence]:
    licences = ExportLicence.objects.select_related("supplier", "hs_code", "unit")
    return visible_to(user=user, queryset=licences, supplier_field="supplier")


def suppliers_for(*, user: AnyUser) -> QuerySet[Company]:
    """The supplier companies the user may file for."""
    suppliers = Company.objects.filter(kind=CompanyKind.SUPPLIER).order_by("name", "pk")
    return visible_to(user=user, queryset=suppliers, supplier_field="pk")


def state_counts(*, user: AnyUser) -> dict[str, int]:
    from django.db.models import Count

    rows = declarations_filed_by(user=user).order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}
