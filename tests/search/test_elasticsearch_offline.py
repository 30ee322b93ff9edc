"""The Elasticsearch backend without an Elasticsearch server.

No server can run on these machines: mappings, analyzers and query bodies are asserted as
the JSON the client would send (``to_dict()``); responses are canned in Elasticsearch 8's
documented format and served from a loopback HTTP recorder (pytest-httpserver), which also
records the reindex and alias-swap requests. tests/search/test_behaviour.py runs the same
behaviour as the database backends against a real server when ELASTICSEARCH_URL is set.
"""

import json
import re
from decimal import Decimal

import pytest
from werkzeug import Response

from search.backends.base import ProductQuery, SortBy, as_filters
from search.backends.elasticsearch import (
    ElasticsearchBackend,
    ProductDocument,
    ProductSearch,
    alias_name,
    corrected_from_suggester,
    index_definition,
)
from search.facets import FACETS, PriceContext
from search.query import plan_query
from search.synonyms import active_synonyms

pytestmark = pytest.mark.django_db
HEADERS = {"X-Elastic-Product": "Elasticsearch"}
PRICES = PriceContext("USD", {"USD": Decimal(1), "CNY": Decimal("0.125")})


def es_response(body: dict, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, headers=HEADERS, content_type="application/json")


def search_body(query: ProductQuery) -> dict:
    plan = plan_query(query.text, synonyms=active_synonyms())
    return ProductSearch(client=None, query=query, plan=plan, prices=PRICES)._s.to_dict()


# --- Mappings and analyzers -----------------------------------------------------------------------


def test_the_index_has_english_russian_and_cjk_fields_and_exact_identifiers():
    definition = index_definition("ordos-products-1").to_dict()
    fields = definition["mappings"]["properties"]

    assert fields["title"]["analyzer"] == "english"
    assert fields["title_ru"]["analyzer"] == "russian"
    assert fields["title_zh"]["analyzer"] == "cjk"
    assert fields["description_zh"]["analyzer"] == "cjk"
    assert fields["spec_text"]["fields"]["zh"] == {"type": "text", "analyzer": "cjk"}
    assert fields["identifiers"] == {"type": "keyword", "normalizer": "lowercase"}
    assert fields["title"]["fields"]["suggest"] == {
        "type": "text",
        "analyzer": "autocomplete",
        "search_analyzer": "standard",
    }
    assert {fields[name]["type"] for name in ("product_class", "incoterms", "certifications")} == {"keyword"}
    assert fields["min_price"] == {"type": "scaled_float", "scaling_factor": 100}
    assert definition["settings"]["analysis"] == {
        "analyzer": {
            "autocomplete": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "autocomplete_edge"],
            }
        },
        "filter": {"autocomplete_edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}},
    }


def test_a_product_becomes_a_document_with_its_languages_identifiers_and_facets(catalogue):
    from search.documents import indexed_products

    (methanol,) = indexed_products([catalogue.products["methanol"].pk])
    source = ProductDocument.source(methanol)

    assert source["title_ru"] == "Метанол технический" and source["title_zh"] == "工业级甲醇"
    assert {"67-56-1", "un1230", "1230", "2905", "290511", "2905110000"} <= set(source["identifiers"])
    assert source["categories"] == [catalogue.chemicals.pk]
    assert source["incoterms"] == ["CPT", "FCA"]
    assert (source["min_price"], source["price_currency"]) == (2000.0, "CNY")
    assert (source["dangerous_goods"], source["transport_class"]) == (True, "3")


# --- Query bodies ---------------------------------------------------------------------------------


def test_a_query_expands_synonyms_keeps_identifiers_exact_and_lets_elasticsearch_fix_typos(synonyms):
    body = search_body(ProductQuery(text="PP 67-56-1"))
    slots = body["query"]["bool"]["should"][0]["bool"]["must"]
    pp_alternatives = [alt["bool"]["must"][0]["multi_match"] for alt in slots[0]["bool"]["should"]]

    assert [match["query"] for match in pp_alternatives] == ["pp", "polypropylene", "聚丙", "полипропилен"]
    assert pp_alternatives[1]["fuzziness"] == "AUTO" and pp_alternatives[0]["fuzziness"] == 0
    assert pp_alternatives[0]["fields"][0] == "title^4"
    assert body["query"]["bool"]["should"][1] == {
        "terms": {"identifiers": ["67-56-1", "pp67-56-1"], "boost": 50}
    }
    assert body["track_total_hits"] is True


