"""RFQ API: one view per operation, scoped by the same selectors as the pages."""

from decimal import Decimal

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, extend_schema
from oscar.core.loading import get_model
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.reference.models import Currency, Incoterm, Unit
from catalog.selectors import browsable_products
from marketplace.api.fields import CodeField, CodeKeyField
from marketplace.api.schema import ERRORS
from marketplace.orders.services import SCHEDULES
from rfq import selectors, services

Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")


class RFQOutput(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    status = serializers.CharField()
    title = serializers.CharField()
    buyer = serializers.CharField(source="buyer.name")
    product_id = serializers.IntegerField(allow_null=True)
    category_id = serializers.IntegerField(allow_null=True)
    specification = serializers.DictField()
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    awarded_quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit = serializers.CharField(source="unit.code")
    target_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    currency = serializers.CharField(source="currency_id")
    incoterm = serializers.CharField(source="incoterm.code")
    named_place = serializers.CharField()
    destination_country = serializers.CharField()
    destination_city = serializers.CharField()
    delivery_date = serializers.DateField(allow_null=True)
    quote_deadline = serializers.DateField()
    routing_rule = serializers.CharField()
    created_at = serializers.DateTimeField()


class RFQInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    product = serializers.PrimaryKeyRelatedField(
        queryset=browsable_products(), required=False, allow_null=True
    )
    category = serializers.PrimaryKeyRelatedField(
        queryset=Category.objects.all(), required=False, allow_null=True
    )
    specification = serializers.DictField(required=False, default=dict)
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3, min_value=Decimal("0.001"))
    unit = CodeField(slug_field="code", queryset=Unit.objects.all())
    target_price = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True)
    currency = CodeKeyField(queryset=Currency.objects.all())
    incoterm = CodeField(slug_field="code", queryset=Incoterm.objects.all())
    named_place = serializers.CharField(max_length=100)
    destination_country = serializers.CharField(max_length=2)
    destination_city = serializers.CharField(max_length=100, required=False, default="")
    delivery_date = serializers.DateField(required=False, allow_null=True)
    payment_terms = serializers.CharField(max_length=200, required=False, default="")
    message = serializers.CharField(required=False, default="")
    quote_deadline = serializers.DateField()


RFQ_EXAMPLE = {
    "title": "Methanol 99.85 % in IBC",
    "product": 42,
    "specification": {"min_purity_percent": "99.85", "packaging": "IBC"},
    "quantity": "100.000",
    "unit": "t",
    "target_price": "275.00",
    "currency": "USD",
    "incoterm": "FCA",
    "named_place": "Erenhot",
    "destination_country": "MN",
    "destination_city": "Ulaanbaatar",
    "quote_deadline": "2026-12-20",
}


