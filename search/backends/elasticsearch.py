"""Search on Elasticsearch 8: selected when ELASTICSEARCH_URL is set.

One ``Document`` per product with language fields (English, Russian and ``cjk`` analyzers),
exact identifiers as lower-cased keywords, and facet fields; ``ProductSearch`` is a
``FacetedSearch`` whose facets count each without its own selection (multi-select).
Synonyms come from the operators' groups through the shared query plan (search/query.py),
so an edit applies at once; typos are Elasticsearch's own ``fuzziness: AUTO``.

The index name is an alias: ``search_reindex`` builds a new index, fills it, swaps the alias
in one request and drops the old index, so searches go on throughout.
"""

from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from django.conf import settings
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Double,
    FacetedSearch,
    Integer,
    Keyword,
    Q,
    ScaledFloat,
    TermsFacet,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.dsl.faceted_search import Facet as DslFacet
from oscar.core.loading import get_model

from catalog.reference.selectors import rates_at
from catalog.selectors import browsable_products
from marketplace.accounts.models import VerificationStatus
from search.backends.base import ProductHit, ProductQuery, SortBy, Suggestion, Suggestions, SupplierHit
from search.documents import IndexedProduct, indexed_products
from search.facets import FACETS, FLAGS, PriceContext, bucket_key, labelled_facets, parse_range, range_buckets
from search.query import QueryPlan, plan_query
from search.synonyms import active_synonyms
from search.text import is_cjk, is_dictionary_word, tokenize

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

# Autocomplete: word beginnings of titles and supplier names ("meth" → methanol).
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    filter=["lowercase", token_filter("autocomplete_edge", "edge_ngram", min_gram=2, max_gram=20)],
)
TEXT_FIELDS = [
    "title^4",
    "title_ru^4",
    "title_zh^4",
    "search_words^2",
    "supplier_name^2",
    "description_en",
    "description_ru",
    "description_zh",
    "spec_text",
    "spec_text.zh",
    "supplier_location",
]
TITLE_FIELDS = ["title", "title_ru", "title_zh"]


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-products"


class ProductDocument(Document):
    id = Integer()
    title = Text(
        analyzer="english",
        fields={"raw": Keyword(), "suggest": Text(analyzer=autocomplete, search_analyzer="standard")},
    )
    title_ru = Text(
        analyzer="russian", fields={"suggest": Text(analyzer=autocomplete, search_analyzer="standard")}
    )
    title_zh = Text(analyzer="cjk")
    description_en = Text(analyzer="english")
    description_ru = Text(analyzer="russian")
    description_zh = Text(analyzer="cjk")
    search_words = Text(analyzer="standard", fields={"zh": Text(analyzer="cjk")})
    spec_text = Text(analyzer="english", fields={"zh": Text(analyzer="cjk")})
    supplier_name = Text(
        fields={"raw": Keyword(), "suggest": Text(analyzer=autocomplete, search_analyzer="standard")}
    )
    supplier_location = Text()
    # For "did you mean": unstemmed words of titles, descriptions and specs.
    spell = Text(analyzer="standard")
    identifiers = Keyword(normalizer="lowercase")
    product_class = Keyword()
    supplier_id = Integer()
    supplier_verified = Boolean()
    dangerous_goods = Boolean()
    transport_class = Keyword()
    categories = Integer()
    incoterms = Keyword()
    certifications = Keyword()
    min_price = ScaledFloat(scaling_factor=100)
    price_currency = Keyword()
    min_moq = Double()
    lead_time_days = Integer()
    priority = Integer()
    date_created = Date()
    fingerprint = Keyword(index=False)

    class Index:
        name = "products"  # replaced by alias_name() wherever the index is used
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def source(cls, product: IndexedProduct) -> dict:
        """The indexed JSON of one product."""
        languages = {"en": "", "ru": "_ru", "zh-hans": "_zh"}
        body = {
            "id": product.id,
            "title": product.title,
            **{
                f"title{suffix}": product.titles.get(lang, "") for lang, suffix in languages.items() if suffix
            },
            "description_en": product.descriptions.get("en", ""),
            "description_ru": product.descriptions.get("ru", ""),
            "description_zh": product.descriptions.get("zh-hans", ""),
            "search_words": " ".join(product.search_words),
            "spec_text": " ".join(product.spec_text),
            "supplier_name": product.supplier_name,
            "supplier_location": product.supplier_location,
            "spell": " ".join([*product.titles.values(), *product.descriptions.values(), *product.spec_text]),
            "identifiers": product.identifiers,
            "categories": product.categories,
            "incoterms": product.incoterms,
            "certifications": product.certifications,
            "fingerprint": product.fingerprint,
        }
        for name in (
            "product_class",
            "supplier_id",
            "supplier_verified",
            "dangerous_goods",
            "transport_class",
        ):
            body[name] = getattr(product, name)
        for name in ("min_price", "min_moq"):
            value = getattr(product, name)
            body[name] = None if value is None else float(value)
        body.update(
            price_currency=product.price_currency,
            lead_time_days=product.lead_time_days,
            priority=product.priority,
            date_created=product.date_created.isoformat(),
        )
        return body


