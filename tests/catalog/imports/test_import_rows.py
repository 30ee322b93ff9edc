"""Bulk import: rows land as draft products with specs and an offer, upserted by (supplier, SKU)."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook
from oscar.core.loading import get_model

from catalog.imports.columns import header_for
from catalog.imports.models import ImportJob, ImportStatus
from catalog.imports.signals import products_imported
from catalog.specs.models import ChemicalSpec, TradeSpec
from catalog.translation.models import ProductTranslation
from marketplace.core.models import AuditEvent
from tests.catalog.imports.conftest import csv_bytes, methanol
from tests.factories import SupplierFactory, member_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")

CAUSTIC_SODA = methanol(
    sku="NAOH-FLAKES-25",
    title="Caustic soda flakes 99%",
    category="",
    hs_code="2815110000",
    unit="t",
    gross_weight_kg="1010",
    cas_number="1310-73-2",
    purity_percent="99",
    grade="",
    signal_word="Danger",
    un_number="UN1823",
    proper_shipping_name="SODIUM HYDROXIDE, SOLID",
    transport_class="8",
    subsidiary_class="",
    packing_group="II",
    title_ru="",
    title_zh="",
    price="410",
    currency="CNY",
    moq="",
    lead_time_days="",
    monthly_capacity="",
    incoterms="",
    price_tiers="",
)


def catalogue_state(partner) -> dict:
    """Every stored value of the supplier's catalogue, to compare before and after."""
    products = Product.objects.filter(supplier=partner)
    offers = StockRecord.objects.filter(partner=partner)

    def rows(queryset):
        return sorted(queryset.values_list(), key=repr)

    return {
        "products": rows(products),
        "trade_specs": rows(TradeSpec.objects.filter(product__in=products)),
        "chemical_specs": rows(ChemicalSpec.objects.filter(product__in=products)),
        "translations": rows(ProductTranslation.objects.filter(product__in=products)),
        "categories": rows(ProductCategory.objects.filter(product__in=products)),
        "offers": rows(offers),
        "tiers": rows(PriceTier.objects.filter(offer__in=offers)),
        "incoterms": rows(OfferIncoterm.objects.filter(offer__in=offers)),
    }


