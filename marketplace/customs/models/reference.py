"""Reference data the catalog does not hold: customs offices and ports, country codes, transport
modes, and the platform's own customs settings.
"""

from datetime import date

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.countries import country_name, validate_country

FOUR_DIGITS = RegexValidator(r"^[0-9]{4}\Z", _("A customs office or port code has 4 digits, e.g. 0702."))
THREE_DIGITS = RegexValidator(r"^[0-9]{3}\Z", _("A customs country code has 3 digits, e.g. 344."))


# --- Reference data -------------------------------------------------------------------------


class CustomsOffice(models.Model):
    """A customs office (关区) or exit port (口岸), both 4-digit codes; operators keep the table."""

    code = models.CharField(_("Code"), max_length=4, unique=True, validators=[FOUR_DIGITS])
    name = models.CharField(_("Name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    is_office = models.BooleanField(_("Declaring customs office"), default=True)
    is_port = models.BooleanField(_("Exit port"), default=False)
    is_active = models.BooleanField(_("In use"), default=True)
    needs_review = models.BooleanField(_("Needs review"), default=False)

    class Meta:
        verbose_name = _("Customs office or port")
        verbose_name_plural = _("Customs offices and ports")
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CountryCode(models.Model):
    """ISO 3166-1 alpha-2 → alpha-3 (full declaration) and customs numeric code (CEB messages)."""

    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True, validators=[validate_country])
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, validators=[RegexValidator(r"^[A-Z]{3}\Z")])
    customs_code = models.CharField(_("Customs country code"), max_length=3, validators=[THREE_DIGITS])
    needs_review = models.BooleanField(_("Needs review"), default=False)

    class Meta:
        verbose_name = _("Country code")
        ordering = ("iso2",)

    def __str__(self) -> str:
        return f"{self.iso2} / {self.iso3} / {self.customs_code}"

    @property
    def name(self) -> str:
        return country_name(self.iso2)


class TransportMode(models.Model):
    """Customs transport mode (trafMode): 2 sea, 3 rail, 4 road, 5 air."""

    code = models.CharField(_("Code"), max_length=1, unique=True)
    name = models.CharField(_("Name"), max_length=60)
    is_sea = models.BooleanField(_("Sea transport"), default=False)

    class Meta:
        verbose_name = _("Transport mode")
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CustomsSettings(models.Model):
    """The platform's own customs data (one row): who files as platform, and the list threshold."""

    platform_code = models.CharField(_("Platform customs code (ebpCode)"), max_length=18)
    platform_name = models.CharField(_("Platform name (ebpName)"), max_length=100)
    dxp_id = models.CharField(_("DXP terminal id"), max_length=30, blank=True)
    list_limit_cny = models.DecimalField(
        _("Declaration list limit (RMB)"), max_digits=12, decimal_places=2, default=5000
    )
    licence_required_hs = models.TextField(
        _("HS codes needing an export licence by date"),
        blank=True,
        help_text=_("One per line: HS code and the date it applies from, e.g. 8703801090 2026-01-01."),
    )

    class Meta:
        verbose_name = _("Customs settings")
        verbose_name_plural = _("Customs settings")

    def __str__(self) -> str:
        return str(self.platform_name)

    @classmethod
    def current(cls) -> "CustomsSettings":
        row = cls.objects.order_by("pk").first()
        return row or cls(platform_code="", platform_name="", list_limit_cny=5000)

    def licensed_hs_codes(self, on: date) -> set[str]:
        codes = set()
        for line in self.licence_required_hs.splitlines():
            parts = line.split()
            if not parts:
                continue
            start = date.fromisoformat(parts[1]) if len(parts) > 1 else date.min
            if start <= on:
                codes.add(parts[0])
        return codes
