from celery import shared_task
from django.utils import timezone

from catalog.documents import services


@shared_task
def flag_expired_documents() -> int:
    """Beat, daily: tell suppliers about current documents that have expired (idempotent)."""
    return services.flag_expired_documents(today=timezone.localdate())
