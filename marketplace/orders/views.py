"""Order pages for buyers, suppliers, their trade-service firms and operators."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.orders import selectors, services
from marketplace.orders.models import OrderStatus

Order = get_model("order", "Order")


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is the order cancelled?"), widget=forms.Textarea(attrs={"rows": 2})
    )


def _order_or_404(request, number):
    try:
        return selectors.order_for_page(user=request.user, number=number)
    except Order.DoesNotExist:
        raise Http404 from None


@login_required
def order_list(request):
    status = request.GET.get("status", "")
    orders = selectors.orders_visible_to(user=request.user).order_by("-date_placed", "-pk")
    if status in OrderStatus.values:
        orders = orders.filter(status=status)
    page = Paginator(orders, 25).get_page(request.GET.get("page"))
    return render(
        request, "orders/order_list.html", {"page_obj": page, "status": status, "statuses": OrderStatus}
    )


@login_required
def oscar_order(request, order_number: str, line_id: int | None = None):
    """Oscar's account pages of an order, a line or its re-order lead to the B2B order page.

    Oscar's own pages show an order only to the user who placed it, have no template for a
    line, and re-order into Oscar's basket, which is not mounted.
    """
    order = _order_or_404(request, order_number)
    if line_id is not None and not order.lines.filter(pk=line_id).exists():
        raise Http404
    return redirect("orders:detail", number=order.number)


@login_required
def order_detail(request, number):
    order = _order_or_404(request, number)
    role = selectors.role_in(user=request.user, order=order)
    return render(
        request,
        "orders/order_detail.html",
        {
            "order": order,
            "role": role,
            "milestones": order.milestones.all(),
            "lines": order.lines.all(),
            "actions": selectors.actions_for(order=order, role=role),
            "cancel_form": CancelForm(),
        },
    )


ACTIONS = {
    "finish_production": (services.finish_production, gettext_lazy("Production finished.")),
    "ship": (services.mark_shipped, gettext_lazy("Marked as shipped.")),
    "deliver": (services.mark_delivered, gettext_lazy("Marked as delivered.")),
}


@require_POST
@login_required
def order_action(request, number, action):
    order = _order_or_404(request, number)
    if action == "cancel":
        form = CancelForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Say why the order is cancelled."))
            return redirect("orders:detail", number)
        call, done = services.cancel_order, _("The order is cancelled.")
        kwargs = {"reason": form.cleaned_data["reason"]}
    elif action in ACTIONS:
        call, done = ACTIONS[action]
        kwargs = {}
    else:
        raise Http404
    try:
        call(order=order, by=request.user, **kwargs)
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("orders:detail", number)


@login_required
def proforma_invoice(request, number):
    """The proforma invoice as a PDF (WeasyPrint; Chinese names need the CJK font)."""
    from weasyprint import HTML

    order = _order_or_404(request, number)
    html = render_to_string("orders/proforma.html", selectors.proforma_context(order=order), request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="proforma-{order.number}.pdf"'
    return response
