from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.selectors import home_page_catalogue


class HomePage(Page):
    """The site's front page: a search hero, the industry belts and the newest products."""

    hero_title = models.CharField(_("Headline"), max_length=200, default="Industrial goods made in Ordos")
    hero_text = models.TextField(
        _("Introduction"),
        blank=True,
        default="Chemicals, vehicles, new-energy products, cashmere and spirulina from verified "
        "Inner Mongolian manufacturers. Request quotes, compare, and export through 9710/9810.",
    )
    body = RichTextField(_("Body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_catalogue())
        return context
