from datetime import timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog.reference.models import Currency, Incoterm, Unit
from catalog.selectors import browsable_products
from marketplace.accounts.countries import validate_country
from marketplace.core.uploads import UploadValidator
from marketplace.orders.services import SCHEDULES
from marketplace.suppliers.forms import TierForm, kept
from rfq import services, specs
from rfq.landed_cost import MODES

Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
DATE = forms.DateInput(attrs={"type": "date"})


class RFQForm(forms.Form):
    product = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("What do you need?"), max_length=200)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.order_by("path"), required=False
    )
    quantity = forms.DecimalField(label=_("Quantity"), min_value=0.001, max_digits=14, decimal_places=3)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.all(), to_field_name="code")
    target_price = forms.DecimalField(
        label=_("Target unit price"), required=False, min_value=0.01, max_digits=12, decimal_places=2
    )
    currency = forms.ModelChoiceField(label=_("Currency"), queryset=Currency.objects.filter(is_offered=True))
    incoterm = forms.ModelChoiceField(
        label=_("Incoterm"), queryset=Incoterm.objects.all(), to_field_name="code"
    )
    named_place = forms.CharField(label=_("Named place"), max_length=100)
    destination_country = forms.CharField(
        label=_("Destination country (ISO code)"), max_length=2, validators=[validate_country]
    )
    destination_city = forms.CharField(label=_("Destination port or city"), max_length=100, required=False)
    delivery_date = forms.DateField(label=_("Required delivery date"), required=False, widget=DATE)
    payment_terms = forms.CharField(label=_("Payment terms wanted"), max_length=200, required=False)
    quote_deadline = forms.DateField(label=_("Quotes due by"), widget=DATE)
    message = forms.CharField(label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    attachment = forms.FileField(
        label=_("Attachment (PDF, image, XLSX)"),
        required=False,
        validators=[UploadValidator(kinds=("pdf", "png", "jpeg", "xlsx"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = browsable_products()
        self.fields["quote_deadline"].initial = timezone.localdate() + timedelta(days=7)
        for field in specs.SPEC_FIELDS:
            if field.choices:
                form_field = forms.ChoiceField(choices=[("", "—"), *field.choices], required=False)
            elif field.kind == "text":
                form_field = forms.CharField(max_length=100, required=False)
            else:
                form_field = forms.DecimalField(required=False, min_value=0)
            form_field.label = field.label
            self.fields[f"spec_{field.key}"] = form_field

    def details(self) -> services.RFQDetails:
        data = self.cleaned_data
        spec = {field.key: data.get(f"spec_{field.key}") for field in specs.SPEC_FIELDS}
        product = data["product"]
        return services.RFQDetails(
            title=data["title"],
            quantity=data["quantity"],
            unit=data["unit"],
            currency=data["currency"],
            incoterm=data["incoterm"],
            named_place=data["named_place"],
            destination_country=data["destination_country"].upper(),
            quote_deadline=data["quote_deadline"],
            product=product,
            category=data["category"] or (product.categories.first() if product else None),
            specification=spec,
            target_price=data["target_price"],
            destination_city=data["destination_city"],
            delivery_date=data["delivery_date"],
            payment_terms=data["payment_terms"],
            message=data["message"],
            attachment=data["attachment"],
        )


SCHEDULE_CHOICES = [
    ("30-70", _("30 % deposit / 70 % before shipment")),
    ("30-60-10", _("30 % deposit / 60 % before shipment / 10 % on delivery")),
    # xgettext:no-python-format
    ("100", _("100 % on order")),
]


# Quantity breaks of a quote: the offer form's rows (a positive quantity and price, the quote
# service's rule, which the service checks again and the page shows when it refuses).
QuoteTierFormSet = forms.formset_factory(
    TierForm, extra=5, max_num=5, absolute_max=5, validate_max=True, can_delete=True
)


def quote_tiers(data=None, *, quote=None) -> forms.BaseFormSet:
    """Five quantity-break rows, the first ones filled from ``quote`` when revising it."""
    initial = [
        {"min_quantity": Decimal(tier["min_quantity"]), "unit_price": Decimal(tier["unit_price"])}
        for tier in (quote.price_tiers if quote else [])
    ]
    return QuoteTierFormSet(data, prefix="tiers", initial=initial)


def kept_tiers(tiers) -> list[dict]:
    """The filled, not removed rows of a valid tier formset, as the quote service takes them."""
    return [
        {"min_quantity": form.cleaned_data["min_quantity"], "unit_price": form.cleaned_data["unit_price"]}
        for form in kept(tiers)
    ]


class QuoteForm(forms.Form):
    offer = forms.ModelChoiceField(label=_("Your offer"), queryset=None)
    label = forms.CharField(label=_("Option name"), max_length=100, required=False)
    unit_price = forms.DecimalField(label=_("Unit price"), min_value=0.01, max_digits=12, decimal_places=2)
    currency = forms.ModelChoiceField(label=_("Currency"), queryset=Currency.objects.all())
    incoterm = forms.ModelChoiceField(
        label=_("Incoterm"), queryset=Incoterm.objects.all(), to_field_name="code"
    )
    named_place = forms.CharField(label=_("Named place"), max_length=100)
    quantity = forms.DecimalField(label=_("Quantity"), min_value=0.001, max_digits=14, decimal_places=3)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.all(), to_field_name="code")
    moq = forms.DecimalField(
        label=_("Minimum order quantity"), min_value=0.001, max_digits=14, decimal_places=3
    )
    lead_time_days = forms.IntegerField(label=_("Lead time (days)"), min_value=0)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)
    payment_terms = forms.ChoiceField(label=_("Payment terms"), choices=SCHEDULE_CHOICES)
    documents_available = forms.CharField(label=_("Documents available"), max_length=300, required=False)
    remarks = forms.CharField(label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(label=_("What changed (revisions)"), max_length=300, required=False)

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = StockRecord.objects.filter(
            partner=partner, product__supplier=partner
        ).select_related("product")
        self.fields["offer"].label_from_instance = lambda offer: (
            f"{offer.product.title} · {offer.partner_sku}"
        )

    def terms(self, *, price_tiers: list[dict] = ()) -> services.QuoteTerms:
        data = self.cleaned_data
        return services.QuoteTerms(
            offer=data["offer"],
            unit_price=data["unit_price"],
            price_tiers=list(price_tiers),
            currency=data["currency"],
            incoterm=data["incoterm"],
            named_place=data["named_place"],
            quantity=data["quantity"],
            unit=data["unit"],
            lead_time_days=data["lead_time_days"],
            valid_until=data["valid_until"],
            payment_schedule=SCHEDULES[data["payment_terms"]],
            moq=data["moq"],
            label=data["label"],
            documents_available=data["documents_available"],
            remarks=data["remarks"],
        )

    @staticmethod
    def initial_from(quote) -> dict:
        schedule = "-".join(str(int(float(term["percent"]))) for term in quote.payment_schedule)
        return {
            "offer": quote.offer_id,
            "label": quote.label,
            "unit_price": quote.unit_price,
            "currency": quote.currency_id,
            "incoterm": quote.incoterm.code,
            "named_place": quote.named_place,
            "quantity": quote.quantity,
            "unit": quote.unit.code,
            "moq": quote.moq,
            "lead_time_days": quote.lead_time_days,
            "valid_until": quote.valid_until,
            "payment_terms": schedule if schedule in SCHEDULES else "30-70",
            "documents_available": quote.documents_available,
            "remarks": quote.remarks,
        }


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 2}))
    counter_price = forms.DecimalField(
        label=_("Counter-offer unit price (optional)"),
        required=False,
        min_value=0.01,
        max_digits=12,
        decimal_places=2,
    )


class AcceptForm(forms.Form):
    quantity = forms.DecimalField(
        label=_("Quantity to award (empty: all that is open)"),
        required=False,
        min_value=0.001,
        max_digits=14,
        decimal_places=3,
    )


class AssumptionsForm(forms.Form):
    currency = forms.ModelChoiceField(
        label=_("Compare in"), queryset=Currency.objects.filter(is_offered=True)
    )
    mode = forms.ChoiceField(label=_("Main transport"), choices=[(mode, mode) for mode in MODES])
    freight_per_unit = forms.DecimalField(label=_("Freight per unit"), min_value=0, decimal_places=2)
    insurance_percent = forms.DecimalField(
        # xgettext:no-python-format
        label=_("Insurance (% of CIF value)"),
        min_value=0,
        max_value=100,
    )
    destination_charges_per_unit = forms.DecimalField(
        label=_("Destination charges per unit"), min_value=0, decimal_places=2
    )
    duty_percent = forms.DecimalField(label=_("Import duty (%)"), min_value=0, max_value=100)
    sort = forms.ChoiceField(
        label=_("Sort by"), choices=[("landed_cost", _("Landed cost")), ("lead_time", _("Lead time"))]
    )
