"""Payment pages: the buyer's payment page (card and T/T), the card step, proof upload, the
supplier's or operator's decision on a proof, operators' refunds, and Stripe's webhook.

Every view loads the order through ``orders_visible_to``: an order the user may not see is a
404; a visible order with an action the user's role may not take is a 403.
"""

import logging

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.core.security import csp_allow
from marketplace.core.uploads import attachment_response
from marketplace.core.views import add_errors, operator_required
from marketplace.orders.money import from_minor
from marketplace.orders.selectors import role_in
from marketplace.payments import selectors, services
from marketplace.payments.forms import ProofDecisionForm, RefundForm, TransferProofForm
from marketplace.payments.models import TransferProof
from marketplace.payments.stripe_client import payment_element_enabled

logger = logging.getLogger(__name__)

# What Stripe.js and its Payment Element need beyond our own origin (Stripe's CSP guide): its
# script, its card and 3-D Secure frames, and its API. Only the card page gets them.
STRIPE_JS_SOURCES = {
    "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
}


def order_page_url(order) -> str:
    """The order's page; this app's payments page until the orders pages exist."""
    try:
        return reverse("orders:detail", args=[order.number])
    except NoReverseMatch:
        return reverse("payments:order-payments", args=[order.number])


def _back(request, order) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return order_page_url(order)


def _require(request, order, allowed: set[str]) -> str:
    role = role_in(user=request.user, order=order)
    if role not in allowed:
        raise PermissionDenied
    return role


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- the buyer's payment page ---------------------------------------------------------------------


@login_required
def pay(request, number: str):
    order = selectors.visible_order(user=request.user, number=number)
    _require(request, order, selectors.PAYS)
    return _pay_page(request, order)


def _pay_page(request, order, *, bound_form=None, bound_milestone_id=None, status=200):
    panel = selectors.payment_panel(user=request.user, order=order)
    forms = {
        row.milestone.pk: bound_form if row.milestone.pk == bound_milestone_id else TransferProofForm()
        for row in panel.rows
        if row.is_pending and row.awaiting_proof is None
    }
    redirect_status = request.GET.get("redirect_status", "")
    return render(
        request,
        "payments/pay.html",
        {
            "order": order,
            "panel": panel,
            "pending_rows": [(row, forms.get(row.milestone.pk)) for row in panel.rows if row.is_pending],
            "card_enabled": payment_element_enabled(),
            "returned_from_stripe": redirect_status,
            "order_url": order_page_url(order),
        },
        status=status,
    )


@login_required
@require_POST
@csp_allow(STRIPE_JS_SOURCES)
def card(request, number: str, milestone_id: int):
    """Open the milestone's PaymentIntent and show Stripe's Payment Element for it."""
    order = selectors.visible_order(user=request.user, number=number)
    _require(request, order, selectors.PAYS)
    milestone = get_object_or_404(order.milestones, pk=milestone_id)
    if not payment_element_enabled():
        raise Http404
    try:
        checkout = services.start_card_payment(milestone=milestone, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("payments:pay", order.number)
    except stripe.StripeError:
        logger.exception("Stripe refused to open a PaymentIntent for milestone %s", milestone.pk)
        messages.error(
            request, _("Card payment is unavailable right now; try again later or pay by bank transfer.")
        )
        return redirect("payments:pay", order.number)
    return render(
        request,
        "payments/card.html",
        {
            "order": order,
            "milestone": milestone,
            "amount": from_minor(milestone.amount_minor, milestone.currency),
            "client_secret": checkout.client_secret,
            "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
            "return_url": request.build_absolute_uri(reverse("payments:pay", args=[order.number])),
        },
    )


@login_required
@require_POST
def upload_proof(request, number: str, milestone_id: int):
    order = selectors.visible_order(user=request.user, number=number)
    _require(request, order, selectors.PAYS)
    milestone = get_object_or_404(order.milestones, pk=milestone_id)
    form = TransferProofForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.upload_transfer_proof(milestone=milestone, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you. The supplier will confirm your transfer for “%(label)s”.")
                % {"label": milestone.label},
            )
            return redirect("payments:pay", order.number)
    return _pay_page(request, order, bound_form=form, bound_milestone_id=milestone.pk, status=400)


# --- the supplier's and operators' actions -----------------------------------------------------------


@login_required
def order_payments(request, number: str):
    """An order's payments on their own page, for every party that may see the order."""
    order = selectors.visible_order(user=request.user, number=number)
    return render(
        request,
        "payments/order_payments.html",
        {"order": order, "milestones": order.milestones.all(), "order_url": order_page_url(order)},
    )


@login_required
@require_POST
def decide_proof(request, number: str, proof_id: int):
    order = selectors.visible_order(user=request.user, number=number)
    proof = get_object_or_404(
        TransferProof.objects.select_related("milestone"), pk=proof_id, milestone__order=order
    )
    _require(request, order, selectors.DECIDES_PROOFS)
    form = ProofDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to confirm or reject the proof."))
        return redirect(_back(request, order))
    try:
        services.decide_transfer_proof(
            proof=proof, accept=form.accept, by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        label = proof.milestone.label
        if form.accept:
            messages.success(request, _("The transfer is confirmed: “%(label)s” is paid.") % {"label": label})
        else:
            messages.success(
                request, _("The proof for “%(label)s” is rejected; the buyer is told why.") % {"label": label}
            )
    return redirect(_back(request, order))


@login_required
def download_proof(request, number: str, proof_id: int):
    order = selectors.visible_order(user=request.user, number=number)
    proof = get_object_or_404(TransferProof, pk=proof_id, milestone__order=order)
    _require(request, order, selectors.SEES_PROOFS)
    try:
        return attachment_response(proof.file)
    except FileNotFoundError as error:
        raise Http404 from error


@operator_required
@require_POST
def refund(request, number: str, milestone_id: int):
    order = selectors.visible_order(user=request.user, number=number)
    milestone = get_object_or_404(order.milestones, pk=milestone_id)
    form = RefundForm(request.POST, currency=milestone.currency)
    if form.is_valid():
        try:
            services.refund_payment(
                milestone=milestone,
                amount_minor=form.cleaned_data["amount"],
                by=request.user,
                reason=form.cleaned_data["reason"],
                reference=form.cleaned_data["reference"],
            )
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
    else:
        messages.success(
            request,
            _("%(amount)s refunded for “%(label)s”.")
            % {
                "amount": services.display_amount(
                    amount_minor=form.cleaned_data["amount"], currency=milestone.currency
                ),
                "label": milestone.label,
            },
        )
    return redirect(_back(request, order))


# --- Stripe ---------------------------------------------------------------------------------------


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        services.handle_stripe_event(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except services.WebhookVerificationError:
        return HttpResponseBadRequest("unverified")
    except stripe.StripeError:
        # Could not read the PaymentIntent back: the event stays unprocessed and Stripe retries.
        logger.exception("Stripe webhook: could not re-read from Stripe")
        return HttpResponse("retry later", status=503)
    return HttpResponse("ok")
