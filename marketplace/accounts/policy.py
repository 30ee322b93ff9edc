"""Who acts for a company and who sees a row: the one party-scope rule every app's selectors use.

A supplier's members act for it, and so do the members of a verified trade-service firm the
supplier authorised (while the authorisation is in force). Operators (staff) act for everyone.
A buyer's members see what was bought by their company. Everyone else sees nothing.
"""

from typing import Literal, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet

from marketplace.accounts.models import Company, CompanyKind, User
from marketplace.accounts.selectors import company_of, is_authorised, suppliers_represented_by

M = TypeVar("M", bound=Model)
# Whoever asks: a logged-in user or an anonymous visitor.
AnyUser = User | AnonymousUser
Role = Literal["operator", "buyer", "supplier", "firm"]
Side = Literal["operator", "buyer", "supplier"]

ROLE_OF_KIND: dict[str, Role] = {
    CompanyKind.BUYER: "buyer",
    CompanyKind.SUPPLIER: "supplier",
    CompanyKind.SERVICE_FIRM: "firm",
}


def role_of(*, user: AnyUser) -> Role | None:
    """What the user is on the platform: an operator, or a member of a buyer, supplier or firm."""
    if user.is_staff:
        return "operator"
    company = company_of(user=user)
    return ROLE_OF_KIND.get(company.kind) if company is not None else None


def acts_for(*, user: AnyUser, company: Company) -> bool:
    """May the user act for ``company``: file its declarations, run its logistics?

    Its own members may; so may members of a verified trade-service firm it authorised. Operators
    act for every company, as they always could on the customs and logistics desks.
    """
    if user.is_staff:
        return True
    own = company_of(user=user)
    if own is None:
        return False
    if own.pk == company.pk:
        return True
    # Only firms are ever authorised; checking the kind first spares everyone else a query.
    return own.kind == CompanyKind.SERVICE_FIRM and is_authorised(firm=own, supplier=company)


def side_of(*, user: AnyUser, buyer: Company | None = None, supplier: Company | None = None) -> Side | None:
    """Which side of a deal between ``buyer`` and ``supplier`` the user is on (firms count as the
    supplier's side, since they act for it), or None for an outsider."""
    if user.is_staff:
        return "operator"
    own = company_of(user=user)
    if own is None:
        return None
    if buyer is not None and own.pk == buyer.pk:
        return "buyer"
    if supplier is not None and acts_for(user=user, company=supplier):
        return "supplier"
    return None


def visible_to(
    *,
    user: AnyUser,
    queryset: QuerySet[M],
    supplier_field: str | None = None,
    buyer_field: str | None = None,
    firms: bool = True,
) -> QuerySet[M]:
    """The rows of ``queryset`` the user may see.

    ``supplier_field`` and ``buyer_field`` are ORM lookups from the row to a ``Company``
    (``"supplier"``, ``"supplier__company"``, ``"order__buyer_company"``; ``"pk"`` for companies
    themselves). Leave one out and that side sees nothing. Operators see every row; suppliers the
    rows whose supplier is their company; firms those of the suppliers that authorised them,
    unless ``firms=False`` (an authorisation covers customs, logistics and orders, not selling);
    buyers the rows their company bought; anyone else none.
    """
    if user.is_staff:
        return queryset
    company = company_of(user=user)
    if company is None:
        return queryset.none()
    # Filtering by the id lets a field path end at a company's own pk as well as at a foreign key.
    if company.kind == CompanyKind.SUPPLIER and supplier_field:
        return queryset.filter(**{supplier_field: company.pk})
    if company.kind == CompanyKind.SERVICE_FIRM and supplier_field and firms:
        return queryset.filter(**{f"{supplier_field}__in": suppliers_represented_by(firm=company)})
    if company.kind == CompanyKind.BUYER and buyer_field:
        return queryset.filter(**{buyer_field: company.pk})
    return queryset.none()
