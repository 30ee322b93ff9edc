"""Typed specifications: the fields customs, logistics and buyers rely on, validated.

Each spec is one-to-one with a Product; Oscar attributes stay for free-form extras.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.validators import (
    validate_cas_number,
    validate_transport_class,
    validate_un_number,
    validate_vin,
)
from marketplace.accounts.countries import country_name, validate_country

POSITIVE = [MinValueValidator(Decimal("0.001"))]


class TradeSpec(models.Model):
    """What every product needs for trade and customs: HS line, unit, weights, packaging."""

    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="trade_spec")
    hs_code = models.ForeignKey(
        "catalogue.HSCode", on_delete=models.PROTECT, related_name="+", verbose_name=_("HS code")
    )
    origin_country = models.CharField(
        _("Country of origin"), max_length=2, default="CN", validators=[validate_country]
    )
    commercial_unit = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Commercial unit")
    )
    net_weight_kg = models.DecimalField(
        _("Net weight per unit (kg)"), max_digits=14, decimal_places=3, validators=POSITIVE
    )
    gross_weight_kg = models.DecimalField(
        _("Gross weight per unit (kg)"), max_digits=14, decimal_places=3, validators=POSITIVE
    )
    packaging = models.CharField(_("Packaging"), max_length=200, blank=True)
    certifications = models.CharField(_("Certifications"), max_length=300, blank=True)

    class Meta:
        app_label = "catalogue"
        constraints = [
            models.CheckConstraint(
                condition=Q(net_weight_kg__gt=0) & Q(gross_weight_kg__gte=models.F("net_weight_kg")),
                name="trade_spec_net_within_gross",
                violation_error_message=_("The net weight must be above zero and at most the gross weight."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.product} · HS {self.hs_code_id}"

    @property
    def origin_country_name(self) -> str:
        return country_name(self.origin_country)


class SignalWord(models.TextChoices):
    DANGER = "danger", _("Danger")
    WARNING = "warning", _("Warning")
    NONE = "", _("None")


class PackingGroup(models.TextChoices):
    I = "I", "I"  # noqa: E741  (the UN's own name for the group)
    II = "II", "II"
    III = "III", "III"


class ChemicalSpec(models.Model):
    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="chemical_spec"
    )
    cas_number = models.CharField(
        _("CAS number"), max_length=12, validators=[validate_cas_number], db_index=True
    )
    purity_percent = models.DecimalField(
        _("Purity (%)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    grade = models.CharField(_("Grade"), max_length=100, blank=True)
    ghs_classes = models.CharField(_("GHS hazard classes"), max_length=300, blank=True)
    signal_word = models.CharField(_("Signal word"), max_length=10, choices=SignalWord.choices, blank=True)
    hazard_statements = models.CharField(_("Hazard statements"), max_length=300, blank=True)
    un_number = models.CharField(
        _("UN number"), max_length=6, blank=True, validators=[validate_un_number], db_index=True
    )
    proper_shipping_name = models.CharField(_("Proper shipping name"), max_length=200, blank=True)
    transport_class = models.CharField(
        _("Transport class"), max_length=4, blank=True, validators=[validate_transport_class]
    )
    subsidiary_class = models.CharField(
        _("Subsidiary risk"), max_length=4, blank=True, validators=[validate_transport_class]
    )
    packing_group = models.CharField(
        _("Packing group"), max_length=3, choices=PackingGroup.choices, blank=True
    )

    class Meta:
        app_label = "catalogue"
        constraints = [
            # Dangerous goods (with a UN number) always carry their class and packing group.
            models.CheckConstraint(
                condition=Q(un_number="") | (~Q(transport_class="") & ~Q(packing_group="")),
                name="chemical_spec_dangerous_goods_complete",
                violation_error_message=_("Dangerous goods need a transport class and packing group."),
            )
        ]

    def __str__(self) -> str:
        return f"CAS {self.cas_number}"

    @property
    def is_dangerous_goods(self) -> bool:
        return bool(self.un_number)


class BatteryChemistry(models.TextChoices):
    LFP = "LFP", _("Lithium iron phosphate (LFP)")
    NMC = "NMC", _("Lithium nickel manganese cobalt (NMC)")
    LTO = "LTO", _("Lithium titanate (LTO)")
    SODIUM_ION = "Na-ion", _("Sodium-ion")


class BatteryForm(models.TextChoices):
    CELL = "cell", _("Cell")
    BATTERY = "battery", _("Battery")
    PACK = "pack", _("Pack")


class BatteryShipping(models.TextChoices):
    ALONE = "UN3480", _("UN3480: lithium-ion batteries shipped alone")
    WITH_EQUIPMENT = "UN3481", _("UN3481: lithium-ion batteries in or with equipment")


class BatterySpec(models.Model):
    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="battery_spec")
    chemistry = models.CharField(_("Chemistry"), max_length=10, choices=BatteryChemistry.choices)
    form = models.CharField(_("Cell, battery or pack"), max_length=10, choices=BatteryForm.choices)
    watt_hours = models.DecimalField(_("Energy (Wh)"), max_digits=12, decimal_places=2, validators=POSITIVE)
    voltage = models.DecimalField(_("Voltage (V)"), max_digits=8, decimal_places=2, validators=POSITIVE)
    amp_hours = models.DecimalField(_("Capacity (Ah)"), max_digits=10, decimal_places=2, validators=POSITIVE)
    un_number = models.CharField(_("UN number"), max_length=6, choices=BatteryShipping.choices)
    un38_3_tested = models.BooleanField(_("UN38.3 tested"), default=False)

    class Meta:
        app_label = "catalogue"

    transport_class = "9"  # lithium batteries are always class 9

    def __str__(self) -> str:
        return f"{self.chemistry} {self.form} {self.watt_hours} Wh"


class Powertrain(models.TextChoices):
    ICE = "ICE", _("Combustion engine")
    HEV = "HEV", _("Hybrid")
    PHEV = "PHEV", _("Plug-in hybrid")
    BEV = "BEV", _("Battery electric")


class SteeringSide(models.TextChoices):
    LEFT = "LHD", _("Left-hand drive")
    RIGHT = "RHD", _("Right-hand drive")


class VehicleCondition(models.TextChoices):
    NEW = "new", _("New")
    USED = "used", _("Used")


class VehicleSpec(models.Model):
    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="vehicle_spec")
    make = models.CharField(_("Make"), max_length=60)
    model = models.CharField(_("Model"), max_length=100)
    model_year = models.PositiveSmallIntegerField(
        _("Model year"), validators=[MinValueValidator(1980), MaxValueValidator(2100)]
    )
    powertrain = models.CharField(_("Powertrain"), max_length=4, choices=Powertrain.choices)
    battery_kwh = models.DecimalField(
        _("Battery (kWh)"), max_digits=8, decimal_places=1, null=True, blank=True, validators=POSITIVE
    )
    emission_standard = models.CharField(_("Emission standard"), max_length=40, blank=True)
    steering_side = models.CharField(_("Steering"), max_length=3, choices=SteeringSide.choices, default="LHD")
    condition = models.CharField(
        _("Condition"), max_length=4, choices=VehicleCondition.choices, default="new"
    )
    vin = models.CharField(_("VIN"), max_length=17, blank=True, validators=[validate_vin])

    class Meta:
        app_label = "catalogue"
        constraints = [
            # A used vehicle is an individual car: it is identified by its VIN.
            models.CheckConstraint(
                condition=~Q(condition="used") | ~Q(vin=""),
                name="vehicle_spec_used_has_vin",
                violation_error_message=_("A used vehicle needs its VIN."),
            ),
            models.CheckConstraint(
                condition=Q(powertrain__in=["ICE", "HEV"]) | Q(battery_kwh__isnull=False),
                name="vehicle_spec_plug_in_has_battery",
                violation_error_message=_("Plug-in and battery-electric vehicles need their battery size."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.make} {self.model} {self.model_year}"