def test_facet_selections_filter_results_and_every_other_facets_counts(synonyms):
    query = ProductQuery(
        filters=as_filters({"incoterm": ["FCA", "CPT"], "dangerous_goods": ["yes"], "moq": ["10-100"]}),
        category_ids=(7,),
        facets=FACETS,
    )
    body = search_body(query)

    assert body["query"]["bool"]["filter"] == [{"terms": {"categories": [7]}}]
    post_filter = body["post_filter"]["bool"]["must"]
    assert {"terms": {"incoterms": ["FCA", "CPT"]}} in post_filter
    assert {"terms": {"dangerous_goods": [True]}} in post_filter
    assert {"range": {"min_moq": {"gt": 10.0, "lte": 100.0}}} in post_filter
    # Each facet's aggregation is filtered by the others' selections, not by its own.
    incoterm_filter = body["aggs"]["_filter_incoterm"]["filter"]["bool"]["must"]
    assert {"terms": {"incoterms": ["FCA", "CPT"]}} not in incoterm_filter
    assert {"terms": {"dangerous_goods": [True]}} in incoterm_filter
    assert body["aggs"]["_filter_incoterm"]["aggs"]["incoterm"] == {
        "terms": {"field": "incoterms", "size": 20}
    }
    assert set(body["aggs"]) == {f"_filter_{name}" for name in FACETS}


def test_price_ranges_and_sorting_convert_each_offer_currency(synonyms):
    body = search_body(
        ProductQuery(price_min=Decimal("100"), price_max=Decimal("200"), sort_by=SortBy.PRICE_ASC)
    )
    (price_filter,) = body["query"]["bool"]["filter"]

    assert price_filter["bool"]["should"] == [
        {
            "bool": {
                "filter": [
                    {"term": {"price_currency": "USD"}},
                    {"range": {"min_price": {"gte": 100.0, "lte": 200.0}}},
                ]
            }
        },
        {
            "bool": {
                "filter": [
                    {"term": {"price_currency": "CNY"}},
                    {"range": {"min_price": {"gte": 800.0, "lte": 1600.0}}},
                ]
            }
        },
    ]
    script = body["sort"][0]["_script"]
    assert script["order"] == "asc"
    assert script["script"]["params"]["rates"] == {"USD": 1.0, "CNY": 0.125}


@pytest.mark.parametrize(
    ("sort_by", "expected"),
    [
        (SortBy.NEWEST, [{"date_created": "desc"}, {"id": "desc"}]),
        (
            SortBy.LEAD_TIME,
            [{"lead_time_days": {"order": "asc", "missing": "_last"}}, {"priority": "desc"}, "id"],
        ),
        (SortBy.TITLE_ASC, ["title.raw", "id"]),
    ],
)
def test_sort_orders(synonyms, sort_by, expected):
    assert search_body(ProductQuery(sort_by=sort_by))["sort"] == expected


# --- Canned responses -------------------------------------------------------------------------------


def _terms(buckets: dict) -> dict:
    return {
        "doc_count_error_upper_bound": 0,
        "sum_other_doc_count": 0,
        "buckets": [{"key": key, "doc_count": count} for key, count in buckets.items()],
    }


def summary_response(catalogue) -> dict:
    """A size-0 search answer with every facet's aggregation, as Elasticsearch 8 sends it."""
    aggregations = {
        "category": _terms({catalogue.chemicals.pk: 2}),
        "product_class": _terms({"chemical": 2}),
        "supplier": _terms({catalogue.ordos_chem.partner.pk: 2}),
        "supplier_verified": {"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 2}]},
        "dangerous_goods": {
            "buckets": [
                {"key": 0, "key_as_string": "false", "doc_count": 1},
                {"key": 1, "key_as_string": "true", "doc_count": 1},
            ]
        },
        "transport_class": _terms({"3": 1}),
        "incoterm": _terms({"FCA": 2, "CPT": 1}),
        "certification": _terms({}),
        "price": {
            "buckets": {"-100": {"doc_count": 0}, "100-500": {"doc_count": 2}, "10000-": {"doc_count": 0}}
        },
        "moq": {"buckets": {"10-100": {"doc_count": 2}}},
        "lead_time": {"buckets": {"-7": {"doc_count": 1}, "7-14": {"doc_count": 1}}},
    }
    return {
        "took": 4,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 2, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {
            f"_filter_{name}": {"doc_count": 2, name: aggregation}
            for name, aggregation in aggregations.items()
        },
    }


def hits_response(*product_ids) -> dict:
    return {
        "took": 2,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": len(product_ids), "relation": "eq"},
            "max_score": 7.1,
            "hits": [
                {"_index": "ordos-products-20260101", "_id": str(pk), "_score": 7.1 - i, "_source": {}}
                for i, pk in enumerate(product_ids)
            ],
        },
    }


def test_results_counts_and_facets_are_read_from_elasticsearchs_answers(httpserver, catalogue):
    methanol, formalin, draft = (catalogue.products[key] for key in ("methanol", "formalin", "draft"))
    bodies = []

    def answer(request):
        body = json.loads(request.get_data() or b"{}")
        bodies.append(body)
        if body.get("size") == 0:
            return es_response(summary_response(catalogue))
        # A stale document of an unlisted product must not show.
        return es_response(hits_response(methanol.pk, draft.pk, formalin.pk))

    httpserver.expect_request(f"/{alias_name()}/_search", method="POST").respond_with_handler(answer)
    backend = ElasticsearchBackend(url=httpserver.url_for("/"))

    results = backend.search(ProductQuery(text="methanol", facets=FACETS, currency="USD"))

    assert results.count() == 2
    assert [hit.object for hit in results[0:24]] == [methanol, formalin]
    facets = {facet.name: {value.value: value.count for value in facet.values} for facet in results.facets()}
    assert facets["incoterm"] == {"FCA": 2, "CPT": 1}
    assert facets["dangerous_goods"] == {"no": 1, "yes": 1}
    assert facets["category"] == {str(catalogue.chemicals.pk): 2}
    assert facets["price"] == {"100-500": 2}
    assert facets["lead_time"] == {"-7": 1, "7-14": 1}
    assert "aggs" not in bodies[1] and (bodies[1]["from"], bodies[1]["size"]) == (0, 24)


