from django import template
from django.contrib.auth.models import AnonymousUser

from catalog.documents import selectors
from catalog.documents.access import manages_documents
from catalog.documents.models import DocumentKind

register = template.Library()


def _viewer(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user") or AnonymousUser()


@register.simple_tag(takes_context=True)
def product_documents(context, product):
    """The product page's documents: current versions, each with whether the viewer may download it."""
    return selectors.document_entries(user=_viewer(context), product=product)


@register.simple_tag(takes_context=True)
def portal_documents(context, product):
    """The supplier's current documents of the product, or None if the viewer does not manage it."""
    if not manages_documents(_viewer(context), product):
        return None
    return selectors.supplier_current_documents(product=product)


@register.filter
def document_kind_label(kind: str) -> str:
    """ "sds" → "Safety data sheet (SDS)" in the active language (for emails, which store codes)."""
    return DocumentKind(kind).label if kind in DocumentKind.values else kind
