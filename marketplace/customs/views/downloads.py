"""Exports offered once a declaration is ready and valid: XML messages, JSON and PDFs."""

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from marketplace.customs import exports
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.models import Declaration, Route
from marketplace.customs.validation import is_exportable
from marketplace.customs.views.common import _declaration_or_404, require_filer_role


def _exportable_or_404(request, pk) -> Declaration:
    declaration = _declaration_or_404(request, pk)
    if not is_exportable(declaration):
        raise Http404(_("Exports are offered once the declaration is ready and valid."))
    return declaration


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_filer_role
def export_xml(request, pk, message):
    declaration = _exportable_or_404(request, pk)
    if message not in exports.available_messages(declaration):
        raise Http404
    in_envelope = request.GET.get("envelope") == "dxp"
    try:
        content = (exports.build_dxp if in_envelope else exports.build_xml)(declaration, message)
    except MessageError as error:
        raise Http404(str(error)) from None
    prefix = "DXP-" if in_envelope else ""
    return _download(content, "application/xml", f"{prefix}{message.upper()}-{declaration.number}.xml")


@require_filer_role
def export_json(request, pk):
    declaration = _exportable_or_404(request, pk)
    if declaration.route != Route.FULL:
        raise Http404
    return _download(
        exports.build_declaration_json(declaration),
        "application/json",
        f"declaration-{declaration.number}.json",
    )


def _pdf(request, template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()


@require_filer_role
def export_pdf(request, pk):
    declaration = _exportable_or_404(request, pk)
    if declaration.route != Route.FULL:
        raise Http404
    context = {"declaration": declaration, "record": exports.full_declaration(declaration)}
    return _download(
        _pdf(request, "customs/declaration_pdf.html", context),
        "application/pdf",
        f"declaration-{declaration.number}.pdf",
    )


@require_filer_role
def export_attachment(request, pk):
    """Attachment type 10000004 (跨境B2B出口单证): the order or booking, naming its number."""
    declaration = _exportable_or_404(request, pk)
    if declaration.route != Route.FULL:
        raise Http404
    context = {"declaration": declaration, "lines": list(declaration.lines.all())}
    return _download(
        _pdf(request, "customs/attachment_pdf.html", context),
        "application/pdf",
        f"10000004-{declaration.source_number}.pdf",
    )
