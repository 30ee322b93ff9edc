from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "catalog.documents"
    label = "catalog_documents"
    verbose_name = _("Product documents")

    def ready(self):
        from catalog.documents import registry  # noqa: F401  (page sections, audit verbs)
