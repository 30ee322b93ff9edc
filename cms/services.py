"""Writes of the CMS: leads from the contact page."""

from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.contrib.forms.models import FormSubmission

from marketplace.core.services import notify, record_event

if TYPE_CHECKING:  # cms.models imports this module
    from cms.models import ContactPage

FIELDS = {"name": "name", "company": "company_name", "email": "email", "country": "country"}
FIELDS |= {"phone": "phone", "message": "message"}


def submit_lead(*, page: "ContactPage", form: forms.Form, language: str) -> FormSubmission:
    """Store a contact-form answer as a form submission and a lead; tell operators after commit."""
    from cms.models import Lead

    answers = form.cleaned_data
    mapped = {}
    for field in page.get_form_fields():
        attribute = FIELDS.get(field.lead_field)
        if attribute and field.clean_name in answers:
            mapped[attribute] = str(answers[field.clean_name] or "")[
                : 200 if attribute != "message" else None
            ]
    with transaction.atomic():
        submission = page.get_submission_class().objects.create(form_data=answers, page=page)
        lead = Lead.objects.create(page=page, language=language, answers=answers, **mapped)
        record_event(actor=None, subject=lead, verb="cms.lead_received", data={"language": language})
        context = {"lead_id": lead.pk, "name": lead.name, "company": lead.company_name, "email": lead.email}
        for operator in get_user_model().objects.filter(is_staff=True, is_active=True):
            notify(recipient=operator, template="cms/lead_received", context=context)
    return submission
