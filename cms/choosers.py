"""Admin choosers for catalogue objects, so StreamField blocks can point at products and categories."""

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalog.models import ProductStatus


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit this product")
    per_page = 30
    ordering = ("title", "pk")

    def get_object_list(self):
        # Only listings buyers can see; a product unpublished later drops out when rendered.
        return get_model("catalogue", "Product").objects.filter(status=ProductStatus.PUBLISHED)


class CategoryChooserViewSet(ChooserViewSet):
    model = "catalogue.Category"
    icon = "folder-open-inverse"
    choose_one_text = _("Choose a category")
    choose_another_text = _("Choose another category")
    per_page = 50
    ordering = ("path",)


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="product-chooser")
category_chooser_viewset = CategoryChooserViewSet("category_chooser", url_prefix="category-chooser")
