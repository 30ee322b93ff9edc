"""What payments add to shared registries: audit verb labels."""

from django.utils.translation import gettext_lazy as _

from marketplace.core.audit import register_verbs

register_verbs(
    {
        "payment.card_started": _("Card payment started"),
        "payment.card_failed": _("Card payment failed"),
        "payment.card_refused": _("Card payment not accepted: it does not match the milestone"),
        "payment.card_needs_attention": _("Card payment received for a milestone that cannot take it"),
        "payment.proof_uploaded": _("Bank transfer proof uploaded"),
        "payment.proof_accepted": _("Bank transfer confirmed"),
        "payment.proof_rejected": _("Bank transfer proof rejected"),
        "payment.refunded": _("Payment refunded"),
        "payment.refund_failed": _("Refund failed"),
    }
)