def index_definition(name: str):
    """The products index (settings, analyzers, mappings) under ``name``."""
    return ProductDocument._index.clone(name=name)


# --- Queries ------------------------------------------------------------------------------------


def _word_query(word) -> Q:
    queries = [
        Q(
            "multi_match",
            query=form,
            fields=TEXT_FIELDS,
            operator="and",
            # Elasticsearch forgives typos itself; identifiers and Chinese bigrams stay exact.
            fuzziness="AUTO" if is_dictionary_word(form) and not is_cjk(form) else 0,
        )
        for form in word.forms
    ]
    return queries[0] if len(queries) == 1 else Q("bool", should=queries, minimum_should_match=1)


def text_query(plan: QueryPlan, prefix_last: bool = False) -> Q:
    """Every slot (any of its alternatives: all of their words), or a whole identifier first."""
    slots = []
    for index, slot in enumerate(plan.slots):
        alternatives = []
        for alternative in slot:
            if prefix_last and index == len(plan.slots) - 1:
                words = " ".join(word.typed for word in alternative)
                alternatives.append(Q("multi_match", query=words, type="bool_prefix", fields=SUGGEST_FIELDS))
            else:
                alternatives.append(Q("bool", must=[_word_query(word) for word in alternative]))
        slots.append(Q("bool", should=alternatives, minimum_should_match=1))
    should = [Q("bool", must=slots)] if slots else []
    if plan.identifiers:
        should.append(Q("terms", identifiers=list(plan.identifiers), boost=50))
    return Q("bool", should=should, minimum_should_match=1)


SUGGEST_FIELDS = ["title.suggest", "title_ru.suggest", "title_zh", "supplier_name.suggest"]


class FlagFacet(TermsFacet):
    """A boolean field shown as yes/no."""

    def add_filter(self, filter_values):
        if not filter_values:
            return None
        return Q("terms", **{self._params["field"]: [value == "yes" for value in filter_values]})

    def get_value(self, bucket):
        return "yes" if bucket["key"] in (1, True, "true") else "no"


class BucketsFacet(DslFacet):
    """Named buckets, each a query: ranges ``lo < x <= hi``, and prices across currencies."""

    agg_type = "filters"

    def __init__(self, buckets: list, make_query):
        self.keys = [bucket_key(bucket) for bucket in buckets]
        self.make_query = make_query
        super().__init__(filters={bucket_key(bucket): make_query(bucket).to_dict() for bucket in buckets})

    def get_value_filter(self, filter_value):
        bucket = parse_range(filter_value)
        return self.make_query(bucket) if bucket else Q("match_none")

    def get_values(self, data, filter_values):
        buckets = data.to_dict().get("buckets", {})  # keyed: {"10-100": {"doc_count": 2}, ...}
        return [(key, buckets.get(key, {}).get("doc_count", 0), key in filter_values) for key in self.keys]


