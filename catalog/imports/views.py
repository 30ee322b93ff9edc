"""Supplier pages of bulk import: jobs, upload, progress, templates and exports."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from oscar.core.loading import get_model

from catalog.imports import export
from catalog.imports.forms import ImportUploadForm
from catalog.imports.selectors import import_jobs_of
from catalog.imports.services import start_import
from catalog.specs.classes import PRODUCT_CLASSES
from marketplace.core.views import add_errors, supplier_required

ProductClass = get_model("catalogue", "ProductClass")
FILE_FORMATS = ("csv", "xlsx")


def _product_class(class_slug: str, file_format: str):
    if class_slug not in PRODUCT_CLASSES or file_format not in FILE_FORMATS:
        raise Http404
    return get_object_or_404(ProductClass, slug=class_slug)


@supplier_required
def job_list(request, partner):
    page = Paginator(import_jobs_of(supplier=partner), 20).get_page(request.GET.get("page"))
    return render(request, "catalog_imports/job_list.html", {"page_obj": page, "classes": PRODUCT_CLASSES})


@supplier_required
def job_create(request, partner):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = start_import(
                supplier=partner,
                user=request.user,
                product_class=get_object_or_404(ProductClass, slug=form.cleaned_data["product_class"]),
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("catalog_imports:detail", pk=job.pk)
    return render(
        request,
        "catalog_imports/job_form.html",
        {"form": form, "classes": PRODUCT_CLASSES},
        status=400 if form.errors else 200,
    )


@supplier_required
def job_detail(request, partner, pk: int):
    job = get_object_or_404(import_jobs_of(supplier=partner), pk=pk)
    problems = Paginator(job.errors, 50).get_page(request.GET.get("page"))
    return render(request, "catalog_imports/job_detail.html", {"job": job, "page_obj": problems})


@supplier_required
def job_progress(request, partner, pk: int):
    job = get_object_or_404(import_jobs_of(supplier=partner), pk=pk)
    return JsonResponse(progress_of(job))


def progress_of(job) -> dict:
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": job.get_status_display(),
        "finished": job.is_finished,
        "total_rows": job.total_rows,
        "processed_rows": job.processed_rows,
        "percent": job.percent,
        "created": job.created_count,
        "updated": job.updated_count,
        "unchanged": job.unchanged_count,
        "errors": job.error_count,
        "failure_message": job.failure_message,
        "url": reverse("catalog_imports:detail", args=[job.pk]),
    }


@supplier_required
def template_download(request, partner, class_slug: str, file_format: str):
    product_class = _product_class(class_slug, file_format)
    respond = export.csv_response if file_format == "csv" else export.xlsx_response
    return respond(product_class=product_class, rows=[], kind="template")


@supplier_required
def catalogue_export(request, partner, class_slug: str, file_format: str):
    product_class = _product_class(class_slug, file_format)
    rows = export.catalogue_rows(supplier=partner, product_class=product_class)
    respond = export.csv_response if file_format == "csv" else export.xlsx_response
    return respond(product_class=product_class, rows=rows, kind="catalogue")
