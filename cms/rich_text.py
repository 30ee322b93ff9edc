"""Rich text is stored sanitised: only the editor's whitelisted features survive.

Wagtail trusts its stored rich text (the Draftail editor only produces safe HTML), but rows
can also arrive from imports, the shell or a forged form post. Every rich text field and block
of the CMS runs its value through Wagtail's own whitelister before it is stored, so a
``<script>`` element, an ``onerror=`` attribute or a ``javascript:`` link never reaches a page.
"""

from django.conf import settings
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.blocks import RichTextBlock, StreamValue
from wagtail.fields import RichTextField, StreamField


def rich_text_features() -> list[str]:
    return settings.WAGTAILADMIN_RICH_TEXT_EDITORS["default"]["OPTIONS"]["features"]


def sanitise_rich_text(html: str, *, features: list[str] | None = None) -> str:
    """``html`` with every element, attribute and link type outside ``features`` removed."""
    if not html:
        return html
    converter = EditorHTMLConverter(features=features or rich_text_features())
    # Stored links and embeds (<a linktype="page" id="3">) are expanded to the editor's form
    # first, so the whitelist keeps them; anything else unknown is dropped.
    return converter.to_database_format(converter.from_database_format(html))


class SanitisedRichTextField(RichTextField):
    def get_prep_value(self, value):
        return sanitise_rich_text(super().get_prep_value(value), features=self.features)


class SanitisedRichTextBlock(RichTextBlock):
    def get_prep_value(self, value):
        return sanitise_rich_text(super().get_prep_value(value), features=self.features)


class SanitisedStreamField(StreamField):
    """A StreamField whose rich text blocks are sanitised even when assigned as raw JSON.

    Wagtail stores untouched raw items as they came; reading every item first makes each
    block's ``get_prep_value`` (and so SanitisedRichTextBlock's whitelist) run on save.
    """

    def get_prep_value(self, value):
        if isinstance(value, StreamValue):
            for _child in value:
                pass
        return super().get_prep_value(value)
