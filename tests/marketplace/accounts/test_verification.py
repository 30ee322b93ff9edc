import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from marketplace.accounts.models import VerificationStatus
from marketplace.accounts.services import decide_verification
from marketplace.core.models import AuditEvent
from tests.factories import CompanyFactory, SupplierFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending_supplier(db):
    return SupplierFactory(name="Ordos Pending Chemicals", verification_status=VerificationStatus.UNVERIFIED)


def test_an_operator_verifies_a_company_and_the_decision_is_recorded(
    client, operator, pending_supplier, mailoutbox, django_capture_on_commit_callbacks
):
    admin = member_of(pending_supplier, email="admin@pending.example")
    client.force_login(operator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:operator-company", args=[pending_supplier.pk]),
            {"decision": "verified", "reason": "Licence checked"},
        )

    assert response.status_code == 302
    pending_supplier.refresh_from_db()
    assert pending_supplier.verification_status == VerificationStatus.VERIFIED
    assert pending_supplier.verified_by == operator
    assert pending_supplier.verification_reason == "Licence checked"
    event = AuditEvent.objects.for_subject(pending_supplier).get()
    assert (event.verb, event.actor, event.data) == (
        "company.verified",
        operator,
        {"from": "unverified", "to": "verified", "reason": "Licence checked"},
    )
    assert [mail.to for mail in mailoutbox] == [[admin.email]]
    assert "Ordos Pending Chemicals is verified" in mailoutbox[0].subject


def test_a_rejection_needs_a_reason_and_changes_nothing_without_one(client, operator, pending_supplier):
    client.force_login(operator)

    response = client.post(
        reverse("accounts:operator-company", args=[pending_supplier.pk]),
        {"decision": "rejected", "reason": " "},
    )

    assert response.status_code == 200
    assert "Give the reason" in str(response.context["form"].errors["reason"])
    pending_supplier.refresh_from_db()
    assert pending_supplier.verification_status == VerificationStatus.UNVERIFIED
    assert not AuditEvent.objects.for_subject(pending_supplier).exists()


def test_a_rejection_with_a_reason_is_shown_to_the_company(client, operator, pending_supplier):
    admin = member_of(pending_supplier)
    decide_verification(
        company=pending_supplier, operator=operator, decision="rejected", reason="Licence expired in 2024"
    )
    client.force_login(admin)

    response = client.get(reverse("accounts:company"))

    assert "Verification was refused." in response.content.decode()
    assert "Licence expired in 2024" in response.content.decode()


def test_an_illegal_transition_is_refused(operator, pending_supplier):
    decide_verification(company=pending_supplier, operator=operator, decision="verified")

    with pytest.raises(ValidationError):
        decide_verification(company=pending_supplier, operator=operator, decision="verified")

    assert AuditEvent.objects.for_subject(pending_supplier).count() == 1


def test_only_operators_decide(pending_supplier):
    someone = member_of(CompanyFactory())

    with pytest.raises(PermissionDenied):
        decide_verification(company=pending_supplier, operator=someone, decision="verified")

    pending_supplier.refresh_from_db()
    assert pending_supplier.verification_status == VerificationStatus.UNVERIFIED


def test_operator_pages_are_closed_to_companies(client, supplier_admin, pending_supplier):
    client.force_login(supplier_admin)

    for url in (
        reverse("accounts:operator-companies"),
        reverse("accounts:operator-company", args=[pending_supplier.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403
    response = client.post(
        reverse("accounts:operator-company", args=[pending_supplier.pk]), {"decision": "verified"}
    )
    pending_supplier.refresh_from_db()
    assert pending_supplier.verification_status == VerificationStatus.UNVERIFIED


def test_the_review_queue_lists_unverified_companies_with_a_bounded_query_count(
    client, operator, django_assert_max_num_queries
):
    for index in range(30):
        SupplierFactory(name=f"Queue {index:02d}", verification_status=VerificationStatus.UNVERIFIED)
    SupplierFactory(name="Already verified")
    client.force_login(operator)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("accounts:operator-companies"))

    page = response.context["page_obj"]
    assert page.paginator.count == 30
    assert len(page.object_list) == 25
    assert "Already verified" not in response.content.decode()
    second = client.get(reverse("accounts:operator-companies") + "?page=2")
    assert len(second.context["page_obj"].object_list) == 5


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("accounts:operator-companies"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("customer:login"))
