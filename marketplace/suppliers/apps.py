from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuppliersConfig(AppConfig):
    """The supplier portal: a supplier's own products and offers, on the web and in the API."""

    name = "marketplace.suppliers"
    label = "suppliers"
    verbose_name = _("Supplier portal")

    def ready(self):
        from marketplace.accounts.hooks import on_company_registered
        from marketplace.suppliers import registry  # noqa: F401  (menu entries, audit verbs)
        from marketplace.suppliers.services import open_partner_account

        on_company_registered(open_partner_account)
