"""Facet filters on browse, category and search pages: the sidebar, its links and its errors."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return sorted(hit.object.title for hit in response.context["products"])


def test_the_catalogue_page_filters_from_its_query_string(client, catalogue):
    response = client.get(reverse("catalogue:index"), {"product_class": "chemical", "dangerous_goods": "no"})

    assert titles(response) == [
        "Formaldehyde solution 37%",
        "PVC resin SG-5",
        "Polypropylene homopolymer T30S",
    ]
    assert response.context["form"].active_filters == ["product_class", "dangerous_goods"]
    assert "Clear" in response.content.decode()


def test_values_of_a_facet_are_checkboxes_that_add_or_remove_themselves(client, catalogue):
    response = client.get(reverse("catalogue:index"), {"incoterm": "CPT"})
    links = {facet.name: links for facet, links in response.context["facet_links"]}
    page = response.content.decode()

    assert titles(response) == ["Methanol 99.85% industrial grade", "Polypropylene homopolymer T30S"]
    incoterms = {link.value: link for link in links["incoterm"]}
    assert incoterms["CPT"].selected and incoterms["CPT"].url == reverse("catalogue:index")
    assert not incoterms["DAP"].selected
    assert incoterms["DAP"].url == reverse("catalogue:index") + "?incoterm=CPT&incoterm=DAP"
    assert 'name="incoterm" value="CPT" checked' in page
    assert "Incoterm offered: CPT – Carriage Paid To" in page  # the active filter's chip


def test_two_values_of_one_facet_widen_the_results(client, catalogue):
    response = client.get(reverse("catalogue:index") + "?incoterm=CPT&incoterm=DAP")

    assert titles(response) == [
        "LFP prismatic cell 280Ah",
        "Methanol 99.85% industrial grade",
        "Polypropylene homopolymer T30S",
    ]


def test_price_ranges_are_in_the_buyers_currency(client, catalogue):
    client.post(reverse("set-display-currency"), {"currency": "CNY", "next": "/"})

    response = client.get(reverse("catalogue:index"), {"price_min": "1900", "price_max": "2100"})
    facets = {facet.name: facet for facet in response.context["facets"]}

    assert titles(response) == ["Methanol 99.85% industrial grade"]
    # The USD edges 100 and 500 become round CNY edges (700 → 500, 3500 → 2000).
    assert [(value.value, value.label) for value in facets["price"].values] == [("500-2000", "500–2,000 CNY")]


def test_search_keeps_the_text_and_applies_filters(client, catalogue):
    response = client.get(reverse("search:search"), {"q": "methanol", "product_class": "battery"})

    assert response.context["paginator"].count == 0
    assert "No products match your search" in response.content.decode()


def test_a_bad_filter_value_is_reported_and_the_rest_still_applies(client, catalogue):
    response = client.get(reverse("catalogue:index"), {"supplier": "spaceship", "incoterm": "CPT"})

    assert titles(response) == ["Methanol 99.85% industrial grade", "Polypropylene homopolymer T30S"]
    assert "supplier" in response.context["form"].errors
    assert "errorlist" in response.content.decode()


def test_a_category_page_counts_within_its_category(client, catalogue):
    response = client.get(catalogue.polymers.get_absolute_url())
    facets = {facet.name: facet for facet in response.context["facets"]}

    assert titles(response) == ["PVC resin SG-5", "Polypropylene homopolymer T30S"]
    assert {value.value: value.count for value in facets["incoterm"].values} == {"CPT": 1, "DAP": 1, "FCA": 1}
