"""What checkout adds to shared registries: the order form on product pages and the basket menu."""

from django.utils.translation import gettext_lazy as _

from catalog import hooks
from marketplace.accounts.models import CompanyKind
from marketplace.core.navigation import NavItem, register

hooks.register(hooks.PRODUCT_SECTIONS, "checkout/partials/order_form.html")
register(
    NavItem(_("Basket"), "buying:basket", frozenset({CompanyKind.BUYER.value}), order=40, menu="account")
)
