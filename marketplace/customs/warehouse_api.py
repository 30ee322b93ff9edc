"""Registry API: overseas warehouses, 9810 bookings and export licences of the suppliers the
caller acts for (read through the selectors, written through ``marketplace.customs.warehousing``)."""

from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from catalog.reference.models import HSCode, Incoterm, Unit
from marketplace.customs import selectors, warehousing
from marketplace.customs.models import LicenceKind, WarehouseKind

Product = get_model("catalogue", "Product")


class WarehouseSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    supplier = serializers.IntegerField(source="supplier_id")
    name = serializers.CharField(max_length=100)
    country = serializers.CharField(max_length=2)
    city = serializers.CharField(max_length=100)
    address = serializers.CharField(max_length=300)
    area_m2 = serializers.DecimalField(max_digits=12, decimal_places=2)
    kind = serializers.ChoiceField(choices=WarehouseKind.choices)
    operator_name = serializers.CharField(max_length=200)
    lease_start = serializers.DateField()
    lease_end = serializers.DateField(allow_null=True, required=False, default=None)
    customs_registration_number = serializers.CharField(required=False, default="", allow_blank=True)
    registration_status = serializers.CharField(read_only=True)
    is_active = serializers.BooleanField(read_only=True)


def _supplier(request, pk):
    supplier = selectors.suppliers_for(user=request.user).filter(pk=pk).first()
    if supplier is None:
        raise ApiValidationError({"supplier": _("You do not act for this supplier.")})
    return supplier


class WarehouseList(generics.ListCreateAPIView):
    serializer_class = WarehouseSerializer

    def get_queryset(self):
        return selectors.warehouses_visible_to(user=self.request.user).order_by("pk")

    def create(self, request, *args, **kwargs):
        data = WarehouseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        supplier = _supplier(request, values.pop("supplier_id"))
        warehouse = warehousing.register_warehouse(
            supplier=supplier, data=warehousing.WarehouseData(**values), user=request.user
        )
        return Response(WarehouseSerializer(warehouse).data, status=status.HTTP_201_CREATED)


class WarehouseBookingLineSerializer(serializers.Serializer):
    product = serializers.IntegerField(source="product_id")
    partner_sku = serializers.CharField(required=False, default="", allow_blank=True)
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit = serializers.CharField(source="unit.code")
    lot_number = serializers.CharField(required=False, default="", allow_blank=True)
    unit_price = serializers.DecimalField(max_digits=14, decimal_places=5)
    currency = serializers.CharField(max_length=3)
    net_weight_kg = serializers.DecimalField(max_digits=14, decimal_places=3)
    gross_weight_kg = serializers.DecimalField(max_digits=14, decimal_places=3)


class WarehouseBookingSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    number = serializers.CharField(read_only=True)
    supplier = serializers.IntegerField(source="supplier_id")
    warehouse = serializers.IntegerField(source="warehouse_id")
    destination_country = serializers.CharField(max_length=2)
    incoterm = serializers.CharField(required=False, allow_null=True, default=None, source="incoterm.code")
    status = serializers.CharField(read_only=True)
    lines = WarehouseBookingLineSerializer(many=True, source="lines.all")


class BookingList(generics.ListCreateAPIView):
    serializer_class = WarehouseBookingSerializer

    def get_queryset(self):
        return (
            selectors.bookings_visible_to(user=self.request.user)
            .prefetch_related("lines__unit")
            .order_by("pk")
        )

    def create(self, request, *args, **kwargs):
        data = WarehouseBookingSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        supplier = _supplier(request, values["supplier_id"])
        warehouse = (
            selectors.warehouses_visible_to(user=request.user).filter(pk=values["warehouse_id"]).first()
        )
        if warehouse is None:
            raise ApiValidationError({"warehouse": _("No such warehouse.")})
        # Only the supplier's own products: another's id is "unknown", never named in the answer.
        own = Product.objects.filter(supplier__company=supplier)
        products = {
            p.pk: p for p in own.filter(pk__in=[line["product_id"] for line in values["lines"]["all"]])
        }
        units = {u.code: u for u in Unit.objects.all()}
        try:
            lines = [
                warehousing.BookingLineData(
                    product=products[line["product_id"]],
                    unit=units[line["unit"]["code"]],
                    quantity=line["quantity"],
                    unit_price=line["unit_price"],
                    currency=line["currency"],
                    net_weight_kg=line["net_weight_kg"],
                    gross_weight_kg=line["gross_weight_kg"],
                    partner_sku=line["partner_sku"],
                    lot_number=line["lot_number"],
                )
                for line in values["lines"]["all"]
            ]
        except KeyError as error:
            raise ApiValidationError(
                {"lines": _("Unknown product or unit %(key)s.") % {"key": error}}
            ) from None
        incoterm_code = (values.get("incoterm") or {}).get("code")
        booking_request = warehousing.BookingRequest(
            supplier=supplier,
            warehouse=warehouse,
            destination_country=values["destination_country"],
            incoterm=Incoterm.objects.filter(code=incoterm_code).first() if incoterm_code else None,
            lines=lines,
        )
        booking = warehousing.create_booking(request=booking_request, user=request.user)
        return Response(WarehouseBookingSerializer(booking).data, status=status.HTTP_201_CREATED)


class LicenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    supplier = serializers.IntegerField(source="supplier_id")
    number = serializers.CharField(max_length=40)
    kind = serializers.ChoiceField(choices=LicenceKind.choices)
    hs_code = serializers.CharField(source="hs_code_id")
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit = serializers.CharField(source="unit.code")
    valid_from = serializers.DateField()
    valid_until = serializers.DateField()
    vins = serializers.CharField(required=False, default="", allow_blank=True)


class LicenceList(generics.ListCreateAPIView):
    serializer_class = LicenceSerializer

    def get_queryset(self):
        return selectors.licences_visible_to(user=self.request.user).order_by("pk")

    def create(self, request, *args, **kwargs):
        data = LicenceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        supplier = _supplier(request, values.pop("supplier_id"))
        hs_code = HSCode.objects.filter(code=values.pop("hs_code_id")).first()
        unit = Unit.objects.filter(code=values.pop("unit")["code"]).first()
        if hs_code is None or unit is None:
            raise ApiValidationError({"hs_code": _("Unknown HS code or unit.")})
        licence = warehousing.record_licence(
            supplier=supplier,
            data=warehousing.LicenceData(hs_code=hs_code, unit=unit, **values),
            user=request.user,
        )
        return Response(LicenceSerializer(licence).data, status=status.HTTP_201_CREATED)
