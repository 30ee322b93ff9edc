"""Orders API: the caller's orders (buyer, supplier, authorised firm, operator)."""

from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination

from marketplace.orders.selectors import orders_visible_to


class MilestoneSerializer(serializers.Serializer):
    sequence = serializers.IntegerField()
    label = serializers.CharField()
    due = serializers.CharField()
    percent = serializers.DecimalField(max_digits=5, decimal_places=2)
    amount_minor = serializers.IntegerField()
    currency = serializers.CharField()
    status = serializers.CharField()
    paid_at = serializers.DateTimeField(allow_null=True)


class LineSerializer(serializers.Serializer):
    product_id = serializers.IntegerField(allow_null=True)
    title = serializers.CharField()
    sku = serializers.CharField(source="partner_sku")
    quantity = serializers.DecimalField(source="agreed_quantity", max_digits=14, decimal_places=3)
    unit = serializers.CharField(source="unit.code", allow_null=True, default=None)
    unit_price = serializers.DecimalField(source="unit_price_excl_tax", max_digits=12, decimal_places=2)
    total = serializers.DecimalField(source="line_price_excl_tax", max_digits=12, decimal_places=2)


class OrderSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    status = serializers.CharField()
    placed_at = serializers.DateTimeField(source="date_placed")
    buyer = serializers.CharField(source="buyer_company.name", allow_null=True, default=None)
    supplier = serializers.CharField(source="supplier.name", allow_null=True, default=None)
    currency = serializers.CharField()
    total = serializers.DecimalField(source="total_incl_tax", max_digits=12, decimal_places=2)
    incoterm = serializers.CharField(source="incoterm.code", allow_null=True, default=None)
    named_place = serializers.CharField()
    destination_country = serializers.CharField()
    destination_city = serializers.CharField()
    fx_rates = serializers.DictField(child=serializers.CharField())
    lines = LineSerializer(source="lines.all", many=True)
    milestones = MilestoneSerializer(source="milestones.all", many=True)


class OrderPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


def _orders(user):
    return (
        orders_visible_to(user=user)
        .prefetch_related("lines__unit", "milestones")
        .order_by("-date_placed", "-pk")
    )


class OrderList(generics.ListAPIView):
    serializer_class = OrderSerializer
    pagination_class = OrderPagination

    def get_queryset(self):
        return _orders(self.request.user)


class OrderDetail(generics.RetrieveAPIView):
    serializer_class = OrderSerializer

    def get_queryset(self):
        return _orders(self.request.user)
