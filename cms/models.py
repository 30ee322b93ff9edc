"""CMS pages: the home page, industry belts, supplier showcases, news, policy and contact.

Each page type says where it may live (``parent_page_types`` / ``subpage_types``), so the
tree stays: Home → belts (→ showcases), news index → news, policy pages, contact.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.models import Page
from wagtail.search import index

from cms import selectors
from cms.blocks import BodyBlock, parse_filters
from cms.rich_text import SanitisedRichTextField, SanitisedStreamField
from marketplace.accounts.models import CompanyKind
from search.backends.base import SortBy

NEWS_PER_PAGE = 10


class ContentPage(Page):
    """What every CMS page shares: the language switcher, hreflang alternates, Open Graph."""

    class Meta:
        abstract = True

    def og_image(self):
        return getattr(self, "hero_image", None)

    def meta_description(self) -> str:
        """The search description, else the page's own introduction."""
        return self.search_description or getattr(self, "introduction", "") or getattr(self, "hero_text", "")

    def language_links(self, request) -> list[dict]:
        """Each language's version of this page; its home page when not translated yet."""
        urls = selectors.translation_urls(page=self, request=request)
        links = []
        for code, name in settings.LANGUAGES:
            url, translated = urls.get(code, (translate_url(request.path, code), False))
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "full_url": request.build_absolute_uri(url),
                    "active": code == get_language(),
                    "translated": translated,
                }
            )
        return links

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Overrides the site-wide switcher (marketplace.core.context_processors.language_links),
        # which only knows URL prefixes, with this page's real translations.
        context["language_links"] = self.language_links(request)
        return context


