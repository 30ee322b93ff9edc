"""Pages and API: the journey through HTTP, the permission matrix and the 429."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rfq.models import RFQ, Message
from tests.factories import CompanyFactory, SupplierFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_buyer_user(db):
    return member_of(CompanyFactory(name="Other Buyer"))


@pytest.fixture
def other_supplier_user(db):
    return member_of(SupplierFactory(name="Other Supplier"))


def test_the_buyer_pages(client, buyer_user, open_rfq, quote_a, quote_b, django_assert_max_num_queries):
    client.force_login(buyer_user)
    with django_assert_max_num_queries(30):
        detail = client.get(reverse("rfq:detail", args=[open_rfq.number]))
    with django_assert_max_num_queries(30):
        compare = client.get(reverse("rfq:compare", args=[open_rfq.number]), {"sort": "lead_time"})
    listing = client.get(reverse("rfq:list"))

    assert detail.status_code == compare.status_code == listing.status_code == 200
    assert "Sent to 2 verified suppliers" in detail.content.decode()
    assert "Junggar Chemical" in compare.content.decode() and "Landed total" in compare.content.decode()
    assert open_rfq.number in listing.content.decode()


def test_compare_with_edited_assumptions(client, buyer_user, open_rfq, quote_a):
    client.force_login(buyer_user)
    response = client.get(
        reverse("rfq:compare", args=[open_rfq.number]),
        {
            "currency": "USD",
            "mode": "rail",
            "freight_per_unit": "40",
            "insurance_percent": "0.5",
            "destination_charges_per_unit": "5",
            "duty_percent": "5",
            "sort": "landed_cost",
        },
    )
    assert response.context["rows"][0].landed_total == 34268


def test_the_supplier_inbox_and_quote_form(client, supplier_a, open_rfq, django_assert_max_num_queries):
    client.force_login(supplier_a.user)
    with django_assert_max_num_queries(20):
        inbox = client.get(reverse("rfq:inbox"))
    assert open_rfq.number in inbox.content.decode()
    offer = supplier_a.product.stockrecords.get()
    response = client.post(
        reverse("rfq:supplier_detail", args=[open_rfq.number]),
        {
            "offer": offer.pk,
            "unit_price": "279.00",
            "currency": "USD",
            "incoterm": "FCA",
            "named_place": "Erenhot",
            "quantity": "100",
            "unit": "t",
            "moq": "20",
            "lead_time_days": "21",
            "valid_until": (timezone.localdate() + timedelta(days=10)).isoformat(),
            "payment_terms": "30-70",
            "tiers-TOTAL_FORMS": "5",
            "tiers-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert open_rfq.quotes.get().unit_price == 279
    quoted = client.get(reverse("rfq:inbox"), {"tab": "quoted"})
    assert open_rfq.number in quoted.content.decode()


def test_accepting_on_the_page_places_the_order(client, buyer_user, open_rfq, quote_a):
    client.force_login(buyer_user)
    response = client.post(reverse("rfq:accept", args=[open_rfq.number, quote_a.pk]))
    open_rfq.refresh_from_db()
    order = open_rfq.awards.get().order
    assert response.status_code == 302 and response["Location"].endswith(f"/orders/{order.number}/")


def test_creating_an_rfq_from_a_product_page(client, buyer_user, supplier_a):
    client.force_login(buyer_user)
    form = client.get(reverse("rfq:create"), {"product": supplier_a.product.pk})
    assert form.status_code == 200 and "Hanggin Methanol" in form.content.decode()
    response = client.post(
        reverse("rfq:create"),
        {
            "product": supplier_a.product.pk,
            "title": "Methanol",
            "quantity": "50",
            "unit": "t",
            "currency": "USD",
            "incoterm": "FCA",
            "named_place": "Erenhot",
            "destination_country": "MN",
            "quote_deadline": (timezone.localdate() + timedelta(days=5)).isoformat(),
            "spec_min_purity_percent": "99.85",
        },
    )
    rfq = RFQ.objects.get()
    assert response.status_code == 302
    assert (rfq.supplier, rfq.specification) == (supplier_a.partner, {"min_purity_percent": "99.85"})


def test_the_rate_limit_answers_429_on_page_and_api(client, buyer_user, supplier_a, settings):
    settings.RFQ_RATE_LIMIT_PER_HOUR = 0
    client.force_login(buyer_user)
    data = {
        "product": supplier_a.product.pk,
        "title": "Methanol",
        "quantity": "50",
        "unit": "t",
        "currency": "USD",
        "incoterm": "FCA",
        "named_place": "Erenhot",
        "destination_country": "MN",
        "quote_deadline": (timezone.localdate() + timedelta(days=5)).isoformat(),
    }
    page = client.post(reverse("rfq:create"), data)
    api = client.post("/api/v1/rfqs/", data, content_type="application/json")

    assert page.status_code == api.status_code == 429
    assert "in the last hour" in page.content.decode() and "in the last hour" in api.json()["detail"]
    assert not RFQ.objects.exists()


def test_the_api_journey(client, buyer_user, supplier_a, open_rfq):
    client.force_login(supplier_a.user)
    quote = client.post(
        f"/api/v1/rfqs/{open_rfq.pk}/quotes/",
        {
            "offer": supplier_a.product.stockrecords.get().pk,
            "unit_price": "281.00",
            "currency": "USD",
            "incoterm": "FCA",
            "named_place": "Erenhot",
            "quantity": "100",
            "unit": "t",
            "lead_time_days": 20,
            "valid_until": (timezone.localdate() + timedelta(days=10)).isoformat(),
            "payment_terms": "100",
        },
        content_type="application/json",
    )
    assert quote.status_code == 201, quote.content
    message = client.post(
        f"/api/v1/rfqs/{open_rfq.pk}/messages/",
        {"body": "Ready in 20 days."},
        content_type="application/json",
    )
    assert message.status_code == 201
    client.force_login(buyer_user)
    assert [q["unit_price"] for q in client.get(f"/api/v1/rfqs/{open_rfq.pk}/quotes/").json()] == ["281.00"]
    accepted = client.post(
        f"/api/v1/quotes/{quote.json()['id']}/accept/", {}, content_type="application/json"
    )
    assert accepted.status_code == 201
    again = client.post(f"/api/v1/quotes/{quote.json()['id']}/accept/", {}, content_type="application/json")
    assert again.status_code == 400


def _urls(rfq, quote, supplier):
    return [
        ("get", reverse("rfq:detail", args=[rfq.number])),
        ("get", reverse("rfq:compare", args=[rfq.number])),
        ("post", reverse("rfq:accept", args=[rfq.number, quote.pk])),
        ("post", reverse("rfq:action", args=[rfq.number, "cancel"])),
        ("get", reverse("rfq:supplier_detail", args=[rfq.number])),
        ("post", reverse("rfq:withdraw", args=[rfq.number, quote.pk])),
        ("post", reverse("rfq:message", args=[rfq.number, supplier.pk])),
        ("get", f"/api/v1/rfqs/{rfq.pk}/"),
        ("get", f"/api/v1/rfqs/{rfq.pk}/quotes/"),
        ("get", f"/api/v1/rfqs/{rfq.pk}/messages/"),
        ("post", f"/api/v1/quotes/{quote.pk}/accept/"),
    ]


@pytest.mark.parametrize("who", ["anonymous", "other_buyer", "other_supplier"])
def test_outsiders_see_and_change_nothing(client, who, open_rfq, quote_a, supplier_a, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(f"{who}_user"))
    for method, url in _urls(open_rfq, quote_a, supplier_a.partner):
        response = getattr(client, method)(url, {"body": "hi"} if method == "post" else None)
        assert response.status_code in (302, 401, 403, 404), (url, response.status_code)
        assert open_rfq.title not in response.content.decode()  # 404 pages echo the path, not data
    open_rfq.refresh_from_db()
    quote_a.refresh_from_db()
    assert (open_rfq.status, quote_a.status, Message.objects.count()) == ("quoted", "submitted", 0)
    if who != "anonymous":
        listing = client.get("/api/v1/rfqs/").json()
        assert listing["count"] == 0


def test_a_supplier_sees_only_its_own_quotes_and_thread(
    client, open_rfq, quote_a, quote_b, supplier_a, buyer_user
):
    from rfq import services

    services.post_message(rfq=open_rfq, supplier=quote_b.supplier, by=buyer_user, body="To B only")
    client.force_login(supplier_a.user)
    page = client.get(reverse("rfq:supplier_detail", args=[open_rfq.number])).content.decode()
    api_quotes = client.get(f"/api/v1/rfqs/{open_rfq.pk}/quotes/").json()
    api_messages = client.get(f"/api/v1/rfqs/{open_rfq.pk}/messages/").json()

    assert "2016.00" not in page and "To B only" not in page
    assert [q["supplier"] for q in api_quotes] == ["Hanggin Methanol"]
    assert api_messages == []
    assert client.get(reverse("rfq:detail", args=[open_rfq.number])).status_code == 404


def test_the_operator_sees_everything(client, operator, open_rfq, quote_a):
    client.force_login(operator)
    assert client.get(reverse("rfq:detail", args=[open_rfq.number])).status_code == 200
    assert client.get("/api/v1/rfqs/").json()["count"] == 1


def test_product_page_hooks_and_document_rule(client, buyer_user, supplier_a, open_rfq, quote_a):
    from catalog.documents.access import admitted_to_restricted

    client.force_login(buyer_user)
    page = client.get(supplier_a.product.get_absolute_url()).content.decode()
    assert "Request a quote" in page and "Response rate 100 %" in page
    assert admitted_to_restricted(buyer_user, supplier_a.product)
    assert not admitted_to_restricted(member_of(CompanyFactory()), supplier_a.product)
