from django.db import transaction
from oscar.core.loading import get_model

from catalog.translation.models import TRANSLATED_LANGUAGES, ProductTranslation
from marketplace.core.html import clean_html

Product = get_model("catalogue", "Product")


def translate_product(
    *, product: Product, language: str, title: str, description: str = "", search_words: str = ""
) -> ProductTranslation:
    """Set a product's name and description in ``language`` (ru or zh-hans).

    The description is shown as HTML, so it is stored cleaned (marketplace/core/html.py).
    The search text carries the lower-cased title too, because SQLite (the embedded default)
    only folds ASCII case: "метанол" must still find "Метанол".
    """
    if language not in dict(TRANSLATED_LANGUAGES):
        raise ValueError(f"No translations are kept for {language!r}.")
    with transaction.atomic():
        translation, _ = ProductTranslation.objects.update_or_create(
            product=product,
            language=language,
            defaults={
                "title": title,
                "description": clean_html(description),
                "search_text": f"{title.lower()} {search_words.lower()}".strip()[:500],
            },
        )
    return translation
