from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner


class Partner(AbstractPartner):
    """Oscar's fulfilment partner, one per supplier company."""

    company = models.OneToOneField(
        "accounts.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner",
        verbose_name=_("Supplier company"),
    )

    class Meta(AbstractPartner.Meta):
        pass


from oscar.apps.partner.models import *  # noqa: E402, F403