def test_did_you_mean_reads_the_term_suggester():
    answer = {
        "suggest": {
            "spell": [
                {
                    "text": "metnaol",
                    "offset": 0,
                    "length": 7,
                    "options": [{"text": "methanol", "score": 0.71, "freq": 4}],
                },
                {"text": "grade", "offset": 8, "length": 5, "options": []},
            ]
        }
    }

    assert corrected_from_suggester(answer) == "methanol grade"


# --- Writing: bulk updates, reindex with an alias swap ------------------------------------------------


class Recorder:
    """Answers like Elasticsearch 8 for the calls indexing makes, and keeps their order."""

    def __init__(self, old_index: str | None = "ordos-products-20250101000000000000"):
        self.old_index = old_index
        self.bulk_actions: list[dict] = []

    def __call__(self, request):
        path = request.path
        if path == "/_bulk":
            lines = [json.loads(line) for line in request.get_data().splitlines() if line.strip()]
            items, position = [], 0
            while position < len(lines):
                (operation, meta), position = next(iter(lines[position].items())), position + 1
                self.bulk_actions.append({operation: meta})
                if operation in ("index", "create", "update"):
                    position += 1  # the document follows its action
                status = 404 if operation == "delete" else 201
                items.append({operation: {"_index": meta["_index"], "_id": meta["_id"], "status": status}})
            return es_response(
                {"took": 3, "errors": any(i[next(iter(i))]["status"] >= 300 for i in items), "items": items}
            )
        if path.startswith("/_alias/"):
            if not self.old_index:
                return es_response({"error": "alias missing", "status": 404}, status=404)
            return es_response({self.old_index: {"aliases": {alias_name(): {}}}})
        if path.endswith("/_refresh"):
            return es_response({"_shards": {"total": 1, "successful": 1, "failed": 0}})
        return es_response({"acknowledged": True, "shards_acknowledged": True, "index": path.strip("/")})


def test_reindex_builds_a_new_index_then_swaps_the_alias_and_drops_the_old_one(httpserver, catalogue):
    recorder = Recorder()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(recorder)

    count = ElasticsearchBackend(url=httpserver.url_for("/")).rebuild()

    calls = [(request.method, request.path) for request, _ in httpserver.log]
    new_index = calls[0][1].strip("/")
    assert count == 9
    assert re.fullmatch(r"ordos-products-\d{20}", new_index)
    assert calls == [
        ("PUT", f"/{new_index}"),
        ("PUT", "/_bulk"),
        ("POST", f"/{new_index}/_refresh"),
        ("GET", f"/_alias/{alias_name()}"),
        ("POST", "/_aliases"),
        ("DELETE", f"/{recorder.old_index}"),
    ]
    created = json.loads(httpserver.log[0][0].get_data())
    assert created["mappings"]["properties"]["title_zh"]["analyzer"] == "cjk"
    assert json.loads(httpserver.log[4][0].get_data()) == {
        "actions": [
            {"remove": {"index": recorder.old_index, "alias": alias_name()}},
            {"add": {"index": new_index, "alias": alias_name()}},
        ]
    }
    assert len(recorder.bulk_actions) == 9 and all(
        action["index"]["_index"] == new_index for action in recorder.bulk_actions
    )


def test_the_first_reindex_creates_the_alias(httpserver, catalogue):
    recorder = Recorder(old_index=None)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(recorder)

    ElasticsearchBackend(url=httpserver.url_for("/")).rebuild()

    calls = [(request.method, request.path) for request, _ in httpserver.log]
    assert [method for method, _ in calls] == ["PUT", "PUT", "POST", "GET", "POST"]
    (add,) = json.loads(httpserver.log[4][0].get_data())["actions"]
    assert add["add"]["alias"] == alias_name()


def test_an_update_writes_listed_products_and_deletes_the_others(httpserver, catalogue):
    recorder = Recorder()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(recorder)
    methanol, draft = catalogue.products["methanol"], catalogue.products["draft"]

    ElasticsearchBackend(url=httpserver.url_for("/")).index_products([methanol.pk, draft.pk])

    ((request, _),) = httpserver.log
    assert (request.method, request.path, request.args.get("refresh")) == ("PUT", "/_bulk", "wait_for")
    assert recorder.bulk_actions == [
        {"index": {"_index": alias_name(), "_id": methanol.pk}},
        {"delete": {"_index": alias_name(), "_id": draft.pk}},  # its 404 is not an error
    ]
