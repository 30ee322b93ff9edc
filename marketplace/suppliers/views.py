"""The supplier portal: a supplier's own products (typed specs, translations, moderation) and offers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from catalog import moderation
from catalog.models import ProductStatus
from catalog.services import ProductDataError, save_product
from catalog.specs.forms import SPEC_FORMS, ProductForm, existing_spec, spec_names_for
from catalog.specs.selectors import product_with_specs
from marketplace.core.views import add_errors, delete_refusal, supplier_required
from marketplace.suppliers import selectors, services
from marketplace.suppliers.forms import OfferForm, PlaceFormSet, TierFormSet, kept

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


class TranslationsForm(forms.Form):
    title_ru = forms.CharField(label=gettext_lazy("Title in Russian"), max_length=255, required=False)
    description_ru = forms.CharField(
        label=gettext_lazy("Description in Russian"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    title_zh = forms.CharField(label=gettext_lazy("Title in Chinese"), max_length=255, required=False)
    description_zh = forms.CharField(
        label=gettext_lazy("Description in Chinese"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    LANGUAGES = {"ru": "ru", "zh": "zh-hans"}

    def payload(self) -> dict:
        return {
            language: {
                "title": self.cleaned_data[f"title_{suffix}"],
                "description": self.cleaned_data[f"description_{suffix}"],
            }
            for suffix, language in self.LANGUAGES.items()
            if self.cleaned_data[f"title_{suffix}"].strip()
        }

    @classmethod
    def initial_for(cls, product) -> dict:
        rows = {row.language: row for row in product.translations.all()} if product else {}
        initial = {}
        for suffix, language in cls.LANGUAGES.items():
            if row := rows.get(language):
                initial[f"title_{suffix}"], initial[f"description_{suffix}"] = row.title, row.description
        return initial


def _product_forms(request, *, product_class, product=None) -> dict:
    data = request.POST if request.method == "POST" else None
    product_form = ProductForm(data, instance=product, initial={"product_class": product_class.slug})
    # The class is chosen once, when the product is created.
    product_form.fields["product_class"].widget = forms.HiddenInput()
    built = {"product": product_form}
    for name in spec_names_for(product_class.slug):
        built[name] = SPEC_FORMS[name](data, instance=existing_spec(product, name), prefix=name)
    built["translations"] = TranslationsForm(data, initial=TranslationsForm.initial_for(product))
    return built


def _payload(request, built: dict, product_class) -> dict:
    """The submitted values as the product service takes them (the API's shape)."""
    payload = {field: request.POST.get(field, "") for field in ("title", "upc", "description")}
    payload["product_class"] = product_class.slug
    for name, form in built.items():
        if name in SPEC_FORMS:
            payload[name] = {field: request.POST.get(form.add_prefix(field)) for field in form.fields}
    payload["translations"] = built["translations"].payload()
    return payload


def _save_product_forms(request, *, partner, built: dict, product_class, product=None):
    """Saves and returns the product, or None with the errors shown on the forms."""
    if not built["translations"].is_valid():
        return None
    try:
        return save_product(
            supplier=partner, data=_payload(request, built, product_class), product=product, by=request.user
        )
    except ProductDataError as error:
        for form in built.values():
            form.is_valid()  # the bound forms show their own field errors
        for name, problems in error.errors.items():
            if name not in built and name not in built["product"].fields:
                messages.error(request, f"{name}: {' '.join(map(str, problems))}")
        return None


@supplier_required
def product_list(request, partner):
    status = request.GET.get("status", "")
    if status not in ProductStatus.values:
        status = ""
    text = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.products_of(partner=partner, status=status, text=text), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "suppliers/product_list.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": ProductStatus,
            "counts": selectors.status_counts(partner=partner),
            "query": text,
            "product_classes": ProductClass.objects.order_by("name"),
        },
    )


@supplier_required
def product_create(request, partner, class_slug):
    product_class = get_object_or_404(ProductClass, slug=class_slug)
    built = _product_forms(request, product_class=product_class)
    if request.method == "POST":
        product = _save_product_forms(request, partner=partner, built=built, product_class=product_class)
        if product is not None:
            messages.success(request, _("Saved as a draft. Add an offer, then send it for review."))
            return redirect("supplier:offer-create", product.pk)
    return render(
        request,
        "suppliers/product_form.html",
        {"forms": built, "product_class": product_class, "product": None},
    )


