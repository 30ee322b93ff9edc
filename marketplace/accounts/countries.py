"""ISO 3166-1 alpha-2 countries, named by Babel's CLDR data (no extra dependency)."""

from babel import Locale

# CLDR also names regions and private-use codes that are not countries.
_NOT_COUNTRIES = {"EU", "EZ", "QO", "UN", "XA", "XB", "XK", "ZZ"}

COUNTRY_CHOICES = sorted(
    (
        (code, name)
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ),
    key=lambda choice: choice[1],
)
