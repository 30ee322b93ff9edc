import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    name = "marketplace.suppliers"

    def ready(self):
        super().ready()
        from marketplace.suppliers import registry  # noqa: F401  (menu entries, audit verbs)
