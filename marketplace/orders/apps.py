import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = "marketplace.orders"

    def ready(self):
        super().ready()
        from marketplace.orders import registry  # noqa: F401  (menus, audit verbs, document access)
