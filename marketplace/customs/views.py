"""The customs desk: queue, declarations, receipts and exports (thin: parse, call, render)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.accounts.models import CompanyKind
from marketplace.customs import exports, receipts, selectors, services
from marketplace.customs.forms import (
    CancelForm,
    HeadForm,
    LineForm,
    OrderLinesForm,
    ReceiptForm,
    ReceiptUploadForm,
    WaybillForm,
)
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.models import Declaration, DeclarationStatus, Route, TradeMode, WarehouseBooking
from marketplace.customs.route import describe
from marketplace.customs.validation import problems_by_field, validate_declaration
from marketplace.customs.waybill import WaybillData
from marketplace.orders.selectors import orders_visible_to

Order = get_model("order", "Order")


def require_filer_role(view):
    """Desk pages are for suppliers, their firms and operators; buyers see status on their orders."""

    def wrapped(request, *args, **kwargs):
        company = request.user.company
        if not request.user.is_staff and (company is None or company.kind == CompanyKind.BUYER):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_required(wrapped)


def _declaration_or_404(request, pk) -> Declaration:
    try:
        return selectors.declaration_for_page(user=request.user, pk=pk)
    except Declaration.DoesNotExist:
        raise Http404 from None


def _report(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@require_filer_role
def desk(request):
    status = request.GET.get("status", "")
    mode = request.GET.get("mode", "")
    route = request.GET.get("route", "")
    text = request.GET.get("q", "").strip()
    declarations = selectors.declarations_for_desk(
        user=request.user, status=status, mode=mode, route=route, text=text
    )
    page = Paginator(declarations, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "customs/desk.html",
        {
            "page_obj": page,
            "orders": selectors.orders_awaiting_declaration(user=request.user)
            .select_related(None)
            .only("number", "date_placed", "currency", "total_incl_tax", "status")[:20],
            "bookings": selectors.bookings_awaiting_declaration(user=request.user)[:20],
            "counts": selectors.state_counts(user=request.user),
            "statuses": DeclarationStatus,
            "modes": TradeMode,
            "routes": Route,
            "filters": {"status": status, "mode": mode, "route": route, "q": text},
            "query": query.urlencode(),
        },
    )


# Line problems shown under the line's summary rather than next to a form field.
LINE_FACT_FIELDS = ("product", "item_no", "total_price", "net_weight_kg", "unit", "quantity", "unit_price")


def _detail_context(request, declaration, **forms) -> dict:
    problems = (
        validate_declaration(declaration)
        if declaration.status
        in (
            DeclarationStatus.DRAFT,
            DeclarationStatus.READY,
            DeclarationStatus.REJECTED,
        )
        else []
    )
    lines = list(declaration.lines.all())
    licences = list(selectors.licences_visible_to(user=request.user).filter(supplier=declaration.supplier))
    line_forms = forms.pop("line_forms", {})
    for line in lines:
        line.form = line_forms.get(line.gnum) or LineForm(
            prefix=f"line-{line.gnum}",
            licences=licences,
            initial={
                "hs_code": line.hs_code,
                "inspection_code": line.inspection_code,
                "declaration_elements": line.declaration_elements,
                "qty1": line.qty1,
                "qty2": line.qty2,
                "licence": line.licence_id,
            },
        )
    shown = set(HeadForm.base_fields) | set(WaybillForm.base_fields) | {"route", "destination_country"}
    shown |= {"waybill_currency"} | {
        f"lines.{line.gnum}.{name}" for line in lines for name in (*LineForm.base_fields, *LINE_FACT_FIELDS)
    }
    elsewhere = [problem.message for problem in problems if problem.field not in shown]
    exportable = (
        declaration.status not in (DeclarationStatus.DRAFT, DeclarationStatus.CANCELLED) and not problems
    )
    return {
        "declaration": declaration,
        "lines": lines,
        "reasons": [describe(reason) for reason in declaration.route_reasons],
        "problems": problems_by_field(problems),
        "problem_count": len(problems),
        "other_problems": elsewhere,
        "can_file": services.can_file(user=request.user, supplier=declaration.supplier),
        "exportable": exportable,
        "xml_messages": exports.available_messages(declaration),
        "receipts": list(declaration.receipts.all()),
        "head_form": forms.get("head_form")
        or HeadForm(
            initial={
                "customs_office": declaration.customs_office_id,
                "port": declaration.port_id,
                "transport_mode": declaration.transport_mode_id,
                "incoterm": declaration.incoterm_id,
                "terms_of_sale": declaration.terms_of_sale,
                "destination_port": declaration.destination_port,
                "statistics_flag": declaration.statistics_flag,
                "claims_vat_refund": declaration.claims_vat_refund,
                "wrap_type": declaration.wrap_type,
            }
        ),
        "waybill_form": forms.get("waybill_form")
        or WaybillForm(
            initial={
                "logistics_code": declaration.logistics_code,
                "logistics_name": declaration.logistics_name,
                "waybill_number": declaration.waybill_number,
                "freight": declaration.freight,
                "insured_fee": declaration.insured_fee,
                "currency": declaration.waybill_currency,
                "gross_weight_kg": declaration.gross_weight_kg,
                "package_count": declaration.package_count,
                "goods_description": declaration.goods_description,
            }
        ),
        "receipt_form": forms.get("receipt_form") or ReceiptForm(),
        "upload_form": forms.get("upload_form") or ReceiptUploadForm(),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
    }


@require_filer_role
def declaration_detail(request, pk):
    declaration = _declaration_or_404(request, pk)
    return render(request, "customs/declaration_detail.html", _detail_context(request, declaration))


def _rerender(request, declaration, status=400, **forms):
    return render(
        request,
        "customs/declaration_detail.html",
        _detail_context(request, declaration, **forms),
        status=status,
    )


@require_POST
@require_filer_role
def declaration_head(request, pk):
    declaration = _declaration_or_404(request, pk)
    form = HeadForm(request.POST)
    if not form.is_valid():
        return _rerender(request, declaration, head_form=form)
    try:
        services.update_declaration(declaration=declaration, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The declaration is saved; the route was decided again."))
    return redirect("customs:declaration", pk)


@require_POST
@require_filer_role
def declaration_line(request, pk, gnum):
    declaration = _declaration_or_404(request, pk)
    line = next((line for line in declaration.lines.all() if line.gnum == gnum), None)
    if line is None:
        raise Http404
    licences = list(selectors.licences_visible_to(user=request.user).filter(supplier=declaration.supplier))
    form = LineForm(request.POST, prefix=f"line-{gnum}", licences=licences)
    if not form.is_valid():
        return _rerender(request, declaration, line_forms={gnum: form})
    try:
        services.update_declaration_line(line=line, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("Line %(gnum)s is saved.") % {"gnum": gnum})
    return redirect("customs:declaration", pk)


@require_POST
@require_filer_role
def declaration_waybill(request, pk):
    declaration = _declaration_or_404(request, pk)
    form = WaybillForm(request.POST)
    if not form.is_valid():
        return _rerender(request, declaration, waybill_form=form)
    data = form.cleaned_data
    waybill = WaybillData(**{**data, "currency": data["currency"].code})
    try:
        services.fill_waybill(declaration=declaration, waybill=waybill, user=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The waybill data is saved."))
    return redirect("customs:declaration", pk)


ACTIONS = {
    "ready": (services.mark_ready, DeclarationStatus.READY),
    "submit": (services.submit_declaration, DeclarationStatus.SUBMITTED),
    "correct": (services.correct_declaration, DeclarationStatus.DRAFT),
}


@require_POST
@require_filer_role
def declaration_action(request, pk, action):
    declaration = _declaration_or_404(request, pk)
    try:
        if action == "cancel":
            form = CancelForm(request.POST)
            if not form.is_valid():
                return _rerender(request, declaration, cancel_form=form)
            services.cancel_declaration(
                declaration=declaration, user=request.user, reason=form.cleaned_data["reason"]
            )
            target = DeclarationStatus.CANCELLED
        elif action in ACTIONS:
            call, target = ACTIONS[action]
            call(declaration=declaration, user=request.user)
        else:
            raise Http404
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request, _("The declaration is now: %(status)s.") % {"status": DeclarationStatus(target).label}
        )
    return redirect("customs:declaration", pk)


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


def _exportable_or_404(request, pk) -> Declaration:
    declaration = _declaration_or_404(request, pk)
    if declaration.status in (DeclarationStatus.DRAFT, DeclarationStatus.CANCELLED) or validate_declaration(
        declaration
    ):
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


@require_filer_role
def new_for_order(request, number):
    try:
        order = orders_visible_to(request.user).prefetch_related("lines").get(number=number)
    except Order.DoesNotExist:
        raise Http404 from None
    form = OrderLinesForm(request.POST or None, order=order)
    if request.method == "POST" and form.is_valid():
        try:
            declaration = services.open_declaration_for_order(
                order=order, user=request.user, line_ids=[int(pk) for pk in form.cleaned_data["lines"]]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Declaration %(number)s opened.") % {"number": declaration.number})
            return redirect("customs:declaration", declaration.pk)
    return render(request, "customs/new_for_order.html", {"order": order, "form": form})


@require_POST
@require_filer_role
def new_for_booking(request, pk):
    try:
        booking = selectors.bookings_visible_to(user=request.user).get(pk=pk)
    except WarehouseBooking.DoesNotExist:
        raise Http404 from None
    try:
        declaration = services.open_declaration_for_booking(booking=booking, user=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("customs:booking", pk)
    messages.success(request, _("Declaration %(number)s opened.") % {"number": declaration.number})
    return redirect("customs:declaration", declaration.pk)
