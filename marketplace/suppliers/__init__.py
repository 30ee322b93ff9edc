default_app_config = "marketplace.suppliers.apps.PartnerConfig"
