"""What RFQs add to shared registries: menu entries, audit verb labels, product page hooks and the
catalog's document access rule (a buyer with an RFQ for a product sees its restricted documents)."""

from django.utils.translation import gettext_lazy as _

from catalog import hooks
from catalog.documents.access import register_access_rule
from marketplace.accounts.models import CompanyKind
from marketplace.core.audit import register_verbs
from marketplace.core.navigation import OPERATOR, NavItem, register
from rfq.selectors import buyer_has_rfq_for

register(
    NavItem(_("My RFQs"), "rfq:list", frozenset({CompanyKind.BUYER.value, OPERATOR}), order=15),
    NavItem(_("RFQ inbox"), "rfq:inbox", frozenset({CompanyKind.SUPPLIER.value}), order=15),
)

register_verbs(
    {
        "rfq.created": _("RFQ created"),
        "rfq.open": _("RFQ opened"),
        "rfq.broadcast": _("RFQ sent to suppliers"),
        "rfq.quoted": _("First quote received"),
        "rfq.awarded": _("Awarded"),
        "rfq.partly_awarded": _("Partly awarded"),
        "rfq.closed": _("Closed"),
        "rfq.cancelled": _("Cancelled"),
        "rfq.expired": _("Expired"),
        "rfq.message": _("Message"),
        "rfq.counter_offer": _("Counter-offer"),
        "quote.submitted": _("Quote submitted"),
        "quote.revised": _("Quote revised"),
        "quote.accepted": _("Quote accepted"),
        "quote.declined": _("Quote declined"),
        "quote.withdrawn": _("Quote withdrawn"),
        "quote.expired": _("Quote expired"),
    }
)

hooks.register(hooks.PRODUCT_ACTIONS, "rfq/partials/request_quote_button.html")
hooks.register(hooks.SUPPLIER_CARD, "rfq/partials/response_rate.html")
register_access_rule(buyer_has_rfq_for)
