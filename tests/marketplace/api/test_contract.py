"""The API does what its OpenAPI schema says: schemathesis generates requests for every operation of
/api/schema/ as a supplier, a buyer, a trade-service firm, an operator and an anonymous visitor, and
every answer must be documented (status, content type, body) and none a server error.

Bounded so that it runs in every ``make test``: a few examples per operation and role, derandomized
(the same requests on every run), no shrinking. Each request runs in a savepoint that is rolled back,
so every request meets the same data (a delete does not hide the object from the next one).

Not covered: the Stripe webhook (``/api/v1/webhooks/stripe/``) is a plain Django view outside the
schema; it needs Stripe's signature and is tested in tests/marketplace/payments/. The document
download and the XML exports answer files: their status and content type are checked, their bodies
are bytes the schema does not describe further.
"""

import datetime
from decimal import Decimal

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections, transaction
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from catalog.reference.models import Currency, Incoterm, Unit
from marketplace.accounts.models import SupplierAuthorisation
from marketplace.orders.services import SCHEDULES
from marketplace.wsgi import application
from rfq import services as rfq_services
from rfq.api import RFQ_EXAMPLE
from rfq.models import RFQ
from tests.factories import CompanyFactory, OperatorFactory, ServiceFirmFactory, SupplierFactory, member_of
from tests.factories.customs import customs_reference, order_for
from tests.factories.fulfillment import booking_of, declaration_for, methanol_product, warehouse_of

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = {GenerationMode.POSITIVE: 4, GenerationMode.NEGATIVE: 2}
MIN_SUCCEEDING = 25  # of 57 operations; most writes need input that few generated bodies get right
BOUNDS = dict(
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as generated
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def marketplace(reference_data):
    """A supplier with a listed product, a buyer's order and RFQ with a quote, a firm the supplier
    authorised, a declaration, an overseas warehouse with a booking, and an operator."""
    customs_reference()
    supplier = SupplierFactory(name="Hanggin Methanol", customs_code="1506960001")
    supplier_user = member_of(supplier)
    product = methanol_product(supplier=supplier)
    buyer = CompanyFactory(name="Ulaanbaatar Chemicals LLC")
    buyer_user = member_of(buyer)
    firm = ServiceFirmFactory(name="Ordos Customs Brokers", customs_code="1506980002")
    firm_user = member_of(firm)
    SupplierAuthorisation.objects.create(supplier=supplier, firm=firm, granted_by=supplier_user)
    order = order_for(
        buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=product, quantity="20", unit="t"
    )
    declaration = declaration_for(by=firm_user, order=order)
    warehouse = warehouse_of(supplier)
    booking_of(supplier=supplier, warehouse=warehouse, product=product, by=supplier_user)
    rfq = rfq_services.create_rfq(
        buyer_user=buyer_user,
        details=rfq_services.RFQDetails(
            title="Methanol 99.85 % in IBC",
            product=product,
            quantity=Decimal(100),
            unit=Unit.objects.get(code="t"),
            currency=Currency.objects.get(code="USD"),
            incoterm=Incoterm.objects.get(code="FCA"),
            named_place="Erenhot",
            destination_country="MN",
            quote_deadline=timezone.localdate() + datetime.timedelta(days=7),
        ),
    )
    quote = rfq_services.submit_quote(
        rfq=rfq,
        by=supplier_user,
        terms=rfq_services.QuoteTerms(
            offer=product.stockrecords.get(),
            unit_price=Decimal("280.00"),
            currency=Currency.objects.get(code="USD"),
            incoterm=Incoterm.objects.get(code="FCA"),
            named_place="Erenhot",
            quantity=Decimal(100),
            unit=Unit.objects.get(code="t"),
            lead_time_days=20,
            valid_until=timezone.localdate() + datetime.timedelta(days=14),
            payment_schedule=SCHEDULES["30-70"],
        ),
    )
    users = {"supplier": supplier_user, "buyer": buyer_user, "firm": firm_user, "operator": OperatorFactory()}
    tokens = {role: Token.objects.create(user=user).key for role, user in users.items()}
    ids = {
        "/api/v1/products/{id}/": {"id": product.pk},
        "/api/v1/products/{product_id}/": {"product_id": product.pk},
        "/api/v1/offers/{id}/": {"id": product.stockrecords.get().pk},
        "/api/v1/suppliers/{id}/": {"id": supplier.pk},
        "/api/v1/orders/{id}/": {"id": order.pk},
        "/api/v1/orders/{order_id}/": {
            "order_id": order.pk,
            "milestone_id": order.milestones.first().pk,
        },
        "/api/v1/rfqs/{id}/": {"id": rfq.pk},
        "/api/v1/quotes/{id}/": {"id": quote.pk},
        "/api/v1/declarations/{id}/": {"id": declaration.pk, "message": "ceb303"},
        "/api/v1/warehouses/{id}/": {"id": warehouse.pk},
    }
    return tokens, ids


def real_objects(ids: dict, path: str) -> dict:
    """The fixture's objects for the operation's path parameters (generated ids mostly answer 404)."""
    return ids.get(path[: path.index("}") + 2], {}) if "{" in path else {}


@pytest.fixture
def in_process_calls():
    """Requests go to the WSGI application in this thread, inside the test's transaction: keep its
    connection open after each one, as Django's test client does."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


def check_operation(operation, *, mode, headers: dict, known: dict, answered: set) -> None:
    """Up to EXAMPLES[mode] generated requests; with the fixture's ids as well as generated ones."""
    strategy = operation.as_strategy(generation_mode=mode)
    if fixed := {name: value for name, value in known.items() if f"{{{name}}}" in operation.path}:
        strategy = st.one_of(strategy, operation.as_strategy(generation_mode=mode, path_parameters=fixed))

    @settings(max_examples=EXAMPLES[mode], **BOUNDS)
    @given(case=strategy)
    def check(case):
        with transaction.atomic():
            response = case.call(headers=headers)
            transaction.set_rollback(True)
        if response.status_code < 300:
            answered.add(operation.label)
        case.validate_response(response, checks=CHECKS)

    check()


def test_the_api_answers_as_its_schema_says(marketplace, in_process_calls):
    tokens, ids = marketplace
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    failures, answered = [], set()
    for result in schema.get_all_operations():
        operation = result.ok()
        for role, token in {**tokens, "anonymous": None}.items():
            headers = {"Authorization": f"Token {token}"} if token else {}
            # A visitor meets the same refusals whatever the input: the valid requests suffice.
            for mode in EXAMPLES if token else [GenerationMode.POSITIVE]:
                try:
                    check_operation(
                        operation,
                        mode=mode,
                        headers=headers,
                        known=real_objects(ids, operation.path),
                        answered=answered,
                    )
                except Unsatisfiable:
                    assert mode is GenerationMode.NEGATIVE, operation.label  # nothing to get wrong
                except (AssertionError, FailureGroup) as failure:  # what schemathesis' checks raise
                    failures.append(f"{operation.label} as {role} ({mode.value}):\n{failure}")
    assert not failures, "\n\n".join(failures)
    # Not only refusals: most operations did their work at least once on the fixture's data.
    assert len(answered) >= MIN_SUCCEEDING, sorted(answered)


def test_the_schema_is_valid_openapi_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))

    assert "DeclarationForRole" in (tmp_path / "schema.yaml").read_text()


def test_a_reference_code_with_a_nul_answers_400_and_no_rfq_is_made(client, buyer_user, reference_data):
    client.force_login(buyer_user)
    rfq = {**RFQ_EXAMPLE, "product": None, "unit": "t\x00", "currency": "US\x00", "incoterm": "\x00"}

    response = client.post("/api/v1/rfqs/", rfq, content_type="application/json")

    assert response.status_code == 400
    assert set(response.json()) == {"unit", "currency", "incoterm"}
    assert not RFQ.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_api_path_no_endpoint_answers_is_the_api_404(client, db, method):
    response = getattr(client, method)("/api/v1/orders/-5/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_api_path_without_its_slash_still_redirects(client, db):
    assert client.get("/api/v1/me").status_code == 301
