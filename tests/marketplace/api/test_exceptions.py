"""The API's one exception handler: Django's exceptions from services become API answers."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.urls import reverse
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from marketplace.accounts.models import Company
from marketplace.core.models import AuditEvent
from rfq import services as rfq_services
from tests.factories import SupplierFactory, member_of
from tests.factories.catalogue import StockRecordFactory
from tests.rfq.conftest import methanol_from, quote_terms, rfq_details

StockRecord = get_model("partner", "StockRecord")


def answer_to(exc: Exception):
    """What a view that lets ``exc`` propagate answers (through the configured handler)."""

    class Raising(APIView):
        permission_classes = []
        authentication_classes = []

        def get(self, request):
            raise exc

    response = Raising.as_view()(APIRequestFactory().get("/"))
    return response.status_code, response.data


def test_a_validation_error_by_field_answers_400_by_field():
    error = ValidationError({"quantity": "Too much.", NON_FIELD_ERRORS: ["The RFQ is closed."]})

    assert answer_to(error) == (400, {"quantity": ["Too much."], "non_field_errors": ["The RFQ is closed."]})


def test_a_validation_error_without_fields_answers_400_under_detail():
    error = ValidationError(["Only goods that left the warehouse can be delivered.", "And a second."])

    assert answer_to(error) == (
        400,
        {"detail": ["Only goods that left the warehouse can be delivered.", "And a second."]},
    )


def test_messages_are_formatted_and_keep_their_code():
    error = ValidationError(
        "Lot %(lot)s has only %(left)s left.", code="short", params={"lot": "L1", "left": 5}
    )

    status, body = answer_to(error)

    assert (status, body) == (400, {"detail": ["Lot L1 has only 5 left."]})
    assert body["detail"][0].code == "short"


@pytest.mark.parametrize("error_class", [ProtectedError, RestrictedError])
def test_a_delete_that_other_rows_refer_to_answers_409(error_class):
    error = error_class("Cannot delete", {Company(pk=1, name="Ordos Chemical Co")})

    assert answer_to(error) == (
        409,
        {"detail": "This cannot be deleted while other records refer to it (Companies)."},
    )


def test_permission_denied_and_not_found_answer_as_drf_does():
    assert answer_to(PermissionDenied("Only the supplier may do this.")) == (
        403,
        {"detail": "Only the supplier may do this."},
    )
    assert answer_to(PermissionDenied()) == (
        403,
        {"detail": "You do not have permission to perform this action."},
    )
    assert answer_to(Http404()) == (404, {"detail": "Not found."})


# --- the real case: an offer a quote priced ---------------------------------------------------------


@pytest.fixture
def quoted_offer(db, reference_data, buyer_user, django_capture_on_commit_callbacks):
    category = create_from_breadcrumbs("Chemicals > Methanol")
    supplier = SupplierFactory(name="Hanggin Methanol")
    supplier.product = methanol_from(supplier, category=category)
    supplier.user = member_of(supplier)
    with django_capture_on_commit_callbacks(execute=True):
        rfq = rfq_services.create_rfq(buyer_user=buyer_user, details=rfq_details(category=category))
    quote = rfq_services.submit_quote(rfq=rfq, by=supplier.user, terms=quote_terms(supplier))
    # A second offer, so the rule "a published product keeps one offer" does not refuse first.
    StockRecordFactory(product=supplier.product, partner=supplier.partner)
    return quote.offer, supplier.user


def test_deleting_a_quoted_offer_through_the_api_answers_409_and_deletes_nothing(quoted_offer):
    offer, supplier_user = quoted_offer
    api = APIClient()
    api.force_authenticate(supplier_user)
    events_before = AuditEvent.objects.count()

    response = api.delete(reverse("offers-api:offer", args=[offer.pk]))

    assert response.status_code == 409
    assert response.json() == {"detail": "This cannot be deleted while other records refer to it (quotes)."}
    assert StockRecord.objects.filter(pk=offer.pk).exists()
    assert AuditEvent.objects.count() == events_before


def test_deleting_a_quoted_offer_in_the_portal_explains_why_and_deletes_nothing(client, quoted_offer):
    offer, supplier_user = quoted_offer
    client.force_login(supplier_user)

    response = client.post(reverse("supplier:offer-delete", args=[offer.pk]), follow=True)

    assert response.status_code == 200
    assert "This cannot be deleted while other records refer to it (quotes)." in response.content.decode()
    assert StockRecord.objects.filter(pk=offer.pk).exists()


def test_nested_field_errors_answer_400_with_their_messages():
    from marketplace.api.exceptions import exception_handler
    from marketplace.core.errors import FieldValidationError

    errors = {"title": ["Required."], "chemical_spec": {"cas_number": ["Not a CAS number."]}}

    response = exception_handler(FieldValidationError(errors), {})

    assert (response.status_code, response.data) == (400, errors)
