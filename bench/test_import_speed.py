"""Bulk import speed on PostgreSQL: a 100,000-row chemical CSV, imported twice (`make bench`).

The first run creates every product, the second finds every row unchanged. Prints rows per
second and the process's peak memory; the targets are 2,000 rows/s and 1 GB.
"""

import csv
import os
import resource
import time

import pytest
from django.apps import apps
from django.core.files import File
from oscar.core.loading import get_model

from catalog.imports.columns import header_for
from catalog.imports.models import ImportJob, ImportStatus
from catalog.imports.services import run_import
from catalog.reference import seed
from catalog.reference.models import HSCode
from tests.factories import SupplierFactory, member_of

ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

ROWS = int(os.environ.get("IMPORT_BENCH_ROWS", 100_000))
# By default the rows cycle through four chemicals and 500 prices, as a supplier's lots do, and
# the import validates each distinct spec once; IMPORT_BENCH_DISTINCT=1 makes every row's specs
# and prices differ (the worst case).
DISTINCT = bool(os.environ.get("IMPORT_BENCH_DISTINCT"))
# (title, CAS number, HS code, UN number, class, packing group)
CHEMICALS = [
    ("Methanol", "67-56-1", "2905110000", "UN1230", "3", "II"),
    ("Caustic soda flakes", "1310-73-2", "2815110000", "UN1823", "8", "II"),
    ("PVC resin SG-5", "9002-86-2", "3904109090", "", "", ""),
    ("Polypropylene homopolymer", "9003-07-0", "3902100090", "", "", ""),
]


def write_chemicals_csv(path, rows: int) -> None:
    header = header_for("chemical")
    with open(path, "w", encoding="utf-8", newline="") as output:
        writer = csv.DictWriter(output, fieldnames=header)
        writer.writeheader()
        for number in range(rows):
            title, cas, hs_code, un_number, transport_class, packing_group = CHEMICALS[
                number % len(CHEMICALS)
            ]
            writer.writerow(
                {
                    "sku": f"BENCH-{number:06d}",
                    "title": f"{title} lot {number}",
                    "description": "Industrial grade, made in Ordos.",
                    "hs_code": hs_code,
                    "origin_country": "CN",
                    "unit": "t",
                    "net_weight_kg": "1000",
                    "gross_weight_kg": f"{1000 + number / 1000:.3f}" if DISTINCT else "1025.5",
                    "packaging": "25 kg bags on pallets",
                    "cas_number": cas,
                    "purity_percent": f"{90 + number % 10000 / 1000:.3f}" if DISTINCT else "99.5",
                    "signal_word": "danger" if un_number else "",
                    "un_number": un_number,
                    "transport_class": transport_class,
                    "packing_group": packing_group,
                    "title_ru": f"{title} партия {number}",
                    "price": f"{200 + number / 100:.2f}" if DISTINCT else f"{200 + number % 500}.00",
                    "currency": "USD",
                    "moq": "20",
                    "lead_time_days": "14",
                    "incoterms": "FCA Erenhot; CPT Moscow",
                    "price_tiers": f"100:{190 + number / 100:.2f}"
                    if DISTINCT
                    else f"100:{190 + number % 500}.00",
                }
            )


def timed_import(job: ImportJob) -> tuple[float, float]:
    """Wall-clock and this process's CPU seconds (PostgreSQL's own work is not in the latter)."""
    start, cpu = time.perf_counter(), time.process_time()
    run_import(job=job)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE, job.failure_message
    return elapsed, cpu


@pytest.mark.benchmark
def test_import_speed(transactional_db, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    if not HSCode.objects.exists():  # a flushed database (transactional tests) lost the seed
        seed.load_reference_data(apps)
        seed.load_product_classes(apps)
    supplier = SupplierFactory()
    user = member_of(supplier)
    source = tmp_path / "chemicals.csv"
    write_chemicals_csv(source, ROWS)
    chemical = ProductClass.objects.get(slug="chemical")

    def new_job() -> ImportJob:
        with open(source, "rb") as upload:
            return ImportJob.objects.create(
                supplier=supplier.partner,
                uploaded_by=user,
                product_class=chemical,
                file=File(upload, "bench.csv"),
            )

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    first = new_job()
    created_seconds, created_cpu = timed_import(first)
    second = new_job()
    unchanged_seconds, unchanged_cpu = timed_import(second)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    assert first.created_count == ROWS and first.error_count == 0
    assert second.unchanged_count == ROWS
    assert StockRecord.objects.filter(partner=supplier.partner).count() == ROWS
    kind = "all distinct" if DISTINCT else "4 chemicals, 500 prices"
    print(f"\n{ROWS} chemical rows ({kind}) from CSV on PostgreSQL")
    print(f"  load average at the start: {load:.1f} on {os.cpu_count()} CPUs")
    for name, seconds, cpu in (
        ("first run (all created)", created_seconds, created_cpu),
        ("second run (all unchanged)", unchanged_seconds, unchanged_cpu),
    ):
        print(f"  {name:<27} {seconds:6.1f} s  {ROWS / seconds:6.0f} rows/s  (Python CPU {cpu:5.1f} s)")
    print(f"  peak memory (max RSS)       {peak_mib:6.0f} MiB (before the imports: {rss_before:.0f} MiB)")
