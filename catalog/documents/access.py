"""Who may download a restricted document: the supplier, staff, and buyers a rule admits.

Later apps register rules ("has an order for this product", "has an RFQ for it") in their
``AppConfig.ready()``; the catalog never imports them. A rule is ``rule(*, user, product) -> bool``,
is called only for logged-in users, and should cost at most one query.
"""

from collections.abc import Callable

AccessRule = Callable[..., bool]  # rule(*, user=, product=) -> bool

_rules: list[AccessRule] = []


def register_access_rule(rule: AccessRule) -> AccessRule:
    """Add a rule (usable as a decorator); registering the same rule twice adds it once."""
    if rule not in _rules:
        _rules.append(rule)
    return rule


def unregister_access_rule(rule: AccessRule) -> None:
    if rule in _rules:
        _rules.remove(rule)


def access_rules() -> list[AccessRule]:
    return list(_rules)


def is_product_owner(user, product) -> bool:
    """A member of the company behind the product's supplier (Oscar partner)."""
    if not user.is_authenticated or product.supplier_id is None:
        return False
    company = user.company
    return company is not None and product.supplier.company_id == company.pk


def manages_documents(user, product) -> bool:
    """Sees every version of every document of the product: its supplier's members and staff."""
    return user.is_authenticated and (user.is_staff or is_product_owner(user, product))


def admitted_to_restricted(user, product) -> bool:
    """May download the product's restricted (current) documents."""
    if not user.is_authenticated:
        return False
    if manages_documents(user, product):
        return True
    return any(rule(user=user, product=product) for rule in _rules)
