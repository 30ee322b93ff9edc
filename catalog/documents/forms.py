from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.documents.models import DocumentKind, DocumentVisibility


class DateInput(forms.DateInput):
    input_type = "date"


class DocumentUploadForm(forms.Form):
    """The portal's upload form; the rules (PDF only, dates, who may upload) are in the service."""

    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File (PDF)"),
        help_text=_("A PDF file; it becomes the current version for this kind."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    issue_date = forms.DateField(label=_("Issue date"), widget=DateInput(format="%Y-%m-%d"))
    expiry_date = forms.DateField(
        label=_("Expiry date"),
        required=False,
        widget=DateInput(format="%Y-%m-%d"),
        help_text=_("Leave empty if the document does not expire."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may download it"),
        choices=DocumentVisibility.choices,
        initial=DocumentVisibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
