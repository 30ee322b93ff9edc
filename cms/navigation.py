from django.utils.translation import gettext_lazy as _

from marketplace.core.audit import register_verbs
from marketplace.core.navigation import ANONYMOUS, AUTHENTICATED, CMS_EDITOR, NavItem, register

# The site-wide entries: the shop's catalogue for everyone, the CMS for its editors.
register(NavItem(_("CMS"), "wagtailadmin_home", frozenset({CMS_EDITOR}), order=86))
register(
    NavItem(
        _("Catalog"),
        "catalogue:index",
        frozenset({ANONYMOUS, AUTHENTICATED}),
        order=1,
    )
)

register_verbs({"cms.lead_received": _("Lead received from the contact page")})
