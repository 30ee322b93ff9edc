"""What buyers get from search, the same on every backend.

Runs on the test database (PostgreSQL in `make test`), on SQLite through
test_sqlite.py (a subprocess with DATABASE_URL=sqlite://), and on Elasticsearch when
ELASTICSEARCH_URL is set.
"""

import os
from decimal import Decimal

import pytest
from django.db import transaction

from search.backends.base import ProductQuery, SortBy, as_filters
from search.models import SynonymGroup
from tests.search.conftest import BACKENDS, build_catalogue, make_backend

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end; each test runs
    in a savepoint of its own, so a test that changes the catalogue changes it for itself."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_catalogue()
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, catalogue, django_db_blocker):
    backend = make_backend(request.param)
    with django_db_blocker.unblock():
        backend.rebuild()
    return backend


def keys(catalogue, results) -> list[str]:
    by_id = {product.pk: key for key, product in catalogue.products.items()}
    return [by_id[hit.object.pk] for hit in results[0 : results.count()]]


def found(backend, catalogue, text="", **fields) -> list[str]:
    return keys(catalogue, backend.search(ProductQuery(text=text, **fields)))


def facet(results, name) -> dict[str, int]:
    (wanted,) = [facet for facet in results.facets() if facet.name == name]
    return {value.value: value.count for value in wanted.values}


# --- Identifiers ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["67-56-1", "UN1230", "un 1230", "1230", "2905", "2905110000"])
def test_identifiers_find_the_product_and_rank_it_first(backend, catalogue, text):
    results = found(backend, catalogue, text)

    assert results[0] == "methanol"


def test_a_grade_code_among_other_words_is_a_word_not_an_identifier(backend, catalogue):
    # T30S is in the polypropylene's title, not among its identifiers (CAS, UN, HS, SKU, VIN):
    # with other words it narrows like a word, so a grade code never floods the results.
    assert found(backend, catalogue, "PP T30S") == ["pp"]
    assert found(backend, catalogue, "caustic soda T30S") == []


def test_a_cas_number_in_another_products_description_ranks_below_the_product_itself(backend, catalogue):
    assert found(backend, catalogue, "67-56-1") == ["methanol", "formalin"]


def test_an_hs_heading_finds_its_lines(backend, catalogue):
    assert found(backend, catalogue, "3902") == ["pp"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("OCC-NAOH-99", "caustic"), ("LKB1234567890ABCD", "truck"), ("lkb1234567890abcd", "truck")],
)
def test_skus_and_vins_find_their_product(backend, catalogue, text, expected):
    assert found(backend, catalogue, text) == [expected]


# --- Synonyms, typos, languages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PP", "pp"),
        ("sodium hydroxide", "caustic"),
        ("NaOH", "caustic"),
        ("lithium iron phosphate", "lfp"),
        ("polyvinyl chloride", "pvc"),
        ("solar panel", "pv"),
    ],
)
def test_synonyms_and_trade_names(backend, catalogue, text, expected):
    assert expected in found(backend, catalogue, text)


@pytest.mark.parametrize(
    ("text", "expected"), [("polypropylen", "pp"), ("methanl", "methanol"), ("mehtanol", "methanol")]
)
def test_typos_are_forgiven_and_the_fix_is_reported(backend, catalogue, text, expected):
    results = backend.search(ProductQuery(text=text))

    assert keys(catalogue, results)[0] == expected
    assert results.corrected_text in {"polypropylene", "methanol"}


def test_a_correctly_spelt_query_reports_no_fix(backend, catalogue):
    assert backend.search(ProductQuery(text="methanol")).corrected_text == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("метанол", "methanol"),
        ("Метанол", "methanol"),
        ("甲醇", "methanol"),
        ("聚丙烯", "pp"),
        ("工业级甲醇", "methanol"),
    ],
)
def test_russian_and_chinese_queries(backend, catalogue, text, expected):
    assert found(backend, catalogue, text)[0] == expected


def test_suppliers_spec_values_and_hs_descriptions_are_searchable(backend, catalogue):
    assert set(found(backend, catalogue, "Kangbashi")) == {"lfp", "pv", "truck"}
    assert found(backend, catalogue, "KD-90E") == ["truck"]
    assert found(backend, catalogue, "primary forms") == ["pp"]  # HS 3902100090's description


def test_every_word_must_match_and_title_matches_rank_first(backend, catalogue):
    assert found(backend, catalogue, "methanol") == ["methanol", "formalin"]
    assert found(backend, catalogue, "methanol tanks") == ["methanol"]


