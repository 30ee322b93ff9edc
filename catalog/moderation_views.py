"""Operators' product review: the queue of submitted products and the publish/reject decision."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from catalog import moderation
from catalog.models import ProductStatus
from catalog.selectors import product_for_page, product_page
from marketplace.core.views import add_errors, operator_required

Product = get_model("catalogue", "Product")


class DecisionForm(forms.Form):
    to = forms.ChoiceField(
        choices=[
            (ProductStatus.PUBLISHED, gettext_lazy("Publish")),
            (ProductStatus.REJECTED, gettext_lazy("Reject")),
        ],
        widget=forms.RadioSelect,
        label=gettext_lazy("Decision"),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to the supplier when rejecting)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


@operator_required
def review_queue(request):
    status = request.GET.get("status", ProductStatus.IN_REVIEW)
    products = Product.objects.select_related("supplier__company", "product_class").order_by(
        "date_updated", "pk"
    )
    if status in ProductStatus.values:
        products = products.filter(status=status)
    page = Paginator(products, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "catalog/moderation/queue.html",
        {"page_obj": page, "status": status, "statuses": ProductStatus},
    )


@operator_required
def review_product(request, pk):
    product = product_for_page(product_id=get_object_or_404(Product, pk=pk).pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.move(
                product=product,
                to=form.cleaned_data["to"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(title)s is now %(status)s.")
                % {"title": product.title, "status": ProductStatus(form.cleaned_data["to"]).label.lower()},
            )
            return redirect("product-review:queue")
    return render(
        request,
        "catalog/moderation/review.html",
        {
            "product": product,
            "page": product_page(product=product),
            "form": form,
            "moves": moderation.allowed_moves(product=product, role=moderation.OPERATOR),
            "problems": moderation.missing_for_publication(product),
        },
    )
