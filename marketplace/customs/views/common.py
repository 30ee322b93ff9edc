"""What every desk page shares: the role check, finding a declaration, the detail page's context."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render

from marketplace.accounts.policy import acts_for, role_of
from marketplace.customs import exports, selectors
from marketplace.customs.forms import (
    CancelForm,
    HeadForm,
    LineForm,
    ReceiptForm,
    ReceiptUploadForm,
    WaybillForm,
)
from marketplace.customs.models import Declaration, DeclarationStatus
from marketplace.customs.route import describe
from marketplace.customs.validation import is_exportable, problems_by_field, validate_declaration

# Who works on the customs desk; buyers follow the status on their orders instead.
FILER_ROLES = ("operator", "supplier", "firm")


def require_filer_role(view):
    """Desk pages are for suppliers, their firms and operators; buyers see status on their orders."""

    def wrapped(request, *args, **kwargs):
        if role_of(user=request.user) not in FILER_ROLES:
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
    exportable = is_exportable(declaration, problems)
    return {
        "declaration": declaration,
        "lines": lines,
        "reasons": [describe(reason) for reason in declaration.route_reasons],
        "problems": problems_by_field(problems),
        "problem_count": len(problems),
        "other_problems": elsewhere,
        "can_file": acts_for(user=request.user, company=declaration.supplier),
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


def _rerender(request, declaration, status=400, **forms):
    return render(
        request,
        "customs/declaration_detail.html",
        _detail_context(request, declaration, **forms),
        status=status,
    )
