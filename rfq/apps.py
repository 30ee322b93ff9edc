from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RfqConfig(AppConfig):
    name = "rfq"
    label = "rfq"
    verbose_name = _("Requests for quotation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from rfq import registry  # noqa: F401  (menus, audit verbs, product page hooks, document access)
