"""Reference data every later issue reuses (orders, RFQ, customs), none duplicates."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from catalog.validators import validate_hs_code


class Unit(models.Model):
    """A unit of measure; ``customs_code`` is set for China customs' legal units (035 kg...)."""

    code = models.SlugField(_("Code"), max_length=10, unique=True, help_text=_("e.g. kg, t, pcs, drum"))
    name = models.CharField(_("Name"), max_length=60)
    name_zh = models.CharField(_("Chinese name"), max_length=20, blank=True)
    customs_code = models.CharField(
        _("Customs unit code"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^\d{3}$", _("A customs unit code has 3 digits, e.g. 035 for kg."))],
    )

    class Meta:
        app_label = "catalogue"
        ordering = ("code",)
        constraints = [
            models.UniqueConstraint(
                fields=("customs_code",), condition=~Q(customs_code=""), name="unit_unique_customs_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class UnitConversion(models.Model):
    """``1 from_unit = factor × to_unit`` (1 t = 1000 kg); the inverse is derived."""

    from_unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="conversions_from")
    to_unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="conversions_to")
    factor = models.DecimalField(
        _("Factor"), max_digits=20, decimal_places=8, validators=[MinValueValidator(Decimal("0.00000001"))]
    )

    class Meta:
        app_label = "catalogue"
        constraints = [
            models.UniqueConstraint(fields=("from_unit", "to_unit"), name="unit_conversion_unique_pair"),
            models.CheckConstraint(
                condition=~Q(from_unit=F("to_unit")), name="unit_conversion_distinct_units"
            ),
            models.CheckConstraint(condition=Q(factor__gt=0), name="unit_conversion_positive_factor"),
        ]

    def __str__(self) -> str:
        return f"1 {self.from_unit.code} = {self.factor.normalize():f} {self.to_unit.code}"


class Incoterm(models.Model):
    """Incoterms 2020. FAS, FOB, CFR and CIF are for sea and inland waterway transport only."""

    code = models.CharField(_("Code"), max_length=3, unique=True)
    name = models.CharField(_("Name"), max_length=60)
    sea_only = models.BooleanField(_("Sea transport only"), default=False)
    # Terms-of-sale code of the full customs declaration (1 CIF, 2 C&F, 3 FOB, 7 EXW);
    # the mapping of the other rules is unconfirmed, so it stays editable and may be empty.
    customs_terms_code = models.CharField(_("Customs terms-of-sale code"), max_length=1, blank=True)

    class Meta:
        app_label = "catalogue"
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class Currency(models.Model):
    code = models.CharField(
        _("ISO 4217 code"), max_length=3, primary_key=True, validators=[RegexValidator(r"^[A-Z]{3}$")]
    )
    name = models.CharField(_("Name"), max_length=60)
    customs_code = models.CharField(
        _("Customs currency code"), max_length=3, blank=True, help_text=_("CEB messages: 142 CNY, 502 USD")
    )
    decimal_places = models.PositiveSmallIntegerField(_("Decimal places"), default=2)
    is_offered = models.BooleanField(_("Buyers can view prices in it"), default=True)

    class Meta:
        app_label = "catalogue"
        verbose_name_plural = _("Currencies")
        ordering = ("code",)

    def __str__(self) -> str:
        return self.code


class ExchangeRate(models.Model):
    """``1 base = rate × quote`` from ``valid_from`` until the next row for the pair.

    Rows are never edited in place: a new rate is a new row, so the rate in force at any
    past moment can be looked up (orders lock "the rate at time T").
    """

    base = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+")
    quote = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+")
    rate = models.DecimalField(_("Rate"), max_digits=20, decimal_places=10)
    valid_from = models.DateTimeField(_("Valid from"), db_index=True)
    source = models.CharField(_("Source"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "catalogue"
        ordering = ("base", "quote", "-valid_from")
        constraints = [
            models.UniqueConstraint(
                fields=("base", "quote", "valid_from"), name="exchange_rate_unique_start"
            ),
            models.CheckConstraint(condition=Q(rate__gt=0), name="exchange_rate_positive"),
            models.CheckConstraint(condition=~Q(base=F("quote")), name="exchange_rate_distinct_currencies"),
        ]

    def __str__(self) -> str:
        start = f"{self.valid_from:%Y-%m-%d %H:%M}"
        return f"1 {self.base_id} = {self.rate.normalize():f} {self.quote_id} from {start}"


class HSCode(models.Model):
    """China's 10-digit tariff line with what customs needs for a declaration.

    Seeded from researched third-party sources (catalog/data/hs_reference.csv): values marked
    ``needs_review`` are unconfirmed and must be checked before a real declaration.
    """

    code = models.CharField(
        _("HS code"),
        max_length=10,
        primary_key=True,
        validators=[validate_hs_code],
    )
    description = models.CharField(_("Description"), max_length=300)
    description_zh = models.CharField(_("Chinese description"), max_length=300, blank=True)
    unit1 = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Legal unit 1"),
    )
    unit2 = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Legal unit 2"),
    )
    supervision_conditions = models.CharField(
        _("Supervision conditions"), max_length=20, blank=True, help_text=_("Letters such as A, B, 4, G")
    )
    inspection_category = models.CharField(
        _("Inspection category"), max_length=20, blank=True, help_text=_("Import/export, e.g. M/N")
    )
    declaration_elements = models.TextField(_("Declaration elements"), blank=True)
    export_vat_refund_rate = models.CharField(_("Export VAT refund"), max_length=200, blank=True)
    export_duty_rate = models.CharField(_("Export duty"), max_length=200, blank=True)
    source = models.TextField(_("Source"), blank=True)
    needs_review = models.BooleanField(
        _("Needs review"), default=True, help_text=_("Some values are unconfirmed: check before declaring.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "catalogue"
        verbose_name = _("HS code")
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.description}"

    # Supervision letters that concern exports (see catalog/data/hs_reference.md §2.1).
    EXPORT_LICENCE_LETTERS = frozenset("4xy3G8E")
    EXPORT_INSPECTION_LETTERS = frozenset("B")

    @property
    def needs_export_licence(self) -> bool:
        return bool(self.EXPORT_LICENCE_LETTERS & set(self.supervision_conditions))

    @property
    def needs_export_inspection(self) -> bool:
        export_side = self.inspection_category.split("/", 1)[1] if "/" in self.inspection_category else ""
        return bool(self.EXPORT_INSPECTION_LETTERS & set(self.supervision_conditions)) or bool(export_side)
