"""Pages of the overseas-warehouse registry, 9810 bookings and export licences."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core.uploads import attachment_response
from marketplace.customs import selectors, warehousing
from marketplace.customs.forms import (
    BookingForm,
    BookingLineForm,
    EvidenceForm,
    LicenceForm,
    RegistrationForm,
    SupplierChoiceMixin,
    WarehouseForm,
)
from marketplace.customs.models import OverseasWarehouse, WarehouseBooking, WarehouseEvidence
from marketplace.customs.views import require_filer_role

Product = get_model("catalogue", "Product")
BookingLineFormSet = formset_factory(BookingLineForm, extra=3, min_num=1, validate_min=True)


def _supplier_form(request):
    return SupplierChoiceMixin(
        request.POST or None, suppliers=selectors.suppliers_for(user=request.user), prefix="s"
    )


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@require_filer_role
def warehouse_list(request):
    warehouses = selectors.warehouses_visible_to(user=request.user).order_by("supplier__name", "name")
    page = Paginator(warehouses, 25).get_page(request.GET.get("page"))
    return render(request, "customs/warehouse_list.html", {"page_obj": page})


@require_filer_role
def warehouse_new(request):
    supplier_form = _supplier_form(request)
    form = WarehouseForm(request.POST or None)
    if request.method == "POST" and supplier_form.is_valid() and form.is_valid():
        data = warehousing.WarehouseData(**form.cleaned_data)
        try:
            warehouse = warehousing.register_warehouse(
                supplier=supplier_form.cleaned_data["supplier"], data=data, user=request.user
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The warehouse is added, pending customs registration."))
            return redirect("customs:warehouse", warehouse.pk)
    return render(request, "customs/warehouse_form.html", {"form": form, "supplier_form": supplier_form})


def _warehouse_or_404(request, pk) -> OverseasWarehouse:
    try:
        return selectors.warehouses_visible_to(user=request.user).get(pk=pk)
    except OverseasWarehouse.DoesNotExist:
        raise Http404 from None


@require_filer_role
def warehouse_detail(request, pk):
    warehouse = _warehouse_or_404(request, pk)
    evidence_form = EvidenceForm()
    registration_form = RegistrationForm(
        initial={
            "registration_status": warehouse.registration_status,
            "customs_registration_number": warehouse.customs_registration_number,
        }
    )
    if request.method == "POST" and "evidence" in request.POST:
        evidence_form = EvidenceForm(request.POST, request.FILES)
        if evidence_form.is_valid():
            try:
                warehousing.add_warehouse_evidence(
                    warehouse=warehouse, user=request.user, **evidence_form.cleaned_data
                )
            except ValidationError as error:
                _apply_errors(evidence_form, error)
            else:
                messages.success(request, _("The evidence is uploaded."))
                return redirect("customs:warehouse", pk)
    elif request.method == "POST" and "registration" in request.POST and request.user.is_staff:
        registration_form = RegistrationForm(request.POST)
        if registration_form.is_valid():
            try:
                warehousing.set_warehouse_registration(
                    warehouse=warehouse,
                    status=registration_form.cleaned_data["registration_status"],
                    registration_number=registration_form.cleaned_data["customs_registration_number"],
                    user=request.user,
                )
            except ValidationError as error:
                _apply_errors(registration_form, error)
            else:
                messages.success(request, _("The registration is recorded."))
                return redirect("customs:warehouse", pk)
    return render(
        request,
        "customs/warehouse_detail.html",
        {
            "warehouse": warehouse,
            "evidence": warehouse.evidence.all(),
            "bookings": warehouse.bookings.order_by("-created_at")[:20],
            "evidence_form": evidence_form,
            "registration_form": registration_form,
        },
    )


@require_filer_role
def evidence_file(request, pk, evidence_pk):
    warehouse = _warehouse_or_404(request, pk)
    try:
        evidence = warehouse.evidence.get(pk=evidence_pk)
    except WarehouseEvidence.DoesNotExist:
        raise Http404 from None
    return attachment_response(evidence.file)


@require_filer_role
def booking_list(request):
    bookings = selectors.bookings_visible_to(user=request.user).order_by("-created_at", "-pk")
    page = Paginator(bookings, 25).get_page(request.GET.get("page"))
    return render(request, "customs/booking_list.html", {"page_obj": page})


@require_filer_role
def booking_new(request):
    suppliers = selectors.suppliers_for(user=request.user)
    supplier_form = _supplier_form(request)
    warehouses = selectors.warehouses_visible_to(user=request.user)
    products = Product.objects.filter(supplier__company__in=suppliers).order_by("title")
    form = BookingForm(request.POST or None, warehouses=warehouses)
    formset = BookingLineFormSet(request.POST or None, prefix="lines", form_kwargs={"products": products})
    if request.method == "POST" and supplier_form.is_valid() and form.is_valid() and formset.is_valid():
        lines = [
            warehousing.BookingLineData(**{**row, "currency": row["currency"].code})
            for row in formset.cleaned_data
            if row
        ]
        request_data = warehousing.BookingRequest(
            supplier=supplier_form.cleaned_data["supplier"], lines=lines, **form.cleaned_data
        )
        try:
            booking = warehousing.create_booking(request=request_data, user=request.user)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Booking %(number)s is created.") % {"number": booking.number})
            return redirect("customs:booking", booking.pk)
    return render(
        request,
        "customs/booking_form.html",
        {"form": form, "formset": formset, "supplier_form": supplier_form},
    )


@require_filer_role
def booking_detail(request, pk):
    try:
        booking = selectors.booking_for_page(user=request.user, pk=pk)
    except WarehouseBooking.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "customs/booking_detail.html",
        {"booking": booking, "lines": booking.lines.all(), "declarations": booking.declarations.all()},
    )


@require_filer_role
def licence_list(request):
    licences = selectors.licences_visible_to(user=request.user)
    page = Paginator(licences, 25).get_page(request.GET.get("page"))
    return render(request, "customs/licence_list.html", {"page_obj": page})


@require_filer_role
def licence_new(request):
    supplier_form = _supplier_form(request)
    form = LicenceForm(request.POST or None)
    if request.method == "POST" and supplier_form.is_valid() and form.is_valid():
        try:
            warehousing.record_licence(
                supplier=supplier_form.cleaned_data["supplier"],
                data=warehousing.LicenceData(**form.cleaned_data),
                user=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The licence is recorded."))
            return redirect("customs:licences")
    return render(request, "customs/licence_form.html", {"form": form, "supplier_form": supplier_form})
