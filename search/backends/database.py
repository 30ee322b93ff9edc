"""Search in the database: the embedded default on SQLite, and PostgreSQL without a search server.

Both databases search the same token columns (search/text.py), so they behave alike:
- PostgreSQL matches a generated tsvector column through its GIN index and finds typo
  candidates in the term dictionary through a trigram index (pg_trgm);
- SQLite matches `` token `` inside the padded token column with LIKE and picks typo
  candidates of similar length from the dictionary;
- on both, candidates within the allowed edit distance are typo fixes, and relevance is one
  portable expression: exact identifier first, then words found in titles, then priority.
"""

import functools
import json
import operator
from collections import Counter
from typing import Any

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Length
from oscar.core.loading import get_model

from catalog.reference.selectors import rates_at
from catalog.selectors import browsable_products
from marketplace.accounts.models import VerificationStatus
from search.backends.base import ProductHit, ProductQuery, SortBy, Suggestion, Suggestions, SupplierHit
from search.documents import IndexedProduct, indexed_products
from search.facets import (
    FACETS,
    FLAGS,
    MULTI_VALUED,
    Facet,
    PriceContext,
    bucket_key,
    labelled_facets,
    parse_range,
    range_buckets,
)
from search.models import (
    PendingIndexUpdate,
    ProductDocument,
    ProductDocumentValue,
    SearchTerm,
)
from search.query import QueryPlan, plan_query
from search.synonyms import Synonyms, active_synonyms
from search.text import allowed_typos, edit_distance, is_dictionary_word, padded, tokenize

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

COLUMNS = {"product_class": "product_class", "supplier": "supplier_id", "transport_class": "transport_class"}
RANGE_COLUMNS = {"moq": "min_moq", "lead_time": "lead_time_days"}
# Pending index updates brought up to date before a search answers (more wait for the worker).
CATCH_UP_LIMIT = 100
# Results the counting statement also returns in order, so a first page needs no query of its own.
FIRST_RESULTS = 96


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


# --- Term dictionary ------------------------------------------------------------------------


class DatabaseTermDictionary:
    def __init__(self, vocabulary: frozenset[str] = frozenset()):
        self.vocabulary = vocabulary  # synonym words count as known

    def known(self, words: set[str]) -> set[str]:
        found = set(SearchTerm.objects.filter(term__in=words).values_list("term", flat=True))
        return found | (words & self.vocabulary)

    def corrections(self, word: str, max_distance: int) -> list[str]:
        terms = SearchTerm.objects.annotate(length=Length("term")).filter(
            length__gte=len(word) - max_distance, length__lte=len(word) + max_distance
        )
        if _is_postgres():
            # pg_trgm's % operator (similarity above 0.3) uses the trigram index.
            terms = terms.filter(RawSQL("search_searchterm.term %% %s", (word,), output_field=BooleanField()))
        else:
            terms = terms.filter(Q(term__startswith=word[0]) | Q(term__endswith=word[-2:]))
        scored = []
        for term, count in terms.values_list("term", "document_count")[:500]:
            distance = edit_distance(word, term, max_distance)
            if distance <= max_distance:
                scored.append((distance, -count, term))
        return [term for _, _, term in sorted(scored)]


# --- Conditions -----------------------------------------------------------------------------


def _token(column: str, form: str, prefix: bool = False) -> Q:
    return Q(**{f"{column}__contains": f" {form}" if prefix else f" {form} "})


def _any(conditions) -> Q:
    return functools.reduce(operator.or_, conditions, Q())


def _all(conditions) -> Q:
    return functools.reduce(operator.and_, conditions, Q())


def _slot_condition(slot, column: str, prefix: bool = False) -> Q:
    """Any alternative of the slot in ``column``; with ``prefix`` the last word may be unfinished."""
    return _any(
        _all(
            _any(_token(column, form, prefix=prefix and position == len(alt) - 1) for form in word.forms)
            for position, word in enumerate(alt)
        )
        for alt in slot
    )


def _lexeme(form: str, prefix: bool = False) -> str:
    quoted = "'" + form.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix else "")


