from oscar.core.loading import get_model

from catalog.selectors import browsable_products

Category = get_model("catalogue", "Category")


def home_page_catalogue(*, product_count: int = 8) -> dict:
    """Live catalogue content for the home page: top-level categories and newest products."""
    return {
        "categories": list(Category.get_root_nodes().filter(is_public=True)),
        "newest_products": list(browsable_products().order_by("-date_created", "-pk")[:product_count]),
    }
