from django import template

register = template.Library()

OG_LOCALES = {"en": "en_US", "ru": "ru_RU", "zh-hans": "zh_CN"}


@register.filter
def og_locale(language_code: str) -> str:
    """Open Graph wants ``ll_CC``: en → en_US, zh-hans → zh_CN."""
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))
