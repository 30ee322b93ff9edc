"""Shipment pages: the desk, a shipment (the tracker every party sees), an order's tracker, making
a shipment, legs and events, the declaration's waybill and the shipping documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.accounts.policy import role_of
from marketplace.core.views import add_errors
from marketplace.customs.selectors import booking_for_page
from marketplace.fulfillment import selectors
from marketplace.fulfillment.forms import DeskFilterForm, EventForm, LegForm, PackedLineForm, ShipmentForm
from marketplace.fulfillment.models import Shipment
from marketplace.fulfillment.services import shipments as services
from marketplace.fulfillment.services.waybill import declaration_of, fill_declaration_waybill
from marketplace.orders.selectors import order_for_page, orders_visible_to

Order = get_model("order", "Order")
PAGE_SIZE = 25


def _shipment_or_404(request, number) -> Shipment:
    try:
        return selectors.shipment_for_page(user=request.user, number=number)
    except Shipment.DoesNotExist:
        raise Http404 from None


@login_required
def desk(request):
    """Shipments in transit (or all, filtered), late legs, and for suppliers and firms the
    warehouse tabs (stock, outbound orders, inbound notices)."""
    form = DeskFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    shipments = selectors.shipments_for_desk(
        user=request.user,
        status=filters.get("status", ""),
        mode=filters.get("mode", ""),
        text=filters.get("q", "").strip(),
    )
    page = Paginator(shipments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "fulfillment/desk_shipments.html",
        {
            "tab": "shipments",
            "form": form,
            "page_obj": page,
            "late_count": selectors.late_legs(user=request.user).count(),
            "is_buyer": role_of(user=request.user) == "buyer",
        },
    )


@login_required
def late_legs(request):
    page = Paginator(selectors.late_legs(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "fulfillment/desk_late.html",
        {"tab": "late", "page_obj": page, "is_buyer": role_of(user=request.user) == "buyer"},
    )


def _declaration_of(user, shipment):
    from marketplace.customs.selectors import declarations_visible_to

    declarations = declarations_visible_to(user=user)
    if shipment.order_id:
        declarations = declarations.filter(order_id=shipment.order_id)
    else:
        declarations = declarations.filter(booking_id=shipment.booking_id)
    return declarations.order_by("-created_at", "-pk").first()


@login_required
def shipment_detail(request, number):
    shipment = _shipment_or_404(request, number)
    manages = selectors.can_manage(user=request.user, supplier=shipment.supplier)
    return render(
        request,
        "fulfillment/shipment_detail.html",
        {
            "shipment": shipment,
            "totals": selectors.totals_of(shipment),
            "declaration": _declaration_of(request.user, shipment),
            "manages": manages,
            "leg_form": LegForm() if manages else None,
            "event_form": EventForm(shipment=shipment) if manages else None,
        },
    )


@login_required
def order_tracking(request, number):
    """The buyer's tracker: from the factory to delivery, every shipment, leg and event."""
    try:
        order = orders_visible_to(user=request.user).get(number=number)
    except Order.DoesNotExist:
        raise Http404 from None
    from marketplace.customs.selectors import declarations_visible_to

    shipments = selectors.shipments_for_order(user=request.user, order=order)
    return render(
        request,
        "fulfillment/order_tracking.html",
        {
            "order": order,
            "shipments": [(shipment, selectors.totals_of(shipment)) for shipment in shipments],
            "declarations": list(declarations_visible_to(user=request.user).filter(order=order)),
            "manages": order.supplier
            and selectors.can_manage(user=request.user, supplier=order.supplier.company),
        },
    )


def _line_forms(request, sources):
    data = request.POST if request.method == "POST" else None
    forms = []
    for source in sources:
        initial = selectors.packing_defaults(source)
        forms.append(PackedLineForm(data, prefix=f"line-{source.pk}", source=source, initial=initial))
    return forms


