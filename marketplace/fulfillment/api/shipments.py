"""Shipments through the API: list and make them (with lines and legs), add legs, post tracking events."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.reference.models import Incoterm
from marketplace.api.fields import CodeField
from marketplace.api.schema import ERRORS
from marketplace.customs.selectors import bookings_visible_to
from marketplace.fulfillment import selectors
from marketplace.fulfillment.api.common import FormInput, Pagination, form_values
from marketplace.fulfillment.forms import LegForm, PackedLineForm, ShipmentForm
from marketplace.fulfillment.models import (
    EventKind,
    EventSource,
    ShipmentStatus,
    TrackingEvent,
    TransportMode,
)
from marketplace.fulfillment.services import shipments as shipment_services
from marketplace.orders.selectors import orders_visible_to


class LegOutput(serializers.Serializer):
    id = serializers.IntegerField()
    sequence = serializers.IntegerField()
    mode = serializers.CharField()
    carrier = serializers.CharField()
    origin = serializers.CharField()
    destination = serializers.CharField()
    reference = serializers.CharField()
    departure_planned = serializers.DateTimeField(allow_null=True)
    arrival_planned = serializers.DateTimeField()
    departed_at = serializers.DateTimeField(allow_null=True)
    arrived_at = serializers.DateTimeField(allow_null=True)
    is_late = serializers.BooleanField()


class EventOutput(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    occurred_at = serializers.DateTimeField()
    leg = serializers.IntegerField(source="leg.sequence", allow_null=True, default=None)
    location = serializers.CharField()
    note = serializers.CharField()
    source = serializers.CharField()


class ShipmentLineOutput(serializers.Serializer):
    description = serializers.CharField()
    sku = serializers.CharField(source="partner_sku")
    hs_code = serializers.CharField()
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit = serializers.CharField(source="unit.code")
    package_count = serializers.IntegerField()
    package_kind = serializers.CharField()
    net_weight_kg = serializers.DecimalField(max_digits=14, decimal_places=3)
    gross_weight_kg = serializers.DecimalField(max_digits=14, decimal_places=3)
    un_number = serializers.CharField()
    transport_class = serializers.CharField()
    packing_group = serializers.CharField()


class ShipmentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    status = serializers.CharField()
    order = serializers.CharField(source="order.number", allow_null=True, default=None)
    booking = serializers.CharField(source="booking.number", allow_null=True, default=None)
    supplier = serializers.CharField(source="supplier.name")
    carrier = serializers.CharField()
    carrier_code = serializers.CharField()
    waybill_number = serializers.CharField()
    bill_of_lading = serializers.CharField()
    cmr_number = serializers.CharField()
    origin = serializers.CharField()
    destination = serializers.CharField()
    destination_country = serializers.CharField()
    shipped_at = serializers.DateTimeField(allow_null=True)
    delivered_at = serializers.DateTimeField(allow_null=True)
    lines = ShipmentLineOutput(source="lines.all", many=True)
    legs = LegOutput(source="legs.all", many=True)
    events = EventOutput(source="events.all", many=True)


def _shipments(request):
    shipments = selectors.shipments_visible_to(user=request.user).prefetch_related(
        "lines__unit", "legs", Prefetch("events", queryset=TrackingEvent.objects.select_related("leg"))
    )
    if request.query_params.get("status") in ShipmentStatus.values:
        shipments = shipments.filter(status=request.query_params["status"])
    if request.query_params.get("order"):
        shipments = shipments.filter(order__number=request.query_params["order"])
    return shipments.order_by("-created_at", "-pk")


class PackedLineInput(FormInput):
    form_class = PackedLineForm

    line = serializers.IntegerField(help_text="The id of the order line or booking line")
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    package_count = serializers.IntegerField()
    package_kind = serializers.CharField(max_length=60, required=False, allow_blank=True)
    net_weight_kg = serializers.DecimalField(max_digits=14, decimal_places=3)
    gross_weight_kg = serializers.DecimalField(max_digits=14, decimal_places=3)

    def make_form(self, data, files):
        return PackedLineForm(data, source=None)


class LegInput(FormInput):
    form_class = LegForm

    mode = serializers.ChoiceField(choices=TransportMode.choices)
    origin = serializers.CharField(max_length=100)
    destination = serializers.CharField(max_length=100)
    carrier = serializers.CharField(max_length=100, required=False, allow_blank=True)
    reference = serializers.CharField(max_length=40, required=False, allow_blank=True)
    departure_planned = serializers.DateTimeField(required=False, allow_null=True)
    arrival_planned = serializers.DateTimeField()


class ShipmentTarget(serializers.Serializer):
    order = serializers.CharField(required=False, allow_blank=True, help_text="The order number")
    booking = serializers.IntegerField(
        required=False, allow_null=True, help_text="The warehouse booking's id"
    )

    def validate(self, attrs):
        if bool(attrs.get("order")) == (attrs.get("booking") is not None):
            raise serializers.ValidationError(_("Give either an order or a booking."))
        return attrs


class ShipmentInput(FormInput, ShipmentTarget):
    """A shipment for an order or a booking: what the shipment page takes, with its packed lines and
    (optionally) its legs. Left out, the destination, country, currency and Incoterm are the order's
    or the booking's, as the page proposes them."""

    form_class = ShipmentForm

    carrier = serializers.CharField(max_length=100)
    carrier_code = serializers.CharField(max_length=18, required=False, allow_blank=True)
    waybill_number = serializers.CharField(max_length=32)
    bill_of_lading = serializers.CharField(max_length=40, required=False, allow_blank=True)
    cmr_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    origin = serializers.CharField(max_length=100, required=False)
    destination = serializers.CharField(max_length=100, required=False)
    destination_country = serializers.CharField(max_length=2, required=False)
    freight = serializers.DecimalField(max_digits=12, decimal_places=2, required=False)
    insured_fee = serializers.DecimalField(max_digits=12, decimal_places=2, required=False)
    currency = serializers.CharField(max_length=3, required=False)
    goods_description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    incoterm = CodeField(slug_field="code", queryset=Incoterm.objects.all(), required=False, allow_null=True)
    lines = PackedLineInput(many=True, allow_empty=False)
    legs = LegInput(many=True, required=False, default=list)

    def proposed(self) -> dict:
        return self.context.get("proposed", {})

    def validate(self, attrs):
        return FormInput.validate(self, ShipmentTarget.validate(self, attrs))


