"""StreamField blocks shared by the CMS pages (wagtail/bakerydemo's blocks.py).

Live blocks (featured products, supplier cluster, key figures) read the catalogue through
cms/selectors.py when rendered, so what they show follows the catalogue: an unpublished
product disappears from every page. Each block names its template, icon and a preview value
for the editor's block picker.
"""

from urllib.parse import parse_qs, urlencode

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms import selectors
from cms.choosers import category_chooser_viewset, product_chooser_viewset
from cms.rich_text import SanitisedRichTextBlock
from search.backends.base import SortBy
from search.facets import FACETS

ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="cms.blocks"
)
CategoryChooserBlock = category_chooser_viewset.get_block_class(
    name="CategoryChooserBlock", module_path="cms.blocks"
)

# Editors' block picker previews blocks inside the site's own styles.
PREVIEW_TEMPLATE = "blocks/preview.html"

SORT_CHOICES = [
    (SortBy.RELEVANCE, _("Relevance")),
    (SortBy.NEWEST, _("Newest first")),
    (SortBy.PRICE_ASC, _("Price, low to high")),
    (SortBy.LEAD_TIME, _("Shortest lead time")),
]


def parse_filters(text: str) -> dict[str, list[str]]:
    """``"incoterm=FCA&dangerous_goods=no"`` → facet selections; unknown facets are refused."""
    selected = parse_qs((text or "").strip().lstrip("?"), keep_blank_values=False)
    unknown = sorted(set(selected) - set(FACETS))
    if unknown:
        raise ValidationError(
            _("Unknown filters: %(names)s. Use %(known)s.")
            % {"names": ", ".join(unknown), "known": ", ".join(FACETS)}
        )
    return selected


def category_ids(categories) -> list[int]:
    return [category.pk for category in categories or [] if category is not None]


def page_category_ids(parent_context) -> list[int]:
    """The belt's categories when the block sits on an industry-belt page."""
    page = (parent_context or {}).get("page")
    return getattr(page, "belt_category_ids", lambda: [])()


class FiltersBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            help_text=_(
                "Search filters as in the search page's address, e.g. incoterm=FCA&dangerous_goods=no"
            ),
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        parse_filters(value)
        return value


class FeaturedProductsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    products = blocks.ListBlock(
        ProductChooserBlock(),
        required=False,
        label=_("Chosen products"),
        help_text=_("Leave empty to show the top products of the search below."),
    )
    query = blocks.CharBlock(required=False, label=_("Search words"))
    categories = blocks.ListBlock(CategoryChooserBlock(), required=False, label=_("Categories"))
    filters = FiltersBlock(label=_("Filters"))
    sort_by = blocks.ChoiceBlock(choices=SORT_CHOICES, default=SortBy.RELEVANCE, label=_("Order"))
    limit = blocks.IntegerBlock(default=4, min_value=1, max_value=selectors.MAX_PRODUCTS, label=_("How many"))

    class Meta:
        icon = "tag"
        template = "blocks/featured_products.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Featured products")
        description = _("Chosen products, or the top products for a search with filters; live.")
        preview_value = {"heading": "Methanol from Ordos", "query": "methanol", "limit": 4}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = [product.pk for product in value.get("products") or [] if product is not None]
        if chosen:
            context["products"] = selectors.chosen_products(product_ids=chosen)
        else:
            context["products"] = selectors.searched_products(
                text=value.get("query") or "",
                category_ids=category_ids(value.get("categories")) or page_category_ids(parent_context),
                filters=parse_filters(value.get("filters")),
                sort_by=value.get("sort_by") or SortBy.RELEVANCE,
                limit=value.get("limit") or 4,
            )
        return context


class SupplierClusterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    categories = blocks.ListBlock(
        CategoryChooserBlock(),
        required=False,
        label=_("Categories"),
        help_text=_("Leave empty on an industry-belt page to use the belt's categories."),
    )
    limit = blocks.IntegerBlock(default=6, min_value=1, max_value=24, label=_("How many"))

    class Meta:
        icon = "group"
        template = "blocks/supplier_cluster.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Supplier cluster")
        description = _("The belt's verified suppliers with listed products; live.")
        preview_value = {"heading": "Verified suppliers", "limit": 6}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        ids = category_ids(value.get("categories")) or page_category_ids(parent_context)
        limit = value.get("limit") or 6
        context["suppliers"] = (
            selectors.belt_suppliers(category_ids=ids, limit=limit)
            if ids
            else selectors.featured_suppliers(limit=limit)
        )
        return context


class SearchLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Link text"))
    query = blocks.CharBlock(required=False, label=_("Search words"))
    category = CategoryChooserBlock(required=False, label=_("Category"))
    filters = FiltersBlock(label=_("Filters"))

    class Meta:
        icon = "search"


class SearchLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    links = blocks.ListBlock(SearchLinkBlock(), label=_("Links"))

    class Meta:
        icon = "search"
        template = "blocks/search_links.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Pre-filtered search links")
        description = _("Links to the catalogue search with words and filters already set.")
        preview_value = {
            "heading": "Find goods",
            "links": [{"label": "Methanol, FCA", "query": "methanol", "filters": "incoterm=FCA"}],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        search_url = reverse("search:search")
        links = []
        for link in value["links"]:
            params = {"q": link["query"]} if link.get("query") else {}
            if link.get("category") is not None:
                params["category"] = [str(link["category"].pk)]
            params.update(parse_filters(link.get("filters")))
            links.append({"label": link["label"], "url": f"{search_url}?{urlencode(params, doseq=True)}"})
        context["links"] = links
        return context


class RFQCallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    category = CategoryChooserBlock(required=False, label=_("Category"))
    button_label = blocks.CharBlock(default="Send an RFQ", label=_("Button label"))

    class Meta:
        icon = "mail"
        template = "blocks/rfq_cta.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Send an RFQ for this category")
        description = _("Asks buyers to request quotes from every matching verified supplier.")
        preview_value = {
            "heading": "Need a quote?",
            "text": "Describe the goods once; matching verified suppliers quote.",
            "button_label": "Send an RFQ",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        category = value.get("category")
        if category is None:
            ids = page_category_ids(parent_context)
            category_id = ids[0] if ids else None
        else:
            category_id = category.pk
        url = reverse("rfq:create")
        context["rfq_url"] = f"{url}?{urlencode({'category': category_id})}" if category_id else url
        return context


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), help_text=_("e.g. 4.2 Mt/yr"))
    label = blocks.CharBlock(label=_("What it counts"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    show_live = blocks.BooleanBlock(
        default=True,
        required=False,
        label=_("Show live counts"),
        help_text=_("Verified suppliers and listed products in the belt, kept up to date."),
    )
    figures = blocks.ListBlock(FigureBlock(), required=False, label=_("Other figures"))

    class Meta:
        icon = "list-ol"
        template = "blocks/key_figures.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Key figures")
        description = _("Live counts of the belt's suppliers and products, with the editor's figures.")
        preview_value = {
            "heading": "The belt in numbers",
            "show_live": True,
            "figures": [{"value": "4.2 Mt/yr", "label": "Methanol capacity"}],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        ids = page_category_ids(parent_context)
        context["live"] = selectors.belt_figures(category_ids=ids) if value.get("show_live") and ids else None
        return context


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Image")
        description = _("An image with its caption and credit.")


class QuoteBlock(blocks.StructBlock):
    # "Quotation", not "Quote": in trade "quote" is a supplier's price offer.
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Quotation")
        description = _("A quotation with its source.")
        preview_value = {
            "text": "The rail service to Moscow takes 14 days.",
            "attribution": "A buyer in Moscow",
        }


class ParagraphBlock(SanitisedRichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Rich text")
        description = _("Formatted text with headings, lists and links.")
        preview_value = "<h2>Why Ordos</h2><p>Coal, chemicals and rail links to Europe and Mongolia.</p>"


class TradeTableBlock(TableBlock):
    class Meta:
        icon = "table"
        template = "blocks/table.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Table")
        description = _("A table, e.g. trade modes or transit times.")
        preview_value = {
            "first_row_is_table_header": True,
            "data": [["Route", "Days"], ["Ordos – Moscow (rail)", "14"], ["Ordos – Ulaanbaatar (road)", "3"]],
        }


class VideoBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Embed")
        description = _("A video or other media from a URL.")


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    table = TradeTableBlock()
    embed = VideoBlock()
    featured_products = FeaturedProductsBlock()
    supplier_cluster = SupplierClusterBlock()
    search_links = SearchLinksBlock()
    rfq_cta = RFQCallToActionBlock()
    key_figures = KeyFiguresBlock()

    class Meta:
        template = "blocks/body.html"