def _offer_waybill(request, shipment) -> None:
    """A new shipment gives its waybill to a declaration still being prepared."""
    declaration = declaration_of(shipment=shipment)
    if declaration is None or not declaration.is_editable:
        return
    try:
        fill_declaration_waybill(shipment=shipment, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.warning(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.info(
            request, _("Waybill data copied to declaration %(number)s.") % {"number": declaration.number}
        )


def _new_shipment(request, *, order=None, booking=None):
    sources = list(
        order.lines.select_related("unit", "product")
        if order
        else booking.lines.select_related("unit", "product")
    )
    supplier = order.supplier.company if order else booking.supplier
    if not selectors.can_manage(user=request.user, supplier=supplier):
        raise Http404
    initial = selectors.shipment_defaults(order=order, booking=booking)
    form = ShipmentForm(request.POST or None, initial=initial)
    line_forms = _line_forms(request, sources)
    if request.method == "POST" and form.is_valid() and all(line.is_valid() for line in line_forms):
        lines = [
            services.PackedLine(source=line.source, **line.cleaned_data)
            for line in line_forms
            if line.is_included
        ]
        try:
            shipment = services.create_shipment(
                order=order,
                booking=booking,
                by=request.user,
                details=form.details(),
                lines=lines,
                incoterm=form.cleaned_data["incoterm"] or (booking.incoterm if booking else None),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Shipment %(number)s created.") % {"number": shipment.number})
            _offer_waybill(request, shipment)
            return redirect("fulfillment:shipment", shipment.number)
    return render(
        request,
        "fulfillment/shipment_form.html",
        {"form": form, "line_forms": line_forms, "order": order, "booking": booking},
    )


@login_required
def new_order_shipment(request, number):
    try:
        order = order_for_page(user=request.user, number=number)
    except Order.DoesNotExist:
        raise Http404 from None
    return _new_shipment(request, order=order)


@login_required
def new_booking_shipment(request, pk):
    from marketplace.customs.models import WarehouseBooking

    try:
        booking = booking_for_page(user=request.user, pk=pk)
    except WarehouseBooking.DoesNotExist:
        raise Http404 from None
    return _new_shipment(request, booking=booking)


def _managed_shipment(request, number) -> Shipment:
    shipment = _shipment_or_404(request, number)
    if not selectors.can_manage(user=request.user, supplier=shipment.supplier):
        raise Http404
    return shipment


def _invalid(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))


@require_POST
@login_required
def add_leg(request, number):
    shipment = _managed_shipment(request, number)
    form = LegForm(request.POST)
    if form.is_valid():
        try:
            services.add_leg(shipment=shipment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Leg added."))
    else:
        _invalid(request, form)
    return redirect("fulfillment:shipment", number)


@require_POST
@login_required
def add_event(request, number):
    shipment = _managed_shipment(request, number)
    form = EventForm(request.POST, shipment=shipment)
    if form.is_valid():
        try:
            services.record_tracking_event(
                shipment=shipment, by=request.user, event=services.EventDetails(**form.cleaned_data)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Event recorded."))
    else:
        _invalid(request, form)
    return redirect("fulfillment:shipment", number)


@require_POST
@login_required
def fill_waybill(request, number):
    shipment = _managed_shipment(request, number)
    try:
        declaration = fill_declaration_waybill(shipment=shipment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Waybill data copied to declaration %(number)s.") % {"number": declaration.number}
        )
    return redirect("fulfillment:shipment", number)


@require_POST
@login_required
def cancel(request, number):
    shipment = _managed_shipment(request, number)
    try:
        services.cancel_shipment(shipment=shipment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The shipment is cancelled."))
    return redirect("fulfillment:shipment", number)


DOCUMENTS = {
    "commercial-invoice": "fulfillment/commercial_invoice.html",
    "packing-list": "fulfillment/packing_list.html",
}


@login_required
def shipping_document(request, number, document):
    """The commercial invoice or packing list as a PDF (WeasyPrint; Chinese names need the CJK font)."""
    from weasyprint import HTML

    if document not in DOCUMENTS:
        raise Http404
    shipment = _shipment_or_404(request, number)
    context = selectors.shipping_documents_context(shipment=shipment)
    html = render_to_string(DOCUMENTS[document], context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document}-{shipment.number}.pdf"'
    return response
