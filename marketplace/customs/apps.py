from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomsConfig(AppConfig):
    name = "marketplace.customs"
    label = "customs"
    verbose_name = _("Customs")

    def ready(self):
        from marketplace.customs import registry  # noqa: F401  (menus, audit verbs, order page card)
