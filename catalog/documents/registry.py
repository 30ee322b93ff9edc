"""What documents add to shared registries: product page sections and audit verb labels."""

from django.utils.translation import gettext_lazy as _

from catalog import hooks
from marketplace.core.audit import register_verbs

hooks.register(hooks.PRODUCT_SECTIONS, "catalog_documents/product_section.html")
hooks.register(hooks.PORTAL_PRODUCT_SECTIONS, "catalog_documents/portal_section.html")

register_verbs({"document.uploaded": _("Product document uploaded")})
