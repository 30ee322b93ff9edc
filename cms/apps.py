from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "CMS"

    def ready(self):
        # navigation registers menu entries and audit verbs on import.
        from cms import navigation, receivers  # noqa: F401

        receivers.connect()  # page changes bump the cached page lists' version
