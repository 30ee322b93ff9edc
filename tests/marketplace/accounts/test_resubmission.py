import pytest
from django.urls import reverse

from marketplace.accounts.models import VerificationStatus
from marketplace.accounts.services import decide_verification
from marketplace.core.models import AuditEvent
from tests.factories import SupplierFactory, member_of, valid_uscc

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected_supplier(operator):
    company = SupplierFactory(
        name="Ordos Rejected Carbide", verification_status=VerificationStatus.UNVERIFIED
    )
    decide_verification(
        company=company, operator=operator, decision="rejected", reason="USCC does not match licence"
    )
    company.refresh_from_db()
    return company


def test_a_rejected_company_corrects_its_registration_and_returns_to_the_queue(
    client, rejected_supplier, operator, mailoutbox, django_capture_on_commit_callbacks
):
    admin = member_of(rejected_supplier)
    client.force_login(admin)
    assert "Correct your registration" in client.get(reverse("accounts:company")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:resubmit-registration"),
            {"registration_number": valid_uscc(7777), "customs_code": "0702960777", "note": "Fixed the USCC"},
        )

    assert response.status_code == 302
    rejected_supplier.refresh_from_db()
    assert rejected_supplier.verification_status == VerificationStatus.UNVERIFIED
    assert rejected_supplier.registration_number == valid_uscc(7777)
    event = AuditEvent.objects.for_subject(rejected_supplier).first()
    assert (event.verb, event.actor, event.data) == (
        "company.resubmitted",
        admin,
        {"reason": "Fixed the USCC"},
    )
    assert [mail.to for mail in mailoutbox] == [[operator.email]]
    client.force_login(operator)
    queue = client.get(reverse("accounts:operator-companies"))
    assert rejected_supplier in list(queue.context["page_obj"].object_list)


def test_an_invalid_correction_is_refused_and_nothing_changes(client, rejected_supplier):
    client.force_login(member_of(rejected_supplier))
    before = rejected_supplier.registration_number

    response = client.post(
        reverse("accounts:resubmit-registration"),
        {"registration_number": "91150600MA0T000000", "note": "typo"},
    )

    assert response.status_code == 400
    assert "registration_number" in response.context["resubmit_form"].errors
    rejected_supplier.refresh_from_db()
    assert rejected_supplier.verification_status == VerificationStatus.REJECTED
    assert rejected_supplier.registration_number == before


def test_only_a_rejected_company_can_resubmit(client, supplier, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(reverse("accounts:resubmit-registration"), {"note": "again"})

    assert response.status_code == 400
    supplier.refresh_from_db()
    assert supplier.verification_status == VerificationStatus.VERIFIED


def test_buyers_stay_out_of_the_verification_queue(client, operator, buyer):
    client.force_login(operator)

    pending = client.get(reverse("accounts:operator-companies"))
    everyone = client.get(reverse("accounts:operator-companies") + "?status=all")

    assert buyer not in list(pending.context["page_obj"].object_list)
    assert buyer in list(everyone.context["page_obj"].object_list)
