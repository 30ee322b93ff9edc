"""Writes of product documents: uploads (versioned per product and kind) and the expiry sweep."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.documents.access import is_product_owner
from catalog.documents.models import DocumentKind, DocumentVisibility, ProductDocument
from catalog.documents.validators import validate_document_file
from marketplace.accounts.models import User
from marketplace.core.services import notify, record_event

Product = get_model("catalogue", "Product")


def _check_upload(*, kind: str, file, issue_date, expiry_date, visibility: str) -> None:
    errors: dict[str, list] = {}
    if kind not in DocumentKind.values:
        errors["kind"] = [_("Choose the kind of document.")]
    if visibility not in DocumentVisibility.values:
        errors["visibility"] = [_("Choose who may download the document.")]
    if file is None:
        errors["file"] = [_("Attach the document as a PDF file.")]
    else:
        try:
            validate_document_file(file)
        except ValidationError as error:
            errors["file"] = error.messages
    if issue_date is None:
        errors["issue_date"] = [_("Give the date the document was issued.")]
    elif expiry_date is not None and expiry_date < issue_date:
        errors["expiry_date"] = [_("The expiry date cannot be before the issue date.")]
    if errors:
        raise ValidationError(errors)


def upload_document(
    *,
    product: Product,
    kind: str,
    file: UploadedFile,
    issue_date: datetime.date,
    expiry_date: datetime.date | None,
    visibility: str,
    by: User,
    title: str = "",
) -> ProductDocument:
    """Store a new version of the product's document of ``kind``; it becomes the current one.

    Only members of the product's supplier may upload. The file must be a PDF within the size
    limit. A refused upload writes nothing: no row, no file.
    """
    if not is_product_owner(by, product):
        raise PermissionDenied(_("Only the product's own supplier can upload its documents."))
    _check_upload(kind=kind, file=file, issue_date=issue_date, expiry_date=expiry_date, visibility=visibility)
    document = ProductDocument(
        product=product,
        kind=kind,
        title=title.strip(),
        issue_date=issue_date,
        expiry_date=expiry_date,
        visibility=visibility,
        uploaded_by=by,
    )
    try:
        with transaction.atomic():
            # Locking the product serialises uploads to it, so versions never collide.
            Product.objects.select_for_update().only("pk").get(pk=product.pk)
            latest = ProductDocument.objects.filter(product=product, kind=kind).aggregate(Max("version"))
            document.version = (latest["version__max"] or 0) + 1
            document.file = file
            document.save()
            record_event(
                actor=by,
                subject=product,
                verb="document.uploaded",
                data={
                    "document_id": document.pk,
                    "kind": kind,
                    "version": document.version,
                    "visibility": visibility,
                    "file": document.file.name,
                },
            )
    except BaseException as error:
        _delete_stored_file(document)
        if isinstance(error, IntegrityError):
            raise ValidationError(_("The document could not be saved; please try again.")) from error
        raise
    return document


def _delete_stored_file(document: ProductDocument) -> None:
    # The file is written by save() inside the transaction; a rollback does not remove it.
    name = document.file.name if document.file and document.file._committed else ""
    if name:
        document.file.storage.delete(name)


def flag_expired_documents(*, today: datetime.date) -> int:
    """Tell the supplier's members, once, that a current document expired before ``today``.

    Returns how many documents were flagged. Running again flags nothing new.
    """
    expired = (
        ProductDocument.objects.current()
        .filter(expiry_date__lt=today, expiry_notified_at__isnull=True)
        .select_related("product__supplier__company")
        .order_by("pk")
    )
    flagged = 0
    for document in expired:
        with transaction.atomic():
            # skip_locked: a second sweep running at the same time leaves this one to us.
            locked = (
                ProductDocument.objects.select_for_update(skip_locked=True)
                .filter(pk=document.pk, expiry_notified_at__isnull=True)
                .first()
            )
            if locked is None:
                continue
            _tell_supplier_of_expiry(document)
            locked.expiry_notified_at = timezone.now()
            locked.save(update_fields=["expiry_notified_at"])
            flagged += 1
    return flagged


def _tell_supplier_of_expiry(document: ProductDocument) -> None:
    product = document.product
    company = product.supplier.company if product.supplier_id else None
    if company is None:
        return
    context = {
        "product_id": product.pk,
        "product_title": product.title,
        "kind": document.kind,
        "version": document.version,
        "expiry_date": document.expiry_date.isoformat(),
    }
    for membership in company.memberships.select_related("user").filter(user__is_active=True):
        notify(recipient=membership.user, template="catalog_documents/document_expired", context=context)
