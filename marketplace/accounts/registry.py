"""What accounts adds to shared registries: menu entries and audit verb labels."""

from django.utils.translation import gettext_lazy as _

from marketplace.accounts.models import CompanyKind
from marketplace.core.audit import register_verbs
from marketplace.core.navigation import ANONYMOUS, OPERATOR, NavItem, register

register(
    NavItem(_("Register your company"), "accounts:signup", frozenset({ANONYMOUS}), order=90, menu="account"),
    NavItem(_("My company"), "accounts:company", frozenset(CompanyKind.values), order=10, menu="account"),
    NavItem(
        _("Trade-service firms"),
        "accounts:authorisations",
        frozenset({CompanyKind.SUPPLIER.value}),
        order=20,
        menu="account",
    ),
    NavItem(
        _("Suppliers we act for"),
        "accounts:authorisations",
        frozenset({CompanyKind.SERVICE_FIRM.value}),
        order=20,
        menu="account",
    ),
    NavItem(_("Company verification"), "accounts:operator-companies", frozenset({OPERATOR}), order=80),
    # Oscar's dashboard (catalogue, partners, orders) is an operator tool.
    NavItem(_("Dashboard"), "dashboard:index", frozenset({OPERATOR}), order=85),
)

register_verbs(
    {
        "company.registered": _("Company registered"),
        "account.confirmed": _("Email address confirmed"),
        "company.verified": _("Company verified"),
        "company.rejected": _("Verification refused"),
        "company.resubmitted": _("Registration sent for review again"),
        "member.added": _("Colleague added"),
        "firm.authorised": _("Trade-service firm authorised"),
        "firm.revoked": _("Trade-service firm's authorisation revoked"),
        "supplier.authorised_us": _("Authorised by a supplier"),
        "supplier.revoked_us": _("Supplier revoked our authorisation"),
    }
)