def _tsquery(plan: QueryPlan, prefix_last: bool = False) -> str:
    slots = []
    for index, slot in enumerate(plan.slots):
        last_slot = prefix_last and index == len(plan.slots) - 1
        alternatives = []
        for alt in slot:
            words = []
            for position, word in enumerate(alt):
                prefix = last_slot and position == len(alt) - 1
                words.append("(" + " | ".join(_lexeme(form, prefix) for form in word.forms) + ")")
            alternatives.append("(" + " & ".join(words) + ")")
        slots.append("(" + " | ".join(alternatives) + ")")
    parts = [f"({' & '.join(slots)})"] if slots else []
    # A whole identifier matches the product's identifiers only (DocumentVector's ``#`` lexemes).
    return " | ".join(parts + [_lexeme(f"#{identifier}") for identifier in plan.identifiers])


class _Matches(Func):
    """``search_vector @@ 'query'::tsquery`` (PostgreSQL)."""

    arg_joiner = " @@ "
    template = "%(expressions)s"
    output_field = BooleanField()


def text_condition(plan: QueryPlan, prefix_last: bool = False) -> Q:
    """Documents that match every slot, or a whole identifier."""
    if plan.is_empty:
        return Q()
    if _is_postgres():
        tsquery = RawSQL("CAST(%s AS tsquery)", (_tsquery(plan, prefix_last),))
        return Q(_Matches(F("search_vector"), tsquery))
    last = len(plan.slots) - 1
    slots = [
        _slot_condition(slot, "tokens", prefix=prefix_last and index == last)
        for index, slot in enumerate(plan.slots)
    ]
    identifiers = [_token("identifiers", identifier) for identifier in plan.identifiers]
    return _any([_all(slots), *identifiers]) if slots else _any(identifiers)


def _range_condition(column: str, bucket) -> Q:
    low, high = bucket
    condition = Q(**{f"{column}__isnull": False})
    if low is not None:
        condition &= Q(**{f"{column}__gt": low})
    if high is not None:
        condition &= Q(**{f"{column}__lte": high})
    return condition


def _price_condition(prices: PriceContext, bucket, inclusive_low: bool = False) -> Q:
    branches = []
    for code, low, high in prices.bounds_in(bucket):
        condition = Q(price_currency=code, min_price__isnull=False)
        if low is not None:
            condition &= Q(min_price__gte=low) if inclusive_low else Q(min_price__gt=low)
        if high is not None:
            condition &= Q(min_price__lte=high)
        branches.append(condition)
    return _any(branches) if branches else Q(pk__in=[])


def facet_condition(name: str, values: tuple[str, ...], prices: PriceContext) -> Q:
    if name in MULTI_VALUED:
        chosen = ProductDocumentValue.objects.filter(document=OuterRef("pk"), facet=name, value__in=values)
        return Q(Exists(chosen))
    if name in FLAGS:
        return Q(**{f"{name}__in": [value == "yes" for value in values if value in ("yes", "no")]})
    if name == "supplier":
        return Q(supplier_id__in=[int(value) for value in values if value.isdigit()])
    if name in COLUMNS:
        return Q(**{f"{COLUMNS[name]}__in": values})
    buckets = [bucket for bucket in map(parse_range, values) if bucket]
    if name == "price":
        return _any(_price_condition(prices, bucket) for bucket in buckets) or Q(pk__in=[])
    return _any(_range_condition(RANGE_COLUMNS[name], bucket) for bucket in buckets) or Q(pk__in=[])


# --- Search ---------------------------------------------------------------------------------


