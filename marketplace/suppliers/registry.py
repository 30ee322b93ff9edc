"""What the supplier portal adds to shared registries: its menu entry and audit verb labels."""

from django.utils.translation import gettext_lazy as _

from marketplace.accounts.models import CompanyKind
from marketplace.core.audit import register_verbs
from marketplace.core.navigation import NavItem, register

register(NavItem(_("My products"), "supplier:products", frozenset({CompanyKind.SUPPLIER.value}), order=5))

register_verbs({"offer.saved": _("Offer saved"), "offer.deleted": _("Offer deleted")})
