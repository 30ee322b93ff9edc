from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.html import clean_html

# English is the product's own title and description; these are the other page languages.
TRANSLATED_LANGUAGES = [("ru", "Русский"), ("zh-hans", "简体中文")]


class ProductTranslation(models.Model):
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("Language"), max_length=10, choices=TRANSLATED_LANGUAGES)
    title = models.CharField(_("Title"), max_length=255)
    description = models.TextField(_("Description"), blank=True)
    search_text = models.CharField(
        _("Search words"),
        max_length=500,
        blank=True,
        help_text=_("Other names buyers search for, e.g. синонимы"),
    )

    class Meta:
        app_label = "catalogue"
        constraints = [
            models.UniqueConstraint(
                fields=("product", "language"), name="product_translation_unique_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"

    def clean(self):
        # Forms (the Django admin's inline) validate here; translate_product cleans its own
        # writes. The description is shown as HTML, like the product's own (catalog/models.py).
        self.description = clean_html(self.description)
