"""The contact page turns answers into a lead operators see in the CMS admin, and emails them."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from cms import demo
from cms.models import ContactPage, Lead, LeadStatus
from marketplace.core.models import AuditEvent
from tests.factories import OperatorFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

ANSWERS = {
    "your_name": "Bataa Dorj",
    "company": "Ulaanbaatar Steel LLC",
    "email": "bataa@ub-steel.example",
    "country": "Mongolia",
    "your_message": "We need 500 t of caustic soda flakes monthly, CPT Ulaanbaatar.",
}


@pytest.fixture
def contact_pages(home_page):
    loader = demo._Loader()
    loader.home()
    loader.contact()
    return {page.locale.language_code: page for page in ContactPage.objects.select_related("locale")}


def test_a_submission_becomes_a_lead_and_operators_are_emailed_after_commit(
    client, contact_pages, django_capture_on_commit_callbacks
):
    operator = OperatorFactory(email="ops@ordos.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ru/contact/", ANSWERS)

    lead = Lead.objects.get()
    assert response.status_code == 200
    assert "Thank you" in response.content.decode() or "Спасибо" in response.content.decode()
    assert (lead.name, lead.company_name, lead.email, lead.country, lead.language, lead.status) == (
        "Bataa Dorj",
        "Ulaanbaatar Steel LLC",
        "bataa@ub-steel.example",
        "Mongolia",
        "ru",
        LeadStatus.NEW,
    )
    assert lead.message == ANSWERS["your_message"]
    assert lead.page == contact_pages["ru"]
    assert FormSubmission.objects.filter(page=contact_pages["ru"]).count() == 1
    assert AuditEvent.objects.filter(verb="cms.lead_received", subject_id=str(lead.pk)).count() == 1
    assert [message.to for message in mail.outbox] == [[operator.email]]
    assert "Bataa Dorj" in mail.outbox[0].subject


def test_an_invalid_submission_shows_errors_and_stores_nothing(client, contact_pages):
    OperatorFactory()

    response = client.post("/contact/", {**ANSWERS, "email": "not-an-email", "your_name": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in html
    assert "This field is required." in html
    assert Lead.objects.count() == 0 and FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("buyer", 302), ("operator_without_cms", 302), ("cms_superuser", 200)],
)
def test_only_cms_administrators_see_leads(client, contact_pages, buyer, who, status):
    Lead.objects.create(page=contact_pages["en"], language="en", name="Bataa", email="b@example.com")
    users = {
        "buyer": lambda: member_of(buyer),
        "operator_without_cms": lambda: OperatorFactory(),
        "cms_superuser": lambda: UserFactory(email="root@ordos.example", is_staff=True, is_superuser=True),
    }
    if who in users:
        client.force_login(users[who]())

    response = client.get("/cms-admin/snippets/cms/lead/")

    assert response.status_code == status
    if status == 200:
        assert "Bataa" in response.content.decode()