class DatabaseResults:
    def __init__(
        self, backend: "DatabaseBackend", query: ProductQuery, plan: QueryPlan, prices: PriceContext
    ):
        self.backend = backend
        self.query = query
        self.plan = plan
        self.prices = prices
        self.selected = query.selections()
        self.corrected_text = plan.corrected_text if plan.corrections else ""
        self._count: int | None = None
        self._facet_counts: dict[str, dict[str, int]] | None = None
        self._first_ids: list[int] | None = None

    def documents(self, without: str = "") -> QuerySet:
        """Matching documents, narrowed by every facet selection except ``without``'s."""
        return self.narrowed(self.matched(), without=without)

    def matched(self) -> QuerySet:
        """Documents matching the text, the page's scope and the plain filters; no facet selections."""
        documents = ProductDocument.objects.filter(text_condition(self.plan))
        if self.query.category_ids:
            scope = [str(pk) for pk in self.query.category_ids]
            documents = documents.filter(facet_condition("category", tuple(scope), self.prices))
        query = self.query
        if query.price_min is not None or query.price_max is not None:
            bucket = (query.price_min, query.price_max)
            documents = documents.filter(_price_condition(self.prices, bucket, inclusive_low=True))
        if query.moq_max is not None:
            documents = documents.filter(min_moq__lte=query.moq_max)
        if query.lead_time_max is not None:
            documents = documents.filter(lead_time_days__lte=query.lead_time_max)
        return documents

    def narrowed(self, documents: QuerySet, without: str = "") -> QuerySet:
        for name, values in self.selected.items():
            if name != without:
                documents = documents.filter(facet_condition(name, values, self.prices))
        return documents

    def count(self) -> int:
        if self._count is None:
            # The facets the page asks for are counted in the same statement.
            self._counted(self._wanted_facets())
        return self._count

    def _wanted_facets(self) -> list[str]:
        return [name for name in FACETS if name in self.query.facets]

    def _counted(self, names: list[str]) -> dict[str, dict[str, int]]:
        if self._facet_counts is None or not set(names) <= set(self._facet_counts):
            self._count, self._facet_counts, self._first_ids = self.backend.count_matches(self, names)
        return {name: self._facet_counts[name] for name in names}

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self._first_results(index)
        if ids is None:
            ids = list(self.backend.ordered(self.documents(), self.query, self.plan, self.prices)[index])
        # Loaded through the catalogue's own rule, so a stale entry never shows a hidden product.
        products = browsable_products().in_bulk(ids)
        return [ProductHit(products[pk]) for pk in ids if pk in products]

    def _first_results(self, window: slice) -> list[int] | None:
        """The window from the first results the count's statement brought, if it lies within them."""
        first, start, stop = self._first_ids, window.start or 0, window.stop
        if first is None or window.step or start < 0 or stop is None or stop < 0:
            return None
        if stop <= FIRST_RESULTS or len(first) < FIRST_RESULTS:
            return first[start:stop]
        return None

    def facet_counts(self) -> dict[str, dict[str, int]]:
        return self._counted(self._wanted_facets())

    def facets(self) -> list[Facet]:
        if not self.query.facets:
            return []
        return labelled_facets(self.facet_counts(), self.selected, self.prices)

    def suggestions(self) -> list[Suggestion]:
        if not self.query.text or self.count():
            return []
        return self.backend.alternatives(self.query)


