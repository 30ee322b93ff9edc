import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalog"

    def ready(self):
        super().ready()
        from catalog import registry  # noqa: F401  (menu entries, audit verbs)
