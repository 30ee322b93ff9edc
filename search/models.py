"""Search data kept in the database: operators' synonyms, and the database backend's index.

The index tables are derived data: ``manage.py search_reindex`` rebuilds them from the
catalogue, and ``manage.py search_check`` compares them with it.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class TokensVector(models.Func):
    """The search vector's first expression, kept because migration 0001 imports it; see DocumentVector."""

    template = "array_to_tsvector(string_to_array(btrim(%(expressions)s), ' '))"
    output_field = SearchVectorField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


class DocumentVector(models.Func):
    """PostgreSQL: the tsvector of a document's tokens, plus each identifier as ``#identifier``.

    ``array_to_tsvector`` takes the tokens as they are, so the parser never splits a CAS
    number or a Chinese bigram. The ``#`` lexemes let a query ask for a whole identifier
    (CAS, UN, HS and its headings, SKU, VIN) without a title word satisfying it: "PP T30S"
    must not match every product of grade T30S. SQLite has no tsvector: there the column
    stays NULL and the backend matches the token columns with LIKE.
    """

    output_field = SearchVectorField()

    def __init__(self, tokens: str, identifiers: str):
        super().__init__(models.F(tokens), models.F(identifiers))

    def as_sql(self, compiler, connection, **extra_context):
        tokens, tokens_params = compiler.compile(self.source_expressions[0])
        identifiers, identifiers_params = compiler.compile(self.source_expressions[1])
        # Token columns are padded with spaces: the empty strings between them are dropped.
        sql = (
            f"array_to_tsvector(array_remove(string_to_array({tokens} || ' ' || "
            f"regexp_replace({identifiers}, '(\\S+)', '#\\1', 'g'), ' '), ''))"
        )
        return sql, [*tokens_params, *identifiers_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


class SynonymGroup(models.Model):
    """Names that mean the same goods to buyers: "PP, polypropylene, 聚丙烯, полипропилен".

    Every backend expands a query with the other names of a group it mentions, so a change
    here applies to the next search without reindexing.
    """

    terms = models.TextField(
        _("Equivalent names"),
        help_text=_("Comma-separated names and trade names, e.g. caustic soda, sodium hydroxide, NaOH"),
    )
    note = models.CharField(_("Note"), max_length=200, blank=True)
    is_active = models.BooleanField(_("Active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Synonym group")
        verbose_name_plural = _("Synonym groups")
        ordering = ("terms",)

    def __str__(self) -> str:
        return self.terms[:80]

    @property
    def phrases(self) -> list[str]:
        return [phrase.strip() for phrase in self.terms.replace("\n", ",").split(",") if phrase.strip()]


class DocumentColumns(models.Model):
    """What facets, filters and sorting read: one row per listed product, the text columns aside."""

    product_class = models.CharField(max_length=128, blank=True)  # slug
    supplier_id = models.IntegerField(null=True)
    supplier_verified = models.BooleanField(default=False)
    dangerous_goods = models.BooleanField(default=False)
    transport_class = models.CharField(max_length=4, blank=True)
    # The cheapest offer's base price in its own currency; converted at query time.
    min_price = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    price_currency = models.CharField(max_length=3, blank=True)
    min_moq = models.DecimalField(max_digits=14, decimal_places=3, null=True)
    lead_time_days = models.IntegerField(null=True)
    priority = models.SmallIntegerField(default=0)
    date_created = models.DateTimeField()
    # Many-valued facets' values, for counting in the row that matched (filters use
    # ProductDocumentValue's index): category ids with their ancestors, Incoterms, certifications.
    category_values = models.JSONField(default=list)
    incoterm_values = models.JSONField(default=list)
    certification_values = models.JSONField(default=list)

    class Meta:
        abstract = True


class ProductDocument(DocumentColumns):
    """One listed product as the database backend searches it.

    Text columns hold tokens (search/text.py) between spaces, so `` tok `` matches a whole
    token on any database. On PostgreSQL a generated ``search_vector`` column (tsvector of
    ``tokens``) with a GIN index answers the text match; see migration 0001.
    """

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    title = models.CharField(max_length=255)
    title_tokens = models.TextField()
    tokens = models.TextField()
    identifiers = models.TextField()
    search_vector = models.GeneratedField(
        expression=DocumentVector("tokens", "identifiers"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )
    fingerprint = models.CharField(max_length=40)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["date_created"], name="search_doc_created"),
            models.Index(fields=["product_class"], name="search_doc_class"),
            models.Index(fields=["supplier_id"], name="search_doc_supplier"),
        ]

    def __str__(self) -> str:
        return self.title


class ProductDocumentValue(models.Model):
    """A value of a many-valued facet: categories (with their ancestors), Incoterms, certifications."""

    document = models.ForeignKey(ProductDocument, on_delete=models.CASCADE, related_name="values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("document", "facet", "value"), name="search_document_value_unique"
            )
        ]
        indexes = [models.Index(fields=["facet", "value"], name="search_value_facet")]


class SearchTerm(models.Model):
    """The dictionary of indexed words that typo correction chooses from ("methanl" → methanol)."""

    term = models.CharField(max_length=100, unique=True)
    document_count = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.term


class PendingIndexUpdate(models.Model):
    """Products whose index entry is out of date, written in the same transaction as the change.

    The task enqueued after commit clears them; the database backend also brings them up to
    date before it answers, so a page never lists a product that was just unpublished.
    """

    product_id = models.IntegerField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"product {self.product_id}"
