from celery import shared_task

from search.indexing import index_pending, update_index


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def update_search_index(self, product_ids: list[int]) -> None:
    """Bring these products' index entries up to date; idempotent, so a retry is harmless."""
    update_index(product_ids)


@shared_task
def index_pending_products() -> int:
    """Beat: index products whose update task never ran (broker outage, worker lost)."""
    return index_pending()
