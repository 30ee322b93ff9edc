from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.choosers import category_chooser_viewset, product_chooser_viewset
from cms.models import Lead


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_category_chooser():
    return category_chooser_viewset


class LeadViewSet(SnippetViewSet):
    """Operators read contact-form leads and mark them contacted or closed."""

    model = Lead
    icon = "mail"
    menu_label = _("Leads")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["__str__", "email", "country", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["name", "company_name", "email", "message"]


register_snippet(LeadViewSet)
