"""Supplier pages for product documents (upload, version history) and the download view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.documents import selectors, services
from catalog.documents.forms import DocumentUploadForm
from catalog.documents.models import DocumentKind
from marketplace.core.uploads import attachment_response
from marketplace.core.views import add_errors, supplier_required

Product = get_model("catalogue", "Product")


def supplier_product_url(product) -> str:
    """The supplier's page of the product; the public page until the supplier portal exists."""
    try:
        return reverse("supplier:product", args=[product.pk])
    except NoReverseMatch:
        return product.get_absolute_url()


def _own_product(*, partner, product_id: int):
    # Another supplier's product answers 404, as if it did not exist.
    return get_object_or_404(
        Product.objects.select_related("supplier__company"), pk=product_id, supplier=partner
    )


@supplier_required
def upload_document(request, product_id: int, partner):
    product = _own_product(partner=partner, product_id=product_id)
    kind = request.GET.get("kind", "")
    form = DocumentUploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"kind": kind} if kind in DocumentKind.values else {},
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = services.upload_document(product=product, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(kind)s version %(version)s is now the current document of %(product)s.")
                % {
                    "kind": document.get_kind_display(),
                    "version": document.version,
                    "product": product.get_title(),
                },
            )
            return redirect(supplier_product_url(product))
    return render(
        request,
        "catalog_documents/upload.html",
        {"form": form, "product": product, "back_url": supplier_product_url(product)},
        status=400 if form.is_bound and form.errors else 200,
    )


@supplier_required
def document_history(request, product_id: int, kind: str, partner):
    product = _own_product(partner=partner, product_id=product_id)
    if kind not in DocumentKind.values:
        raise Http404
    return render(
        request,
        "catalog_documents/history.html",
        {
            "product": product,
            "kind": DocumentKind(kind),
            "documents": selectors.document_history(product=product, kind=kind),
            "back_url": supplier_product_url(product),
        },
    )


def download_document(request, pk: int):
    # Anyone who may not download it gets 404: the answer never tells that it exists.
    document = selectors.document_for_download(user=request.user, pk=pk)
    if document is None:
        raise Http404
    try:
        return attachment_response(document.file)
    except FileNotFoundError as error:
        raise Http404 from error
