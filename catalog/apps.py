import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalog"

    def ready(self):
        super().ready()
        from catalog import (
            receivers,
            registry,  # noqa: F401  (menu entries, audit verbs)
        )

        receivers.connect()  # changes bump catalog/versioning.py's version
