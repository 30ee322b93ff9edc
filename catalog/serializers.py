from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from marketplace.accounts.models import Company


class TradeSpecSerializer(serializers.ModelSerializer):
    hs_code = serializers.CharField(source="hs_code_id")
    commercial_unit = serializers.CharField(source="commercial_unit.code")

    class Meta:
        model = TradeSpec
        fields = (
            "hs_code",
            "commercial_unit",
            "net_weight_kg",
            "gross_weight_kg",
            "origin_country",
            "packaging",
            "certifications",
        )


class ChemicalSpecSerializer(serializers.ModelSerializer):
    is_dangerous_goods = serializers.BooleanField(read_only=True)

    class Meta:
        model = ChemicalSpec
        exclude = ("id", "product")


class BatterySpecSerializer(serializers.ModelSerializer):
    class Meta:
        model = BatterySpec
        exclude = ("id", "product")


class VehicleSpecSerializer(serializers.ModelSerializer):
    class Meta:
        model = VehicleSpec
        exclude = ("id", "product")


class PriceTierSerializer(serializers.Serializer):
    min_quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    unit_price = serializers.DecimalField(max_digits=12, decimal_places=2)


class OfferIncotermSerializer(serializers.Serializer):
    incoterm = serializers.CharField(source="incoterm.code")
    named_place = serializers.CharField()


class OfferSerializer(serializers.Serializer):
    supplier_id = serializers.IntegerField(source="partner.company_id", allow_null=True)
    supplier = serializers.CharField(source="partner.name")
    sku = serializers.CharField(source="partner_sku")
    price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    currency = serializers.CharField(source="price_currency")
    unit = serializers.CharField(source="commercial_unit.code", allow_null=True, default=None)
    minimum_order_quantity = serializers.DecimalField(max_digits=14, decimal_places=3)
    lead_time_days = serializers.IntegerField(allow_null=True)
    price_tiers = PriceTierSerializer(source="price_tiers.all", many=True)
    incoterms = OfferIncotermSerializer(source="incoterms.all", many=True)


class ProductSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    supplier_id = serializers.IntegerField(source="supplier.company_id", allow_null=True, default=None)
    is_public = serializers.BooleanField()
    title = serializers.CharField()
    upc = serializers.CharField()
    url = serializers.CharField(source="get_absolute_url")
    product_class = serializers.CharField(source="product_class.slug")
    names = serializers.SerializerMethodField()
    categories = serializers.SerializerMethodField()
    offers = OfferSerializer(source="stockrecords.all", many=True)
    trade_spec = serializers.SerializerMethodField()
    chemical_spec = serializers.SerializerMethodField()
    battery_spec = serializers.SerializerMethodField()
    vehicle_spec = serializers.SerializerMethodField()

    def get_names(self, product) -> dict[str, str]:
        """The title in every language: English from the product, others from translations."""
        return {"en": product.title, **{row.language: row.title for row in product.translations.all()}}

    def get_categories(self, product) -> list[str]:
        return [category.full_name for category in product.categories.all()]

    def _spec(self, product, name: str, serializer_class):
        spec = getattr(product, name, None)  # reverse one-to-one: absent → None (select_related)
        return serializer_class(spec).data if spec is not None else None

    @extend_schema_field(TradeSpecSerializer(allow_null=True))
    def get_trade_spec(self, product) -> dict | None:
        return self._spec(product, "trade_spec", TradeSpecSerializer)

    @extend_schema_field(ChemicalSpecSerializer(allow_null=True))
    def get_chemical_spec(self, product) -> dict | None:
        return self._spec(product, "chemical_spec", ChemicalSpecSerializer)

    @extend_schema_field(BatterySpecSerializer(allow_null=True))
    def get_battery_spec(self, product) -> dict | None:
        return self._spec(product, "battery_spec", BatterySpecSerializer)

    @extend_schema_field(VehicleSpecSerializer(allow_null=True))
    def get_vehicle_spec(self, product) -> dict | None:
        return self._spec(product, "vehicle_spec", VehicleSpecSerializer)


class ProductInputSerializer(serializers.Serializer):
    """The shape of a product write; values are validated by the product and spec forms."""

    title = serializers.CharField(required=False, max_length=255)
    upc = serializers.CharField(required=False, allow_blank=True, max_length=64, help_text="Your SKU")
    product_class = serializers.CharField(required=False, help_text="chemical, battery, pv-module…")
    description = serializers.CharField(required=False, allow_blank=True)
    categories = serializers.ListField(child=serializers.IntegerField(), required=False)
    trade_spec = serializers.DictField(required=False, help_text="HS code, unit code, weights…")
    chemical_spec = serializers.DictField(required=False)
    battery_spec = serializers.DictField(required=False)
    vehicle_spec = serializers.DictField(required=False)
    translations = serializers.DictField(
        child=serializers.DictField(), required=False, help_text='{"ru": {"title": "Метанол"}}'
    )

    def validate(self, data):
        if not self.partial:
            missing = [name for name in ("title", "product_class", "trade_spec") if name not in data]
            if missing:
                raise serializers.ValidationError({name: ["This field is required."] for name in missing})
        return data


class SupplierSerializer(serializers.ModelSerializer):
    class Meta:
        model = Company
        fields = ("id", "name", "country", "city", "verification_status")
