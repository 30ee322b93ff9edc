"""Basket and checkout pages of the catalog (Oscar's own basket and checkout stay unmounted)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from catalog.selectors import browsable_products
from marketplace.checkout import services
from marketplace.checkout.forms import AddOfferForm, CheckoutForm
from marketplace.core.views import add_errors

StockRecord = get_model("partner", "StockRecord")


@require_POST
@login_required
def add_to_basket(request):
    form = AddOfferForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a whole quantity."))
        return redirect("buying:basket")
    offer = get_object_or_404(
        StockRecord.objects.select_related("product", "commercial_unit"), pk=form.cleaned_data["offer"]
    )
    try:
        services.add_offer(
            basket=request.basket, offer=offer, quantity=form.cleaned_data["quantity"], user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        # Back to the product only if it is listed: an unlisted one's URL would name it.
        listed = browsable_products().filter(pk=offer.product_id).exists()
        return redirect(offer.product.get_absolute_url() if listed else "buying:basket")
    messages.success(request, _("%(title)s is in your basket.") % {"title": offer.product.get_title()})
    return redirect("buying:basket")


@login_required
def basket(request):
    if request.method == "POST":
        for line in request.basket.lines.all():
            value = request.POST.get(f"quantity-{line.pk}")
            if value is None:
                continue
            try:
                services.change_quantity(
                    basket=request.basket, line_id=line.pk, quantity=int(value), user=request.user
                )
            except (ValueError, ValidationError) as error:
                text = (
                    " ".join(error.messages)
                    if isinstance(error, ValidationError)
                    else _("Enter whole numbers.")
                )
                messages.error(request, f"{line.product.get_title()}: {text}")
        return redirect("buying:basket")
    lines = services.basket_lines(basket=request.basket)
    return render(
        request, "checkout/basket.html", {"lines": lines, "total": sum(line.total for line in lines)}
    )


@login_required
def checkout(request):
    lines = services.basket_lines(basket=request.basket)
    if not lines:
        messages.info(request, _("Your basket is empty."))
        return redirect("buying:basket")
    places = services.common_places(lines=lines)
    company = request.user.company
    form = CheckoutForm(
        request.POST or None, places=places, initial={"destination_country": getattr(company, "country", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            order = services.check_out(
                basket=request.basket,
                user=request.user,
                place=form.cleaned_data["place"],
                destination_country=form.cleaned_data["destination_country"],
                destination_city=form.cleaned_data["destination_city"],
                schedule=form.cleaned_data["schedule"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Order %(number)s is placed. Pay the first instalment to start production.")
                % {"number": order.number},
            )
            return redirect("orders:detail", order.number)
    return render(
        request,
        "checkout/checkout.html",
        {"form": form, "lines": lines, "total": sum(line.total for line in lines), "places": places},
    )
