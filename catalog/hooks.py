"""Places on product pages where later apps add their parts, without the catalog importing them.

An app registers a template in its ``AppConfig.ready()``; the page includes it with its own
context (``product``, ``request``, ``user``). The RFQ app adds its "Request a quote" button to
``PRODUCT_ACTIONS``; documents add their sections.
"""

PRODUCT_ACTIONS = "product_actions"  # buttons under the price on the product page
SUPPLIER_CARD = "supplier_card"  # lines in the supplier card of the product page
PRODUCT_SECTIONS = "product_sections"  # sections below the offers on the product page
PORTAL_PRODUCT_SECTIONS = "portal_product_sections"  # sections of the supplier's product page

_templates: dict[str, list[str]] = {
    PRODUCT_ACTIONS: [],
    SUPPLIER_CARD: [],
    PRODUCT_SECTIONS: [],
    PORTAL_PRODUCT_SECTIONS: [],
}


def register(hook: str, template_name: str) -> None:
    if hook not in _templates:
        raise ValueError(f"Unknown product page hook {hook!r}; known: {', '.join(_templates)}.")
    if template_name not in _templates[hook]:
        _templates[hook].append(template_name)


def unregister(hook: str, template_name: str) -> None:
    if template_name in _templates.get(hook, []):
        _templates[hook].remove(template_name)


def templates_for(hook: str) -> list[str]:
    return list(_templates[hook])
