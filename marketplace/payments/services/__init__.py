"""Writes of payments: card payments on Stripe, its webhook, refunds, bank-transfer proofs.

Rules kept here:
- a milestone is paid only by ``marketplace.orders.services.record_payment``: for cards after a
  verified webhook and a fresh read of the PaymentIntent from Stripe, for bank transfers when the
  supplier or an operator accepts the buyer's proof;
- no Stripe call is made while we hold a row lock: rows are locked in short transactions before
  and after each call;
- one CardPayment row per milestone (a unique column) carries its one PaymentIntent;
- refunds never exceed what was paid: the amount is reserved on the milestone under its lock
  before Stripe is asked, and given back if Stripe refuses.
"""

from marketplace.payments.services.cards import (
    CardCheckout,
    WebhookVerificationError,
    cancel_open_card_payment,
    handle_stripe_event,
    start_card_payment,
    sync_card_payment,
)
from marketplace.payments.services.common import display_amount
from marketplace.payments.services.refunds import refund_payment
from marketplace.payments.services.transfers import decide_transfer_proof, upload_transfer_proof

__all__ = [
    "CardCheckout",
    "WebhookVerificationError",
    "cancel_open_card_payment",
    "decide_transfer_proof",
    "display_amount",
    "handle_stripe_event",
    "refund_payment",
    "start_card_payment",
    "sync_card_payment",
    "upload_transfer_proof",
]
