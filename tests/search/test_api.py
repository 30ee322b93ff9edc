"""/api/v1/search/ and /api/v1/search/suggest/: public, the pages' backend and facets as JSON."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anyone_can_search_with_facet_filters(client, catalogue):
    response = client.get(
        reverse("search-api:search"), {"q": "methanol", "incoterm": ["FCA", "CPT"], "page_size": 1}
    )
    body = response.json()
    facets = {facet["name"]: facet for facet in body["facets"]}

    assert response.status_code == 200
    assert (body["count"], body["page"], body["pages"]) == (2, 1, 2)
    (first,) = body["results"]
    assert first["title"] == "Methanol 99.85% industrial grade"
    assert first["price"] == {"amount": "2000.00", "currency": "CNY", "unit": None}
    assert (first["minimum_order_quantity"], first["lead_time_days"]) == ("20.000", 7)
    assert first["supplier"] == {"id": catalogue.ordos_chem.partner.pk, "name": "Ordos Coal Chemical Co"}
    assert first["url"].endswith(catalogue.products["methanol"].get_absolute_url())
    assert [(v["value"], v["count"], v["selected"]) for v in facets["incoterm"]["values"]] == [
        ("FCA", 2, True),
        ("CPT", 1, True),
    ]
    assert body["corrected_query"] == "" and body["suggestions"] == []


def test_titles_follow_the_requested_language(client, catalogue):
    body = client.get(reverse("search-api:search"), {"q": "67-56-1", "lang": "zh-hans"}).json()

    assert body["results"][0]["title"] == "工业级甲醇"
    assert "/zh-hans/" in body["results"][0]["url"]


def test_typos_and_empty_results_say_what_to_try(client, catalogue):
    fixed = client.get(reverse("search-api:search"), {"q": "polypropylen"}).json()
    empty = client.get(reverse("search-api:search"), {"q": "metnaol"}).json()

    assert fixed["corrected_query"] == "polypropylene" and fixed["count"] == 1
    assert empty["count"] == 0 and empty["suggestions"] == [{"text": "methanol", "count": 2}]


def test_bad_parameters_are_refused(client, catalogue):
    response = client.get(reverse("search-api:search"), {"price": "cheap", "page_size": "10"})

    assert response.status_code == 400
    assert "price" in response.json()
    assert client.get(reverse("search-api:search"), {"page": "99"}).status_code == 404


def test_suggest_offers_products_suppliers_and_categories(client, catalogue):
    body = client.get(reverse("search-api:suggest"), {"q": "Kangba", "lang": "ru"}).json()

    assert set(body["labels"]) == {"products", "suppliers", "categories"}  # headings for the list
    assert {product["title"] for product in body["products"]} >= {"Литий-железо-фосфатный элемент"}
    assert body["suppliers"] == [
        {
            "id": catalogue.kangbashi.partner.pk,
            "name": "Kangbashi New Energy",
            "location": "Kangbashi",
            "url": f"/ru/catalog/?supplier={catalogue.kangbashi.partner.pk}",
        }
    ]
    assert client.get(reverse("search-api:suggest"), {"q": "m"}).json()["products"] == []


def test_the_search_box_asks_for_suggestions(client, catalogue):
    page = client.get("/").content.decode()

    assert f'data-suggest-url="{reverse("search-api:suggest")}"' in page
    assert "js/search-suggest.js" in page