def _range_query(field: str, bucket) -> Q:
    low, high = bucket
    limits = {}
    if low is not None:
        limits["gt"] = float(low)
    if high is not None:
        limits["lte"] = float(high)
    return Q("range", **{field: limits}) if limits else Q("exists", field=field)


def _price_query(prices: PriceContext, bucket, inclusive_low: bool = False) -> Q:
    branches = []
    for code, low, high in prices.bounds_in(bucket):
        limits = {}
        if low is not None:
            limits["gte" if inclusive_low else "gt"] = float(low)
        if high is not None:
            limits["lte"] = float(high)
        branches.append(Q("bool", filter=[Q("term", price_currency=code), Q("range", min_price=limits)]))
    return Q("bool", should=branches, minimum_should_match=1) if branches else Q("match_none")


def _buckets_facet(name: str, prices: PriceContext) -> BucketsFacet:
    if name == "price":
        return BucketsFacet(range_buckets(name, prices), lambda bucket: _price_query(prices, bucket))
    field = {"moq": "min_moq", "lead_time": "lead_time_days"}[name]
    return BucketsFacet(range_buckets(name, prices), lambda bucket: _range_query(field, bucket))


def build_facets(prices: PriceContext) -> dict[str, DslFacet]:
    facets = {
        "category": TermsFacet(field="categories", size=100),
        "product_class": TermsFacet(field="product_class", size=50),
        "supplier": TermsFacet(field="supplier_id", size=50),
        "transport_class": TermsFacet(field="transport_class", size=20),
        "incoterm": TermsFacet(field="incoterms", size=20),
        "certification": TermsFacet(field="certifications", size=50),
        **{name: FlagFacet(field=name) for name in FLAGS},
        **{name: _buckets_facet(name, prices) for name in ("price", "moq", "lead_time")},
    }
    return {name: facets[name] for name in FACETS}


class ProductSearch(FacetedSearch):
    """The products index through ``FacetedSearch``: query, facet filters, aggregations, sort."""

    def __init__(self, *, client, query: ProductQuery, plan: QueryPlan, prices: PriceContext):
        self.using = client
        self.index = alias_name()
        self.facets = build_facets(prices)
        self.product_query = query
        self.plan = plan
        self.prices = prices
        selected = {name: list(values) for name, values in query.selections().items() if name in self.facets}
        super().__init__(query=query.text or None, filters=selected, sort=sort_for(query, prices))

    def search(self):
        search = super().search().extra(track_total_hits=True)
        query = self.product_query
        if query.category_ids:
            search = search.filter("terms", categories=list(query.category_ids))
        if query.price_min is not None or query.price_max is not None:
            search = search.filter(_price_query(self.prices, (query.price_min, query.price_max), True))
        if query.moq_max is not None:
            search = search.filter("range", min_moq={"lte": float(query.moq_max)})
        if query.lead_time_max is not None:
            search = search.filter("range", lead_time_days={"lte": query.lead_time_max})
        return search

    def query(self, search, query):
        return search.query(text_query(self.plan)) if not self.plan.is_empty else search


def sort_for(query: ProductQuery, prices: PriceContext) -> list:
    if query.sort_by in (SortBy.PRICE_ASC, SortBy.PRICE_DESC):
        ascending = query.sort_by == SortBy.PRICE_ASC
        unknown = 1e18 if ascending else -1e18  # offers without a rate or price go last
        script = (
            "if (doc['min_price'].size() == 0) { return params.unknown; }"
            " def rate = params.rates.get(doc['price_currency'].value);"
            " return rate == null ? params.unknown : doc['min_price'].value * rate;"
        )
        rates = {code: float(rate) for code, rate in prices.rates.items()}
        return [
            {
                "_script": {
                    "type": "number",
                    "order": "asc" if ascending else "desc",
                    "script": {"source": script, "params": {"rates": rates, "unknown": unknown}},
                }
            },
            {"id": "asc"},
        ]
    return {
        SortBy.NEWEST: [{"date_created": "desc"}, {"id": "desc"}],
        SortBy.LEAD_TIME: [
            {"lead_time_days": {"order": "asc", "missing": "_last"}},
            {"priority": "desc"},
            "id",
        ],
        SortBy.TITLE_ASC: ["title.raw", "id"],
        SortBy.TITLE_DESC: [{"title.raw": "desc"}, "id"],
    }.get(query.sort_by) or (
        ["_score", {"priority": "desc"}, {"date_created": "desc"}, "id"]
        if query.text.strip()
        else [{"priority": "desc"}, {"date_created": "desc"}, "id"]
    )


