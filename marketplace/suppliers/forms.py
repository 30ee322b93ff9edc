"""Forms of the supplier portal: offers with their quantity breaks and Incoterms."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog.offers.rules import Tier
from catalog.reference.models import Currency, Incoterm, Unit
from catalog.specs.forms import CodeChoicesMixin
from marketplace.suppliers.services import OFFER_FIELDS, Place

StockRecord = get_model("partner", "StockRecord")
SMALL_NUMBER = forms.NumberInput(attrs={"class": "form-control form-control-sm", "step": "any"})


class OfferForm(CodeChoicesMixin, forms.ModelForm):
    price_currency = forms.ChoiceField(label=_("Currency"))
    commercial_unit = forms.ModelChoiceField(
        Unit.objects.all(), to_field_name="code", label=_("Commercial unit")
    )

    class Meta:
        model = StockRecord
        fields = OFFER_FIELDS
        labels = {"partner_sku": _("Your SKU"), "price": _("Base unit price")}
        help_texts = {"price": _("The price per commercial unit from the minimum order up.")}

    def __init__(self, *args, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner = partner
        self.fields["price"].required = True
        currencies = Currency.objects.values_list("code", flat=True)
        self.fields["price_currency"].choices = [(code, code) for code in currencies]

    def clean_partner_sku(self):
        sku = self.cleaned_data["partner_sku"].strip()
        taken = StockRecord.objects.filter(partner=self.partner, partner_sku=sku).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("You already use this SKU for another offer."))
        return sku


class TierForm(forms.Form):
    min_quantity = forms.DecimalField(
        label=_("From quantity"),
        min_value=Decimal("0.001"),
        max_digits=14,
        decimal_places=3,
        widget=SMALL_NUMBER,
    )
    unit_price = forms.DecimalField(
        label=_("Unit price"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2, widget=SMALL_NUMBER
    )

    def tier(self) -> Tier:
        return Tier(self.cleaned_data["min_quantity"], self.cleaned_data["unit_price"])


class PlaceForm(forms.Form):
    incoterm = forms.ModelChoiceField(
        Incoterm.objects.all(),
        to_field_name="code",
        label=_("Incoterm"),
        widget=forms.Select(attrs={"class": "form-control form-control-sm"}),
    )
    named_place = forms.CharField(
        label=_("Named place"),
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )

    def place(self) -> Place:
        return Place(self.cleaned_data["incoterm"], self.cleaned_data["named_place"].strip())


TierFormSet = forms.formset_factory(TierForm, extra=3, can_delete=True, max_num=10)
PlaceFormSet = forms.formset_factory(PlaceForm, extra=2, can_delete=True, max_num=10)


def kept(formset) -> list:
    """The filled, not deleted forms of a valid formset.

    Filled, not "changed": rows shown with the saved tiers are unchanged when the supplier
    edits something else, and must survive the save.
    """
    return [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
