"""Reads of product documents, scoped to who is asking."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from oscar.core.loading import get_model

from catalog.documents.access import admitted_to_restricted, manages_documents
from catalog.documents.models import DocumentKind, ProductDocument
from marketplace.accounts.models import User, VerificationStatus

Product = get_model("catalogue", "Product")


@dataclass(frozen=True)
class DocumentEntry:
    """A current document as a page lists it: a link if the viewer may download it."""

    document: ProductDocument
    downloadable: bool


def product_is_listed(product: Product) -> bool:
    """Buyers see documents of products they can see: published, from a verified supplier."""
    supplier = product.supplier if product.supplier_id else None
    company = supplier.company if supplier else None
    return bool(product.is_public and company and company.verification_status == VerificationStatus.VERIFIED)


def current_documents(*, product: Product) -> QuerySet[ProductDocument]:
    """The latest version of each kind, in the order of DocumentKind."""
    return ProductDocument.objects.filter(product=product).current().order_by("kind", "pk")


def _in_kind_order(documents) -> list[ProductDocument]:
    order = {kind: position for position, kind in enumerate(DocumentKind.values)}
    return sorted(documents, key=lambda document: (order.get(document.kind, 99), -document.version))


def supplier_current_documents(*, product: Product) -> list[ProductDocument]:
    """The supplier's section: every current document, in the order of DocumentKind."""
    return _in_kind_order(current_documents(product=product))


def document_entries(*, user: User | AnonymousUser, product: Product) -> list[DocumentEntry]:
    """The product page's list: current documents, restricted ones linked only if admitted.

    One query for the documents; access rules run once for the product, not per document.
    """
    if not (product_is_listed(product) or manages_documents(user, product)):
        return []
    documents = _in_kind_order(current_documents(product=product))
    admitted = None
    entries = []
    for document in documents:
        if not document.is_public and admitted is None:
            admitted = admitted_to_restricted(user, product)
        entries.append(DocumentEntry(document=document, downloadable=document.is_public or bool(admitted)))
    return entries


def documents_visible_to(*, user: User | AnonymousUser, product: Product) -> list[ProductDocument]:
    """What ``user`` may download: every version for the supplier and staff; otherwise the
    current versions, restricted ones only when an access rule admits the user."""
    if manages_documents(user, product):
        return _in_kind_order(ProductDocument.objects.filter(product=product))
    return [entry.document for entry in document_entries(user=user, product=product) if entry.downloadable]


def document_history(*, product: Product, kind: str) -> list[ProductDocument]:
    """Every version of one kind, newest first (callers check they manage the product)."""
    return list(
        ProductDocument.objects.filter(product=product, kind=kind)
        .select_related("uploaded_by")
        .order_by("-version")
    )


def is_current(document: ProductDocument) -> bool:
    return not ProductDocument.objects.filter(
        product_id=document.product_id, kind=document.kind, version__gt=document.version
    ).exists()


def can_download(*, user: User | AnonymousUser, document: ProductDocument) -> bool:
    """The supplier and staff: any version. Others: current versions of listed products,
    public ones freely, restricted ones when an access rule admits them."""
    product = document.product
    if manages_documents(user, product):
        return True
    if not product_is_listed(product) or not is_current(document):
        return False
    return document.is_public or admitted_to_restricted(user, product)


def document_for_download(*, user: User | AnonymousUser, pk: int) -> ProductDocument | None:
    """The document if ``user`` may download it, else None (callers answer 404 either way)."""
    document = ProductDocument.objects.select_related("product__supplier__company").filter(pk=pk).first()
    if document is None or not can_download(user=user, document=document):
        return None
    return document