class DatabaseBackend:
    name = "database"

    # --- reading ----------------------------------------------------------------------------

    def plan(self, text: str) -> QueryPlan:
        synonyms = active_synonyms() if text.strip() else Synonyms(())
        dictionary = DatabaseTermDictionary(synonyms.vocabulary)
        return plan_query(text, synonyms=synonyms, dictionary=dictionary)

    def search(self, query: ProductQuery) -> DatabaseResults:
        self.catch_up()
        prices = (
            PriceContext.build(query.currency, rates_at())
            if self._needs_prices(query)
            else PriceContext("", {})
        )
        return DatabaseResults(self, query, self.plan(query.text), prices)

    @staticmethod
    def _needs_prices(query: ProductQuery) -> bool:
        return bool(
            "price" in query.facets
            or any(name == "price" for name, _ in query.filters)
            or query.price_min is not None
            or query.price_max is not None
            or query.sort_by in (SortBy.PRICE_ASC, SortBy.PRICE_DESC)
        )

    def ordered(self, documents: QuerySet, query: ProductQuery, plan: QueryPlan, prices: PriceContext):
        ids = documents.values_list("pk", flat=True)
        sort_by = query.sort_by
        if sort_by in (SortBy.PRICE_ASC, SortBy.PRICE_DESC):
            price = Case(
                *(
                    When(price_currency=code, then=F("min_price") * Value(rate))
                    for code, rate in prices.rates.items()
                ),
                default=None,
            )
            ids = ids.annotate(price_in_currency=price)
            order = F("price_in_currency").asc(nulls_last=True)
            if sort_by == SortBy.PRICE_DESC:
                order = F("price_in_currency").desc(nulls_last=True)
            return ids.order_by(order, "pk")
        if sort_by == SortBy.LEAD_TIME:
            return ids.order_by(F("lead_time_days").asc(nulls_last=True), "-priority", "pk")
        if sort_by == SortBy.NEWEST:
            return ids.order_by("-date_created", "-pk")
        if sort_by == SortBy.TITLE_ASC:
            return ids.order_by("title", "pk")
        if sort_by == SortBy.TITLE_DESC:
            return ids.order_by("-title", "pk")
        if plan.is_empty:
            return ids.order_by("-priority", "-date_created", "pk")
        return ids.annotate(**self._relevance(plan)).order_by(
            "-identifier_rank", "-title_rank", "-priority", "-date_created", "pk"
        )

    @staticmethod
    def _relevance(plan: QueryPlan, prefix_last: bool = False) -> dict:
        identifier = _any(_token("identifiers", identifier) for identifier in plan.identifiers)
        last = len(plan.slots) - 1
        ranks = [
            Case(
                When(
                    _slot_condition(slot, "title_tokens", prefix=prefix_last and index == last), then=Value(1)
                ),
                default=Value(0),
            )
            for index, slot in enumerate(plan.slots)
        ]
        return {
            "identifier_rank": Case(When(identifier, then=Value(1)), default=Value(0))
            if plan.identifiers
            else Value(0),
            "title_rank": functools.reduce(operator.add, ranks) if ranks else Value(0),
        }

    def count_matches(
        self, results: DatabaseResults, names: list[str]
    ) -> tuple[int, dict[str, dict[str, int]], list[int]]:
        """The number of results, the named facets' counts and the first results, in one statement.

        The total and every facet without a selection of its own are counted in one pass over
        the matched documents; a facet the buyer picked values of is counted over the documents
        the other facets' selections leave. The first FIRST_RESULTS results, in order, come
        in the same statement.
        """
        documents = results.documents()
        shared = [name for name in names if name not in results.selected]
        parts = [self._grouped(documents, ["", *shared], results.prices)]
        parts += [
            self._grouped(results.documents(without=name), [name], results.prices)
            for name in names
            if name in results.selected
        ]
        first = self.ordered(documents, results.query, results.plan, results.prices)[:FIRST_RESULTS]
        first_sql, first_params = first.query.sql_with_params()
        # ROW_NUMBER() OVER () numbers the rows in the order the sorted subquery yields them.
        parts.append(
            (
                f"SELECT '#' AS facet, CAST(h.pk AS {self._text_type()}) AS k, ROW_NUMBER() OVER () AS n "
                f"FROM ({first_sql}) h",
                list(first_params),
            )
        )
        statement = " UNION ALL ".join(
            f"SELECT * FROM ({sql}) p{index}" for index, (sql, _) in enumerate(parts)
        )
        params = [param for _, part_params in parts for param in part_params]
        total_count, counts, positions = 0, {name: Counter() for name in names}, []
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            for facet, key, count in cursor.fetchall():
                if facet == "":
                    total_count = count
                elif facet == "#":
                    positions.append((count, int(key)))
                elif key in (None, ""):
                    continue
                elif facet in MULTI_VALUED:
                    for value in json.loads(key):  # a whole value list, see _facet_key
                        counts[facet][str(value)] += count
                else:
                    counts[facet][str(key)] += count
        facet_counts = {name: dict(values) for name, values in counts.items()}
        return total_count, facet_counts, [pk for _, pk in sorted(positions)]

    def _grouped(self, documents: QuerySet, names: list[str], prices: PriceContext) -> tuple[str, list]:
        """Rows (facet, value, count) of the named facets over ``documents``; "" names the total.

        On PostgreSQL one pass counts them all (GROUPING SETS); SQLite has no grouping sets,
        so there each is a GROUP BY of its own.
        """
        faceted = [name for name in names if name]
        if not faceted:
            inner_sql, inner_params = documents.order_by().values("pk").query.sql_with_params()
            return f"SELECT '' AS facet, '' AS k, COUNT(*) AS n FROM ({inner_sql}) d", list(inner_params)
        keys = {f"k{index}": self._facet_key(name, prices) for index, name in enumerate(faceted)}
        inner_sql, inner_params = documents.order_by().values(**keys).query.sql_with_params()
        inner_params = list(inner_params)
        with_total = "" in names
        if _is_postgres():
            columns = ", ".join(f"d.{key}" for key in keys)
            # GROUPING() sets a bit for each column the row is not grouped by, the first leftmost.
            everything = (1 << len(keys)) - 1
            facet = " ".join(
                f"WHEN {everything ^ (1 << (len(keys) - 1 - index))} THEN '{name}'"
                for index, name in enumerate(faceted)
            )
            sets = ", ".join(["()"] * with_total + [f"(d.{key})" for key in keys])
            sql = (
                f"SELECT CASE GROUPING({columns}) {facet} ELSE '' END AS facet, COALESCE({columns}) AS k, "
                f"COUNT(*) AS n FROM ({inner_sql}) d GROUP BY GROUPING SETS ({sets})"
            )
            return sql, inner_params
        selects = [
            f"SELECT '{name}' AS facet, d.{key} AS k, COUNT(*) AS n FROM ({inner_sql}) d GROUP BY d.{key}"
            for key, name in zip(keys, faceted, strict=True)
        ]
        if with_total:
            selects.append(f"SELECT '' AS facet, '' AS k, COUNT(*) AS n FROM ({inner_sql}) d")
        sql = " UNION ALL ".join(f"SELECT * FROM ({select})" for select in selects)
        return sql, inner_params * len(selects)

    @staticmethod
    def _text_type() -> str:
        return "varchar" if _is_postgres() else "text"

    @staticmethod
    def _facet_key(name: str, prices: PriceContext):
        if name in MULTI_VALUED:
            # The whole list as text: matches share a handful of lists, split after counting.
            return Cast(f"{name}_values", TextField())
        if name in FLAGS:
            return Case(When(**{name: True}, then=Value("yes")), default=Value("no"))
        if name in COLUMNS:
            return Cast(COLUMNS[name], CharField())
        whens = []
        for bucket in range_buckets(name, prices):
            condition = (
                _price_condition(prices, bucket)
                if name == "price"
                else _range_condition(RANGE_COLUMNS[name], bucket)
            )
            whens.append(When(condition, then=Value(bucket_key(bucket))))
        return Case(*whens, default=Value(""), output_field=CharField())

    def alternatives(self, query: ProductQuery) -> list[Suggestion]:
        """Queries that find something when this one found nothing: typo fixes, then single words."""
        tokens = tokenize(query.text)
        dictionary = DatabaseTermDictionary()
        candidates = []
        fixed = list(tokens)
        for position, token in enumerate(tokens):
            if is_dictionary_word(token) and not dictionary.known({token}):
                fixes = dictionary.corrections(token, allowed_typos(token) + 1)
                if fixes:
                    fixed[position] = fixes[0]
        if fixed != tokens:
            candidates.append(" ".join(fixed))
        if len(tokens) > 1:
            candidates += list(dict.fromkeys(fixed))[:3]
        suggestions = []
        for text in dict.fromkeys(candidates):
            count = self.search(ProductQuery(text=text, category_ids=query.category_ids)).count()
            if count:
                suggestions.append(Suggestion(text=text, count=count))
        return suggestions

    def suggest(self, text: str, *, limit: int = 6) -> Suggestions:
        """Products, suppliers and categories for the search box, matching as the buyer types."""
        self.catch_up()
        plan = plan_query(text, synonyms=active_synonyms())
        if plan.is_empty:
            return Suggestions()
        documents = ProductDocument.objects.filter(text_condition(plan, prefix_last=True))
        documents = documents.annotate(**self._relevance(plan, prefix_last=True)).order_by(
            "-identifier_rank", "-title_rank", "-priority", "title", "pk"
        )
        ids = list(documents.values_list("pk", flat=True)[:limit])
        products = Product.objects.filter(pk__in=ids).prefetch_related("translations").in_bulk(ids)
        words = text.strip()
        suppliers = (
            Partner.objects.filter(company__verification_status=VerificationStatus.VERIFIED)
            .filter(Q(name__icontains=words) | Q(company__city__icontains=words))
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
            suppliers=[
                SupplierHit(partner.pk, partner.name, partner.company.city if partner.company else "")
                for partner in suppliers
            ],
            categories=[(category, category.get_absolute_url()) for category in categories],
        )

    # --- writing ----------------------------------------------------------------------------

    def catch_up(self) -> None:
        """Index the products changed since the last update, so no page shows a stale listing."""
        pending = list(PendingIndexUpdate.objects.values_list("product_id", flat=True)[:CATCH_UP_LIMIT])
        if pending:
            from search.indexing import update_index

            update_index(pending)

    def index_products(self, product_ids) -> None:
        ids = set(product_ids)
        products = list(indexed_products(ids))
        with transaction.atomic():
            ProductDocument.objects.filter(pk__in=ids - {product.id for product in products}).delete()
            self._write(products)
            terms = Counter(term for product in products for term in dictionary_words(product))
            SearchTerm.objects.bulk_create(
                (SearchTerm(term=term, document_count=1) for term in terms), ignore_conflicts=True
            )

    def _write(self, products: list[IndexedProduct]) -> None:
        rows = [document_row(product) for product in products]
        fields = [field.name for field in ProductDocument._meta.concrete_fields]
        update_fields = [name for name in fields if name not in ("product", "search_vector")]
        ProductDocument.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["product"], update_fields=update_fields
        )
        ProductDocumentValue.objects.filter(document__in=[product.id for product in products]).delete()
        ProductDocumentValue.objects.bulk_create(
            ProductDocumentValue(document_id=product.id, facet=facet, value=value)
            for product in products
            for facet, values in facet_values(product).items()
            for value in values
        )

    def rebuild(self, *, progress=None) -> int:
        total = browsable_products().count()
        done = 0
        terms: Counter = Counter()
        with transaction.atomic():
            ProductDocument.objects.all().delete()
            SearchTerm.objects.all().delete()
            batch: list[IndexedProduct] = []
            for product in indexed_products():
                batch.append(product)
                terms.update(set(dictionary_words(product)))
                if len(batch) == 500:
                    self._write(batch)
                    done += len(batch)
                    batch = []
                    if progress:
                        progress(done, total)
            self._write(batch)
            done += len(batch)
            SearchTerm.objects.bulk_create(
                (SearchTerm(term=term, document_count=count) for term, count in terms.items()),
                batch_size=2000,
            )
            PendingIndexUpdate.objects.all().delete()
        if progress:
            progress(done, total)
        return done

    def check(self) -> dict[str, list[int]]:
        indexed = dict(ProductDocument.objects.values_list("pk", "fingerprint"))
        missing, stale = [], []
        for product in indexed_products():
            fingerprint = indexed.pop(product.id, None)
            if fingerprint is None:
                missing.append(product.id)
            elif fingerprint != product.fingerprint:
                stale.append(product.id)
        return {"missing": missing, "stale": stale, "orphaned": sorted(indexed)}

    def status(self) -> dict[str, Any]:
        return {"backend": self.name, "ok": True, "vendor": connection.vendor}