def catalogue_writes(queries) -> list[str]:
    """The statements that wrote to catalogue or offer tables."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
        and ('"catalogue_' in query["sql"] or '"partner_' in query["sql"])
    ]


def test_a_good_csv_creates_draft_products_with_specs_offer_tiers_incoterms_and_translations(
    supplier, supplier_admin, coal_chemicals, run_import
):
    job = run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(), CAUSTIC_SODA]))

    assert (job.status, job.total_rows, job.processed_rows) == (ImportStatus.DONE, 2, 2)
    assert (job.created_count, job.updated_count, job.unchanged_count, job.error_count) == (2, 0, 0, 0)
    assert job.errors == [] and job.percent == 100
    offer = StockRecord.objects.select_related("product__trade_spec", "product__chemical_spec").get(
        partner=supplier.partner, partner_sku="MEOH-AA-ISO"
    )
    product = offer.product
    assert (product.title, product.status, product.is_public) == ("Methanol AA grade", "draft", False)
    assert (product.supplier, product.product_class.slug) == (supplier.partner, "chemical")
    assert Product.objects.filter(pk=product.pk, upc__isnull=True).exists()
    assert list(product.categories.all()) == [coal_chemicals]
    trade = product.trade_spec
    assert (trade.hs_code_id, trade.commercial_unit.code, trade.origin_country) == ("2905110000", "t", "CN")
    assert (trade.net_weight_kg, trade.gross_weight_kg, trade.packaging) == (1000, 1000, "ISO tank")
    chemical = product.chemical_spec
    assert (chemical.cas_number, chemical.purity_percent, chemical.signal_word) == (
        "67-56-1",
        Decimal("99.85"),
        "danger",
    )
    assert (chemical.un_number, chemical.transport_class, chemical.subsidiary_class) == ("UN1230", "3", "6.1")
    assert {t.language: t.title for t in product.translations.all()} == {
        "ru": "Метанол марки А",
        "zh-hans": "甲醇 AA 级",
    }
    assert (offer.price, offer.price_currency, offer.minimum_order_quantity) == (Decimal("285.00"), "USD", 20)
    assert (offer.lead_time_days, offer.monthly_capacity, offer.commercial_unit.code) == (14, 5000, "t")
    assert sorted((t.min_quantity, t.unit_price) for t in offer.price_tiers.all()) == [
        (100, Decimal("275.00")),
        (500, Decimal("265.00")),
    ]
    assert sorted((i.incoterm.code, i.named_place) for i in offer.incoterms.all()) == [
        ("CPT", "Moscow"),
        ("FCA", "Erenhot"),
    ]
    soda = StockRecord.objects.get(partner=supplier.partner, partner_sku="NAOH-FLAKES-25")
    assert (soda.minimum_order_quantity, soda.lead_time_days, soda.price_tiers.count()) == (1, None, 0)
    assert soda.product.chemical_spec.signal_word == "danger"  # choices in any case
    assert soda.product.translations.count() == 0


def test_one_audit_event_per_job_not_per_row(supplier, supplier_admin, coal_chemicals, run_import):
    job = run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(), CAUSTIC_SODA]))

    events = AuditEvent.objects.for_subject(job)
    assert [(event.verb, event.actor) for event in events] == [("import.finished", supplier_admin)]
    assert events[0].data == {"rows": 2, "created": 2, "updated": 0, "unchanged": 0, "errors": 0}


def test_bad_rows_are_reported_by_row_and_column_and_the_good_rows_land(
    supplier, supplier_admin, coal_chemicals, run_import
):
    rows = [
        methanol(sku="GOOD-1"),
        methanol(sku="BAD-CAS", cas_number="67-56-2"),
        methanol(sku="BAD-OFFER", price="", currency="XYZ", incoterms="FCA", price_tiers="10:300.00"),
        methanol(sku="BAD-SPEC", gross_weight_kg="900", hs_code="2905", unit="barrel", category="Toys"),
        methanol(sku="GOOD-1", title=""),
        CAUSTIC_SODA,
    ]

    job = run_import(supplier=supplier, user=supplier_admin, content=csv_bytes(rows))

    assert (job.status, job.created_count, job.error_count, job.processed_rows) == (
        ImportStatus.DONE,
        2,
        4,
        6,
    )
    problems = {(problem["row"], problem["column"]) for problem in job.errors}
    assert problems == {
        (3, "cas_number"),
        (4, "price"),
        (4, "currency"),
        (4, "incoterms"),
        (5, "hs_code"),
        (5, "unit"),
        (5, "category"),
        (5, ""),  # the net weight is above the gross weight: a rule of the whole trade spec
        (6, "sku"),
        (6, "title"),
    }
    messages = {(problem["row"], problem["column"]): problem["message"] for problem in job.errors}
    assert messages[(3, "cas_number")] == "CAS 67-56-2: the check digit should be 1."
    assert messages[(5, "hs_code")] == "This HS code is not in the HS reference table."
    assert messages[(5, "category")] == "There is no category Toys."
    assert messages[(5, "")] == "The net weight must be above zero and at most the gross weight."
    assert messages[(6, "sku")] == "This SKU is already in row 2."
    assert set(
        StockRecord.objects.filter(partner=supplier.partner).values_list("partner_sku", flat=True)
    ) == {
        "GOOD-1",
        "NAOH-FLAKES-25",
    }


def test_quantity_breaks_follow_the_portals_rules(supplier, supplier_admin, coal_chemicals, run_import):
    job = run_import(
        supplier=supplier,
        user=supplier_admin,
        content=csv_bytes([methanol(moq="200", price_tiers="100:275.00; 500:290.00")]),
    )

    assert {problem["message"] for problem in job.errors} == {
        "The break at 100 is not above the minimum order.",
        "The price at 500 is higher than for smaller quantities.",
    }
    assert not StockRecord.objects.filter(partner=supplier.partner).exists()


def test_the_same_file_twice_changes_nothing(supplier, supplier_admin, coal_chemicals, run_import):
    content = csv_bytes([methanol(), CAUSTIC_SODA, methanol(sku="BAD", cas_number="1-1-1")])
    run_import(supplier=supplier, user=supplier_admin, content=content)
    before = catalogue_state(supplier.partner)

    with CaptureQueriesContext(connection) as queries:
        again = run_import(supplier=supplier, user=supplier_admin, content=content)

    assert (again.created_count, again.updated_count, again.unchanged_count, again.error_count) == (
        0,
        0,
        2,
        1,
    )
    assert catalogue_writes(queries) == []
    assert catalogue_state(supplier.partner) == before


def test_a_changed_row_updates_its_product_and_offer_and_leaves_the_others(
    supplier, supplier_admin, coal_chemicals, run_import
):
    run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(), CAUSTIC_SODA]))
    soda_before = catalogue_state(supplier.partner)["offers"]
    changed = methanol(
        title="Methanol AA grade, ISO tank",
        purity_percent="99.9",
        category="",
        title_ru="Метанол АА",
        title_zh="",
        price="280.00",
        incoterms="DAP Ulaanbaatar",
        price_tiers="1000:260.00",
    )

    job = run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([changed, CAUSTIC_SODA]))

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 1)
    offer = StockRecord.objects.get(partner=supplier.partner, partner_sku="MEOH-AA-ISO")
    product = offer.product
    assert (product.title, product.chemical_spec.purity_percent, offer.price) == (
        "Methanol AA grade, ISO tank",
        Decimal("99.900"),
        Decimal("280.00"),
    )
    assert list(product.categories.all()) == []
    # An empty translation column keeps the stored translation.
    assert {t.language: t.title for t in product.translations.all()} == {
        "ru": "Метанол АА",
        "zh-hans": "甲醇 AA 级",
    }
    assert [(t.min_quantity, t.unit_price) for t in offer.price_tiers.all()] == [(1000, Decimal("260.00"))]
    assert [(i.incoterm.code, i.named_place) for i in offer.incoterms.all()] == [("DAP", "Ulaanbaatar")]
    soda_after = [row for row in catalogue_state(supplier.partner)["offers"] if "NAOH-FLAKES-25" in row]
    assert soda_after == [row for row in soda_before if "NAOH-FLAKES-25" in row]


def test_each_chunk_tells_the_apps_above_which_products_changed(
    supplier, supplier_admin, coal_chemicals, run_import
):
    received = []

    def receiver(sender, product_ids, **kwargs):
        received.append(product_ids)

    products_imported.connect(receiver)
    try:
        run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(), CAUSTIC_SODA]))
        run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(), CAUSTIC_SODA]))
    finally:
        products_imported.disconnect(receiver)

    assert received == [
        sorted(Product.objects.filter(supplier=supplier.partner).values_list("pk", flat=True))
    ]


def test_an_xlsx_file_imports_like_a_csv(supplier, supplier_admin, coal_chemicals, run_import):
    workbook = Workbook()
    sheet = workbook.active
    header = header_for("chemical")
    sheet.append(header)
    # Spreadsheet users type numbers as numbers.
    typed = {"net_weight_kg": 1000, "gross_weight_kg": 1000.5, "price": 285, "moq": 20, "lead_time_days": 14}
    sheet.append([typed.get(name, methanol().get(name)) for name in header])
    sheet.append([None] * len(header))  # blank rows are skipped
    sheet.append([methanol(sku="XLSX-BAD", cas_number="67-56-2").get(name) for name in header])
    output = io.BytesIO()
    workbook.save(output)

    job = run_import(supplier=supplier, user=supplier_admin, content=output.getvalue(), name="methanol.xlsx")

    assert (job.status, job.total_rows, job.created_count, job.error_count) == (ImportStatus.DONE, 2, 1, 1)
    assert [(problem["row"], problem["column"]) for problem in job.errors] == [(4, "cas_number")]
    offer = StockRecord.objects.get(partner=supplier.partner, partner_sku="MEOH-AA-ISO")
    assert (offer.price, offer.product.trade_spec.gross_weight_kg) == (Decimal("285.00"), Decimal("1000.5"))


def test_a_semicolon_separated_csv_with_a_byte_order_mark_is_read(
    supplier, supplier_admin, coal_chemicals, run_import
):
    # What Excel saves as "CSV" in Russian and German locales.
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header_for("chemical"))
    writer.writerow([methanol()[name] for name in header_for("chemical")])

    job = run_import(supplier=supplier, user=supplier_admin, content=("\ufeff" + buffer.getvalue()).encode())

    assert (job.status, job.created_count, job.errors) == (ImportStatus.DONE, 1, [])
    offer = StockRecord.objects.get(partner=supplier.partner, partner_sku="MEOH-AA-ISO")
    assert offer.incoterms.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "products.csv",
            csv_bytes([methanol()], header=header_for("battery")),
            "missing columns: cas_number",
        ),
        ("products.csv", b"sku,title\nA,B\n", "The header row is not the template's"),
        ("products.xlsx", b"PK\x03\x04" + b"\x00garbage" * 50, "not a readable Excel workbook"),
        # The first 2 KB are UTF-8 (the upload check reads only those); a later row is not.
        (
            "products.csv",
            csv_bytes([methanol(sku=f"OK-{n}") for n in range(12)]) + "ЛАТ-1,Метанол\n".encode("cp1251"),
            "not UTF-8",
        ),
    ],
)
def test_a_file_that_cannot_be_read_fails_the_job_and_writes_nothing(
    supplier, supplier_admin, coal_chemicals, run_import, name, content, message
):
    job = run_import(supplier=supplier, user=supplier_admin, content=content, name=name)

    assert job.status == ImportStatus.FAILED
    assert message in job.failure_message
    assert (job.created_count, job.processed_rows) == (0, 0)
    assert not Product.objects.filter(supplier=supplier.partner).exists()
    assert [event.verb for event in AuditEvent.objects.for_subject(job)] == ["import.failed"]


def test_another_suppliers_skus_create_the_importers_own_products(
    supplier, supplier_admin, coal_chemicals, run_import
):
    rival = SupplierFactory(name="Baotou Chemicals")
    rival_user = member_of(rival)
    run_import(supplier=rival, user=rival_user, content=csv_bytes([methanol()]))
    rival_before = catalogue_state(rival.partner)

    job = run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol(price="299.00")]))

    assert (job.created_count, job.updated_count) == (1, 0), job.errors
    ours = StockRecord.objects.get(partner=supplier.partner, partner_sku="MEOH-AA-ISO")
    assert (ours.price, ours.product.supplier) == (Decimal("299.00"), supplier.partner)
    assert catalogue_state(rival.partner) == rival_before


def test_a_sku_of_another_product_type_is_refused(supplier, supplier_admin, coal_chemicals, run_import):
    run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol()]))
    battery = {
        "sku": "MEOH-AA-ISO",
        "title": "LFP pack",
        "hs_code": "8507600090",
        "origin_country": "CN",
        "unit": "pcs",
        "net_weight_kg": "20",
        "gross_weight_kg": "22",
        "chemistry": "LFP",
        "form": "pack",
        "watt_hours": "5120",
        "voltage": "51.2",
        "amp_hours": "100",
        "un_number": "UN3480",
        "un38_3_tested": "yes",
        "price": "900.00",
        "currency": "USD",
    }

    job = run_import(
        supplier=supplier,
        user=supplier_admin,
        content=csv_bytes([battery], "battery"),
        product_class="battery",
    )

    assert [(p["row"], p["column"]) for p in job.errors] == [(2, "sku")]
    assert "another type" in job.errors[0]["message"]
    assert Product.objects.get(supplier=supplier.partner).title == "Methanol AA grade"


def test_progress_is_saved_once_per_chunk(supplier, supplier_admin, coal_chemicals, run_import, settings):
    settings.IMPORT_CHUNK_SIZE = 2
    seen = []

    def receiver(sender, product_ids, **kwargs):
        job = ImportJob.objects.get(supplier=supplier.partner)
        seen.append((job.status, job.total_rows, job.processed_rows, len(product_ids)))

    products_imported.connect(receiver)
    try:
        rows = [methanol(sku=f"LOT-{n}") for n in range(5)]
        job = run_import(supplier=supplier, user=supplier_admin, content=csv_bytes(rows))
    finally:
        products_imported.disconnect(receiver)

    assert seen == [("running", 5, 0, 2), ("running", 5, 2, 2), ("running", 5, 4, 1)]
    assert (job.processed_rows, job.created_count) == (5, 5)


def test_rows_of_two_offers_of_one_product_must_agree_on_its_columns(
    supplier, supplier_admin, coal_chemicals, run_import
):
    run_import(supplier=supplier, user=supplier_admin, content=csv_bytes([methanol()]))
    product = Product.objects.get(supplier=supplier.partner)
    StockRecord.objects.create(
        product=product,
        partner=supplier.partner,
        partner_sku="MEOH-DRUM",
        price=Decimal("300"),
        price_currency="USD",
    )

    agreeing = run_import(
        supplier=supplier,
        user=supplier_admin,
        content=csv_bytes(
            [methanol(), methanol(sku="MEOH-DRUM", price="300.00", price_tiers="", incoterms="")]
        ),
    )
    disagreeing = run_import(
        supplier=supplier,
        user=supplier_admin,
        content=csv_bytes([methanol(), methanol(sku="MEOH-DRUM", title="Methanol in drums")]),
    )

    assert (agreeing.unchanged_count, agreeing.updated_count, agreeing.errors) == (1, 1, [])
    assert [(p["row"], p["column"]) for p in disagreeing.errors] == [(3, "sku")]
    assert "also in row 2" in disagreeing.errors[0]["message"]
    assert Product.objects.get(pk=product.pk).title == "Methanol AA grade"
