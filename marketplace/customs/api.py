"""Customs API: declarations (create from an order or booking, validate, state), their XML
exports and receipts (warehouses, bookings and licences are in ``warehouse_api``). One view per
operation; objects are loaded through the selectors, writes go through the services."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from oscar.core.loading import get_model
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.accounts.policy import role_of
from marketplace.api.schema import ERRORS
from marketplace.customs import exports, receipts, selectors, services
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.models import (
    ReceiptMessage,
)
from marketplace.customs.route import describe
from marketplace.customs.validation import is_exportable, validate_declaration
from marketplace.orders.selectors import orders_visible_to

Product = get_model("catalogue", "Product")


class DeclarationLineSerializer(serializers.Serializer):
    gnum = serializers.IntegerField()
    item_no = serializers.CharField()
    item_name = serializers.CharField()
    hs_code = serializers.CharField()
    inspection_code = serializers.CharField()
    declaration_elements = serializers.CharField()
    quantity = serializers.DecimalField(max_digits=14, decimal_places=5)
    unit = serializers.CharField(source="unit.code")
    unit_price = serializers.DecimalField(max_digits=18, decimal_places=5)
    total_price = serializers.DecimalField(max_digits=18, decimal_places=5)
    qty1 = serializers.DecimalField(max_digits=14, decimal_places=5, allow_null=True)
    net_weight_kg = serializers.DecimalField(max_digits=14, decimal_places=3)
    licence = serializers.CharField(source="licence.number", allow_null=True, default=None)


class DeclarationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    mode = serializers.CharField()
    order = serializers.CharField(source="order.number", allow_null=True, default=None)
    booking = serializers.CharField(source="booking.number", allow_null=True, default=None)
    supplier = serializers.CharField(source="supplier.name")
    route = serializers.CharField()
    route_reasons = serializers.SerializerMethodField()
    status = serializers.CharField()
    app_type = serializers.CharField()
    rejection_reason = serializers.CharField()
    currency = serializers.CharField()
    goods_value = serializers.DecimalField(max_digits=18, decimal_places=5)
    value_cny = serializers.DecimalField(max_digits=18, decimal_places=2)
    waybill_number = serializers.CharField()
    order_message_status = serializers.CharField()
    waybill_message_status = serializers.CharField()
    declaration_message_status = serializers.CharField()
    created_at = serializers.DateTimeField()

    def get_route_reasons(self, declaration) -> list[str]:
        return [describe(reason) for reason in declaration.route_reasons]


class BuyerDeclarationSerializer(serializers.Serializer):
    """What a buyer sees of the declarations of its orders, in the list and the detail: the status,
    as on its order page; never customs' reasons (route, rejection) or the filing itself."""

    id = serializers.IntegerField()
    number = serializers.CharField()
    mode = serializers.CharField()
    order = serializers.CharField(source="order.number", allow_null=True, default=None)
    status = serializers.CharField()


class DeclarationDetailSerializer(DeclarationSerializer):
    lines = DeclarationLineSerializer(source="lines.all", many=True)


class BuyerDeclarationSchema(OpenApiSerializerExtension):
    """A buyer's view has these fields and no others: what tells it apart from the firm's view."""

    target_class = BuyerDeclarationSerializer

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        return {**schema, "additionalProperties": False}


def for_role(serializer, *, many=False):
    """The firm's, supplier's or operator's view of a declaration, or a buyer's."""
    return PolymorphicProxySerializer(
        component_name=f"{serializer.__name__.removesuffix('Serializer')}ForRole",
        serializers=[serializer, BuyerDeclarationSerializer],
        resource_type_field_name=None,
        many=many,
    )


class DeclarationCreateSerializer(serializers.Serializer):
    order = serializers.CharField(required=False, help_text="Order number (9710)")
    lines = serializers.ListField(child=serializers.IntegerField(), required=False)
    booking = serializers.IntegerField(required=False, help_text="Booking id (9810)")

    def validate(self, attrs):
        if bool(attrs.get("order")) == bool(attrs.get("booking")):
            raise serializers.ValidationError(_("Give either an order or a booking."))
        return attrs


def _buyer_asks(request) -> bool:
    # Buyers see their orders' declarations with the status only.
    return role_of(user=request.user) == "buyer"


@extend_schema_view(
    get=extend_schema(responses=for_role(DeclarationSerializer, many=True)),
    post=extend_schema(
        request=DeclarationCreateSerializer,
        responses={201: DeclarationDetailSerializer, 404: ERRORS[404]},
        examples=[
            OpenApiExample("9710: an order", value={"order": "OX-261208-899365"}, request_only=True),
            OpenApiExample("9810: a warehouse booking", value={"booking": 12}, request_only=True),
        ],
    ),
)
class DeclarationList(generics.ListCreateAPIView):
    def get_serializer_class(self):
        if getattr(self, "swagger_fake_view", False):
            return DeclarationSerializer
        if self.request.method == "POST":
            return DeclarationCreateSerializer
        return BuyerDeclarationSerializer if _buyer_asks(self.request) else DeclarationSerializer

    def get_queryset(self):
        return selectors.declarations_visible_to(user=self.request.user).order_by("-created_at", "-pk")

    def create(self, request, *args, **kwargs):
        data = DeclarationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data.get("order"):
            order = orders_visible_to(user=request.user).filter(number=data.validated_data["order"]).first()
            if order is None:
                raise NotFound(_("No such order."))
            declaration = services.open_declaration_for_order(
                order=order, user=request.user, line_ids=data.validated_data.get("lines")
            )
        else:
            booking = (
                selectors.bookings_visible_to(user=request.user)
                .filter(pk=data.validated_data["booking"])
                .first()
            )
            if booking is None:
                raise NotFound(_("No such booking."))
            declaration = services.open_declaration_for_booking(booking=booking, user=request.user)
        return Response(DeclarationDetailSerializer(declaration).data, status=status.HTTP_201_CREATED)


