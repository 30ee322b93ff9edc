"""Keeping the index in step with the catalogue: pending updates, the task's work, rebuilds."""

from collections.abc import Iterable

from django.db import transaction
from oscar.core.loading import get_model

from search.backends import get_backend
from search.models import PendingIndexUpdate

Product = get_model("catalogue", "Product")


class _EnqueueAfterCommit:
    """One task per transaction, however many rows of a product it changes."""

    def __init__(self):
        self.product_ids: set[int] = set()
        self.done = False
        # Django names a failing robust on_commit hook by its __qualname__, which instances lack.
        self.__qualname__ = f"{type(self).__qualname__}.__call__"

    def __call__(self) -> None:
        from search.tasks import update_search_index

        self.done = True
        update_search_index.delay(sorted(self.product_ids))


def mark_stale(product_ids: Iterable[int]) -> None:
    """Record that these products' index entries are out of date; enqueue the update after commit.

    The pending rows are written in the caller's transaction, so a rollback leaves neither
    rows nor a task; within one transaction every change shares a single task.
    """
    ids = {pk for pk in product_ids if pk}
    if not ids:
        return
    PendingIndexUpdate.objects.bulk_create(
        (PendingIndexUpdate(product_id=pk) for pk in ids), ignore_conflicts=True
    )
    connection = transaction.get_connection()
    open_savepoints = set(connection.savepoint_ids)
    for savepoints, callback, _robust in getattr(connection, "run_on_commit", []):
        # A task registered here or in an enclosing block runs when this change commits.
        if isinstance(callback, _EnqueueAfterCommit) and not callback.done and savepoints <= open_savepoints:
            callback.product_ids |= ids
            return
    callback = _EnqueueAfterCommit()
    callback.product_ids |= ids
    # Robust: a broker outage must not fail a request whose change is committed; the pending
    # rows stay and the next update (or the database backend before it answers) picks them up.
    transaction.on_commit(callback, robust=True)


def update_index(product_ids: Iterable[int]) -> None:
    """Index these products now (the task's work): claim their pending rows, then write."""
    ids = sorted(set(product_ids))
    if not ids:
        return
    # Claimed first: a change that lands while we index marks the product again.
    PendingIndexUpdate.objects.filter(product_id__in=ids).delete()
    get_backend().index_products(ids)


def products_of_suppliers(partner_ids: Iterable[int]) -> list[int]:
    return list(Product.objects.filter(supplier_id__in=list(partner_ids)).values_list("pk", flat=True))


def index_pending(*, limit: int = 1000) -> int:
    """Index products still marked stale (the beat's catch-up): their task was lost or failed.

    The pending rows are written in the changing transaction, so this is what makes index
    updates survive a broker outage. Returns how many products it indexed.
    """
    ids = list(PendingIndexUpdate.objects.order_by("product_id").values_list("product_id", flat=True)[:limit])
    update_index(ids)
    return len(ids)
