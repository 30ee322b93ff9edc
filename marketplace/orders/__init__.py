default_app_config = "marketplace.orders.apps.OrderConfig"
