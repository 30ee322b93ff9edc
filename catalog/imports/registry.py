"""What bulk import adds to shared registries: the supplier's menu entry and audit verbs."""

from django.utils.translation import gettext_lazy as _

from marketplace.accounts.models import CompanyKind
from marketplace.core.audit import register_verbs
from marketplace.core.navigation import NavItem, register

register(
    NavItem(
        _("Bulk import"),
        "catalog_imports:list",
        frozenset({CompanyKind.SUPPLIER.value}),
        order=30,
        menu="account",
    ),
)

register_verbs(
    {
        "import.finished": _("Bulk import finished"),
        "import.failed": _("Bulk import failed"),
    }
)
