"""Overseas-warehouse pages (9810): stock by SKU and lot, inbound notices and receiving, outbound
orders with their trace back to the declaration, and proof of delivery."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.accounts.policy import role_of
from marketplace.core.uploads import attachment_response
from marketplace.core.views import add_errors
from marketplace.customs.models import OverseasWarehouse, WarehouseBooking
from marketplace.customs.selectors import booking_for_page, warehouses_visible_to
from marketplace.fulfillment import selectors
from marketplace.fulfillment.forms import (
    InboundForm,
    OutboundFilterForm,
    OutboundForm,
    PickForm,
    ProofOfDeliveryForm,
    ReceiveLineForm,
    StockFilterForm,
)
from marketplace.fulfillment.models import InboundNotice, OutboundOrder
from marketplace.fulfillment.services import warehouse as services
from marketplace.fulfillment.views.shipments import PAGE_SIZE
from marketplace.orders.selectors import orders_visible_to

PICK_ROWS = 4


def _not_for_buyers(request) -> None:
    # Warehouse stock and outbound orders are the supplier side's; buyers follow their shipments.
    if role_of(user=request.user) == "buyer":
        raise PermissionDenied


@login_required
def stock(request):
    _not_for_buyers(request)
    warehouses = warehouses_visible_to(user=request.user)
    form = StockFilterForm(request.GET or None, warehouses=warehouses)
    filters = form.cleaned_data if form.is_valid() else {}
    lots = selectors.stock_for_desk(
        user=request.user, warehouse=filters.get("warehouse"), text=filters.get("q", "").strip()
    )
    page = Paginator(lots, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "fulfillment/desk_stock.html",
        {"tab": "stock", "form": form, "page_obj": page, "warehouses": warehouses},
    )


@login_required
def outbound_list(request):
    _not_for_buyers(request)
    form = OutboundFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    outbound = selectors.outbound_for_desk(
        user=request.user, status=filters.get("status", ""), text=filters.get("q", "").strip()
    )
    page = Paginator(outbound, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "fulfillment/desk_outbound.html",
        {
            "tab": "outbound",
            "form": form,
            "page_obj": page,
            "warehouses": warehouses_visible_to(user=request.user),
        },
    )


@login_required
def inbound_list(request):
    _not_for_buyers(request)
    notices = selectors.inbound_notices_visible_to(user=request.user).order_by("-created_at", "-pk")
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "fulfillment/desk_inbound.html",
        {
            "tab": "inbound",
            "page_obj": page,
            "bookings": selectors.bookings_awaiting_inbound(user=request.user),
            "unshipped": selectors.bookings_awaiting_shipment(user=request.user),
        },
    )


@login_required
def new_inbound(request, pk):
    try:
        booking = booking_for_page(user=request.user, pk=pk)
    except WarehouseBooking.DoesNotExist:
        raise Http404 from None
    shipments = selectors.shipments_visible_to(user=request.user).filter(booking=booking)
    form = InboundForm(request.POST or None, shipments=shipments)
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.create_inbound_notice(booking=booking, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Inbound notice %(number)s sent.") % {"number": notice.number})
            return redirect("fulfillment:inbound", notice.number)
    return render(request, "fulfillment/inbound_form.html", {"form": form, "booking": booking})


def _notice_or_404(request, number) -> InboundNotice:
    try:
        return selectors.inbound_for_page(user=request.user, number=number)
    except InboundNotice.DoesNotExist:
        raise Http404 from None


@login_required
def inbound_detail(request, number):
    notice = _notice_or_404(request, number)
    lines = list(notice.lines.all())
    data = request.POST if request.method == "POST" else None
    forms = [
        ReceiveLineForm(
            data, prefix=f"line-{line.pk}", line=line, initial={"quantity": line.expected_quantity}
        )
        for line in lines
    ]
    if request.method == "POST":
        if not selectors.can_manage(user=request.user, supplier=notice.supplier):
            raise PermissionDenied
        if all(form.is_valid() for form in forms):
            received = [
                services.ReceivedLine(
                    line=form.line, quantity=form.cleaned_data["quantity"], reason=form.cleaned_data["reason"]
                )
                for form in forms
            ]
            try:
                services.receive_inbound(notice=notice, by=request.user, received=received)
            except ValidationError as error:
                _line_errors(forms, error)
            else:
                messages.success(request, _("Goods received into stock."))
                return redirect("fulfillment:inbound", notice.number)
    return render(
        request,
        "fulfillment/inbound_detail.html",
        {
            "notice": notice,
            "rows": list(zip(lines, forms, strict=True)),
            "manages": selectors.can_manage(user=request.user, supplier=notice.supplier),
        },
    )


def _line_errors(forms, error: ValidationError) -> None:
    by_key = {f"line_{form.line.pk}": form for form in forms}
    if not hasattr(error, "error_dict"):
        forms[0].add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        form = by_key.get(key, forms[0])
        form.add_error("reason" if key in by_key else None, errors)


@login_required
def new_outbound(request, pk):
    try:
        warehouse = warehouses_visible_to(user=request.user).get(pk=pk)
    except OverseasWarehouse.DoesNotExist:
        raise Http404 from None
    if not selectors.can_manage(user=request.user, supplier=warehouse.supplier):
        raise Http404
    lots = selectors.lots_visible_to(user=request.user).filter(warehouse=warehouse, on_hand__gt=0)
    orders = (
        orders_visible_to(user=request.user)
        .filter(supplier__company=warehouse.supplier)
        .exclude(status__in=("cancelled", "delivered", "completed"))
    )
    data = request.POST if request.method == "POST" else None
    form = OutboundForm(data, orders=orders)
    picks = [PickForm(data, prefix=f"pick-{index}", lots=lots) for index in range(PICK_ROWS)]
    if request.method == "POST" and form.is_valid() and all(pick.is_valid() for pick in picks):
        chosen = [
            services.Pick(lot=pick.cleaned_data["lot"], quantity=pick.cleaned_data["quantity"])
            for pick in picks
            if pick.cleaned_data.get("lot") and pick.cleaned_data.get("quantity")
        ]
        data = form.cleaned_data
        buyer = services.OutboundBuyer(
            order=data["order"],
            name=data["buyer_name"],
            address=data["buyer_address"],
            country=data["buyer_country"],
            contact=data["buyer_contact"],
        )
        try:
            outbound = services.create_outbound_order(
                warehouse=warehouse, buyer=buyer, picks=chosen, by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Outbound order %(number)s created.") % {"number": outbound.number})
            return redirect("fulfillment:outbound", outbound.number)
    return render(
        request, "fulfillment/outbound_form.html", {"form": form, "picks": picks, "warehouse": warehouse}
    )


def _outbound_or_404(request, number) -> OutboundOrder:
    try:
        return selectors.outbound_for_page(user=request.user, number=number)
    except OutboundOrder.DoesNotExist:
        raise Http404 from None


@login_required
def outbound_detail(request, number):
    outbound = _outbound_or_404(request, number)
    manages = selectors.can_manage(user=request.user, supplier=outbound.supplier)
    return render(
        request,
        "fulfillment/outbound_detail.html",
        {
            "outbound": outbound,
            "traces": [selectors.trace_outbound_line(line=line) for line in outbound.lines.all()],
            "manages": manages,
            "pod_form": ProofOfDeliveryForm() if manages else None,
        },
    )


def _managed_outbound(request, number) -> OutboundOrder:
    outbound = _outbound_or_404(request, number)
    if not selectors.can_manage(user=request.user, supplier=outbound.supplier):
        raise PermissionDenied
    return outbound


@require_POST
@login_required
def ship_outbound(request, number):
    outbound = _managed_outbound(request, number)
    try:
        services.ship_outbound(outbound=outbound, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The goods left the warehouse."))
    return redirect("fulfillment:outbound", number)


@require_POST
@login_required
def deliver_outbound(request, number):
    outbound = _managed_outbound(request, number)
    form = ProofOfDeliveryForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.record_proof_of_delivery(outbound=outbound, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Proof of delivery recorded."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("fulfillment:outbound", number)


@login_required
def proof_of_delivery(request, number):
    outbound = _outbound_or_404(request, number)
    if not outbound.proof_of_delivery:
        raise Http404
    return attachment_response(outbound.proof_of_delivery)