class RFQList(generics.ListCreateAPIView):
    serializer_class = RFQOutput

    @extend_schema(
        request=RFQInput,
        responses={201: RFQOutput, 429: ERRORS[429]},  # a buyer's RFQs per day are limited
        examples=[OpenApiExample("Methanol by the tonne", value=RFQ_EXAMPLE, request_only=True)],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.rfqs_visible_to(user=self.request.user)

    def create(self, request, *args, **kwargs):
        data = RFQInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            rfq = services.create_rfq(
                buyer_user=request.user, details=services.RFQDetails(**data.validated_data)
            )
        except services.RFQRateLimitError as error:
            return Response({"detail": str(error)}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        return Response(RFQOutput(rfq).data, status=status.HTTP_201_CREATED)


class RFQDetail(generics.RetrieveAPIView):
    serializer_class = RFQOutput

    def get_queryset(self):
        return selectors.rfqs_visible_to(user=self.request.user)


class QuoteOutput(serializers.Serializer):
    id = serializers.IntegerField()
    rfq = serializers.CharField(source="rfq.number")
    supplier = serializers.CharField(source="supplier.name")
    status = serializers.CharField()
    revision = serializers.IntegerField()
    product_id = serializers.IntegerField(source="offer.product_id")
    offer_id = serializers.IntegerField()
    label = serializers.CharField()
    unit_price = serializers.DecimalField(max_digits=12, decimal_places=2)
    price_tiers = serializers.ListField()
    currency = serializers.CharField(source="currency_id")
    incoterm = serializers.CharField(source="incoterm.code")
    named_place = serializers.CharField()
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit = serializers.CharField(source="unit.code")
    moq = serializers.DecimalField(max_digits=14, decimal_places=3)
    lead_time_days = serializers.IntegerField()
    valid_until = serializers.DateField()
    payment_schedule = serializers.ListField()
    documents_available = serializers.CharField()
    remarks = serializers.CharField()


class QuoteInput(serializers.Serializer):
    offer = serializers.IntegerField()
    label = serializers.CharField(max_length=100, required=False, default="")
    unit_price = serializers.DecimalField(max_digits=12, decimal_places=2)
    price_tiers = serializers.ListField(child=serializers.DictField(), required=False, default=list)
    currency = CodeKeyField(queryset=Currency.objects.all())
    incoterm = CodeField(slug_field="code", queryset=Incoterm.objects.all())
    named_place = serializers.CharField(max_length=100)
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit = CodeField(slug_field="code", queryset=Unit.objects.all())
    moq = serializers.DecimalField(max_digits=14, decimal_places=3, required=False, default=1)
    lead_time_days = serializers.IntegerField(min_value=0)
    valid_until = serializers.DateField()
    payment_terms = serializers.ChoiceField(choices=list(SCHEDULES))
    documents_available = serializers.CharField(max_length=300, required=False, default="")
    remarks = serializers.CharField(required=False, default="")


class RFQQuotes(APIView):
    """GET: the quotes the caller may see on the RFQ; POST: a supplier quotes an option."""

    def _rfq(self, request, pk):
        return get_object_or_404(selectors.rfqs_visible_to(user=request.user), pk=pk)

    @extend_schema(responses={200: QuoteOutput(many=True)})
    def get(self, request, pk):
        rfq = self._rfq(request, pk)
        return Response(QuoteOutput(selectors.quotes_for_rfq(user=request.user, rfq=rfq), many=True).data)

    @extend_schema(request=QuoteInput, responses={201: QuoteOutput})
    def post(self, request, pk):
        rfq = self._rfq(request, pk)
        data = QuoteInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        offer = StockRecord.objects.filter(pk=values.pop("offer")).select_related("product").first()
        if offer is None:
            raise ValidationError({"offer": "Unknown offer."})
        values["payment_schedule"] = SCHEDULES[values.pop("payment_terms")]
        quote = services.submit_quote(
            rfq=rfq, by=request.user, terms=services.QuoteTerms(offer=offer, **values)
        )
        return Response(QuoteOutput(quote).data, status=status.HTTP_201_CREATED)


class AcceptInput(serializers.Serializer):
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3, required=False, allow_null=True)


class AcceptOutput(serializers.Serializer):
    order = serializers.CharField(help_text="The order number")
    order_id = serializers.IntegerField()


class QuoteAccept(APIView):
    """The buyer accepts a quote option (optionally part of the quantity): an order is placed."""

    @extend_schema(
        request=AcceptInput,
        responses={201: AcceptOutput},
        examples=[
            OpenApiExample("The whole quantity", value={}, request_only=True),
            OpenApiExample("Part of it", value={"quantity": "40.000"}, request_only=True),
            OpenApiExample(
                "The order placed", value={"order": "OX-261208-899365", "order_id": 317}, response_only=True
            ),
        ],
    )
    def post(self, request, pk):
        quote = get_object_or_404(selectors.quotes_visible_to(user=request.user), pk=pk)
        data = AcceptInput(data=request.data)
        data.is_valid(raise_exception=True)
        order = services.accept_quote(
            quote=quote, by=request.user, quantity=data.validated_data.get("quantity")
        )
        return Response({"order": order.number, "order_id": order.pk}, status=status.HTTP_201_CREATED)


class MessageOutput(serializers.Serializer):
    id = serializers.IntegerField()
    supplier_id = serializers.IntegerField()
    side = serializers.CharField()
    author = serializers.CharField(source="author.email")
    body = serializers.CharField()
    counter_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    created_at = serializers.DateTimeField()


class MessageInput(serializers.Serializer):
    supplier = serializers.IntegerField(required=False, help_text="Buyers: the supplier's thread.")
    body = serializers.CharField()
    counter_price = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True)


class RFQMessages(APIView):
    """The negotiation threads the caller takes part in (buyer: all of its RFQ's; supplier: its own)."""

    def _rfq(self, request, pk):
        return get_object_or_404(selectors.rfqs_visible_to(user=request.user), pk=pk)

    @extend_schema(responses={200: MessageOutput(many=True)})
    def get(self, request, pk):
        rfq = self._rfq(request, pk)
        messages = selectors.messages_visible_to(user=request.user, rfq=rfq)
        return Response(MessageOutput(messages, many=True).data)

    @extend_schema(request=MessageInput, responses={201: MessageOutput})
    def post(self, request, pk):
        rfq = self._rfq(request, pk)
        data = MessageInput(data=request.data)
        data.is_valid(raise_exception=True)
        company = request.user.company
        own_partner = getattr(company, "partner", None) if company else None
        supplier = own_partner or get_object_or_404(
            Partner, pk=data.validated_data.get("supplier"), rfq_inbox__rfq=rfq
        )
        message = services.post_message(
            rfq=rfq,
            supplier=supplier,
            by=request.user,
            body=data.validated_data["body"],
            counter_price=data.validated_data.get("counter_price"),
        )
        return Response(MessageOutput(message).data, status=status.HTTP_201_CREATED)
