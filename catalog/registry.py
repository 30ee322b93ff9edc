"""What the catalog adds to shared registries: the operators' review menu and audit verb labels."""

from django.utils.translation import gettext_lazy as _

from marketplace.core.audit import register_verbs
from marketplace.core.navigation import OPERATOR, NavItem, register

register(NavItem(_("Product review"), "product-review:queue", frozenset({OPERATOR}), order=82))

register_verbs(
    {
        "product.submitted": _("Sent for review"),
        "product.withdrawn": _("Withdrawn from review"),
        "product.published": _("Published"),
        "product.rejected": _("Rejected"),
        "product.retired": _("Retired"),
        "product.text_changed": _("Text changed while published"),
    }
)
