"""Payment pages: the buyer's payment page and card step, proof upload, the supplier's and
operators' decisions and refunds, proof downloads; 404 for orders one may not see, 403 for
actions one's role may not take."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from marketplace.accounts.services import authorise_firm
from marketplace.orders.models import MilestoneStatus, PaymentMethod
from marketplace.orders.services import record_payment
from marketplace.payments import services
from marketplace.payments.models import CardPayment, Refund, TransferProof
from tests.factories import CompanyFactory, SupplierFactory, member_of
from tests.marketplace.payments.conftest import PNG, place, proof_file

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def authorised_firm_user(supplier, supplier_admin, firm, firm_user):
    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    return firm_user


@pytest.fixture
def proof(deposit, buyer_user):
    return services.upload_transfer_proof(
        milestone=deposit, file=proof_file(), by=buyer_user, reference="UETR-9"
    )


# --- the payment page -------------------------------------------------------------------------------


def test_the_buyer_sees_card_and_transfer_for_each_pending_milestone(
    client, stripe_on, order, deposit, balance, buyer_user, django_assert_max_num_queries
):
    client.force_login(buyer_user)

    with django_assert_max_num_queries(16):
        response = client.get(reverse("payments:pay", args=[order.number]))

    assert response.status_code == 200
    html = response.content.decode()
    for milestone in (deposit, balance):
        assert reverse("payments:card", args=[order.number, milestone.pk]) in html
        assert reverse("payments:upload-proof", args=[order.number, milestone.pk]) in html
    assert "$900.00" in html and "$2,100.00" in html
    assert "Bank transfer (T/T)" in html and order.supplier.name in html


def test_without_stripe_only_bank_transfer_is_offered(client, stripe_off, order, deposit, buyer_user):
    client.force_login(buyer_user)

    html = client.get(reverse("payments:pay", args=[order.number])).content.decode()

    assert "Pay by card" not in html
    assert reverse("payments:card", args=[order.number, deposit.pk]) not in html
    assert reverse("payments:upload-proof", args=[order.number, deposit.pk]) in html


def test_nothing_to_pay_shows_an_empty_state(client, order, deposit, balance, buyer_user):
    for milestone in (deposit, balance):
        record_payment(milestone=milestone, method=PaymentMethod.BANK_TRANSFER, reference="TT")
    client.force_login(buyer_user)

    response = client.get(reverse("payments:pay", args=[order.number]))

    assert response.status_code == 200
    assert "Nothing to pay" in response.content.decode()


def test_back_from_stripe_the_page_says_stripe_confirms(client, stripe_on, order, buyer_user):
    client.force_login(buyer_user)

    response = client.get(reverse("payments:pay", args=[order.number]), {"redirect_status": "succeeded"})

    assert "Stripe is confirming your card payment" in response.content.decode()
    assert not order.milestones.filter(status=MilestoneStatus.PAID).exists()


def test_a_proof_awaiting_a_decision_replaces_the_upload_form(client, order, deposit, proof, buyer_user):
    client.force_login(buyer_user)

    html = client.get(reverse("payments:pay", args=[order.number])).content.decode()

    assert "is waiting for the supplier" in html
    assert reverse("payments:upload-proof", args=[order.number, deposit.pk]) not in html


@pytest.mark.parametrize(
    ("who", "status"),
    [("supplier_admin", 403), ("operator", 403), ("authorised_firm_user", 403), ("other_buyer", 404)],
)
def test_only_the_buyer_opens_the_payment_page(client, order, who, status, request):
    user = member_of(CompanyFactory()) if who == "other_buyer" else request.getfixturevalue(who)
    client.force_login(user)

    assert client.get(reverse("payments:pay", args=[order.number])).status_code == status


def test_visitors_are_sent_to_log_in(client, order):
    response = client.get(reverse("payments:pay", args=[order.number]))

    assert response.status_code == 302 and "login" in response.url


# --- the card step -------------------------------------------------------------------------------------


def test_only_the_card_step_lets_stripe_js_in(client, stripe_on, order, deposit, buyer_user):
    client.force_login(buyer_user)

    card = client.post(reverse("payments:card", args=[order.number, deposit.pk]))
    pay = client.get(reverse("payments:pay", args=[order.number]))

    policy = dict(directive.split(" ", 1) for directive in card["Content-Security-Policy"].split("; "))
    assert policy["script-src"] == "'self' https://js.stripe.com https://*.js.stripe.com"
    assert policy["frame-src"] == (
        "https://www.youtube.com https://player.vimeo.com "
        "https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com"
    )
    assert policy["connect-src"] == "'self' https://api.stripe.com"
    assert policy["style-src"] == "'self'"  # Stripe's elements style themselves inside their frames
    assert "stripe" not in pay["Content-Security-Policy"]


def test_the_card_step_shows_the_payment_element_for_one_intent(
    client, stripe_on, order, deposit, buyer_user
):
    client.force_login(buyer_user)
    url = reverse("payments:card", args=[order.number, deposit.pk])

    first = client.post(url)
    second = client.post(url)

    assert first.status_code == second.status_code == 200
    payment = CardPayment.objects.get(milestone=deposit)
    html = first.content.decode()
    assert "https://js.stripe.com/v3/" in html and "pk_test_ordos" in html
    assert f"{payment.intent_id}_secret" in html
    assert f"{payment.intent_id}_secret" in second.content.decode()
    assert CardPayment.objects.count() == 1
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PENDING


@pytest.mark.parametrize(("who", "status"), [("supplier_admin", 403), ("other_buyer", 404)])
def test_nobody_else_starts_a_card_payment(client, stripe_on, order, deposit, who, status, request):
    user = member_of(CompanyFactory()) if who == "other_buyer" else request.getfixturevalue(who)
    client.force_login(user)

    assert client.post(reverse("payments:card", args=[order.number, deposit.pk])).status_code == status
    assert not CardPayment.objects.exists()


def test_the_card_step_is_post_only_and_off_without_stripe(client, stripe_off, order, deposit, buyer_user):
    client.force_login(buyer_user)
    url = reverse("payments:card", args=[order.number, deposit.pk])

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 404
    assert not CardPayment.objects.exists()


def test_a_paid_milestone_sends_the_buyer_back_with_a_message(client, stripe_on, order, deposit, buyer_user):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT")
    client.force_login(buyer_user)

    response = client.post(reverse("payments:card", args=[order.number, deposit.pk]))

    assert response.status_code == 302
    assert any("already paid" in text for text in messages_of(response))


# --- proofs -----------------------------------------------------------------------------------------------


def test_the_buyer_uploads_a_proof_from_the_page(client, order, deposit, buyer_user):
    client.force_login(buyer_user)

    response = client.post(
        reverse("payments:upload-proof", args=[order.number, deposit.pk]),
        {"file": proof_file("mt103.png", PNG), "reference": "UETR-5"},
    )

    assert response.status_code == 302 and response.url == reverse("payments:pay", args=[order.number])
    assert TransferProof.objects.get().reference == "UETR-5"
    assert any("The supplier will confirm" in text for text in messages_of(response))


def test_a_wrong_file_shows_the_error_on_the_form(client, order, deposit, buyer_user):
    client.force_login(buyer_user)

    response = client.post(
        reverse("payments:upload-proof", args=[order.number, deposit.pk]),
        {"file": proof_file("mt103.pdf", b"<html></html>")},
    )

    assert response.status_code == 400
    assert "does not match" in response.content.decode()
    assert not TransferProof.objects.exists()


def test_the_supplier_confirms_from_the_order_page(client, order, deposit, proof, supplier_admin):
    client.force_login(supplier_admin)
    back = reverse("payments:order-payments", args=[order.number])

    page = client.get(back)
    response = client.post(
        reverse("payments:decide-proof", args=[order.number, proof.pk]), {"decision": "accept", "next": back}
    )

    assert reverse("payments:decide-proof", args=[order.number, proof.pk]) in page.content.decode()
    assert response.status_code == 302 and response.url == back
    deposit.refresh_from_db()
    assert (deposit.status, deposit.paid_with) == (MilestoneStatus.PAID, PaymentMethod.BANK_TRANSFER)


def test_a_rejection_without_reason_is_refused_with_a_message(client, order, proof, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("payments:decide-proof", args=[order.number, proof.pk]), {"decision": "reject"}
    )

    assert response.status_code == 302
    assert any("why" in text for text in messages_of(response))
    proof.refresh_from_db()
    assert proof.accepted is None


def test_an_off_site_next_is_not_followed(client, order, proof, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("payments:decide-proof", args=[order.number, proof.pk]),
        {"decision": "reject", "reason": "Unreadable", "next": "https://evil.example/"},
    )

    assert response.status_code == 302 and not response.url.startswith("https://evil.example")


@pytest.mark.parametrize(
    ("who", "status"),
    [("buyer_user", 403), ("authorised_firm_user", 403), ("other_supplier", 404), ("other_buyer", 404)],
)
def test_nobody_else_decides_proofs(client, order, proof, who, status, request):
    others = {"other_supplier": SupplierFactory, "other_buyer": CompanyFactory}
    user = member_of(others[who]()) if who in others else request.getfixturevalue(who)
    client.force_login(user)

    response = client.post(
        reverse("payments:decide-proof", args=[order.number, proof.pk]), {"decision": "accept"}
    )

    assert response.status_code == status
    proof.refresh_from_db()
    assert proof.accepted is None


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("buyer_user", 200),
        ("supplier_admin", 200),
        ("operator", 200),
        ("authorised_firm_user", 403),
        ("other_buyer", 404),
    ],
)
def test_who_downloads_a_proof(client, order, proof, who, status, request):
    user = member_of(CompanyFactory()) if who == "other_buyer" else request.getfixturevalue(who)
    client.force_login(user)

    response = client.get(reverse("payments:download-proof", args=[order.number, proof.pk]))

    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content).startswith(b"%PDF")


# --- refunds and the payments panel -------------------------------------------------------------------


def test_an_operator_refunds_a_transfer_from_the_panel(
    client, order, deposit, operator, django_assert_max_num_queries
):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT-1")
    client.force_login(operator)
    back = reverse("payments:order-payments", args=[order.number])

    with django_assert_max_num_queries(12):
        page = client.get(back)
    response = client.post(
        reverse("payments:refund", args=[order.number, deposit.pk]),
        {"amount": "150.50", "reason": "Short shipment", "reference": "ICBC-77", "next": back},
    )

    assert reverse("payments:refund", args=[order.number, deposit.pk]) in page.content.decode()
    assert response.status_code == 302 and response.url == back
    assert any("refunded" in text for text in messages_of(response))
    deposit.refresh_from_db()
    assert deposit.refunded_minor == 15_050
    assert Refund.objects.get().reference == "ICBC-77"


@pytest.mark.parametrize("amount", ["900.01", "0.001", "abc"])
def test_a_refused_refund_changes_nothing(client, order, deposit, operator, amount):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT-1")
    client.force_login(operator)

    response = client.post(
        reverse("payments:refund", args=[order.number, deposit.pk]),
        {"amount": amount, "reason": "Too much", "reference": "X"},
    )

    assert response.status_code == 302 and messages_of(response)
    deposit.refresh_from_db()
    assert deposit.refunded_minor == 0
    assert not Refund.objects.exists()


@pytest.mark.parametrize("who", ["buyer_user", "supplier_admin"])
def test_only_operators_refund_from_the_page(client, order, deposit, who, request):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT-1")
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        reverse("payments:refund", args=[order.number, deposit.pk]),
        {"amount": "1.00", "reason": "Please", "reference": "X"},
    )

    assert response.status_code == 403
    deposit.refresh_from_db()
    assert deposit.refunded_minor == 0


def test_the_panel_shows_each_party_its_own_actions(
    client, order, deposit, proof, buyer_user, supplier_admin
):
    decide = reverse("payments:decide-proof", args=[order.number, proof.pk])
    pay = reverse("payments:pay", args=[order.number])
    url = reverse("payments:order-payments", args=[order.number])

    client.force_login(buyer_user)
    as_buyer = client.get(url).content.decode()
    client.force_login(supplier_admin)
    as_supplier = client.get(url).content.decode()

    assert pay in as_buyer and decide not in as_buyer
    assert decide in as_supplier and pay not in as_supplier
    assert "Awaiting confirmation" in as_buyer and "Awaiting confirmation" in as_supplier


def test_the_panel_is_404_for_other_companies(client, order):
    client.force_login(member_of(SupplierFactory()))

    assert client.get(reverse("payments:order-payments", args=[order.number])).status_code == 404


def test_the_query_count_does_not_grow_with_the_milestones(
    client, reference_data, buyer_user, supplier, operator, django_assert_max_num_queries
):
    one = place(buyer_user=buyer_user, supplier=supplier, schedule="100")
    two = place(buyer_user=buyer_user, supplier=supplier, schedule="30-70")
    for order in (one, two):
        for milestone in order.milestones.all():
            services.upload_transfer_proof(milestone=milestone, file=proof_file(), by=buyer_user)
    client.force_login(buyer_user)
    client.get(reverse("payments:pay", args=[one.number]))  # warm the per-session caches

    with django_assert_max_num_queries(100) as pay_one:
        client.get(reverse("payments:pay", args=[one.number]))
    with django_assert_max_num_queries(len(pay_one.captured_queries)):
        client.get(reverse("payments:pay", args=[two.number]))
    client.force_login(operator)
    with django_assert_max_num_queries(100) as panel_one:
        client.get(reverse("payments:order-payments", args=[one.number]))
    with django_assert_max_num_queries(len(panel_one.captured_queries)):
        client.get(reverse("payments:order-payments", args=[two.number]))
