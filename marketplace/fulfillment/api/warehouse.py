"""Overseas-warehouse stock through the API: a warehouse's lots, and outbound orders made, shipped
and delivered."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.customs.selectors import warehouses_visible_to
from marketplace.fulfillment import selectors
from marketplace.fulfillment.api.common import FormInput, Pagination, form_values
from marketplace.fulfillment.forms import ProofOfDeliveryForm
from marketplace.fulfillment.models import (
    OutboundLine,
)
from marketplace.fulfillment.services import warehouse as warehouse_services
from marketplace.orders.selectors import orders_visible_to


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
            order = orders_visible_to(user=request.user).filter(number=values["order"]).first()
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
        outbound = warehouse_services.create_outbound_order(
            warehouse=warehouse, buyer=buyer, picks=picks, by=request.user
        )
        return Response(
            OutboundOutput(_outbound(request).get(pk=outbound.pk)).data, status=status.HTTP_201_CREATED
        )


class OutboundDetail(generics.RetrieveAPIView):
    serializer_class = OutboundOutput

    def get_queryset(self):
        return _outbound(self.request)


class ShipOutboundInput(serializers.Serializer):
    shipped_at = serializers.DateTimeField(required=False, allow_null=True, help_text="Now if left out")


class OutboundShip(APIView):
    """POST: the goods left the warehouse (a marketplace order they belong to is shipped)."""

    @extend_schema(request=ShipOutboundInput, responses={200: OutboundOutput})
    def post(self, request, pk):
        outbound = get_object_or_404(selectors.outbound_orders_visible_to(user=request.user), pk=pk)
        data = ShipOutboundInput(data=request.data)
        data.is_valid(raise_exception=True)
        warehouse_services.ship_outbound(
            outbound=outbound, by=request.user, shipped_at=data.validated_data.get("shipped_at")
        )
        return Response(OutboundOutput(_outbound(request).get(pk=outbound.pk)).data)


class ProofOfDeliveryInput(FormInput):
    form_class = ProofOfDeliveryForm

    received_by_name = serializers.CharField(max_length=200)
    delivered_at = serializers.DateTimeField(required=False, help_text="Now if left out")
    document = serializers.FileField(required=False, help_text="The signed delivery note (PDF, multipart)")


class OutboundDelivered(APIView):
    """POST: proof of delivery; who signed for the goods, when, and optionally the signed note as a PDF
    (a marketplace order they belong to is delivered)."""

    @extend_schema(request=ProofOfDeliveryInput, responses={200: OutboundOutput})
    def post(self, request, pk):
        outbound = get_object_or_404(selectors.outbound_orders_visible_to(user=request.user), pk=pk)
        data = ProofOfDeliveryInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = form_values(data.validated_data, ProofOfDeliveryForm)
        warehouse_services.record_proof_of_delivery(outbound=outbound, by=request.user, **values)
        return Response(OutboundOutput(_outbound(request).get(pk=outbound.pk)).data)
