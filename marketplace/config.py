from django.urls import path
from oscar import config


class Shop(config.Shop):
    """Oscar's shop, served under /catalog/ with the catalogue at its root.

    The dashboard is mounted separately (see marketplace/urls.py) so staff tools have their
    own prefix. Oscar's basket and checkout stay unmounted until the Orders issue replaces
    them with B2B orders: Oscar's stock checkout would place orders without payment.
    """

    def get_urls(self):
        urls = super().get_urls()
        # Oscar mounts the catalogue at "catalogue/" and the dashboard inside the shop; serve
        # the catalogue at the shop's root and leave the dashboard to the project urls.
        skipped = {"catalogue/", "dashboard/", "basket/", "checkout/", ""}
        kept = [url for url in urls if str(url.pattern) not in skipped]
        return [path("", self.catalogue_app.urls), *kept]
