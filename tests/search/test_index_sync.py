"""Catalogue changes reach the index after commit: one task per transaction, none on rollback."""

from decimal import Decimal
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import transaction

from search import tasks
from search.backends.base import ProductQuery
from search.backends.database import DatabaseBackend
from search.models import PendingIndexUpdate, ProductDocument
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(supplier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # as if committed before the test
        product = offered_product(partner=supplier.partner, title="Methanol 99.85%")
    return product


@pytest.fixture
def enqueued():
    """The ids of each update_search_index task enqueued; the real task still runs."""
    calls = []
    real = tasks.update_search_index.delay

    def delay(product_ids):
        calls.append(product_ids)
        return real(product_ids)

    with mock.patch.object(tasks.update_search_index, "delay", side_effect=delay):
        yield calls


def test_a_product_save_enqueues_exactly_one_update_after_commit(
    product, enqueued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        product.title = "Methanol 99.9% AA grade"
        product.save()
        assert enqueued == []  # nothing before commit

    for callback in callbacks:
        callback()

    assert enqueued == [[product.pk]]
    assert ProductDocument.objects.get(pk=product.pk).title == "Methanol 99.9% AA grade"
    assert not PendingIndexUpdate.objects.exists()


def test_every_change_in_one_transaction_shares_one_update(
    product, supplier, enqueued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        other = offered_product(partner=supplier.partner, title="PVC resin")
    enqueued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            product.title = "Methanol AA"
            product.save()
            offer = product.stockrecords.get()
            offer.price = Decimal("300")
            offer.save()
            other.categories.clear()

    assert enqueued == [sorted([product.pk, other.pk])]


def test_a_rollback_enqueues_nothing(product, enqueued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                product.title = "Never saved"
                product.save()
                raise RuntimeError("the service refused")
        except RuntimeError:
            pass

    assert callbacks == [] and enqueued == []
    assert not PendingIndexUpdate.objects.exists()
    assert ProductDocument.objects.get(pk=product.pk).title == "Methanol 99.85%"


def test_offer_and_supplier_changes_reindex_the_product(
    product, supplier, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = product.stockrecords.get()
        offer.lead_time_days = 12
        offer.save()
    assert ProductDocument.objects.get(pk=product.pk).lead_time_days == 12

    with django_capture_on_commit_callbacks(execute=True):
        supplier.verification_status = "rejected"
        supplier.save()

    assert not ProductDocument.objects.filter(pk=product.pk).exists()
    assert DatabaseBackend().search(ProductQuery(text="methanol")).count() == 0


def test_the_database_backend_catches_up_before_it_answers(product):
    # No commit inside a test transaction, so the task has not run: the pending row is there.
    product.title = "Methanol AA grade"
    product.save()
    assert PendingIndexUpdate.objects.filter(product_id=product.pk).exists()

    results = DatabaseBackend().search(ProductQuery(text="AA grade"))

    assert [hit.object.pk for hit in results[0:10]] == [product.pk]
    assert not PendingIndexUpdate.objects.exists()


def test_search_check_reports_and_fixes_drift(product, supplier, capsys):
    stale = offered_product(partner=supplier.partner, title="PVC resin")
    ProductDocument.objects.filter(pk=product.pk).update(fingerprint="old")
    PendingIndexUpdate.objects.all().delete()
    ProductDocument.objects.filter(pk=stale.pk).delete()

    with pytest.raises(Exception, match="2 index entries are out of step"):
        call_command("search_check")
    output = capsys.readouterr().out
    assert f"missing:      1  listed products not in the index: {stale.pk}" in output
    assert f"stale:      1  index entries older than the product: {product.pk}" in output

    call_command("search_check", "--fix")
    call_command("search_check")
    assert "in step with the catalogue" in capsys.readouterr().out


def test_search_reindex_shows_progress_and_rebuilds(product, capsys):
    ProductDocument.objects.all().delete()

    call_command("search_reindex")

    output = capsys.readouterr().out
    assert "Indexed 1 products." in output
    assert "[##############################]       1/1 100%" in output
    assert ProductDocument.objects.filter(pk=product.pk).exists()


def test_a_bulk_import_reindexes_the_products_it_wrote(product, enqueued, django_capture_on_commit_callbacks):
    from catalog.imports.signals import products_imported

    with django_capture_on_commit_callbacks(execute=True):
        type(product).objects.filter(pk=product.pk).update(title="Methanol imported")  # no save signal
        products_imported.send(sender=None, product_ids=[product.pk])

    assert enqueued == [[product.pk]]
    assert ProductDocument.objects.get(pk=product.pk).title == "Methanol imported"


def test_a_change_committed_while_the_broker_is_down_is_indexed_by_the_beat_catch_up(
    product, broker_down, django_capture_on_commit_callbacks
):
    # given the broker is down when a product changes: its update task never reaches a worker
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Methanol AA grade"
        product.save()
    assert PendingIndexUpdate.objects.filter(product_id=product.pk).exists()
    assert ProductDocument.objects.get(pk=product.pk).title == "Methanol 99.85%"

    # when the beat's catch-up runs
    assert tasks.index_pending_products() == 1

    # then the change is indexed and nothing is left pending
    assert ProductDocument.objects.get(pk=product.pk).title == "Methanol AA grade"
    assert not PendingIndexUpdate.objects.exists()
    assert tasks.index_pending_products() == 0
