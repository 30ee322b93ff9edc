"""Writes one chunk of valid rows: compare with what is stored, then write only the differences.

Rows are keyed by (supplier, SKU), the offer's partner_sku. A new SKU creates a draft product
with its specs, one offer, quantity breaks, Incoterms, categories and translations; a known SKU
updates them. A row equal to what is stored writes nothing. Every write is a bulk statement,
so a chunk costs a fixed number of queries whatever its size.

Descriptions arrive cleaned (Product.clean runs in the row's form). A published product whose
title or description a row changes stays published, and the change goes to its audit log, as
in the portal (catalog/services.py save_product).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.core.utils import slugify

from catalog.imports.instances import InstanceBuilder
from catalog.imports.rows import ImportRow, RowProblems
from catalog.imports.signals import products_imported
from catalog.imports.stored import StoredRows
from catalog.models import ProductStatus
from catalog.reference.models import UnitConversion
from catalog.services import TEXT_CHANGED, public_text, text_changes
from catalog.specs.forms import SPEC_FORMS
from catalog.translation.models import ProductTranslation
from marketplace.core.services import record_events

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")

OFFER_VALUES = ("price", "price_currency", "minimum_order_quantity", "lead_time_days", "monthly_capacity")


@dataclass
class ChunkResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list = field(default_factory=list)  # RowProblems of rows refused against stored data


@dataclass
class Change:
    """What a row changes: ``parts`` among product, categories, the spec names, translations,
    offer, tiers and incoterms. A new SKU has no ``offer`` yet and changes every part."""

    row: ImportRow
    offer: object | None
    parts: set[str]


class ChunkWriter:
    """Writes the chunks of one import for ``supplier`` and ``product_class``, uploaded ``by``."""

    def __init__(self, *, supplier, product_class, spec_groups: list[str], by=None):
        self.supplier = supplier
        self.by = by
        self.product_class = product_class
        self.spec_groups = spec_groups
        self.spec_models = {name: SPEC_FORMS[name]._meta.model for name in spec_groups}
        self.conversions = {
            pair
            for from_id, to_id in UnitConversion.objects.values_list("from_unit_id", "to_unit_id")
            for pair in ((from_id, to_id), (to_id, from_id))
        }
        self.product_rows: dict[int, tuple[int, int]] = {}  # product id → (first row, its signature)

    def write(self, rows: list[ImportRow]) -> ChunkResult:
        result = ChunkResult()
        with transaction.atomic():
            # One writer per supplier at a time, so two imports cannot both create a new SKU.
            Partner.objects.select_for_update().filter(pk=self.supplier.pk).exists()
            stored = StoredRows.load(
                supplier=self.supplier, skus=[row.sku for row in rows], specs=self.spec_groups
            )
            changes = []
            for row in rows:
                change = self._compare(row, stored, result)
                if change is None:
                    continue
                if change.parts:
                    changes.append(change)
                else:
                    result.unchanged += 1
            created = self._create([change.row for change in changes if change.offer is None])
            self._update([change for change in changes if change.offer is not None], stored)
            changed = {change.offer.product_id for change in changes if change.offer is not None}
            if created or changed:
                products_imported.send(sender=type(self), product_ids=sorted({*created, *changed}))
        result.created = sum(1 for change in changes if change.offer is None)
        result.updated = len(changes) - result.created
        return result

    # --- comparing ---------------------------------------------------------------------------

    def _compare(self, row: ImportRow, stored: StoredRows, result: ChunkResult) -> Change | None:
        offer = stored.offers.get(row.sku)
        if offer is None:
            return Change(row, None, {"new"})
        problem = self._product_problem(row, offer.product)
        parts = self._changed_parts(row, offer, stored) if problem is None else set()
        problem = problem or self._refusal(row, offer, parts)
        if problem:
            result.problems.append(_row_problem(row, *problem))
            return None
        return Change(row, offer, parts)

    def _product_problem(self, row: ImportRow, product) -> tuple[str, str] | None:
        if product.product_class_id != self.product_class.pk or product.supplier_id != self.supplier.pk:
            return "sku", _(
                "This SKU belongs to a product of another type; import it with that type's template."
            )
        # Offers of one product share its columns: their rows must agree.
        signature = hash(
            (tuple(row.product.items()), row.categories, _frozen(row.specs), _frozen(row.translations))
        )
        first_row, first_signature = self.product_rows.setdefault(product.pk, (row.number, signature))
        if signature != first_signature:
            return "sku", _(
                "This SKU's product is also in row %(row)s with other product columns; make them equal."
            ) % {"row": first_row}
        return None

    @staticmethod
    def _changed_parts(row: ImportRow, offer, stored: StoredRows) -> set[str]:
        product, parts = offer.product, set()
        if any(getattr(product, name) != value for name, value in row.product.items()):
            parts.add("product")
        if stored.categories.get(product.pk, frozenset()) != row.categories:
            parts.add("categories")
        for name, values in row.specs.items():
            spec = _spec_of(product, name)
            if spec is None or any(getattr(spec, key) != value for key, value in values.items()):
                parts.add(name)
        translations = stored.translations.get(product.pk, {})
        if any(
            language not in translations or translations[language].title != title
            for language, title in row.translations.items()
        ):
            parts.add("translations")
        if offer.commercial_unit_id is None or any(
            getattr(offer, name) != row.offer[name] for name in OFFER_VALUES
        ):
            parts.add("offer")
        if stored.tiers.get(offer.pk, frozenset()) != row.tiers:
            parts.add("tiers")
        if stored.incoterms.get(offer.pk, frozenset()) != row.incoterms:
            parts.add("incoterms")
        return parts

    def _refusal(self, row: ImportRow, offer, parts: set[str]) -> tuple[str, str] | None:
        """Rules of the portal that a stored product adds to a row's own validity."""
        if parts and offer.product.status == ProductStatus.RETIRED:
            return "sku", _("The product is retired; send it for review again before changing it.")
        unit_id = row.specs["trade_spec"]["commercial_unit_id"]
        if (
            offer.commercial_unit_id not in (None, unit_id)
            and (offer.commercial_unit_id, unit_id) not in self.conversions
        ):
            return "unit", _(
                "Your offer's unit does not convert to this unit; change the offer in the portal first."
            )
        return None

    # --- writing -----------------------------------------------------------------------------

    def _create(self, rows: list[ImportRow]) -> list[int]:
        """Create the products of new SKUs; returns their ids."""
        if not rows:
            return []
        # bulk_create skips Product.save(): set what it would derive (a draft is not public).
        new_product, new_offer = InstanceBuilder(Product), InstanceBuilder(StockRecord)
        products = Product.objects.bulk_create(
            new_product(
                title=row.product["title"],
                description=row.product["description"],
                slug=slugify(row.product["title"])[:255] or "product",
                structure=Product.STANDALONE,
                product_class_id=self.product_class.pk,
                supplier_id=self.supplier.pk,
                status=ProductStatus.DRAFT,
                is_public=False,
            )
            for row in rows
        )
        offers = StockRecord.objects.bulk_create(
            new_offer(
                partner_id=self.supplier.pk,
                product_id=product.pk,
                partner_sku=row.sku,
                commercial_unit_id=row.specs["trade_spec"]["commercial_unit_id"],
                num_in_stock=0,
                **row.offer,
            )
            for row, product in zip(rows, products, strict=True)
        )
        targets = [
            Target(row, product.pk, offer.pk)
            for row, product, offer in zip(rows, products, offers, strict=True)
        ]
        for name in self.spec_groups:
            self._write_specs(name, targets, new=True)
        self._write_translations(targets, stored=None)
        for part in SET_PARTS:
            self._replace_set(part, targets, delete=False)
        return [product.pk for product in products]

    def _update(self, changes: list[Change], stored: StoredRows) -> None:
        if not changes:
            return
        self._record_text_changes(changes, stored)  # before the products take the rows' values
        self._update_products_and_offers(changes)
        for name in self.spec_groups:
            self._write_specs(name, _targets(changes, name), new=False)
        self._write_translations(_targets(changes, "translations"), stored=stored.translations)
        for part in SET_PARTS:
            self._replace_set(part, _targets(changes, part), delete=True)

    def _record_text_changes(self, changes: list[Change], stored: StoredRows) -> None:
        """One audit event per published product whose title or description the rows change."""
        events = {}
        for change in changes:
            product, row = change.offer.product, change.row
            if product.status != ProductStatus.PUBLISHED or not {"product", "translations"} & change.parts:
                continue
            translations = {
                language: (old.title, old.description)
                for language, old in stored.translations.get(product.pk, {}).items()
            }
            before = public_text(
                title=product.title, description=product.description, translations=translations
            )
            after = public_text(
                title=row.product["title"],
                description=row.product["description"],
                # A row gives translated titles only; translated descriptions stay as they are.
                translations=translations
                | {
                    language: (title, translations.get(language, ("", ""))[1])
                    for language, title in row.translations.items()
                },
            )
            if changed := text_changes(before=before, after=after):
                events[product.pk] = (product, TEXT_CHANGED, {"changes": changed})
        record_events(actor=self.by, events=list(events.values()))

    @staticmethod
    def _update_products_and_offers(changes: list[Change]) -> None:
        """The changed products' title and description, the changed offers' terms."""
        now = timezone.now()
        products, offers = {}, []
        for change in changes:
            row, offer = change.row, change.offer
            if "product" in change.parts:
                offer.product.title = row.product["title"]
                offer.product.description = row.product["description"]
                offer.product.date_updated = now
                products[offer.product_id] = offer.product
            if "offer" in change.parts:
                for name in OFFER_VALUES:
                    setattr(offer, name, row.offer[name])
                # An offer keeps its own unit (its price is per that unit); one without takes the row's.
                offer.commercial_unit_id = (
                    offer.commercial_unit_id or row.specs["trade_spec"]["commercial_unit_id"]
                )
                offer.date_updated = now
                offers.append(offer)
        Product.objects.bulk_update(products.values(), ["title", "description", "date_updated"])
        StockRecord.objects.bulk_update(offers, [*OFFER_VALUES, "commercial_unit", "date_updated"])

    def _write_specs(self, name: str, targets: list["Target"], *, new: bool) -> None:
        """Insert the ``name`` spec of each target's product, or overwrite it (one upsert)."""
        if not targets:
            return
        model = self.spec_models[name]
        new_spec = InstanceBuilder(model)
        values = [target.row.specs[name] for target in targets]
        fields = [model._meta.get_field(attname).name for attname in values[0]]
        upsert = (
            {} if new else {"update_conflicts": True, "unique_fields": ["product"], "update_fields": fields}
        )
        model.objects.bulk_create(
            [
                new_spec(product_id=target.product_id, **value)
                for target, value in zip(targets, values, strict=True)
            ],
            **upsert,
        )

    @staticmethod
    def _write_translations(targets: list["Target"], *, stored: dict | None) -> None:
        """Set the titles the rows give; descriptions and search words already stored stay."""
        translations = []
        for target in targets:
            for language, title in target.row.translations.items():
                old = stored.get(target.product_id, {}).get(language) if stored else None
                extra = old.search_text.removeprefix(old.title.lower()).strip() if old else ""
                translations.append(
                    ProductTranslation(
                        product_id=target.product_id,
                        language=language,
                        title=title,
                        # As translate_product: the lower-cased title, then the search words.
                        search_text=f"{title.lower()} {extra}".strip()[:500],
                    )
                )
        if translations and stored is None:  # new products
            ProductTranslation.objects.bulk_create(translations)
        elif translations:
            ProductTranslation.objects.bulk_create(
                translations,
                update_conflicts=True,
                unique_fields=["product", "language"],
                update_fields=["title", "search_text"],
            )

    @staticmethod
    def _replace_set(part: str, targets: list["Target"], *, delete: bool) -> None:
        """Replace a product's categories, or an offer's quantity breaks or Incoterms."""
        if not targets:
            return
        if part == "categories":
            if delete:
                ProductCategory.objects.filter(product_id__in=[t.product_id for t in targets]).delete()
            ProductCategory.objects.bulk_create(
                ProductCategory(product_id=t.product_id, category_id=category_id)
                for t in targets
                for category_id in t.row.categories
            )
        elif part == "tiers":
            if delete:
                PriceTier.objects.filter(offer_id__in=[t.offer_id for t in targets]).delete()
            PriceTier.objects.bulk_create(
                PriceTier(offer_id=t.offer_id, min_quantity=quantity, unit_price=price)
                for t in targets
                for quantity, price in t.row.tiers
            )
        else:
            if delete:
                OfferIncoterm.objects.filter(offer_id__in=[t.offer_id for t in targets]).delete()
            OfferIncoterm.objects.bulk_create(
                OfferIncoterm(offer_id=t.offer_id, incoterm_id=incoterm_id, named_place=place)
                for t in targets
                for incoterm_id, place in t.row.incoterms
            )


SET_PARTS = ("categories", "tiers", "incoterms")
OFFER_PARTS = ("offer", "tiers", "incoterms")


@dataclass(frozen=True)
class Target:
    """Where a row is written: its product and offer."""

    row: ImportRow
    product_id: int
    offer_id: int


def _targets(changes: list[Change], part: str) -> list[Target]:
    chosen = [Target(c.row, c.offer.product_id, c.offer.pk) for c in changes if part in c.parts]
    if part in OFFER_PARTS:
        return chosen
    # Two offers of one product carry equal product columns: write the product once.
    return list({target.product_id: target for target in chosen}.values())


def _frozen(values: dict) -> tuple:
    return tuple(
        sorted(
            (key, tuple(value.items()) if isinstance(value, dict) else value) for key, value in values.items()
        )
    )


def _spec_of(product, name: str):
    try:
        return getattr(product, name)
    except ObjectDoesNotExist:
        return None


def _row_problem(row: ImportRow, column: str, message: str) -> RowProblems:
    problems = RowProblems(row.number)
    problems.add(column, message)
    return problems