# --- Never listed -------------------------------------------------------------------------------


def test_unlisted_products_never_appear(backend, catalogue):
    listed = set(found(backend, catalogue))

    assert "draft" not in listed and "retired" not in listed and "unverified" not in listed
    assert len(listed) == 9
    assert "draft" not in found(backend, catalogue, "methanol draft")


# --- Facets and filters ---------------------------------------------------------------------------


ALL_FACETS = ("category", "product_class", "supplier", "dangerous_goods", "transport_class", "incoterm")
ALL_FACETS += ("certification", "price", "moq", "lead_time", "supplier_verified")


def test_facet_counts_of_the_whole_catalogue(backend, catalogue):
    results = backend.search(ProductQuery(facets=ALL_FACETS, currency="USD"))
    chemicals, polymers, energy = (
        str(c.pk) for c in (catalogue.chemicals, catalogue.polymers, catalogue.energy)
    )

    assert facet(results, "product_class") == {
        "chemical": 5,
        "battery": 1,
        "pv-module": 1,
        "vehicle": 1,
        "textile": 1,
    }
    assert facet(results, "category") == {
        chemicals: 5,
        polymers: 2,
        energy: 3,
    }  # parents count their children
    assert facet(results, "incoterm") == {"FCA": 4, "CPT": 2, "DAP": 2}
    assert facet(results, "dangerous_goods") == {"yes": 3, "no": 6}
    assert facet(results, "transport_class") == {"3": 1, "8": 1, "9": 1}
    assert facet(results, "certification") == {"ISO 9001": 2, "REACH": 1}
    assert facet(results, "supplier") == {
        str(catalogue.ordos_chem.partner.pk): 6,
        str(catalogue.kangbashi.partner.pk): 3,
    }
    assert facet(results, "supplier_verified") == {"yes": 9}
    # Methanol is priced in CNY: 2000 CNY at 7.00 CNY per USD is 285.71 USD.
    assert facet(results, "price") == {"-100": 2, "100-500": 4, "500-2000": 2, "10000-": 1}
    assert facet(results, "moq") == {"-1": 2, "10-100": 6, "100-1000": 1}
    assert facet(results, "lead_time") == {"-7": 2, "7-14": 2, "14-30": 2, "30-60": 1, "60-": 1}


def test_values_of_one_facet_widen_and_facets_narrow(backend, catalogue):
    query = ProductQuery(
        filters=as_filters({"incoterm": ["CPT", "DAP"]}), facets=("incoterm", "product_class")
    )
    results = backend.search(query)

    assert sorted(keys(catalogue, results)) == ["lfp", "methanol", "pp"]
    # The selected facet keeps the counts of its other values, so a buyer can add one.
    assert facet(results, "incoterm") == {"FCA": 4, "CPT": 2, "DAP": 2}
    assert facet(results, "product_class") == {"chemical": 2, "battery": 1}

    narrower = backend.search(
        ProductQuery(filters=as_filters({"incoterm": ["CPT", "DAP"], "product_class": ["battery"]}))
    )
    assert keys(catalogue, narrower) == ["lfp"]


def test_facets_count_within_the_text_query(backend, catalogue):
    results = backend.search(ProductQuery(text="methanol", facets=("product_class", "incoterm")))

    assert facet(results, "product_class") == {"chemical": 2}
    assert facet(results, "incoterm") == {"FCA": 2, "CPT": 1}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"filters": as_filters({"dangerous_goods": ["yes"]})}, {"methanol", "caustic", "lfp"}),
        ({"dangerous_goods": False}, {"formalin", "pp", "pvc", "pv", "truck", "cashmere"}),
        ({"filters": as_filters({"transport_class": ["3", "8"]})}, {"methanol", "caustic"}),
        ({"product_class": "battery"}, {"lfp"}),
        ({"incoterm": "CPT"}, {"methanol", "pp"}),
        ({"filters": as_filters({"certification": ["REACH"]})}, {"methanol"}),
        ({"filters": as_filters({"moq": ["-1"]})}, {"truck", "cashmere"}),
        ({"filters": as_filters({"lead_time": ["-7", "60-"]})}, {"methanol", "caustic", "truck"}),
        ({"lead_time_max": 7}, {"methanol", "caustic"}),
        ({"moq_max": Decimal("20")}, {"methanol", "formalin", "pvc", "truck", "cashmere"}),
        # In the buyer's currency: methanol's 2000 CNY is 285.71 USD and 262.86 EUR.
        ({"price_min": Decimal("250"), "price_max": Decimal("300"), "currency": "USD"}, {"methanol"}),
        ({"price_min": Decimal("250"), "price_max": Decimal("270"), "currency": "EUR"}, {"methanol"}),
        (
            {"filters": as_filters({"price": ["100-500"]}), "currency": "USD"},
            {"methanol", "formalin", "caustic", "cashmere"},
        ),
    ],
)
def test_filters(backend, catalogue, fields, expected):
    assert set(found(backend, catalogue, **fields)) == expected


