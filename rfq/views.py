"""RFQ pages: the buyer's "My RFQs" (list, new, detail, compare) and the supplier's inbox."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from catalog.selectors import browsable_products
from marketplace.accounts.models import CompanyKind
from marketplace.accounts.policy import role_of, side_of
from marketplace.core.uploads import attachment_response
from marketplace.core.views import add_errors, supplier_required
from rfq import comparison, selectors, services
from rfq.forms import AcceptForm, AssumptionsForm, MessageForm, QuoteForm, RFQForm, kept_tiers, quote_tiers
from rfq.landed_cost import Assumptions
from rfq.models import RFQ, Quote, RFQStatus

Partner = get_model("partner", "Partner")


def _rfq_or_404(request, number) -> RFQ:
    try:
        return selectors.rfq_for_page(user=request.user, number=number)
    except RFQ.DoesNotExist:
        raise Http404 from None


def _buyer_rfq_or_404(request, number) -> RFQ:
    rfq = _rfq_or_404(request, number)
    if side_of(user=request.user, buyer=rfq.buyer) is None:  # the buyer's side or an operator
        raise Http404
    return rfq


def rate_limited(request, error):
    return render(request, "rfq/rate_limited.html", {"message": str(error)}, status=429)


@login_required
def rfq_list(request):
    if role_of(user=request.user) not in ("operator", "buyer"):
        raise PermissionDenied
    status = request.GET.get("status", "")
    rfqs = selectors.rfqs_visible_to(user=request.user)
    if status in RFQStatus.values:
        rfqs = rfqs.filter(status=status)
    page = Paginator(rfqs, 25).get_page(request.GET.get("page"))
    return render(request, "rfq/rfq_list.html", {"page_obj": page, "status": status, "statuses": RFQStatus})


@login_required
def rfq_create(request):
    company = request.user.company
    if company is None or company.kind != CompanyKind.BUYER:
        raise PermissionDenied
    product = None
    if request.GET.get("product", "").isdigit():
        product = browsable_products().filter(pk=request.GET["product"]).first()
    if request.method == "POST":
        form = RFQForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                rfq = services.create_rfq(
                    buyer_user=request.user, details=form.details(), submit="save_draft" not in request.POST
                )
            except services.RFQRateLimitError as error:
                return rate_limited(request, error)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Your request %(number)s was created.") % {"number": rfq.number})
                return redirect("rfq:detail", rfq.number)
    else:
        initial = {"destination_country": company.country, "destination_city": company.city}
        if request.GET.get("category", "").isdigit():  # "send an RFQ for this category" links
            initial["category"] = int(request.GET["category"])
        if product is not None:
            offer = product.stockrecords.first()
            initial.update(product=product.pk, title=product.get_title())
            if offer and offer.commercial_unit_id:
                initial["unit"] = offer.commercial_unit.code
        form = RFQForm(initial=initial)
    return render(request, "rfq/rfq_form.html", {"form": form, "product": product})


@login_required
def rfq_detail(request, number):
    rfq = _buyer_rfq_or_404(request, number)
    quotes = selectors.quotes_for_rfq(user=request.user, rfq=rfq)
    return render(
        request,
        "rfq/rfq_detail.html",
        {
            "rfq": rfq,
            "quotes": quotes,
            "recipients": selectors.recipients_of(rfq=rfq),
            "threads": selectors.threads_for_buyer(rfq=rfq),
            "message_form": MessageForm(),
            "accept_form": AcceptForm(),
            "spec_lines": _spec_lines(rfq),
            "awards": rfq.awards.select_related("order", "quote__supplier"),
        },
    )


def _spec_lines(rfq):
    from rfq.specs import describe

    return describe(rfq.specification)


@login_required
def rfq_compare(request, number):
    rfq = _buyer_rfq_or_404(request, number)
    quotes = selectors.quotes_for_rfq(user=request.user, rfq=rfq).filter(status__in=("submitted", "revised"))
    currency = rfq.currency_id
    defaults = comparison.default_assumptions(
        rfq=rfq, currency=currency, mode=request.GET.get("mode") or None
    )
    form = AssumptionsForm(
        request.GET or None,
        initial={
            "currency": currency,
            "mode": defaults.mode,
            "freight_per_unit": defaults.freight_per_unit,
            "insurance_percent": defaults.insurance_percent,
            "destination_charges_per_unit": defaults.destination_charges_per_unit,
            "duty_percent": defaults.duty_percent,
            "sort": "landed_cost",
        },
    )
    assumptions, sort = defaults, "landed_cost"
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        currency, sort = data["currency"].code, data["sort"]
        assumptions = Assumptions(
            mode=data["mode"],
            freight_per_unit=data["freight_per_unit"],
            insurance_percent=data["insurance_percent"],
            destination_charges_per_unit=data["destination_charges_per_unit"],
            duty_percent=data["duty_percent"],
        )
    rows = comparison.compare(rfq=rfq, quotes=quotes, currency=currency, assumptions=assumptions, sort=sort)
    return render(
        request,
        "rfq/rfq_compare.html",
        {"rfq": rfq, "rows": rows, "form": form, "currency": currency, "assumptions": assumptions},
    )


@require_POST
@login_required
def quote_accept(request, number, quote_id):
    rfq = _buyer_rfq_or_404(request, number)
    quote = get_object_or_404(selectors.quotes_visible_to(user=request.user), pk=quote_id, rfq=rfq)
    form = AcceptForm(request.POST)
    quantity = form.cleaned_data["quantity"] if form.is_valid() else None
    try:
        order = services.accept_quote(quote=quote, by=request.user, quantity=quantity)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("rfq:detail", rfq.number)
    messages.success(request, _("Quote accepted: order %(number)s was placed.") % {"number": order.number})
    return redirect("orders:detail", order.number)


RFQ_ACTIONS = {
    "submit": (services.submit_rfq, "Your request was sent."),
    "cancel": (services.cancel_rfq, "Your request was cancelled."),
    "close": (services.close_rfq, "Your request was closed."),
}


@require_POST
@login_required
def rfq_action(request, number, action):
    rfq = _buyer_rfq_or_404(request, number)
    if action not in RFQ_ACTIONS:
        raise Http404
    service, done = RFQ_ACTIONS[action]
    try:
        service(rfq=rfq, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _(done))
    return redirect("rfq:detail", rfq.number)


@require_POST
@login_required
def post_message(request, number, supplier_id):
    rfq = _rfq_or_404(request, number)
    supplier = get_object_or_404(Partner, pk=supplier_id, rfq_inbox__rfq=rfq)
    form = MessageForm(request.POST)
    back = "rfq:detail" if side_of(user=request.user, buyer=rfq.buyer) else "rfq:supplier_detail"
    if form.is_valid():
        try:
            services.post_message(
                rfq=rfq,
                supplier=supplier,
                by=request.user,
                body=form.cleaned_data["body"],
                counter_price=form.cleaned_data["counter_price"],
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.error(request, _("Write a message."))
    return redirect(back, rfq.number)


@login_required
def rfq_attachment(request, number):
    rfq = _rfq_or_404(request, number)
    if not rfq.attachment:
        raise Http404
    return attachment_response(rfq.attachment)


# --- supplier -------------------------------------------------------------------------------


@supplier_required
def supplier_inbox(request, partner):
    tab = request.GET.get("tab", "new")
    if tab not in selectors.INBOX_TABS:
        tab = "new"
    page = Paginator(selectors.supplier_inbox(partner=partner, tab=tab), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "rfq/supplier_inbox.html",
        {
            "page_obj": page,
            "tab": tab,
            "tabs": selectors.INBOX_TABS,
            "rate": selectors.response_rate(partner=partner),
        },
    )


@supplier_required
def supplier_rfq(request, number, partner):
    rfq = _rfq_or_404(request, number)
    form = QuoteForm(request.POST or None, partner=partner, initial=_quote_initial(rfq))
    tiers = quote_tiers(request.POST or None)
    if request.method == "POST" and form.is_valid() and tiers.is_valid():
        try:
            services.submit_quote(rfq=rfq, by=request.user, terms=form.terms(price_tiers=kept_tiers(tiers)))
        except (ValidationError, PermissionDenied) as error:
            add_errors(form, error) if isinstance(error, ValidationError) else form.add_error(
                None, str(error)
            )
        else:
            messages.success(request, _("Your quote was sent."))
            return redirect("rfq:supplier_detail", rfq.number)
    return render(
        request,
        "rfq/supplier_rfq.html",
        {
            "rfq": rfq,
            "form": form,
            "tiers": tiers,
            "quotes": selectors.quotes_for_rfq(user=request.user, rfq=rfq),
            "thread": selectors.thread(user=request.user, rfq=rfq, supplier=partner),
            "partner": partner,
            "message_form": MessageForm(),
            "spec_lines": _spec_lines(rfq),
        },
    )


def _quote_initial(rfq) -> dict:
    return {
        "currency": rfq.currency_id,
        "incoterm": rfq.incoterm.code,
        "named_place": rfq.named_place,
        "quantity": rfq.quantity,
        "unit": rfq.unit.code,
        "moq": Decimal(1),
        "valid_until": rfq.quote_deadline,
    }


def _own_quote_or_404(request, rfq, quote_id, partner) -> Quote:
    return get_object_or_404(
        selectors.quotes_visible_to(user=request.user), pk=quote_id, rfq=rfq, supplier=partner
    )


@supplier_required
def quote_revise(request, number, quote_id, partner):
    rfq = _rfq_or_404(request, number)
    quote = _own_quote_or_404(request, rfq, quote_id, partner)
    form = QuoteForm(request.POST or None, partner=partner, initial=QuoteForm.initial_from(quote))
    tiers = quote_tiers(request.POST or None, quote=quote)
    if request.method == "POST" and form.is_valid() and tiers.is_valid():
        try:
            services.revise_quote(
                quote=quote,
                by=request.user,
                terms=form.terms(price_tiers=kept_tiers(tiers)),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your quote was revised."))
            return redirect("rfq:supplier_detail", rfq.number)
    return render(request, "rfq/quote_form.html", {"rfq": rfq, "quote": quote, "form": form, "tiers": tiers})


@require_POST
@supplier_required
def quote_withdraw(request, number, quote_id, partner):
    rfq = _rfq_or_404(request, number)
    quote = _own_quote_or_404(request, rfq, quote_id, partner)
    try:
        services.withdraw_quote(quote=quote, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your quote was withdrawn."))
    return redirect("rfq:supplier_detail", rfq.number)
