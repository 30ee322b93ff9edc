from celery import shared_task

from catalog.imports.models import ImportJob
from catalog.imports.services import run_import


@shared_task(acks_late=True)
def process_import(job_id: int) -> None:
    """Run a queued import job; a job already started or finished is left alone."""
    job = (
        ImportJob.objects.select_related("supplier", "product_class", "uploaded_by").filter(pk=job_id).first()
    )
    if job is not None:
        run_import(job=job)
