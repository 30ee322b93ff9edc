import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    name = "marketplace.checkout"

    def ready(self):
        super().ready()
        from marketplace.checkout import registry  # noqa: F401  (product page order form, menu)