# --- Documents as rows ------------------------------------------------------------------------


def _words(product: IndexedProduct) -> tuple[list[str], list[str]]:
    titles = tokenize(" ".join(product.titles.values()))
    body = tokenize(
        " ".join(
            [
                *product.descriptions.values(),
                *product.search_words,
                *product.spec_text,
                product.supplier_name,
                product.supplier_location,
            ]
        )
    )
    return titles, body


def dictionary_words(product: IndexedProduct) -> list[str]:
    titles, body = _words(product)
    return [token for token in titles + body if is_dictionary_word(token)]


def document_row(product: IndexedProduct) -> ProductDocument:
    titles, body = _words(product)
    identifier_words = tokenize(" ".join(product.identifiers))
    return ProductDocument(
        product_id=product.id,
        title=product.title[:255],
        title_tokens=padded(titles),
        tokens=padded(titles + body + product.identifiers + identifier_words),
        identifiers=padded(product.identifiers),
        product_class=product.product_class,
        supplier_id=product.supplier_id,
        supplier_verified=product.supplier_verified,
        dangerous_goods=product.dangerous_goods,
        transport_class=product.transport_class,
        min_price=product.min_price,
        price_currency=product.price_currency,
        min_moq=product.min_moq,
        lead_time_days=product.lead_time_days,
        priority=product.priority,
        date_created=product.date_created,
        fingerprint=product.fingerprint,
        **{f"{facet}_values": values for facet, values in facet_values(product).items()},
    )


def facet_values(product: IndexedProduct) -> dict[str, list[str]]:
    return {
        "category": [str(pk) for pk in product.categories],
        "incoterm": product.incoterms,
        "certification": product.certifications,
    }
