"""Helpers the payment services share: locking a milestone, who may act, amounts, notices."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.accounts.models import Company, User
from marketplace.core.services import notify
from marketplace.orders.models import MilestoneStatus
from marketplace.orders.money import from_minor
from marketplace.orders.selectors import role_in

Order = get_model("order", "Order")
PaymentMilestone = get_model("order", "PaymentMilestone")


def locked_milestone(*, milestone_id: int) -> PaymentMilestone:
    """The milestone, re-read and locked for the rest of the transaction."""
    return (
        PaymentMilestone.objects.select_for_update(of=("self",))
        .select_related("order__buyer_company", "order__supplier__company")
        .get(pk=milestone_id)
    )


def require_role(*, order: Order, user: User, roles: tuple[str, ...]) -> str:
    role = role_in(user=user, order=order)
    if role not in roles:
        raise PermissionDenied(_("You cannot do this with this order."))
    return role


def require_pending(*, milestone: PaymentMilestone) -> None:
    if milestone.status == MilestoneStatus.PAID:
        raise ValidationError(_("“%(label)s” is already paid.") % {"label": milestone.label}, code="paid")
    if milestone.status != MilestoneStatus.PENDING:
        raise ValidationError(_("“%(label)s” was cancelled.") % {"label": milestone.label}, code="cancelled")


def display_amount(*, amount_minor: int, currency: str) -> str:
    return f"{from_minor(amount_minor, currency)} {currency}"


def milestone_context(*, milestone: PaymentMilestone, **extra: str) -> dict:
    return {
        "order_number": milestone.order.number,
        "milestone": milestone.label,
        "amount": display_amount(amount_minor=milestone.amount_minor, currency=milestone.currency),
        **extra,
    }


def notify_company(*, company: Company, template: str, context: dict) -> None:
    for membership in company.memberships.select_related("user"):
        notify(recipient=membership.user, template=template, context=context)


def notify_operators(*, template: str, context: dict) -> None:
    for operator in get_user_model().objects.filter(is_staff=True, is_active=True):
        notify(recipient=operator, template=template, context=context)
