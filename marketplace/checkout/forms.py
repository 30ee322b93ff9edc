from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.countries import country_choices


class AddOfferForm(forms.Form):
    offer = forms.IntegerField(widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)


class CheckoutForm(forms.Form):
    place = forms.ChoiceField(label=_("Incoterm and named place"))
    destination_country = forms.ChoiceField(label=_("Destination country"), choices=country_choices)
    destination_city = forms.CharField(label=_("Destination port or city"), max_length=100, required=False)
    schedule = forms.ChoiceField(
        label=_("Payment schedule"),
        choices=[
            ("30-70", _("30 % deposit on order, 70 % before shipment")),
            ("30-60-10", _("30 % on order, 60 % before shipment, 10 % on delivery")),
            # xgettext:no-python-format
            ("100", _("100 % on order")),
        ],
        widget=forms.RadioSelect,
        initial="30-70",
    )
    notes = forms.CharField(
        label=_("Notes for the supplier"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, places: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [(f"{code}|{place}", f"{code} {place}") for code, place in places]

    def clean_place(self) -> tuple[str, str]:
        code, _sep, place = self.cleaned_data["place"].partition("|")
        return code, place
