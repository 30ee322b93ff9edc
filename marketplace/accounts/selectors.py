"""Reads about companies, scoped to who is asking."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from marketplace.accounts.models import (
    Company,
    CompanyKind,
    Membership,
    SupplierAuthorisation,
    User,
    VerificationStatus,
)


def company_of(*, user: User | AnonymousUser) -> Company | None:
    return user.company if user.is_authenticated else None


def membership_of(*, user: User | AnonymousUser) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("company").filter(user=user).first()


def companies_for_review(*, user: User | AnonymousUser, status: str | None = None) -> QuerySet[Company]:
    """The operators' queue. Buyers need no verification, so they only show under "all"."""
    if not user.is_staff:
        return Company.objects.none()
    companies = Company.objects.all()
    if status:
        companies = companies.filter(verification_status=status).exclude(kind=CompanyKind.BUYER)
    return companies.order_by("-created_at", "-pk")


def companies_visible_to(*, user: User | AnonymousUser) -> QuerySet[Company]:
    """Operators see every company; anyone else only their own."""
    if user.is_staff:
        return Company.objects.all()
    if not user.is_authenticated:
        return Company.objects.none()
    return Company.objects.filter(memberships__user=user)


def members_of(*, company: Company) -> QuerySet[Membership]:
    return company.memberships.select_related("user").order_by("-role", "user__email")


def authorisations_visible_to(*, user: User | AnonymousUser) -> QuerySet[SupplierAuthorisation]:
    """Only the supplier and the firm of an authorisation (and operators) can see it."""
    authorisations = SupplierAuthorisation.objects.select_related("supplier", "firm")
    if user.is_staff:
        return authorisations
    company = company_of(user=user)
    if company is None:
        return authorisations.none()
    return authorisations.filter(Q(supplier=company) | Q(firm=company))


def effective_authorisations() -> QuerySet[SupplierAuthorisation]:
    """Authorisations in force: not revoked, and the firm is (still) verified."""
    return SupplierAuthorisation.objects.filter(
        revoked_at__isnull=True, firm__verification_status=VerificationStatus.VERIFIED
    )


def active_authorisations_for(*, company: Company) -> QuerySet[SupplierAuthorisation]:
    return (
        effective_authorisations()
        .filter(Q(supplier=company) | Q(firm=company))
        .select_related("supplier", "firm")
    )


def is_authorised(*, firm: Company, supplier: Company) -> bool:
    """May ``firm`` act for ``supplier``? Used by orders and customs."""
    return effective_authorisations().filter(firm=firm, supplier=supplier).exists()


def suppliers_represented_by(*, firm: Company) -> QuerySet[Company]:
    return Company.objects.filter(pk__in=effective_authorisations().filter(firm=firm).values("supplier"))


def firms_available_to(*, supplier: Company) -> QuerySet[Company]:
    """Verified firms the supplier has not authorised yet."""
    return Company.objects.filter(
        kind=CompanyKind.SERVICE_FIRM, verification_status=VerificationStatus.VERIFIED
    ).exclude(
        authorisations_received__supplier=supplier,
        authorisations_received__revoked_at__isnull=True,
    )