# --- Results ------------------------------------------------------------------------------------


class ElasticsearchResults:
    def __init__(self, backend: "ElasticsearchBackend", search: ProductSearch):
        self.backend = backend
        self.search = search
        self.query = search.product_query
        self.corrected_text = ""  # Elasticsearch's fuzziness fixes typos without naming the fix
        self._summary = None

    def summary(self):
        """Total and aggregations, without hits (one request, kept)."""
        if self._summary is None:
            response = self.search._s.extra(size=0).execute()
            response._faceted_search = self.search  # FacetedResponse reads the facets through it
            self._summary = response
        return self._summary

    def count(self) -> int:
        return self.summary().hits.total.value

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        search = self.search._s[index]
        search.aggs._params["aggs"] = {}  # hits only: the counts come from summary()
        response = search.execute()
        ids = [int(hit.meta.id) for hit in response.hits]
        return self.backend.hits(ids)

    def facet_counts(self) -> dict[str, dict[str, int]]:
        facets = self.summary().facets
        return {
            name: {str(key): count for key, count, _selected in facets[name]}
            for name in FACETS
            if name in self.query.facets
        }

    def facets(self):
        if not self.query.facets:
            return []
        return labelled_facets(self.facet_counts(), self.query.selections(), self.search.prices)

    def suggestions(self) -> list[Suggestion]:
        if not self.query.text or self.count():
            return []
        return self.backend.alternatives(self.query)


