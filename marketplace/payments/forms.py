"""Forms of the payment pages; the rules (who, how much, which files) are in the services."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.orders.money import exponent, to_minor


class TransferProofForm(forms.Form):
    file = forms.FileField(
        label=_("Proof of transfer (PDF, PNG or JPEG)"),
        help_text=_("The bank's confirmation, e.g. the SWIFT MT103 or a signed payment order."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"}
        ),
    )
    reference = forms.CharField(
        label=_("Bank reference"),
        max_length=100,
        required=False,
        help_text=_("The transfer's reference or UETR, if you have it."),
    )


class ProofDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=(("accept", _("Confirm")), ("reject", _("Reject"))))
    reason = forms.CharField(label=_("Reason for rejection"), max_length=1000, required=False)

    @property
    def accept(self) -> bool:
        return self.cleaned_data["decision"] == "accept"


class RefundForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount"), min_value=Decimal(0), max_digits=18, decimal_places=3)
    reason = forms.CharField(label=_("Reason"), max_length=1000)
    reference = forms.CharField(
        label=_("Bank reference"),
        max_length=100,
        required=False,
        help_text=_("For bank transfers: the reference of the refund you sent."),
    )

    def __init__(self, *args, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.currency = currency

    def clean_amount(self) -> int:
        """The amount in the milestone currency's minor units; no more decimals than it has."""
        amount = self.cleaned_data["amount"]
        places = exponent(self.currency)
        if amount.as_tuple().exponent < -places and amount != amount.quantize(Decimal(1).scaleb(-places)):
            raise forms.ValidationError(
                _("%(currency)s amounts have at most %(places)s decimals.")
                % {"currency": self.currency, "places": places}
            )
        return to_minor(amount, self.currency, places=places)