def _declaration(request, pk):
    """A declaration the caller files (validate, state, XML, receipts): buyers get 404."""
    queryset = selectors.declarations_filed_by(user=request.user)
    return get_object_or_404(queryset.prefetch_related("lines__unit", "lines__licence"), pk=pk)


class DeclarationDetail(APIView):
    """The declaration; its buyer gets the status only (BuyerDeclarationSerializer)."""

    serializer_class = DeclarationDetailSerializer

    @extend_schema(responses=for_role(DeclarationDetailSerializer))
    def get(self, request, pk):
        declarations = selectors.declarations_visible_to(user=request.user)
        if _buyer_asks(request):
            serializer = BuyerDeclarationSerializer
        else:
            serializer = DeclarationDetailSerializer
            declarations = declarations.prefetch_related("lines__unit", "lines__licence")
        return Response(serializer(get_object_or_404(declarations, pk=pk)).data)


class DeclarationProblemSerializer(serializers.Serializer):
    field = serializers.CharField()
    message = serializers.CharField()


class ValidationResultSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    problems = DeclarationProblemSerializer(many=True)


class DeclarationValidate(APIView):
    @extend_schema(request=None, responses=ValidationResultSerializer)
    def post(self, request, pk):
        declaration = _declaration(request, pk)
        problems = validate_declaration(declaration)
        return Response(
            {"valid": not problems, "problems": [{"field": p.field, "message": p.message} for p in problems]}
        )


class DeclarationStateSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["ready", "submit", "correct", "cancel"])
    reason = serializers.CharField(required=False, default="")


def _mark_ready(request, declaration):
    """A declaration that is not ready answers with its problems, as the validate call lists them."""
    try:
        return services.mark_ready(declaration=declaration, user=request.user)
    except ValidationError as error:
        problems = validate_declaration(declaration)
        raise ApiValidationError(
            {"problems": [{"field": p.field, "message": p.message} for p in problems] or error.messages}
        ) from None


class DeclarationState(APIView):
    serializer_class = DeclarationStateSerializer

    @extend_schema(request=DeclarationStateSerializer, responses=DeclarationDetailSerializer)
    def post(self, request, pk):
        declaration = _declaration(request, pk)
        data = DeclarationStateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        action = data.validated_data["action"]
        if action == "ready":
            return Response(DeclarationDetailSerializer(_mark_ready(request, declaration)).data)
        if action == "cancel":
            declaration = services.cancel_declaration(
                declaration=declaration, user=request.user, reason=data.validated_data["reason"]
            )
        else:
            call = {"submit": services.submit_declaration, "correct": services.correct_declaration}[action]
            declaration = call(declaration=declaration, user=request.user)
        return Response(DeclarationDetailSerializer(declaration).data)


class DeclarationXml(APIView):
    @extend_schema(responses={(200, "application/xml"): OpenApiTypes.STR, 400: ERRORS[400]})
    def get(self, request, pk, message):
        declaration = _declaration(request, pk)
        if message not in exports.available_messages(declaration):
            raise NotFound(_("This declaration files no such message."))
        if not is_exportable(declaration):
            raise ApiValidationError(
                {"status": _("Exports are offered once the declaration is ready and valid.")}
            )
        try:
            content = exports.build_xml(declaration, message)
        except MessageError as error:
            raise ApiValidationError({"problems": [str(item) for item in error.errors]}) from None
        return HttpResponse(content, content_type="application/xml")


class ReceiptInSerializer(serializers.Serializer):
    message = serializers.ChoiceField(choices=ReceiptMessage.choices)
    return_status = serializers.RegexField(r"^(-[0-9]{1,3}|[0-9]{1,4})$")
    return_info = serializers.CharField(required=False, default="", allow_blank=True)
    pre_no = serializers.CharField(required=False, default="", allow_blank=True, max_length=18)
    invt_no = serializers.CharField(required=False, default="", allow_blank=True, max_length=18)


class ReceiptOutSerializer(serializers.Serializer):
    message = serializers.CharField()
    return_status = serializers.CharField()
    return_info = serializers.CharField()
    return_time = serializers.DateTimeField(allow_null=True)
    source = serializers.CharField()
    status_after = serializers.CharField()
    recorded_at = serializers.DateTimeField()


class ReceiptUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A CEB304, CEB506 or CEB604 receipt XML")


class DeclarationReceipts(APIView):
    """GET the receipts; POST one as JSON, or a receipt XML file as ``file`` (multipart)."""

    parser_classes = [JSONParser, MultiPartParser]
    serializer_class = ReceiptInSerializer

    @extend_schema(responses=ReceiptOutSerializer(many=True))
    def get(self, request, pk):
        declaration = _declaration(request, pk)
        return Response(ReceiptOutSerializer(declaration.receipts.all(), many=True).data)

    @extend_schema(
        request={"application/json": ReceiptInSerializer, "multipart/form-data": ReceiptUploadSerializer},
        responses={201: ReceiptOutSerializer(many=True)},
    )
    def post(self, request, pk):
        declaration = _declaration(request, pk)
        if "file" in request.FILES:
            recorded = receipts.import_receipts(
                declaration=declaration, xml=request.FILES["file"].read(), user=request.user
            )
        else:
            data = ReceiptInSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            recorded = [
                receipts.record_receipt(
                    declaration=declaration,
                    entry=receipts.ReceiptEntry(**data.validated_data),
                    user=request.user,
                )
            ]
        return Response(ReceiptOutSerializer(recorded, many=True).data, status=status.HTTP_201_CREATED)