# --- Backend ------------------------------------------------------------------------------------


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url: str | None = None):
        self.url = url or settings.ELASTICSEARCH_URL

    @cached_property
    def client(self) -> Elasticsearch:
        return Elasticsearch(self.url, request_timeout=10, retry_on_timeout=True, max_retries=2)

    def search(self, query: ProductQuery) -> ElasticsearchResults:
        prices = PriceContext.build(query.currency, rates_at())
        plan = plan_query(query.text, synonyms=active_synonyms())
        return ElasticsearchResults(
            self, ProductSearch(client=self.client, query=query, plan=plan, prices=prices)
        )

    @staticmethod
    def hits(ids: list[int]) -> list[ProductHit]:
        # Loaded through the catalogue's rule: a stale document never shows a hidden product.
        products = browsable_products().in_bulk(ids)
        return [ProductHit(products[pk]) for pk in ids if pk in products]

    def spelling(self, text: str) -> dict:
        """The term suggester's raw answer for ``text`` on the unstemmed ``spell`` field."""
        body = {"suggest": {"spell": {"text": text, "term": {"field": "spell", "suggest_mode": "missing"}}}}
        return self.client.search(index=alias_name(), size=0, **body).body

    def alternatives(self, query: ProductQuery) -> list[Suggestion]:
        fixed = corrected_from_suggester(self.spelling(query.text))
        tokens = tokenize(query.text)
        candidates = ([fixed] if fixed and fixed != " ".join(tokens) else []) + (
            tokens[:3] if len(tokens) > 1 else []
        )
        suggestions = []
        for text in dict.fromkeys(candidates):
            count = self.search(ProductQuery(text=text, category_ids=query.category_ids)).count()
            if count:
                suggestions.append(Suggestion(text=text, count=count))
        return suggestions

    def suggest(self, text: str, *, limit: int = 6) -> Suggestions:
        plan = plan_query(text, synonyms=active_synonyms())
        if plan.is_empty:
            return Suggestions()
        search = ProductSearch(
            client=self.client, query=ProductQuery(text=text), plan=plan, prices=PriceContext("", {})
        )
        body = search._s.query(text_query(plan, prefix_last=True))[:limit]
        body.aggs._params["aggs"] = {}
        ids = [int(hit.meta.id) for hit in body.execute().hits]
        products = Product.objects.filter(pk__in=ids).prefetch_related("translations").in_bulk(ids)
        words = text.strip()
        partners = (
            Partner.objects.filter(
                company__verification_status=VerificationStatus.VERIFIED, name__icontains=words
            )
            .select_related("company")
            .order_by("name")[:limit]
        )
        categories = Category.objects.browsable().filter(name__icontains=words).order_by("name")[:limit]
        return Suggestions(
            products=[
                (pk, products[pk].get_title(), products[pk].get_absolute_url())
                for pk in ids
                if pk in products
            ],
            suppliers=[SupplierHit(p.pk, p.name, p.company.city if p.company else "") for p in partners],
            categories=[(category, category.get_absolute_url()) for category in categories],
        )

    # --- writing ------------------------------------------------------------------------------

    def index_products(self, product_ids) -> None:
        ids = set(product_ids)
        products = list(indexed_products(ids))
        listed = {product.id for product in products}
        actions = [
            {"_op_type": "index", "_index": alias_name(), "_id": p.id, "_source": ProductDocument.source(p)}
            for p in products
        ] + [{"_op_type": "delete", "_index": alias_name(), "_id": pk} for pk in sorted(ids - listed)]
        _, errors = helpers.bulk(self.client, actions, refresh="wait_for", raise_on_error=False)
        failures = [error for error in errors if error.get("delete", {}).get("status") != 404]
        if failures:
            raise RuntimeError(f"Elasticsearch refused {len(failures)} updates: {failures[:3]}")

    def rebuild(self, *, progress=None) -> int:
        """Fill a new index, then point the alias at it and drop the old ones."""
        alias = alias_name()
        new_index = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        index_definition(new_index).create(using=self.client)
        total = browsable_products().count()
        done = 0

        def actions():
            nonlocal done
            for product in indexed_products():
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
                yield {"_index": new_index, "_id": product.id, "_source": ProductDocument.source(product)}

        helpers.bulk(self.client, actions(), chunk_size=500)
        self.client.indices.refresh(index=new_index)
        try:
            old_indices = list(self.client.indices.get_alias(name=alias).body)
        except NotFoundError:
            old_indices = []
        swap = [{"remove": {"index": old, "alias": alias}} for old in old_indices]
        swap.append({"add": {"index": new_index, "alias": alias}})
        self.client.indices.update_aliases(actions=swap)
        for old in old_indices:
            self.client.indices.delete(index=old)
        if progress:
            progress(done, total)
        return done

    def check(self) -> dict[str, list[int]]:
        indexed = {
            int(hit["_id"]): hit["_source"].get("fingerprint")
            for hit in helpers.scan(self.client, index=alias_name(), _source=["fingerprint"])
        }
        missing, stale = [], []
        for product in indexed_products():
            fingerprint = indexed.pop(product.id, None)
            if fingerprint is None:
                missing.append(product.id)
            elif fingerprint != product.fingerprint:
                stale.append(product.id)
        return {"missing": missing, "stale": stale, "orphaned": sorted(indexed)}

    def status(self) -> dict[str, Any]:
        health = self.client.cluster.health(index=alias_name(), timeout="2s").body
        return {
            "backend": self.name,
            "ok": health["status"] in ("green", "yellow"),
            "status": health["status"],
        }


def corrected_from_suggester(body: dict) -> str:
    """The query with each word replaced by the term suggester's best option, if any."""
    words = []
    for entry in body.get("suggest", {}).get("spell", []):
        options = entry.get("options") or []
        words.append(options[0]["text"] if options else entry["text"])
    return " ".join(words)
