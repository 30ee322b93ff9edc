"""Offers API for suppliers' systems: create, replace and delete offers of their own products.

Input goes through the portal's forms (OfferForm, TierForm, PlaceForm) and the same service.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from oscar.core.loading import get_model
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.api import supplier_of
from catalog.serializers import OfferSerializer
from marketplace.suppliers import services
from marketplace.suppliers.forms import OfferForm, PlaceForm, TierForm

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


class TierInput(serializers.Serializer):
    min_quantity = serializers.CharField()
    unit_price = serializers.CharField()


class PlaceInput(serializers.Serializer):
    incoterm = serializers.CharField(help_text="FCA, CPT, FOB…")
    named_place = serializers.CharField()


class OfferInputSerializer(serializers.Serializer):
    sku = serializers.CharField()
    price = serializers.CharField()
    currency = serializers.CharField()
    unit = serializers.CharField(help_text="Unit code: t, kg, pcs…")
    minimum_order_quantity = serializers.CharField()
    lead_time_days = serializers.IntegerField(required=False, allow_null=True)
    monthly_capacity = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    packaging = serializers.CharField(required=False, allow_blank=True)
    price_tiers = TierInput(many=True, required=False)
    incoterms = PlaceInput(many=True, required=False)


def _form_errors(form) -> dict:
    return {field: [e["message"] for e in errors] for field, errors in form.errors.get_json_data().items()}


def _save(request, *, partner, product, offer=None):
    payload = OfferInputSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    data = payload.validated_data
    form = OfferForm(
        {
            "partner_sku": data["sku"],
            "price": data["price"],
            "price_currency": data["currency"],
            "commercial_unit": data["unit"],
            "minimum_order_quantity": data["minimum_order_quantity"],
            "lead_time_days": data.get("lead_time_days"),
            "monthly_capacity": data.get("monthly_capacity") or "",
            "packaging": data.get("packaging", ""),
        },
        instance=offer,
        partner=partner,
    )
    tier_forms = [TierForm(dict(item)) for item in data.get("price_tiers", [])]
    place_forms = [PlaceForm(dict(item)) for item in data.get("incoterms", [])]
    errors = {} if form.is_valid() else _form_errors(form)
    if bad := {i: _form_errors(f) for i, f in enumerate(tier_forms) if not f.is_valid()}:
        errors["price_tiers"] = bad
    if bad := {i: _form_errors(f) for i, f in enumerate(place_forms) if not f.is_valid()}:
        errors["incoterms"] = bad
    if errors:
        raise ValidationError(errors)
    return services.save_offer(
        partner=partner,
        product=product,
        offer=offer,
        fields={name: form.cleaned_data[name] for name in services.OFFER_FIELDS},
        tiers=[tier_form.tier() for tier_form in tier_forms],
        places=[place_form.place() for place_form in place_forms],
        by=request.user,
    )


class ProductOffers(APIView):
    """POST: a new offer (variant) for one of your products."""

    @extend_schema(request=OfferInputSerializer, responses={201: OfferSerializer})
    def post(self, request, product_id):
        partner = supplier_of(request.user)
        product = get_object_or_404(Product, pk=product_id, supplier=partner)
        offer = _save(request, partner=partner, product=product)
        return Response(OfferSerializer(offer).data, status=status.HTTP_201_CREATED)


class OfferDetail(APIView):
    """PUT replaces one of your offers (tiers and Incoterms included); DELETE removes it."""

    def _offer(self, request, pk):
        partner = supplier_of(request.user)
        return partner, get_object_or_404(
            StockRecord.objects.select_related("product"), pk=pk, partner=partner
        )

    @extend_schema(request=OfferInputSerializer, responses={200: OfferSerializer})
    def put(self, request, pk):
        partner, offer = self._offer(request, pk)
        offer = _save(request, partner=partner, product=offer.product, offer=offer)
        return Response(OfferSerializer(offer).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk):
        _, offer = self._offer(request, pk)
        services.delete_offer(offer=offer, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