class ShipmentList(generics.ListCreateAPIView):
    """The caller's shipments (filter with ?status= and ?order=<number>); POST makes one for an order
    or a warehouse booking, with the same checks as the page (quantity left to ship, net within
    gross weight, only the supplier, a firm it authorised or an operator)."""

    serializer_class = ShipmentOutput
    pagination_class = Pagination

    def get_queryset(self):
        return _shipments(self.request)

    def _target(self, request):
        target = ShipmentTarget(data=request.data)
        target.is_valid(raise_exception=True)
        if target.validated_data.get("order"):
            order = (
                orders_visible_to(user=request.user)
                .prefetch_related("lines__product", "lines__unit")
                .filter(number=target.validated_data["order"])
                .first()
            )
            if order is None:
                raise NotFound(_("No such order."))
            return order, None, list(order.lines.all())
        booking = (
            bookings_visible_to(user=request.user)
            .prefetch_related("lines__product", "lines__unit")
            .filter(pk=target.validated_data["booking"])
            .first()
        )
        if booking is None:
            raise NotFound(_("No such booking."))
        return None, booking, list(booking.lines.all())

    @extend_schema(request=ShipmentInput, responses={201: ShipmentOutput, 404: ERRORS[404]})
    def post(self, request, *args, **kwargs):
        order, booking, sources = self._target(request)
        proposed = selectors.shipment_defaults(order=order, booking=booking)
        proposed["incoterm"] = order.incoterm if order else booking.incoterm
        data = ShipmentInput(data=request.data, context={"proposed": proposed})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        by_id = {source.pk: source for source in sources}
        if any(line["line"] not in by_id for line in values["lines"]):
            raise ValidationError(
                {"lines": [_("Every line must come from the shipment's order or booking.")]}
            )
        shipment = shipment_services.create_shipment(
            order=order,
            booking=booking,
            by=request.user,
            details=shipment_services.ShipmentDetails(
                **form_values(values, ShipmentForm, without="incoterm")
            ),
            lines=[
                shipment_services.PackedLine(source=by_id[line["line"]], **form_values(line, PackedLineForm))
                for line in values["lines"]
            ],
            legs=[shipment_services.PlannedLeg(**form_values(leg, LegForm)) for leg in values["legs"]],
            incoterm=values["incoterm"],
        )
        return Response(
            ShipmentOutput(_shipments(request).get(pk=shipment.pk)).data, status=status.HTTP_201_CREATED
        )


class ShipmentDetail(generics.RetrieveAPIView):
    serializer_class = ShipmentOutput

    def get_queryset(self):
        return _shipments(self.request)


class EventInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=EventKind.choices)
    occurred_at = serializers.DateTimeField()
    leg = serializers.IntegerField(required=False, allow_null=True, help_text="The leg's sequence number")
    location = serializers.CharField(max_length=100, required=False, default="")
    note = serializers.CharField(max_length=300, required=False, default="")


class ShipmentEvents(APIView):
    """POST: the supplier, its authorised firm or an operator reports what happened to a shipment.
    Leaving the factory ships the order; the last delivery delivers it."""

    @extend_schema(request=EventInput, responses={201: EventOutput})
    def post(self, request, pk):
        shipment = get_object_or_404(selectors.shipments_visible_to(user=request.user), pk=pk)
        data = EventInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        sequence = values.pop("leg", None)
        leg = None
        if sequence is not None:
            leg = shipment.legs.filter(sequence=sequence).first()
            if leg is None:
                raise ValidationError({"leg": [_("This shipment has no such leg.")]})
        event = shipment_services.record_tracking_event(
            shipment=shipment,
            by=request.user,
            event=shipment_services.EventDetails(leg=leg, source=EventSource.API, **values),
        )
        return Response(EventOutput(event).data, status=status.HTTP_201_CREATED)


class ShipmentLegs(APIView):
    """POST: the supplier, its authorised firm or an operator adds the next leg of a shipment."""

    @extend_schema(request=LegInput, responses={201: LegOutput})
    def post(self, request, pk):
        shipment = get_object_or_404(selectors.shipments_visible_to(user=request.user), pk=pk)
        data = LegInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = form_values(data.validated_data, LegForm)
        leg = shipment_services.add_leg(shipment=shipment, by=request.user, **values)
        return Response(LegOutput(leg).data, status=status.HTTP_201_CREATED)
