"""Places on the order page where later apps add their parts, without orders importing them.

Customs adds the declaration status, fulfillment the shipments. An app registers a template in
its ``AppConfig.ready()``; the page includes it with its own context (``order``, ``request``,
``user``), so the template loads what it shows through its own template tag.
"""

ORDER_SECTIONS = "order_sections"  # cards in the main column of the order page
ORDER_SIDEBAR = "order_sidebar"  # cards in the side column, under the actions

_templates: dict[str, list[str]] = {ORDER_SECTIONS: [], ORDER_SIDEBAR: []}


def register(hook: str, template_name: str) -> None:
    if hook not in _templates:
        raise ValueError(f"Unknown order page hook {hook!r}; known: {', '.join(_templates)}.")
    if template_name not in _templates[hook]:
        _templates[hook].append(template_name)


def templates_for(hook: str) -> list[str]:
    return list(_templates[hook])
