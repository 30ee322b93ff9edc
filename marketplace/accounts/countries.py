"""ISO 3166-1 alpha-2 countries, named by Babel's CLDR data in the active language."""

from functools import cache

from babel import Locale
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

# CLDR also names regions and private-use codes that are not countries.
_NOT_COUNTRIES = {"EU", "EZ", "QO", "UN", "XA", "XB", "XK", "ZZ"}


@cache
def _names(language: str) -> dict[str, str]:
    territories = Locale.parse(to_locale(language)).territories
    return {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


COUNTRY_CODES = frozenset(_names("en"))


def country_name(code: str) -> str:
    return _names(get_language() or "en").get(code, code)


def country_choices() -> list[tuple[str, str]]:
    """For form fields (Django calls it per render, so names follow the active language)."""
    names = _names(get_language() or "en")
    return [("", "—")] + sorted(names.items(), key=lambda item: item[1])


def validate_country(value: str) -> None:
    if value not in COUNTRY_CODES:
        raise ValidationError(_("Choose a country from the list."), code="country")
