"""Customs' receipts entered by hand or uploaded as XML."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.customs import receipts
from marketplace.customs.forms import (
    ReceiptForm,
    ReceiptUploadForm,
)
from marketplace.customs.views.common import _declaration_or_404, _rerender, require_filer_role


@require_POST
@require_filer_role
def receipt_entry(request, pk):
    declaration = _declaration_or_404(request, pk)
    form = ReceiptForm(request.POST)
    if not form.is_valid():
        return _rerender(request, declaration, receipt_form=form)
    entry = receipts.ReceiptEntry(**form.cleaned_data)
    try:
        receipts.record_receipt(declaration=declaration, entry=entry, user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return _rerender(request, declaration, receipt_form=form)
    messages.success(request, _("The receipt is recorded."))
    return redirect("customs:declaration", pk)


@require_POST
@require_filer_role
def receipt_upload(request, pk):
    declaration = _declaration_or_404(request, pk)
    form = ReceiptUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _rerender(request, declaration, upload_form=form)
    try:
        recorded = receipts.import_receipts(
            declaration=declaration, xml=form.cleaned_data["file"].read(), user=request.user
        )
    except ValidationError as error:
        form.add_error(
            "file" if hasattr(error, "error_dict") and "file" in error.error_dict else None, error.messages
        )
        return _rerender(request, declaration, upload_form=form)
    messages.success(request, _("%(count)s receipts recorded.") % {"count": len(recorded)})
    return redirect("customs:declaration", pk)
