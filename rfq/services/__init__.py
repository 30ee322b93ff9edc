"""RFQ services: ``requests`` (RFQs and routing) and ``quotes`` (quotes, thread, awards, expiry)."""

from rfq.services.quotes import (
    QuoteTerms,
    accept_quote,
    expire_quotes_and_rfqs,
    post_message,
    revise_quote,
    submit_quote,
    withdraw_quote,
)
from rfq.services.requests import (
    RFQDetails,
    RFQRateLimitError,
    broadcast_rfq,
    cancel_rfq,
    check_rate_limit,
    close_rfq,
    create_rfq,
    matching_suppliers,
    submit_rfq,
)

__all__ = [
    "QuoteTerms",
    "RFQDetails",
    "RFQRateLimitError",
    "accept_quote",
    "broadcast_rfq",
    "cancel_rfq",
    "check_rate_limit",
    "close_rfq",
    "create_rfq",
    "expire_quotes_and_rfqs",
    "matching_suppliers",
    "post_message",
    "revise_quote",
    "submit_quote",
    "submit_rfq",
    "withdraw_quote",
]
