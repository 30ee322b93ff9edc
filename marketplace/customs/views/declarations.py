"""One declaration: its page, edits of head, lines and waybill, state actions, opening one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.customs import selectors, services
from marketplace.customs.forms import (
    CancelForm,
    HeadForm,
    LineForm,
    OrderLinesForm,
    WaybillForm,
)
from marketplace.customs.models import DeclarationStatus, WarehouseBooking
from marketplace.customs.views.common import (
    _declaration_or_404,
    _detail_context,
    _report,
    _rerender,
    require_filer_role,
)
from marketplace.customs.waybill import WaybillData
from marketplace.orders.selectors import orders_visible_to

Order = get_model("order", "Order")


@require_filer_role
def declaration_detail(request, pk):
    declaration = _declaration_or_404(request, pk)
    return render(request, "customs/declaration_detail.html", _detail_context(request, declaration))


@require_POST
@require_filer_role
def declaration_head(request, pk):
    declaration = _declaration_or_404(request, pk)
    form = HeadForm(request.POST)
    if not form.is_valid():
        return _rerender(request, declaration, head_form=form)
    try:
        services.update_declaration(declaration=declaration, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The declaration is saved; the route was decided again."))
    return redirect("customs:declaration", pk)


@require_POST
@require_filer_role
def declaration_line(request, pk, gnum):
    declaration = _declaration_or_404(request, pk)
    line = next((line for line in declaration.lines.all() if line.gnum == gnum), None)
    if line is None:
        raise Http404
    licences = list(selectors.licences_visible_to(user=request.user).filter(supplier=declaration.supplier))
    form = LineForm(request.POST, prefix=f"line-{gnum}", licences=licences)
    if not form.is_valid():
        return _rerender(request, declaration, line_forms={gnum: form})
    try:
        services.update_declaration_line(line=line, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("Line %(gnum)s is saved.") % {"gnum": gnum})
    return redirect("customs:declaration", pk)


@require_POST
@require_filer_role
def declaration_waybill(request, pk):
    declaration = _declaration_or_404(request, pk)
    form = WaybillForm(request.POST)
    if not form.is_valid():
        return _rerender(request, declaration, waybill_form=form)
    data = form.cleaned_data
    waybill = WaybillData(**{**data, "currency": data["currency"].code})
    try:
        services.fill_waybill(declaration=declaration, waybill=waybill, user=request.user)
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            _report(request, error)
            return redirect("customs:declaration", pk)
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return _rerender(request, declaration, waybill_form=form)
    else:
        messages.success(request, _("The waybill data is saved."))
    return redirect("customs:declaration", pk)


ACTIONS = {
    "ready": (services.mark_ready, DeclarationStatus.READY),
    "submit": (services.submit_declaration, DeclarationStatus.SUBMITTED),
    "correct": (services.correct_declaration, DeclarationStatus.DRAFT),
}


@require_POST
@require_filer_role
def declaration_action(request, pk, action):
    declaration = _declaration_or_404(request, pk)
    try:
        if action == "cancel":
            form = CancelForm(request.POST)
            if not form.is_valid():
                return _rerender(request, declaration, cancel_form=form)
            services.cancel_declaration(
                declaration=declaration, user=request.user, reason=form.cleaned_data["reason"]
            )
            target = DeclarationStatus.CANCELLED
        elif action in ACTIONS:
            call, target = ACTIONS[action]
            call(declaration=declaration, user=request.user)
        else:
            raise Http404
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request, _("The declaration is now: %(status)s.") % {"status": DeclarationStatus(target).label}
        )
    return redirect("customs:declaration", pk)


@require_filer_role
def new_for_order(request, number):
    try:
        order = orders_visible_to(user=request.user).prefetch_related("lines").get(number=number)
    except Order.DoesNotExist:
        raise Http404 from None
    form = OrderLinesForm(request.POST or None, order=order)
    if request.method == "POST" and form.is_valid():
        try:
            declaration = services.open_declaration_for_order(
                order=order, user=request.user, line_ids=[int(pk) for pk in form.cleaned_data["lines"]]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Declaration %(number)s opened.") % {"number": declaration.number})
            return redirect("customs:declaration", declaration.pk)
    return render(request, "customs/new_for_order.html", {"order": order, "form": form})


@require_POST
@require_filer_role
def new_for_booking(request, pk):
    try:
        booking = selectors.bookings_visible_to(user=request.user).get(pk=pk)
    except WarehouseBooking.DoesNotExist:
        raise Http404 from None
    try:
        declaration = services.open_declaration_for_booking(booking=booking, user=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("customs:booking", pk)
    messages.success(request, _("Declaration %(number)s opened.") % {"number": declaration.number})
    return redirect("customs:declaration", declaration.pk)
