from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FulfillmentConfig(AppConfig):
    name = "marketplace.fulfillment"
    label = "fulfillment"
    verbose_name = _("Fulfillment")

    def ready(self):
        from marketplace.fulfillment import registry  # noqa: F401  (menu, audit verbs, order page card)
