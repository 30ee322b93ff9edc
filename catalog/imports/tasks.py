from celery import shared_task
from django.utils import timezone

from catalog.imports import services
from catalog.imports.models import ImportJob


@shared_task(acks_late=True)
def process_import(job_id: int) -> None:
    """Run a queued import job, or resume one whose worker died; a live or finished job is left alone."""
    job = (
        ImportJob.objects.select_related("supplier", "product_class", "uploaded_by").filter(pk=job_id).first()
    )
    if job is not None:
        services.run_import(job=job)


@shared_task
def sweep_stalled_imports() -> tuple[int, int]:
    """Beat, every minute: resume or fail running imports whose heartbeat stopped."""
    return services.sweep_stalled_imports(now=timezone.now())
