from django.utils.translation import gettext_lazy as _

from marketplace.core.navigation import OPERATOR, NavItem, register

register(NavItem(_("CMS"), "wagtailadmin_home", frozenset({OPERATOR}), order=86))