class HomePage(ContentPage):
    """The site's front page: search, industry belts, suppliers, products, news, how buying works."""

    hero_title = models.CharField(_("Headline"), max_length=200, default="Industrial goods made in Ordos")
    hero_text = models.TextField(
        _("Introduction"),
        blank=True,
        default="Chemicals, vehicles, new-energy products, cashmere and spirulina from verified "
        "Inner Mongolian manufacturers. Request quotes, compare, and export through 9710/9810.",
    )
    featured = SanitisedStreamField(BodyBlock(), blank=True, verbose_name=_("Featured content"))
    body = SanitisedRichTextField(_("Body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    # One per locale: translations of the home page are its siblings under the root.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.IndustryBeltPage",
        "cms.SupplierShowcasePage",
        "cms.NewsIndexPage",
        "cms.PolicyPage",
        "cms.ContactPage",
    ]

    class Meta:
        verbose_name = _("Home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_page_catalogue())
        context.update(selectors.home_sections(home=self))
        context["featured_suppliers"] = selectors.featured_suppliers()
        return context


class IndustryBeltPage(ContentPage):
    """An industry belt of Ordos (coal chemicals, PVC, batteries...) with its live catalogue."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Hero image"),
    )
    introduction = models.TextField(_("Introduction"), blank=True)
    location = models.CharField(
        _("Location"), max_length=200, blank=True, help_text=_("e.g. Dalad Banner, Ordos")
    )
    categories = ParentalManyToManyField(
        "catalogue.Category", blank=True, related_name="+", verbose_name=_("Catalogue categories")
    )
    search_query = models.CharField(_("Search words"), max_length=200, blank=True)
    search_filters = models.CharField(
        _("Search filters"),
        max_length=300,
        blank=True,
        help_text=_("As in the search page's address, e.g. incoterm=FCA&dangerous_goods=no"),
    )
    body = SanitisedStreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        FieldPanel("location"),
        MultiFieldPanel(
            [FieldPanel("categories"), FieldPanel("search_query"), FieldPanel("search_filters")],
            heading=_("Live catalogue"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("location")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.SupplierShowcasePage"]

    class Meta:
        verbose_name = _("Industry belt page")

    def clean(self):
        super().clean()
        try:
            parse_filters(self.search_filters)
        except ValidationError as error:
            raise ValidationError({"search_filters": error.messages}) from error

    def belt_category_ids(self) -> list[int]:
        if "_belt_category_ids" not in self.__dict__:
            self.__dict__["_belt_category_ids"] = sorted(category.pk for category in self.categories.all())
        return self.__dict__["_belt_category_ids"]

    def search_url(self) -> str:
        params = {"q": self.search_query} if self.search_query else {}
        params.update(parse_filters(self.search_filters))
        if self.belt_category_ids() and not self.search_query:
            params["category"] = [str(pk) for pk in self.belt_category_ids()]
        return f"{reverse('search:search')}?{urlencode(params, doseq=True)}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The live counts head the page unless the editor placed a key-figures block in the body.
        has_block = any(block.block_type == "key_figures" for block in self.body)
        context["figures"] = (
            None if has_block else selectors.belt_figures(category_ids=self.belt_category_ids())
        )
        context["products"] = selectors.searched_products(
            text=self.search_query,
            category_ids=self.belt_category_ids(),
            filters=parse_filters(self.search_filters),
            sort_by=SortBy.NEWEST if not self.search_query else SortBy.RELEVANCE,
            limit=8,
        )
        context["showcases"] = selectors.live_children(page=self, page_type=SupplierShowcasePage)
        return context


class SupplierShowcasePage(ContentPage):
    """One verified supplier's story and its live listings."""

    company = models.ForeignKey(
        "accounts.Company",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Supplier"),
        limit_choices_to={"kind": CompanyKind.SUPPLIER},
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Hero image"),
    )
    introduction = models.TextField(_("Introduction"), blank=True)
    body = SanitisedStreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = Page.content_panels + [
        FieldPanel("company"),
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["cms.HomePage", "cms.IndustryBeltPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Supplier showcase page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partner = selectors.supplier_partner(company=self.company)
        context["partner"] = partner
        context["products"] = (
            selectors.searched_products(supplier_id=partner.pk, sort_by=SortBy.NEWEST, limit=12)
            if partner is not None and self.company.is_verified
            else []
        )
        return context


class NewsIndexPage(ContentPage):
    introduction = models.TextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("News index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["page_obj"] = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsPage(ContentPage):
    date = models.DateField(_("Date"), default=timezone.localdate)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Image"),
    )
    introduction = models.TextField(_("Introduction"), blank=True)
    body = SanitisedStreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("News page")


class PolicyPage(ContentPage):
    """Trade rules, the pilot-zone policy, how 9710/9810 work for buyers."""

    introduction = models.TextField(_("Introduction"), blank=True)
    last_reviewed = models.DateField(_("Last reviewed"), null=True, blank=True)
    body = SanitisedStreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("last_reviewed"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.PolicyPage"]
    subpage_types = ["cms.PolicyPage"]

    class Meta:
        verbose_name = _("Policy page")


class LeadField(models.TextChoices):
    NONE = "", _("(other)")
    NAME = "name", _("Name")
    COMPANY = "company", _("Company")
    EMAIL = "email", _("Email")
    COUNTRY = "country", _("Country")
    PHONE = "phone", _("Phone")
    MESSAGE = "message", _("Message")


class ContactFormField(AbstractFormField):
    page = ParentalKey("cms.ContactPage", on_delete=models.CASCADE, related_name="form_fields")
    # Which lead attribute the answer fills: labels differ by language, this does not.
    lead_field = models.CharField(_("Fills the lead's"), max_length=20, choices=LeadField.choices, blank=True)

    panels = AbstractFormField.panels + [FieldPanel("lead_field")]


class ContactPage(AbstractForm, ContentPage):
    """A form whose answers become a lead for operators (cms/services.py)."""

    introduction = models.TextField(_("Introduction"), blank=True)
    address = models.TextField(_("Address and hours"), blank=True)
    thank_you_text = SanitisedRichTextField(_("Thank-you text"), blank=True)

    content_panels = AbstractForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        FieldPanel("address"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Contact page")

    def process_form_submission(self, form):
        from cms.services import submit_lead

        return submit_lead(page=self, form=form, language=get_language())


class LeadStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    CLOSED = "closed", _("Closed")


class Lead(models.Model):
    """A buyer's or supplier's enquiry from the contact page, for operators to follow up."""

    page = models.ForeignKey(
        "cms.ContactPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
        verbose_name=_("Contact page"),
    )
    language = models.CharField(_("Language"), max_length=10)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    company_name = models.CharField(_("Company"), max_length=200, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    country = models.CharField(_("Country"), max_length=100, blank=True)
    phone = models.CharField(_("Phone"), max_length=60, blank=True)
    message = models.TextField(_("Message"), blank=True)
    answers = models.JSONField(_("All answers"), default=dict, encoder=DjangoJSONEncoder)
    status = models.CharField(_("Status"), max_length=20, choices=LeadStatus.choices, default=LeadStatus.NEW)
    created_at = models.DateTimeField(_("Received"), auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("company_name", read_only=True)]),
        FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("phone", read_only=True)]),
        FieldPanel("country", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("Lead")
        verbose_name_plural = _("Leads")
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return (
            f"{self.name or self.email} ({self.company_name})"
            if self.company_name
            else (self.name or self.email)
        )
