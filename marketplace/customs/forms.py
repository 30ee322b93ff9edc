"""Forms of the customs desk; they parse input, the services hold the rules."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.reference.models import Currency, HSCode, Incoterm, Unit
from marketplace.accounts.countries import country_choices
from marketplace.core.uploads import UploadValidator
from marketplace.customs.models import (
    CustomsOffice,
    EvidenceKind,
    ExportLicence,
    LicenceKind,
    OverseasWarehouse,
    ReceiptMessage,
    RegistrationStatus,
    StatisticsFlag,
    TransportMode,
    WarehouseKind,
)
from marketplace.customs.waybill import MAX_PACKAGES

DATE = forms.DateInput(attrs={"type": "date"})


class HeadForm(forms.Form):
    customs_office = forms.ModelChoiceField(
        CustomsOffice.objects.filter(is_office=True, is_active=True),
        label=_("Declaring customs office"),
        required=False,
    )
    port = forms.ModelChoiceField(
        CustomsOffice.objects.filter(is_port=True, is_active=True), label=_("Exit port"), required=False
    )
    transport_mode = forms.ModelChoiceField(
        TransportMode.objects.all(), label=_("Transport mode"), required=False
    )
    incoterm = forms.ModelChoiceField(Incoterm.objects.all(), label=_("Incoterm"), required=False)
    terms_of_sale = forms.ChoiceField(
        label=_("Terms of sale (full declaration)"),
        required=False,
        choices=[("", "—"), ("1", "1 CIF"), ("2", "2 C&F"), ("3", "3 FOB"), ("4", "4 C&I"), ("7", "7 EXW")],
    )
    destination_port = forms.CharField(label=_("Destination port code (POD)"), max_length=4, required=False)
    statistics_flag = forms.ChoiceField(label=_("Statistics flag"), choices=StatisticsFlag.choices)
    claims_vat_refund = forms.BooleanField(label=_("Claims export VAT refund"), required=False)
    wrap_type = forms.CharField(label=_("Packaging type code"), max_length=1, required=False)


class LineForm(forms.Form):
    hs_code = forms.CharField(label=_("HS code"), max_length=10)
    inspection_code = forms.CharField(label=_("Inspection code"), max_length=3, required=False)
    declaration_elements = forms.CharField(
        label=_("Declaration elements"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    qty1 = forms.DecimalField(
        label=_("Quantity, legal unit 1"), max_digits=14, decimal_places=5, required=False
    )
    qty2 = forms.DecimalField(
        label=_("Quantity, legal unit 2"), max_digits=14, decimal_places=5, required=False
    )
    licence = forms.TypedChoiceField(label=_("Export licence"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, licences: list[ExportLicence] = (), **kwargs):
        # A list read once for every line's form, so the page does not query per line.
        super().__init__(*args, **kwargs)
        self.licences = {licence.pk: licence for licence in licences}
        self.fields["licence"].choices = [("", "—")] + [
            (licence.pk, f"{licence.number} · {licence.hs_code_id} · {licence.quantity.normalize()}")
            for licence in licences
        ]

    def clean_licence(self):
        pk = self.cleaned_data.get("licence")
        return self.licences.get(pk) if pk is not None else None


class WaybillForm(forms.Form):
    logistics_code = forms.CharField(label=_("Logistics company code"), max_length=18)
    logistics_name = forms.CharField(label=_("Logistics company"), max_length=100)
    waybill_number = forms.CharField(label=_("Waybill number"), max_length=32)
    freight = forms.DecimalField(label=_("Freight"), max_digits=14, decimal_places=5, min_value=0, initial=0)
    insured_fee = forms.DecimalField(
        label=_("Insurance"), max_digits=14, decimal_places=5, min_value=0, initial=0
    )
    currency = forms.ModelChoiceField(Currency.objects.all(), label=_("Currency"), to_field_name="code")
    gross_weight_kg = forms.DecimalField(
        label=_("Gross weight (kg)"), max_digits=14, decimal_places=3, min_value=Decimal("0.001")
    )
    package_count = forms.IntegerField(label=_("Packages"), min_value=1, max_value=MAX_PACKAGES)
    goods_description = forms.CharField(label=_("Goods description"), max_length=200)


class ReceiptForm(forms.Form):
    message = forms.ChoiceField(label=_("Message"), choices=ReceiptMessage.choices)
    return_status = forms.RegexField(
        label=_("Return status"),
        regex=r"^(-[0-9]{1,3}|[0-9]{1,4})$",
        max_length=4,
        help_text=_("e.g. 120, 100, 800, 899"),
    )
    return_info = forms.CharField(
        label=_("Customs' note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    pre_no = forms.CharField(label=_("Pre-entry number"), max_length=18, required=False)
    invt_no = forms.CharField(label=_("List number"), max_length=18, required=False)


class ReceiptUploadForm(forms.Form):
    file = forms.FileField(label=_("Receipt XML (CEB304, CEB506 or CEB604)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 2**20:
            raise forms.ValidationError(_("A receipt is at most 2 MB."))
        return upload


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the declaration cancelled?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class OrderLinesForm(forms.Form):
    lines = forms.MultipleChoiceField(label=_("Lines to declare"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = [
            (str(line.pk), f"{line.partner_sku} · {line.title} × {line.agreed_quantity or line.quantity}")
            for line in order.lines.all()
        ]
        self.fields["lines"].initial = [value for value, _label in self.fields["lines"].choices]


class WarehouseForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)

    class Meta:
        model = OverseasWarehouse
        fields = (
            "name",
            "country",
            "city",
            "address",
            "area_m2",
            "kind",
            "operator_name",
            "lease_start",
            "lease_end",
            "customs_registration_number",
        )
        widgets = {
            "lease_start": DATE,
            "lease_end": DATE,
            "kind": forms.Select(choices=WarehouseKind.choices),
        }


class SupplierChoiceMixin(forms.Form):
    supplier = forms.ModelChoiceField(queryset=None, label=_("Supplier"))

    def __init__(self, *args, suppliers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = suppliers
        if suppliers.count() == 1:
            self.fields["supplier"].initial = suppliers.first()


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceKind.choices)
    file = forms.FileField(
        label=_("File (PDF, PNG or JPEG)"), validators=[UploadValidator(kinds=("pdf", "png", "jpeg"))]
    )


class RegistrationForm(forms.Form):
    registration_status = forms.ChoiceField(label=_("Registration"), choices=RegistrationStatus.choices)
    customs_registration_number = forms.CharField(
        label=_("Customs registration number"), max_length=40, required=False
    )


class BookingForm(forms.Form):
    warehouse = forms.ModelChoiceField(OverseasWarehouse.objects.none(), label=_("Warehouse"))
    destination_country = forms.ChoiceField(label=_("Destination country"), choices=country_choices)
    incoterm = forms.ModelChoiceField(Incoterm.objects.all(), label=_("Incoterm"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, warehouses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["warehouse"].queryset = warehouses


class BookingLineForm(forms.Form):
    product = forms.ModelChoiceField(queryset=None, label=_("Product"))
    quantity = forms.DecimalField(
        label=_("Quantity"), max_digits=14, decimal_places=3, min_value=Decimal("0.001")
    )
    unit = forms.ModelChoiceField(Unit.objects.all(), label=_("Unit"))
    unit_price = forms.DecimalField(
        label=_("Unit price"), max_digits=14, decimal_places=5, min_value=Decimal("0.00001")
    )
    currency = forms.ModelChoiceField(Currency.objects.all(), label=_("Currency"), to_field_name="code")
    lot_number = forms.CharField(label=_("Lot"), max_length=60, required=False)
    net_weight_kg = forms.DecimalField(
        label=_("Net weight (kg)"), max_digits=14, decimal_places=3, min_value=Decimal("0.001")
    )
    gross_weight_kg = forms.DecimalField(
        label=_("Gross weight (kg)"), max_digits=14, decimal_places=3, min_value=Decimal("0.001")
    )

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products


class LicenceForm(forms.Form):
    number = forms.CharField(label=_("Licence number"), max_length=40)
    kind = forms.ChoiceField(label=_("Kind"), choices=LicenceKind.choices)
    hs_code = forms.ModelChoiceField(HSCode.objects.all(), label=_("HS code"))
    quantity = forms.DecimalField(
        label=_("Quantity"), max_digits=14, decimal_places=3, min_value=Decimal("0.001")
    )
    unit = forms.ModelChoiceField(Unit.objects.all(), label=_("Unit"))
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)
    vins = forms.CharField(
        label=_("VINs (one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
