"""Forms of the fulfillment pages; they parse input, the services decide."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.documents.validators import PDF_ONLY
from catalog.reference.models import Incoterm
from marketplace.accounts.countries import validate_country
from marketplace.fulfillment.models import EventKind, OutboundStatus, ShipmentStatus, TransportMode
from marketplace.fulfillment.services.shipments import ShipmentDetails

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ShipmentForm(forms.Form):
    carrier = forms.CharField(label=_("Carrier (logistics company)"), max_length=100)
    carrier_code = forms.CharField(
        label=_("Carrier customs code"),
        max_length=18,
        required=False,
        help_text=_("10-character customs code or 18-character USCC, for the waybill message."),
    )
    waybill_number = forms.CharField(label=_("Waybill number"), max_length=32)
    bill_of_lading = forms.CharField(label=_("Bill of lading (B/L)"), max_length=40, required=False)
    cmr_number = forms.CharField(label=_("CMR / TIR carnet number"), max_length=40, required=False)
    origin = forms.CharField(label=_("From"), max_length=100, initial="Ordos")
    destination = forms.CharField(label=_("To"), max_length=100)
    destination_country = forms.CharField(label=_("Destination country (ISO code)"), max_length=2)
    freight = forms.DecimalField(label=_("Freight"), max_digits=12, decimal_places=2, min_value=0, initial=0)
    insured_fee = forms.DecimalField(
        label=_("Insurance"), max_digits=12, decimal_places=2, min_value=0, initial=0
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    goods_description = forms.CharField(label=_("Goods description"), max_length=200, required=False)
    incoterm = forms.ModelChoiceField(label=_("Incoterm"), queryset=Incoterm.objects.all(), required=False)

    def clean_destination_country(self):
        country = self.cleaned_data["destination_country"].upper()
        validate_country(country)
        return country

    def clean_currency(self):
        return self.cleaned_data["currency"].upper()

    def details(self) -> ShipmentDetails:
        data = {key: value for key, value in self.cleaned_data.items() if key != "incoterm"}
        return ShipmentDetails(**data)


class PackedLineForm(forms.Form):
    """One order or booking line: how much of it goes, in how many packages, how heavy."""

    quantity = forms.DecimalField(label=_("Quantity"), max_digits=14, decimal_places=3, min_value=0)
    package_count = forms.IntegerField(label=_("Packages"), min_value=0)
    package_kind = forms.CharField(label=_("Kind of package"), max_length=60, required=False)
    net_weight_kg = forms.DecimalField(label=_("Net (kg)"), max_digits=14, decimal_places=3, min_value=0)
    gross_weight_kg = forms.DecimalField(label=_("Gross (kg)"), max_digits=14, decimal_places=3, min_value=0)

    def __init__(self, *args, source, **kwargs):
        self.source = source
        super().__init__(*args, **kwargs)

    @property
    def is_included(self) -> bool:
        return self.cleaned_data.get("quantity", Decimal(0)) > 0


class LegForm(forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=TransportMode.choices)
    origin = forms.CharField(label=_("From"), max_length=100)
    destination = forms.CharField(label=_("To"), max_length=100)
    carrier = forms.CharField(label=_("Carrier"), max_length=100, required=False)
    reference = forms.CharField(label=_("CMR, rail waybill, AWB or B/L"), max_length=40, required=False)
    departure_planned = forms.DateTimeField(label=_("Planned departure"), required=False, widget=DATETIME)
    arrival_planned = forms.DateTimeField(label=_("ETA"), widget=DATETIME)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=EventKind.choices)
    occurred_at = forms.DateTimeField(label=_("When"), widget=DATETIME, initial=timezone.now)
    leg = forms.ModelChoiceField(label=_("Leg"), queryset=None, required=False)
    location = forms.CharField(label=_("Where"), max_length=100, required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, shipment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leg"].queryset = shipment.legs.all()
        # Proposes what can happen next: the departure first, then position reports.
        self.fields["kind"].initial = EventKind.LOCATION if shipment.shipped_at else EventKind.DEPARTED


class DeskFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *ShipmentStatus.choices]
    )
    mode = forms.ChoiceField(
        label=_("Mode"), required=False, choices=[("", _("Any mode")), *TransportMode.choices]
    )


class OutboundFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *OutboundStatus.choices]
    )


class StockFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    warehouse = forms.ModelChoiceField(label=_("Warehouse"), queryset=None, required=False)

    def __init__(self, *args, warehouses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["warehouse"].queryset = warehouses


class InboundForm(forms.Form):
    expected_on = forms.DateField(
        label=_("Expected at the warehouse on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    shipment = forms.ModelChoiceField(label=_("Shipment"), queryset=None, required=False)

    def __init__(self, *args, shipments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shipment"].queryset = shipments


class ReceiveLineForm(forms.Form):
    quantity = forms.DecimalField(label=_("Received"), max_digits=14, decimal_places=3, min_value=0)
    reason = forms.CharField(label=_("Reason for a difference"), max_length=300, required=False)

    def __init__(self, *args, line, **kwargs):
        self.line = line
        super().__init__(*args, **kwargs)


class OutboundForm(forms.Form):
    order = forms.ModelChoiceField(
        label=_("Marketplace order"),
        queryset=None,
        required=False,
        help_text=_("If the buyer bought through the platform; otherwise give the buyer's details."),
    )
    buyer_name = forms.CharField(label=_("Buyer"), max_length=200, required=False)
    buyer_address = forms.CharField(label=_("Delivery address"), max_length=300, required=False)
    buyer_country = forms.CharField(label=_("Country (ISO code)"), max_length=2, required=False)
    buyer_contact = forms.CharField(label=_("Contact (name, phone)"), max_length=200, required=False)

    def __init__(self, *args, orders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = orders
        self.fields["order"].label_from_instance = lambda order: f"{order.number} · {order.buyer_company}"


class PickForm(forms.Form):
    lot = forms.ModelChoiceField(label=_("Lot"), queryset=None, required=False)
    quantity = forms.DecimalField(
        label=_("Quantity"), max_digits=14, decimal_places=3, min_value=0, required=False
    )

    def __init__(self, *args, lots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lot"].queryset = lots
        self.fields["lot"].label_from_instance = lambda lot: (
            f"{lot.partner_sku} · {lot.lot_number} ({lot.on_hand.normalize():f} {lot.unit.code})"
        )


class ProofOfDeliveryForm(forms.Form):
    received_by_name = forms.CharField(label=_("Received by"), max_length=200)
    delivered_at = forms.DateTimeField(label=_("Delivered"), widget=DATETIME, initial=timezone.now)
    document = forms.FileField(label=_("Signed delivery note (PDF)"), required=False, validators=[PDF_ONLY])
