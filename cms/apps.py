from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "CMS"

    def ready(self):
        from cms import navigation  # noqa: F401  (registers menu entries)
