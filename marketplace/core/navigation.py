"""The site menu, built from entries each app registers in its AppConfig.ready().

An entry names the roles that see it, so the header only ever links to pages that exist and
that the visitor may open.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise

ANONYMOUS = "anonymous"
AUTHENTICATED = "authenticated"
OPERATOR = "operator"
CMS_EDITOR = "cms_editor"


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: frozenset[str]
    order: int = 100
    menu: str = "main"  # "main" (header) or "account" (user menu)


_REGISTRY: list[NavItem] = []


def register(*items: NavItem) -> None:
    for item in items:
        if item not in _REGISTRY:
            _REGISTRY.append(item)


def roles_of(user) -> set[str]:
    if not user.is_authenticated:
        return {ANONYMOUS}
    roles = {AUTHENTICATED}
    if user.is_staff:
        roles.add(OPERATOR)
        if user.has_perm("wagtailadmin.access_admin"):
            roles.add(CMS_EDITOR)
    company = user.company
    if company is not None:
        roles.add(company.kind)
    return roles


def menu_for(user, path: str, menu: str = "main") -> list[dict]:
    roles = roles_of(user)
    entries = []
    for item in sorted(_REGISTRY, key=lambda i: (i.order, str(i.label))):
        if item.menu != menu or not (item.roles & roles):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        entries.append({"label": item.label, "url": url, "active": False})
    # The entry with the longest URL that prefixes the path is the current one.
    matching = [
        entry for entry in entries if path == entry["url"] or path.startswith(entry["url"].rstrip("/") + "/")
    ]
    if matching:
        max(matching, key=lambda entry: len(entry["url"]))["active"] = True
    return entries
