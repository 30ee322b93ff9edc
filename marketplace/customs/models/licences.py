"""Export licences (number, kind, validity, HS code, quantity, VINs of used vehicles)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class LicenceKind(models.TextChoices):
    EXPORT = "export", _("Export licence")
    USED_VEHICLE = "used_vehicle", _("Used-vehicle export licence")
    DUAL_USE = "dual_use", _("Dual-use items export licence")


class ExportLicence(models.Model):
    supplier = models.ForeignKey(
        "accounts.Company",
        on_delete=models.PROTECT,
        related_name="export_licences",
        verbose_name=_("Supplier"),
    )
    number = models.CharField(_("Licence number"), max_length=40, unique=True)
    kind = models.CharField(_("Kind"), max_length=20, choices=LicenceKind.choices)
    hs_code = models.ForeignKey(
        "catalogue.HSCode", on_delete=models.PROTECT, related_name="+", verbose_name=_("HS code")
    )
    quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=3)
    unit = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Unit")
    )
    valid_from = models.DateField(_("Valid from"))
    valid_until = models.DateField(_("Valid until"))
    vins = models.TextField(_("VINs (one per line)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Export licence")
        ordering = ("-valid_until", "number")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="licence_dates"
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="licence_positive_quantity"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.hs_code_id})"

    @property
    def vin_list(self) -> list[str]:
        return [vin.strip().upper() for vin in self.vins.split() if vin.strip()]

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until
