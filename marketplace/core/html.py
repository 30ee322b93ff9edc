"""The one HTML sanitiser for text people write and other people read (product descriptions).

Markup a supplier writes is shown to every buyer, so it is cleaned when it is saved, with an
allow-list (nh3, the Rust ``ammonia`` library): anything not listed below is removed. Templates
may then mark such text ``|safe``, and only such text.

The allow-list is small on purpose: the formatting a product description needs and nothing that
runs, loads or styles anything.

- Tags: p, br, ul, ol, li, strong, em, b, i, h3, h4 (h1/h2 belong to the page itself), and
  table basics (table, thead, tbody, tr, th, td). Other tags are dropped and their text kept;
  ``script`` and ``style`` go with their content.
- Attributes: only ``href`` on ``a``; no ``style``, ``class``, ``id`` or event handlers.
- Links: http, https and mailto URLs, or relative ones; anything else (``javascript:``,
  ``data:``, ``vbscript:``) loses its ``href``. Every link gets ``rel="nofollow noopener"``:
  supplier links earn no search ranking from us and cannot reach back into our window.
- Comments are dropped; text is re-serialised, so quotes cannot break out of an attribute.

Cleaning is idempotent: cleaning cleaned text changes nothing.
"""

import html
import re

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h3", "h4"}
    | {"table", "thead", "tbody", "tr", "th", "td"}
    | {"a"}
)
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href"}}  # "*": no attribute on every tag (nh3 allows title, lang)
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"


def clean_html(text: str) -> str:
    """``text`` with every tag, attribute and URL outside the allow-list removed."""
    if not text:
        return ""
    return nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


TAG = re.compile(r"<[^>]*>")


def html_to_text(text: str) -> str:
    """The words of ``text`` for search indexes: cleaned, each tag a space, entities decoded.

    Plain text without markup comes back as it was.
    """
    return html.unescape(TAG.sub(" ", clean_html(text)))
