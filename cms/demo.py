"""Demo pages: six industry belts, a supplier showcase, news, policy and contact, in three languages.

Idempotent: a page (or translation) that exists is left as it is. Texts are in
cms/demo_content.py; the English page is created first and translated with Wagtail's own
``copy_for_translation``, as simple_translation does for editors.
"""

import io
import json
from datetime import date

from django.core.files.images import ImageFile
from django.db import transaction
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from cms import demo_content as text
from cms.models import (
    ContactPage,
    IndustryBeltPage,
    NewsIndexPage,
    NewsPage,
    PolicyPage,
    SupplierShowcasePage,
)

LANGUAGES = (text.EN, text.RU, text.ZH)
BELT_COLOURS = ["#0b4f6c", "#3c6e71", "#1b998b", "#e8891d", "#8c5e58", "#2d6a4f"]


def load(*, suppliers) -> int:
    """Create the demo pages that do not exist yet; returns how many pages were created."""
    with transaction.atomic():
        loader = _Loader()
        loader.home()
        belts = {
            spec["slug"]: loader.belt(spec, colour)
            for spec, colour in zip(text.BELTS, BELT_COLOURS, strict=True)
        }
        if suppliers:
            loader.showcase(belts[text.SHOWCASE["belt"]], suppliers[0])
        loader.news()
        loader.policies()
        loader.contact()
    return loader.created


class _Loader:
    def __init__(self):
        self.created = 0
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        self.en_home = Site.objects.get(is_default_site=True).root_page.specific

    # --- page helpers ----------------------------------------------------------------------------

    def child(self, parent: Page, model, slug: str, fields: dict) -> Page:
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def translate(self, page: Page, code: str, fields: dict, then=None) -> Page:
        existing = page.get_translation_or_none(self.locales[code])
        if existing is not None:
            return existing.specific
        translation = page.copy_for_translation(self.locales[code])
        for name, value in fields.items():
            setattr(translation, name, value)
        if then is not None:
            then(translation)
        translation.save()
        translation.save_revision().publish()
        self.created += 1
        return translation

    def in_all_languages(self, parent_en: Page, model, slug: str, fields_by_language, then=None) -> Page:
        page = self.child(parent_en, model, slug, fields_by_language(text.EN))
        for code in (text.RU, text.ZH):
            self.translate(
                page, code, fields_by_language(code), then=(lambda t, c=code: then(t, c)) if then else None
            )
        return page

    # --- pages -----------------------------------------------------------------------------------

    def home(self) -> None:
        home = self.en_home
        if not home.search_description:
            home.search_description = text.HOME[text.EN]["search_description"]
            home.save_revision().publish()
        for code in (text.RU, text.ZH):
            self.translate(home, code, dict(text.HOME[code]))

    def belt(self, spec: dict, colour: str) -> IndustryBeltPage:
        categories = [create_from_breadcrumbs(path) for path in spec["categories"]]
        image = _demo_image(f"belt-{spec['slug']}", colour)

        def fields(code):
            content = spec[code]
            return {
                "title": content["title"],
                "introduction": content["intro"],
                "location": content["location"],
                "search_description": content["intro"],
                "hero_image": image,
                "search_query": spec["query"],
                "body": json.dumps(_belt_body(spec, code)),
            }

        page = self.child(self.en_home, IndustryBeltPage, spec["slug"], fields(text.EN))
        if not page.categories.exists():
            page.categories.set(categories)
            page.save_revision().publish()
        for code in (text.RU, text.ZH):
            translation = self.translate(page, code, fields(code))
            if not translation.categories.exists():
                translation.categories.set(categories)
                translation.save_revision().publish()
        return page

    def showcase(self, belt: IndustryBeltPage, supplier) -> None:
        spec = text.SHOWCASE

        def fields(code):
            content = spec[code]
            quote, who = content["quote"]
            body = [
                {"type": "paragraph", "value": content["text"]},
                {"type": "quote", "value": {"text": quote, "attribution": who}},
            ]
            return {
                "title": content["title"],
                "introduction": content["intro"],
                "search_description": content["intro"],
                "company": supplier,
                "body": json.dumps(body),
            }

        self.in_all_languages(belt, SupplierShowcasePage, spec["slug"], fields)

    def news(self) -> None:
        spec = text.NEWS_INDEX

        def index_fields(code):
            return {
                "title": spec[code]["title"],
                "introduction": spec[code]["intro"],
                "search_description": spec[code]["intro"],
            }

        index = self.in_all_languages(self.en_home, NewsIndexPage, spec["slug"], index_fields)
        for item in text.NEWS:

            def fields(code, item=item):
                content = item[code]
                return {
                    "title": content["title"],
                    "introduction": content["intro"],
                    "search_description": content["intro"],
                    "date": date.fromisoformat(item["date"]),
                    "body": json.dumps([{"type": "paragraph", "value": content["text"]}]),
                }

            self.in_all_languages(index, NewsPage, item["slug"], fields)

    def policies(self) -> None:
        for item in text.POLICIES:

            def fields(code, item=item):
                content = item[code]
                body = [{"type": "paragraph", "value": content["text"]}]
                if "table" in content:
                    body.append(
                        {
                            "type": "table",
                            "value": {
                                "data": content["table"],
                                "first_row_is_table_header": True,
                                "first_col_is_header": True,
                                "table_caption": "",
                            },
                        }
                    )
                return {
                    "title": content["title"],
                    "introduction": content["intro"],
                    "search_description": content["intro"],
                    "last_reviewed": date(2026, 11, 1),
                    "body": json.dumps(body),
                }

            self.in_all_languages(self.en_home, PolicyPage, item["slug"], fields)

    def contact(self) -> None:
        spec = text.CONTACT

        def fields(code):
            content = spec[code]
            return {
                "title": content["title"],
                "introduction": content["intro"],
                "address": content["address"],
                "thank_you_text": content["thanks"],
                "search_description": content["intro"],
            }

        def relabel(translation, code):
            for field, label in zip(translation.form_fields.all(), spec[code]["fields"], strict=True):
                field.label = label

        page = self.child(self.en_home, ContactPage, spec["slug"], fields(text.EN))
        if not page.form_fields.exists():
            for order, (label, (lead_field, kind, required)) in enumerate(
                zip(spec[text.EN]["fields"], text.CONTACT_FIELDS, strict=True)
            ):
                page.form_fields.create(
                    sort_order=order, label=label, field_type=kind, required=required, lead_field=lead_field
                )
            page.save_revision().publish()
        for code in (text.RU, text.ZH):
            self.translate(page, code, fields(code), then=lambda t, c=code: relabel(t, c))