def _own_product(partner, pk):
    product = get_object_or_404(Product.objects.filter(supplier=partner), pk=pk)
    return product_with_specs(product_id=product.pk, extra=("supplier__company", "product_class"))


@supplier_required
def product_detail(request, partner, pk):
    product = _own_product(partner, pk)
    built = _product_forms(request, product_class=product.product_class, product=product)
    if request.method == "POST":
        saved = _save_product_forms(
            request, partner=partner, built=built, product_class=product.product_class, product=product
        )
        if saved is not None:
            messages.success(request, _("Your changes are saved."))
            return redirect("supplier:product", product.pk)
    offers = (
        StockRecord.objects.filter(product=product, partner=partner)
        .select_related("commercial_unit")
        .prefetch_related("price_tiers", "incoterms__incoterm")
        .order_by("price", "pk")
    )
    return render(
        request,
        "suppliers/product_form.html",
        {
            "forms": built,
            "product_class": product.product_class,
            "product": product,
            "offers": offers,
            "moves": moderation.allowed_moves(product=product, role=moderation.SUPPLIER),
            "problems": moderation.missing_for_publication(product, check_supplier=False),
        },
    )


@require_POST
@supplier_required
def product_move(request, partner, pk):
    product = get_object_or_404(Product.objects.filter(supplier=partner), pk=pk)
    to = request.POST.get("to", "")
    if to not in moderation.allowed_moves(product=product, role=moderation.SUPPLIER):
        raise Http404
    try:
        moderation.move(product=product, to=to, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        done = {
            ProductStatus.IN_REVIEW: _(
                "Sent for review. An operator will publish it or tell you what to fix."
            ),
            ProductStatus.DRAFT: _("Withdrawn from review; it is a draft again."),
            ProductStatus.RETIRED: _("Retired: buyers no longer see it."),
        }
        messages.success(request, done[to])
    return redirect("supplier:product", product.pk)


def _offer_form_page(request, *, partner, product, offer=None):
    data = request.POST if request.method == "POST" else None
    form = OfferForm(data, instance=offer, partner=partner, initial={"price_currency": "USD"})
    if offer is None and not data:
        unit = getattr(existing_spec(product, "trade_spec"), "commercial_unit", None)
        form.initial["commercial_unit"] = unit.code if unit else None
    tiers = TierFormSet(
        data,
        prefix="tiers",
        initial=[
            {"min_quantity": t.min_quantity, "unit_price": t.unit_price} for t in offer.price_tiers.all()
        ]
        if offer
        else None,
    )
    places = PlaceFormSet(
        data,
        prefix="places",
        initial=[{"incoterm": p.incoterm.code, "named_place": p.named_place} for p in offer.incoterms.all()]
        if offer
        else None,
    )
    if data is not None and form.is_valid() and tiers.is_valid() and places.is_valid():
        try:
            saved = services.save_offer(
                partner=partner,
                product=product,
                offer=offer,
                fields={name: form.cleaned_data[name] for name in services.OFFER_FIELDS},
                tiers=[tier_form.tier() for tier_form in kept(tiers)],
                places=[place_form.place() for place_form in kept(places)],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Offer %(sku)s saved.") % {"sku": saved.partner_sku})
            return redirect("supplier:product", product.pk)
    return render(
        request,
        "suppliers/offer_form.html",
        {"form": form, "tiers": tiers, "places": places, "product": product, "offer": offer},
    )


@supplier_required
def offer_create(request, partner, product_pk):
    product = get_object_or_404(
        Product.objects.filter(supplier=partner).select_related("trade_spec"), pk=product_pk
    )
    return _offer_form_page(request, partner=partner, product=product)


@supplier_required
def offer_edit(request, partner, pk):
    offer = get_object_or_404(StockRecord.objects.filter(partner=partner).select_related("product"), pk=pk)
    return _offer_form_page(request, partner=partner, product=offer.product, offer=offer)


@require_POST
@supplier_required
def offer_delete(request, partner, pk):
    offer = get_object_or_404(StockRecord.objects.filter(partner=partner).select_related("product"), pk=pk)
    try:
        services.delete_offer(offer=offer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except ProtectedError as error:  # quoted offers stay: a quote keeps the offer it priced
        messages.error(request, delete_refusal(error))
    else:
        messages.success(request, _("Offer %(sku)s deleted.") % {"sku": offer.partner_sku})
    return redirect("supplier:product", offer.product_id)
