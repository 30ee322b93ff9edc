from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "marketplace.accounts"
    label = "accounts"
    verbose_name = _("Companies and users")

    def ready(self):
        from marketplace.accounts import registry  # noqa: F401  (menu entries, audit verbs)
