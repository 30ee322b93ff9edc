"""Payments API: an order's milestones for the parties that see the order (404 for others),
card payments started by the buyer only, bank-transfer proofs uploaded as multipart."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from marketplace.accounts.services import authorise_firm
from marketplace.orders.models import PaymentMethod
from marketplace.orders.services import record_payment
from marketplace.payments import services
from marketplace.payments.models import CardPayment, TransferProof
from tests.factories import CompanyFactory, SupplierFactory, member_of
from tests.marketplace.payments.conftest import place, proof_file

pytestmark = pytest.mark.django_db


def api_as(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def payments_url(order) -> str:
    return reverse("payments-api:order-payments", args=[order.pk])


def test_the_buyer_reads_the_milestones_and_how_they_are_paid(
    stripe_on, order, deposit, balance, buyer_user, django_assert_max_num_queries
):
    intent_id = services.start_card_payment(milestone=deposit, by=buyer_user).card_payment.intent_id
    services.upload_transfer_proof(milestone=balance, file=proof_file(), by=buyer_user, reference="UETR-3")
    client = api_as(buyer_user)

    with django_assert_max_num_queries(10):
        response = client.get(payments_url(order))

    assert response.status_code == 200
    body = response.json()
    assert (body["number"], body["currency"], body["card_payments_enabled"]) == (order.number, "USD", True)
    first, second = body["milestones"]
    assert (first["label"], first["amount"], first["amount_minor"], first["status"]) == (
        "Deposit",
        "900.00",
        90_000,
        "pending",
    )
    assert first["card_payment"]["payment_intent"] == intent_id
    assert first["card_payment"]["status"] == "awaiting"
    assert second["card_payment"] is None
    assert [(p["reference"], p["status"]) for p in second["transfer_proofs"]] == [("UETR-3", "awaiting")]
    assert "client_secret" not in str(body)


def test_paid_and_refunded_amounts_show(stripe_off, order, deposit, buyer_user, operator):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT-1")
    deposit.refresh_from_db()
    services.refund_payment(
        milestone=deposit, amount_minor=1_000, by=operator, reason="Rounding", reference="R1"
    )

    first = api_as(buyer_user).get(payments_url(order)).json()["milestones"][0]

    assert (first["status"], first["paid_with"], first["refunded_minor"]) == ("paid", "bank_transfer", 1_000)
    assert [(r["amount"], r["status"]) for r in first["refunds"]] == [("10.00", "refunded")]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("supplier_admin", 200),
        ("operator", 200),
        ("authorised_firm", 200),
        ("other_buyer", 404),
        ("other_supplier", 404),
        ("unauthorised_firm", 404),
    ],
)
def test_who_reads_an_orders_payments(order, who, status, request):
    if who == "authorised_firm":
        authorise_firm(
            supplier=request.getfixturevalue("supplier"),
            firm=request.getfixturevalue("firm"),
            by=request.getfixturevalue("supplier_admin"),
        )
        user = request.getfixturevalue("firm_user")
    elif who == "unauthorised_firm":
        user = request.getfixturevalue("firm_user")
    elif who == "other_buyer":
        user = member_of(CompanyFactory())
    elif who == "other_supplier":
        user = member_of(SupplierFactory())
    else:
        user = request.getfixturevalue(who)

    assert api_as(user).get(payments_url(order)).status_code == status


def test_anonymous_callers_are_refused(order):
    assert APIClient().get(payments_url(order)).status_code == 401


def test_the_buyer_starts_a_card_payment_and_gets_the_same_intent_again(
    stripe_on, order, deposit, buyer_user
):
    client = api_as(buyer_user)
    url = reverse("payments-api:card", args=[order.pk, deposit.pk])

    first = client.post(url)
    second = client.post(url)

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    payment = CardPayment.objects.get(milestone=deposit)
    assert first.json()["payment_intent"] == payment.intent_id
    assert first.json()["client_secret"].startswith(f"{payment.intent_id}_secret")
    assert first.json()["publishable_key"] == "pk_test_ordos"


@pytest.mark.parametrize(
    ("who", "status"), [("supplier_admin", 403), ("operator", 403), ("other_buyer", 404)]
)
def test_nobody_else_starts_a_card_payment(stripe_on, order, deposit, who, status, request):
    user = member_of(CompanyFactory()) if who == "other_buyer" else request.getfixturevalue(who)

    response = api_as(user).post(reverse("payments-api:card", args=[order.pk, deposit.pk]))

    assert response.status_code == status
    assert not CardPayment.objects.exists()


def test_a_milestone_of_another_order_is_404(stripe_on, order, buyer_user, supplier):
    other = place(buyer_user=member_of(CompanyFactory()), supplier=supplier).milestones.first()

    response = api_as(buyer_user).post(reverse("payments-api:card", args=[order.pk, other.pk]))

    assert response.status_code == 404


def test_without_stripe_the_card_endpoint_says_so(stripe_off, order, deposit, buyer_user):
    response = api_as(buyer_user).post(reverse("payments-api:card", args=[order.pk, deposit.pk]))

    assert response.status_code == 400
    assert "bank transfer" in str(response.json())


def test_the_buyer_uploads_a_transfer_proof(order, deposit, buyer_user):
    response = api_as(buyer_user).post(
        reverse("payments-api:transfer-proof", args=[order.pk, deposit.pk]),
        {"file": proof_file(), "reference": "UETR-8"},
        format="multipart",
    )

    assert response.status_code == 201
    assert (response.json()["reference"], response.json()["status"]) == ("UETR-8", "awaiting")
    assert TransferProof.objects.get().milestone == deposit


def test_a_bad_proof_file_is_a_field_error(order, deposit, buyer_user):
    response = api_as(buyer_user).post(
        reverse("payments-api:transfer-proof", args=[order.pk, deposit.pk]),
        {"file": proof_file("slip.pdf", b"not a pdf")},
        format="multipart",
    )

    assert response.status_code == 400
    assert "file" in response.json()
    assert not TransferProof.objects.exists()


def test_the_supplier_cannot_upload_proofs(order, deposit, supplier_admin):
    response = api_as(supplier_admin).post(
        reverse("payments-api:transfer-proof", args=[order.pk, deposit.pk]),
        {"file": proof_file()},
        format="multipart",
    )

    assert response.status_code == 403
    assert not TransferProof.objects.exists()