def test_the_supplier_and_category_filters(backend, catalogue):
    kangbashi = str(catalogue.kangbashi.partner.pk)

    assert set(found(backend, catalogue, supplier_id=catalogue.kangbashi.partner.pk)) == {
        "lfp",
        "pv",
        "truck",
    }
    assert set(found(backend, catalogue, "cell", filters=as_filters({"supplier": [kangbashi]}))) == {"lfp"}
    assert set(found(backend, catalogue, category_ids=(catalogue.chemicals.pk,))) == {
        "methanol",
        "formalin",
        "caustic",
        "pp",
        "pvc",
    }


# --- Sorting ------------------------------------------------------------------------------------


def test_sorting_by_price_compares_currencies_at_todays_rate(backend, catalogue):
    cheapest = found(backend, catalogue, product_class="chemical", sort_by=SortBy.PRICE_ASC, currency="EUR")

    assert cheapest == ["formalin", "methanol", "caustic", "pvc", "pp"]
    assert found(backend, catalogue, product_class="chemical", sort_by=SortBy.PRICE_DESC)[0] == "pp"


def test_sorting_by_lead_time_puts_unknown_lead_times_last(backend, catalogue):
    assert found(backend, catalogue, sort_by=SortBy.LEAD_TIME) == [
        "caustic",
        "methanol",
        "pp",
        "formalin",
        "pvc",
        "lfp",
        "pv",
        "truck",
        "cashmere",
    ]


def test_sorting_by_newest(backend, catalogue):
    assert found(backend, catalogue, sort_by=SortBy.NEWEST)[:2] == ["cashmere", "truck"]


# --- Nothing found, autocomplete ------------------------------------------------------------------


def test_an_empty_result_suggests_corrections(backend, catalogue):
    results = backend.search(ProductQuery(text="metnaol"))  # two letters off: more than a typo

    assert results.count() == 0
    assert [(s.text, s.count) for s in results.suggestions()] == [("methanol", 2)]


def test_an_empty_result_suggests_the_words_that_find_something_alone(backend, catalogue):
    results = backend.search(ProductQuery(text="cashmere battery"))

    assert results.count() == 0
    assert {(s.text, s.count) for s in results.suggestions()} == {("cashmere", 1), ("battery", 2)}


def test_autocomplete_offers_products_suppliers_and_categories(backend, catalogue):
    suggestions = backend.suggest("Kangba")

    assert {title for _, title, _ in suggestions.products} == {
        "LFP prismatic cell 280Ah",
        "Monocrystalline PV module 550 W",
        "Electric mining dump truck",
    }
    assert [supplier.name for supplier in suggestions.suppliers] == ["Kangbashi New Energy"]
    assert backend.suggest("meth").products[0][1] == "Methanol 99.85% industrial grade"
    assert [category.name for category, _ in backend.suggest("Polym").categories] == ["Polymers"]


# --- Changes (last: on Elasticsearch they outlive the test's rollback, so each one undoes itself) ---


def test_operators_add_a_synonym_and_the_next_search_uses_it(backend, catalogue):
    assert found(backend, catalogue, "fibre of goats") == []

    SynonymGroup.objects.create(terms="cashmere, fibre of goats")

    assert found(backend, catalogue, "fibre of goats") == ["cashmere"]


def test_a_product_taken_down_disappears_from_the_next_search(
    backend, catalogue, django_capture_on_commit_callbacks
):
    product = catalogue.products["pvc"]
    with django_capture_on_commit_callbacks(execute=True):
        product.status = "rejected"
        product.save()

    assert "pvc" not in found(backend, catalogue, "PVC")

    with django_capture_on_commit_callbacks(execute=True):  # back for the tests after this one
        product.status = "published"
        product.save()
    assert "pvc" in found(backend, catalogue, "PVC")


def test_the_suite_runs_on_the_expected_database(catalogue):
    from django.db import connection

    # test_sqlite.py runs this module again on SQLite and says so.
    assert connection.vendor == os.environ.get("SEARCH_SUITE_EXPECTED_VENDOR", connection.vendor)
