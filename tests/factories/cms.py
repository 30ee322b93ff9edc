"""CMS pages for tests: a belt under the home page, linked to catalogue categories."""

import json

from wagtail.models import Locale

from cms.models import IndustryBeltPage


def ensure_locales() -> dict[str, Locale]:
    """The content locales cms/migrations/0004 creates (a transactional flush removes them)."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru", "zh-hans")}


def belt_page(*, home, categories, slug="coal-chemicals", title="Coal chemicals", body=(), **fields):
    page = IndustryBeltPage(
        title=title,
        slug=slug,
        introduction="Methanol and olefins from Ordos coal.",
        body=json.dumps(list(body)),
        **fields,
    )
    home.add_child(instance=page)
    page.categories.set(categories)
    page.save_revision().publish()
    return page


def featured_block(heading="Featured", **value) -> dict:
    defaults = {
        "heading": heading,
        "products": [],
        "query": "",
        "categories": [],
        "filters": "",
        "sort_by": "newest",
        "limit": 4,
    }
    return {"type": "featured_products", "value": {**defaults, **value}}
