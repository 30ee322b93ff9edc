from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "catalog.imports"
    label = "catalog_imports"
    verbose_name = _("Catalogue imports")

    def ready(self):
        from catalog.imports import registry  # noqa: F401  (menu entry, audit verbs)
