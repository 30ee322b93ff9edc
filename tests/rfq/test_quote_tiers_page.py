"""Price breaks entered on the supplier's quote page: kept, shown, revised, and used on award."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from rfq.models import Quote

pytestmark = pytest.mark.django_db


def quote_post(offer, *, tiers=(), **extra) -> dict:
    data = {
        "offer": offer.pk,
        "unit_price": "280.00",
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
    }
    for index, (min_quantity, unit_price) in enumerate(tiers):
        data[f"tiers-{index}-min_quantity"] = min_quantity
        data[f"tiers-{index}-unit_price"] = unit_price
    data.update(extra)
    return data


def test_a_quote_sent_from_the_page_keeps_its_tiers_and_the_award_uses_the_tier_reached(
    client, supplier_a, buyer_user, open_rfq, django_assert_max_num_queries
):
    # given a supplier's quote with two breaks sent through the page (rows 3 to 5 left empty)
    client.force_login(supplier_a.user)
    offer = supplier_a.product.stockrecords.get()
    with django_assert_max_num_queries(40):
        form_page = client.get(reverse("rfq:supplier_detail", args=[open_rfq.number]))
    assert form_page.content.decode().count('name="tiers-') >= 10
    sent = client.post(
        reverse("rfq:supplier_detail", args=[open_rfq.number]),
        quote_post(offer, tiers=[("50", "270.00"), ("100", "260.00")]),
    )
    assert sent.status_code == 302
    quote = open_rfq.quotes.get()
    assert quote.price_tiers == [
        {"min_quantity": "50", "unit_price": "270.00"},
        {"min_quantity": "100", "unit_price": "260.00"},
    ]
    assert quote.revisions.get().terms["price_tiers"] == quote.price_tiers

    # when the buyer sees the quote and awards 60 t (the 50 t break is reached, the 100 t one not)
    client.force_login(buyer_user)
    detail = client.get(reverse("rfq:detail", args=[open_rfq.number])).content.decode()
    assert "≥50 t: 270.00" in detail and "≥100 t: 260.00" in detail
    accepted = client.post(reverse("rfq:accept", args=[open_rfq.number, quote.pk]), {"quantity": "60"})

    # then the order is at the 50 t price
    order = open_rfq.awards.get().order
    assert accepted.status_code == 302 and accepted["Location"].endswith(f"/orders/{order.number}/")
    line = order.lines.get()
    assert (line.agreed_quantity, line.unit_price_excl_tax) == (Decimal(60), Decimal("270.00"))


def test_revising_on_the_page_keeps_untouched_tiers_and_removes_ticked_ones(client, supplier_a, quote_a):
    # given a quote with two breaks
    quote_a.price_tiers = [
        {"min_quantity": "50", "unit_price": "270.00"},
        {"min_quantity": "100", "unit_price": "260.00"},
    ]
    quote_a.save()
    client.force_login(supplier_a.user)
    url = reverse("rfq:revise", args=[quote_a.rfq.number, quote_a.pk])
    page = client.get(url).content.decode()
    assert 'value="50.000"' in page or 'value="50"' in page

    # when the supplier only lowers the base price and ticks "Remove" on the second break
    data = quote_post(
        quote_a.offer,
        tiers=[("50", "270.00"), ("100", "260.00")],
        unit_price="279.00",
        note="Base price lowered",
        **{"tiers-INITIAL_FORMS": "2", "tiers-1-DELETE": "on"},
    )
    response = client.post(url, data)

    # then the first break stays and the second is gone
    assert response.status_code == 302
    quote_a.refresh_from_db()
    assert (quote_a.revision, quote_a.unit_price) == (2, Decimal("279.00"))
    assert quote_a.price_tiers == [{"min_quantity": "50", "unit_price": "270.00"}]


@pytest.mark.parametrize(
    ("tier", "field"),
    [(("0", "270.00"), "min_quantity"), (("50", "0"), "unit_price"), (("50", "-1"), "unit_price")],
)
def test_a_non_positive_tier_is_refused_and_nothing_is_saved(client, supplier_a, open_rfq, tier, field):
    client.force_login(supplier_a.user)
    offer = supplier_a.product.stockrecords.get()

    response = client.post(
        reverse("rfq:supplier_detail", args=[open_rfq.number]), quote_post(offer, tiers=[tier])
    )

    assert response.status_code == 200
    assert response.context["tiers"].forms[0].errors[field]
    assert not Quote.objects.filter(rfq=open_rfq).exists()


def test_more_than_five_tier_rows_are_refused(client, supplier_a, open_rfq):
    client.force_login(supplier_a.user)
    offer = supplier_a.product.stockrecords.get()
    rows = [(str(25 * n), str(280 - n)) for n in range(1, 7)]

    response = client.post(
        reverse("rfq:supplier_detail", args=[open_rfq.number]),
        quote_post(offer, tiers=rows, **{"tiers-TOTAL_FORMS": "6"}),
    )

    assert response.status_code == 200
    assert response.context["tiers"].non_form_errors()
    assert not Quote.objects.filter(rfq=open_rfq).exists()


@pytest.mark.parametrize(
    ("tiers", "problem"),
    [
        ([("10", "270.00")], "The break at 10 is not above the minimum order."),
        ([("50", "290.00")], "The price at 50 is higher than for smaller quantities."),
        ([("50", "270.00"), ("50", "265.00")], "Two price breaks start at the same quantity."),
    ],
)
def test_a_quote_s_breaks_follow_the_offers_rules(client, supplier_a, open_rfq, tiers, problem):
    # given a quote at 280.00 with a minimum order of 20 t
    client.force_login(supplier_a.user)
    offer = supplier_a.product.stockrecords.get()

    response = client.post(
        reverse("rfq:supplier_detail", args=[open_rfq.number]), quote_post(offer, tiers=tiers)
    )

    assert response.status_code == 200
    assert problem in response.content.decode()
    assert not Quote.objects.filter(rfq=open_rfq).exists()