def _belt_body(spec: dict, code: str) -> list[dict]:
    labels, content = text.LABELS[code], spec[code]
    value, figure_labels = spec["figure"]
    links = [
        {"label": label, "query": query, "category": None, "filters": filters}
        for label, (query, filters) in zip(content["links"], spec["links"], strict=True)
    ]
    return [
        {
            "type": "key_figures",
            "value": {
                "heading": labels["figures"],
                "show_live": True,
                "figures": [{"value": value, "label": figure_labels[code]}],
            },
        },
        {"type": "paragraph", "value": content["text"]},
        {"type": "search_links", "value": {"heading": labels["links"], "links": links}},
        {"type": "supplier_cluster", "value": {"heading": labels["suppliers"], "categories": [], "limit": 6}},
        {
            "type": "rfq_cta",
            "value": {
                "heading": labels["cta"],
                "text": labels["cta_text"],
                "category": None,
                "button_label": labels["cta_button"],
            },
        },
    ]


def _demo_image(name: str, colour: str):
    """A plain banner (a gradient in the belt's colour), so pages and Open Graph have an image."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=name).first()
    if existing is not None:
        return existing
    banner = PillowImage.new("RGB", (1600, 600), colour)
    draw = ImageDraw.Draw(banner)
    for x in range(0, 1600, 8):
        shade = int(255 * x / 1600 * 0.35)
        draw.rectangle([x, 0, x + 8, 600], fill=_mix(colour, shade))
    buffer = io.BytesIO()
    banner.save(buffer, format="PNG")
    collection = Collection.objects.filter(name="Industry belts").first() or Collection.get_first_root_node()
    return image_model.objects.create(
        title=name, collection=collection, file=ImageFile(buffer, name=f"{name}.png")
    )


def _mix(colour: str, amount: int) -> tuple[int, int, int]:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return (min(255, red + amount), min(255, green + amount), min(255, blue + amount))
