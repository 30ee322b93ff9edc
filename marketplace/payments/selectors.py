"""Reads of payments: an order's milestones with their card payments, proofs and refunds."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from oscar.core.loading import get_model

from marketplace.accounts.policy import AnyUser
from marketplace.orders.models import MilestoneStatus
from marketplace.orders.money import exponent, from_minor
from marketplace.orders.selectors import orders_visible_to, role_in
from marketplace.payments.models import CardPayment, Refund, TransferProof

Order = get_model("order", "Order")
PaymentMilestone = get_model("order", "PaymentMilestone")

# Who may do what with an order's payments (roles from marketplace.orders.selectors.role_in).
PAYS = {"buyer"}
DECIDES_PROOFS = {"supplier", "operator"}
SEES_PROOFS = {"buyer", "supplier", "operator"}
REFUNDS = {"operator"}


def visible_order(*, user: AnyUser, number: str) -> Order:
    """The order if ``user`` may see it; 404 otherwise, so other companies' orders do not exist."""
    return get_object_or_404(orders_visible_to(user=user), number=number)


def visible_order_by_id(*, user: AnyUser, pk: int) -> Order:
    return get_object_or_404(orders_visible_to(user=user), pk=pk)


@dataclass
class MilestonePayments:
    milestone: object
    card_payment: CardPayment | None
    places: int  # the currency's decimal places, looked up once per page
    proofs: list[TransferProof] = field(default_factory=list)
    refunds: list[Refund] = field(default_factory=list)

    def _major(self, minor: int) -> Decimal:
        return from_minor(minor, self.milestone.currency, places=self.places)

    @property
    def amount(self) -> Decimal:
        return self._major(self.milestone.amount_minor)

    @property
    def refunded(self) -> Decimal:
        return self._major(self.milestone.refunded_minor)

    @property
    def refundable(self) -> Decimal:
        return self._major(self.milestone.refundable_minor)

    @property
    def amount_step(self) -> str:
        """The smallest amount a form may take: "0.01", or "1" for yen."""
        return str(Decimal(1).scaleb(-self.places))

    @property
    def refund_amounts(self) -> list[tuple[Refund, Decimal]]:
        return [(refund, self._major(refund.amount_minor)) for refund in self.refunds]

    @property
    def awaiting_proof(self) -> TransferProof | None:
        return next((proof for proof in self.proofs if proof.is_awaiting), None)

    @property
    def is_pending(self) -> bool:
        return self.milestone.status == MilestoneStatus.PENDING

    @property
    def is_paid(self) -> bool:
        return self.milestone.status == MilestoneStatus.PAID


def milestone_payments(
    *, order: Order, milestones: list[PaymentMilestone] | None = None
) -> list[MilestonePayments]:
    """Each milestone with its card payment, transfer proofs and refunds, in a few queries."""
    milestones = list(order.milestones.all() if milestones is None else milestones)
    prefetch_related_objects(milestones, "card_payment", "transfer_proofs", "refunds")
    places = {currency: exponent(currency) for currency in {milestone.currency for milestone in milestones}}
    return [
        MilestonePayments(
            milestone=milestone,
            card_payment=getattr(milestone, "card_payment", None),
            places=places[milestone.currency],
            proofs=list(milestone.transfer_proofs.all()),
            refunds=list(milestone.refunds.all()),
        )
        for milestone in milestones
    ]


@dataclass
class PaymentPanel:
    """What the viewer of an order's payments sees and may do."""

    order: object
    role: str
    rows: list[MilestonePayments]

    @property
    def can_pay(self) -> bool:
        return self.role in PAYS

    @property
    def can_decide_proofs(self) -> bool:
        return self.role in DECIDES_PROOFS

    @property
    def can_see_proofs(self) -> bool:
        return self.role in SEES_PROOFS

    @property
    def can_refund(self) -> bool:
        return self.role in REFUNDS

    @property
    def has_pending(self) -> bool:
        return any(row.is_pending for row in self.rows)


def payment_panel(
    *, user: AnyUser, order: Order, milestones: list[PaymentMilestone] | None = None
) -> PaymentPanel:
    return PaymentPanel(
        order=order,
        role=role_in(user=user, order=order),
        rows=milestone_payments(order=order, milestones=milestones),
    )
