from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


def home_page_catalogue(*, product_count: int = 8) -> dict:
    """Live catalogue content for the home page: top-level categories and newest products."""
    return {
        "categories": list(Category.get_root_nodes().filter(is_public=True)),
        "newest_products": list(
            Product.objects.browsable().base_queryset().order_by("-date_created", "-pk")[:product_count]
        ),
    }
