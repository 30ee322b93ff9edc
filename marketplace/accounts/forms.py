from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.countries import country_choices
from marketplace.accounts.models import Company, CompanyKind, MembershipRole, VerificationStatus
from marketplace.accounts.services import CompanyDetails
from marketplace.core.uploads import UploadValidator


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=40,
        required=False,
        help_text=_("Chinese firms: the 18-character unified social credit code (统一社会信用代码)."),
    )
    customs_code = forms.CharField(
        label=_("Customs registration code"),
        max_length=10,
        required=False,
        help_text=_("10 characters, as registered with China Customs (海关编码)."),
    )
    registration_document = forms.FileField(
        label=_("Business licence (PDF, PNG or JPEG)"),
        required=False,
        validators=[UploadValidator(kinds=("pdf", "png", "jpeg"))],
    )
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    email = forms.EmailField(label=_("Work email"))
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind == CompanyKind.BUYER:
            del self.fields["customs_code"]

    def clean_registration_number(self) -> str:
        return self.cleaned_data["registration_number"].strip().upper()

    def clean_customs_code(self) -> str:
        return self.cleaned_data["customs_code"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            try:
                password_validation.validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    def company_details(self) -> CompanyDetails:
        data = self.cleaned_data
        return CompanyDetails(
            name=data["name"].strip(),
            country=data["country"],
            city=data["city"],
            address=data["address"],
            phone=data["phone"],
            website=data["website"],
            registration_number=data["registration_number"],
            customs_code=data.get("customs_code", ""),
        )


class VerificationDecisionForm(forms.Form):
    ACTIONS = {VerificationStatus.VERIFIED: _("Verify"), VerificationStatus.REJECTED: _("Reject")}

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a rejection; sent to the company."),
    )

    def __init__(self, *args, allowed: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the decisions legal from the company's current state are offered.
        self.fields["decision"].choices = [
            (value, label) for value, label in self.ACTIONS.items() if value in allowed
        ]


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class AuthoriseFirmForm(forms.Form):
    firm = forms.ModelChoiceField(label=_("Trade-service firm"), queryset=Company.objects.none())

    def __init__(self, *args, firms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["firm"].queryset = firms


class ResubmitRegistrationForm(forms.Form):
    """A rejected company corrects its registration and asks for review again."""

    registration_number = forms.CharField(label=_("Registration number"), max_length=40, required=False)
    customs_code = forms.CharField(label=_("Customs registration code"), max_length=10, required=False)
    registration_document = forms.FileField(
        label=_("Business licence (PDF, PNG or JPEG)"),
        required=False,
        validators=[UploadValidator(kinds=("pdf", "png", "jpeg"))],
    )
    note = forms.CharField(
        label=_("What did you correct?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def clean_registration_number(self) -> str:
        return self.cleaned_data["registration_number"].strip().upper()

    def clean_customs_code(self) -> str:
        return self.cleaned_data["customs_code"].strip().upper()
