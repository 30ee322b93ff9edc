"""Fulfillment API: shipments with legs and tracking events (carriers and forwarders post events),
a warehouse's stock by SKU and lot, and outbound orders with their trace to the declaration."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.customs.selectors import warehouses_visible_to
from marketplace.fulfillment import selectors
from marketplace.fulfillment.models import EventKind, EventSource, OutboundLine, ShipmentStatus, TrackingEvent
from marketplace.fulfillment.services import shipments as shipment_services
from marketplace.fulfillment.services import warehouse as warehouse_services
from marketplace.orders.selectors import orders_visible_to


def _service_errors(error):
    if isinstance(error, DjangoPermissionDenied):
        return PermissionDenied(str(error))
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages})


class Pagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


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


class ShipmentList(generics.ListAPIView):
    """The caller's shipments (filter with ?status= and ?order=<number>)."""

    serializer_class = ShipmentOutput
    pagination_class = Pagination

    def get_queryset(self):
        return _shipments(self.request)


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
        try:
            event = shipment_services.record_tracking_event(
                shipment=shipment,
                by=request.user,
                event=shipment_services.EventDetails(leg=leg, source=EventSource.API, **values),
            )
        except (DjangoValidationError, DjangoPermissionDenied) as error:
            raise _service_errors(error) from error
        return Response(EventOutput(event).data, status=status.HTTP_201_CREATED)


class LotOutput(serializers.Serializer):
    id = serializers.IntegerField()
    sku = serializers.CharField(source="partner_sku")
    product = serializers.CharField(source="product.title")
    lot_number = serializers.CharField()
    unit = serializers.CharField(source="unit.code")
    on_hand = serializers.DecimalField(max_digits=14, decimal_places=3)
    received_quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    received_at = serializers.DateTimeField()
    declaration = serializers.CharField(source="declaration.number")
    coa_id = serializers.IntegerField(allow_null=True)


class WarehouseStock(generics.ListAPIView):
    """Stock on hand by SKU and lot in one overseas warehouse the caller may see."""

    serializer_class = LotOutput
    pagination_class = Pagination

    def get_queryset(self):
        warehouse = get_object_or_404(warehouses_visible_to(user=self.request.user), pk=self.kwargs["pk"])
        return selectors.stock_for_desk(user=self.request.user, warehouse=warehouse)


class OutboundLineOutput(serializers.Serializer):
    lot_id = serializers.IntegerField(source="lot.pk")
    sku = serializers.CharField(source="lot.partner_sku")
    lot_number = serializers.CharField(source="lot.lot_number")
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit = serializers.CharField(source="lot.unit.code")
    declaration = serializers.CharField(source="lot.declaration.number")
    booking = serializers.CharField(source="lot.inbound_line.notice.booking.number")
    inbound_notice = serializers.CharField(source="lot.inbound_line.notice.number")


class OutboundOutput(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    status = serializers.CharField()
    warehouse_id = serializers.IntegerField()
    order = serializers.CharField(source="order.number", allow_null=True, default=None)
    buyer_name = serializers.CharField()
    buyer_address = serializers.CharField()
    buyer_country = serializers.CharField()
    buyer_contact = serializers.CharField()
    created_at = serializers.DateTimeField()
    shipped_at = serializers.DateTimeField(allow_null=True)
    delivered_at = serializers.DateTimeField(allow_null=True)
    received_by_name = serializers.CharField()
    lines = OutboundLineOutput(source="lines.all", many=True)


class PickInput(serializers.Serializer):
    lot = serializers.IntegerField()
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)


class OutboundInput(serializers.Serializer):
    warehouse = serializers.IntegerField()
    order = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Marketplace order number"
    )
    buyer_name = serializers.CharField(max_length=200, required=False, default="")
    buyer_address = serializers.CharField(max_length=300, required=False, default="")
    buyer_country = serializers.CharField(max_length=2, required=False, default="")
    buyer_contact = serializers.CharField(max_length=200, required=False, default="")
    lines = PickInput(many=True)


def _outbound(request):
    lines = OutboundLine.objects.select_related(
        "lot__unit", "lot__declaration", "lot__inbound_line__notice__booking"
    )
    return (
        selectors.outbound_orders_visible_to(user=request.user)
        .prefetch_related(Prefetch("lines", queryset=lines))
        .order_by("-created_at", "-pk")
    )


class OutboundList(generics.ListCreateAPIView):
    """Outbound orders from overseas-warehouse stock; POST sells from lots (never beyond their stock)."""

    serializer_class = OutboundOutput
    pagination_class = Pagination

    def get_queryset(self):
        return _outbound(self.request)

    @extend_schema(request=OutboundInput, responses={201: OutboundOutput})
    def post(self, request, *args, **kwargs):
        data = OutboundInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        warehouse = warehouses_visible_to(user=request.user).filter(pk=values["warehouse"]).first()
        if warehouse is None:
            raise ValidationError({"warehouse": [_("Unknown warehouse.")]})
        lots = {
            lot.pk: lot for lot in selectors.lots_visible_to(user=request.user).filter(warehouse=warehouse)
        }
        if any(pick["lot"] not in lots for pick in values["lines"]):
            raise ValidationError({"lines": [_("Every lot must be in this warehouse.")]})
        order = None
        if values["order"]:
            order = orders_visible_to(request.user).filter(number=values["order"]).first()
            if order is None:
                raise ValidationError({"order": [_("Unknown order.")]})
        buyer = warehouse_services.OutboundBuyer(
            order=order,
            name=values["buyer_name"],
            address=values["buyer_address"],
            country=values["buyer_country"],
            contact=values["buyer_contact"],
        )
        picks = [
            warehouse_services.Pick(lot=lots[pick["lot"]], quantity=pick["quantity"])
            for pick in values["lines"]
        ]
        try:
            outbound = warehouse_services.create_outbound_order(
                warehouse=warehouse, buyer=buyer, picks=picks, by=request.user
            )
        except (DjangoValidationError, DjangoPermissionDenied) as error:
            raise _service_errors(error) from error
        return Response(
            OutboundOutput(_outbound(request).get(pk=outbound.pk)).data, status=status.HTTP_201_CREATED
        )


class OutboundDetail(generics.RetrieveAPIView):
    serializer_class = OutboundOutput

    def get_queryset(self):
        return _outbound(self.request)
