"""Public search API: the same backend, query and facets as the pages, as JSON."""

from django.core.paginator import EmptyPage, Paginator
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import permissions, serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from search.backends import get_backend
from search.backends.base import SortBy
from search.facets import FACETS
from search.forms import SearchForm

MAX_PAGE_SIZE = 100


def _language(request) -> str:
    wanted = request.query_params.get("lang", "")
    return wanted if wanted in dict(translation.trans_real.get_languages()) else translation.get_language()


class ProductResultSerializer(serializers.Serializer):
    def to_representation(self, hit):
        product = hit.object
        request = self.context["request"]
        offers = [offer for offer in product.stockrecords.all() if offer.partner_id == product.supplier_id]
        priced = sorted((offer for offer in offers if offer.price is not None), key=lambda offer: offer.price)
        cheapest = priced[0] if priced else None
        return {
            "id": product.pk,
            "title": product.get_title(),
            "url": request.build_absolute_uri(product.get_absolute_url()),
            "product_class": product.product_class.slug if product.product_class_id else None,
            "supplier": {
                "id": product.supplier_id,
                "name": product.supplier.name if product.supplier_id else "",
            },
            "price": None
            if cheapest is None
            else {
                "amount": str(cheapest.price),
                "currency": cheapest.price_currency,
                "unit": cheapest.commercial_unit.code if cheapest.commercial_unit_id else None,
            },
            "minimum_order_quantity": min(
                (str(offer.minimum_order_quantity) for offer in offers), default=None
            ),
            "lead_time_days": min(
                (offer.lead_time_days for offer in offers if offer.lead_time_days is not None), default=None
            ),
        }


# The shapes of the answers below, for the schema (the views build them from the backend's results).
class PriceSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    unit = serializers.CharField(allow_null=True)


class SearchSupplierSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField(allow_blank=True)


class SearchHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    product_class = serializers.CharField(allow_null=True)
    supplier = SearchSupplierSerializer()
    price = PriceSerializer(allow_null=True, help_text="The supplier's cheapest offer")
    minimum_order_quantity = serializers.CharField(allow_null=True, help_text="The smallest of the offers'")
    lead_time_days = serializers.IntegerField(allow_null=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    values = FacetValueSerializer(many=True)


class QuerySuggestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    count = serializers.IntegerField()


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = SearchHitSerializer(many=True)
    facets = FacetSerializer(many=True)
    corrected_query = serializers.CharField(allow_blank=True, help_text="The query with typos corrected")
    suggestions = QuerySuggestionSerializer(many=True)


class SuggestedProductSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class SuggestedSupplierSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    location = serializers.CharField(allow_blank=True)
    url = serializers.CharField()


class SuggestedCategorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.CharField()


class SuggestLabelsSerializer(serializers.Serializer):
    products = serializers.CharField()
    suppliers = serializers.CharField()
    categories = serializers.CharField()


class SuggestResponseSerializer(serializers.Serializer):
    labels = SuggestLabelsSerializer(required=False, help_text="Group headings; absent under 2 characters")
    products = SuggestedProductSerializer(many=True)
    suppliers = SuggestedSupplierSerializer(many=True)
    categories = SuggestedCategorySerializer(many=True)


SEARCH_EXAMPLE = {
    "count": 1,
    "page": 1,
    "pages": 1,
    "results": [
        {
            "id": 42,
            "title": "Methanol 99.85%",
            "url": "https://ordos.example/catalog/methanol-9985_42/",
            "product_class": "chemical",
            "supplier": {"id": 7, "name": "Ordos Hanggin Methanol Chemical"},
            "price": {"amount": "285.00", "currency": "USD", "unit": "t"},
            "minimum_order_quantity": "20.000",
            "lead_time_days": 14,
        }
    ],
    "facets": [
        {
            "name": "transport_class",
            "label": "Transport class",
            "values": [{"value": "3", "label": "Class 3", "count": 1, "selected": False}],
        }
    ],
    "corrected_query": "",
    "suggestions": [],
}


SEARCH_PARAMETERS = [
    OpenApiParameter("q", str, description="Words, a CAS number, HS code or prefix, UN number, SKU or VIN"),
    OpenApiParameter("sort_by", str, enum=list(SortBy.ALL)),
    OpenApiParameter("page", int),
    OpenApiParameter("page_size", int, description=f"At most {MAX_PAGE_SIZE}"),
    OpenApiParameter("currency", str, description="Price filters, sorting and buckets in this currency"),
    OpenApiParameter("lang", str, description="en, ru or zh-hans: the language of titles"),
    *[
        OpenApiParameter(name, str, many=True, description="Facet value; repeat to widen (OR)")
        for name in FACETS
    ],
    OpenApiParameter("price_min", float),
    OpenApiParameter("price_max", float),
    OpenApiParameter("moq_max", float),
    OpenApiParameter("lead_time_max", int),
]


class Paging(serializers.Serializer):
    page = serializers.IntegerField(required=False, default=1, min_value=1, max_value=100_000)
    page_size = serializers.IntegerField(required=False, default=24, min_value=1, max_value=100_000)


class SearchView(APIView):
    """Listed products matching ``q`` and the facet filters, with facet counts."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=SEARCH_PARAMETERS,
        responses={200: SearchResponseSerializer},
        examples=[OpenApiExample("Methanol", value=SEARCH_EXAMPLE, response_only=True)],
    )
    def get(self, request):
        form = SearchForm(request.query_params, with_filters=True)
        if not form.is_valid():
            raise ValidationError(form.errors.get_json_data())
        paging = Paging(data=request.query_params)
        paging.is_valid(raise_exception=True)
        page_size = min(paging.validated_data["page_size"], MAX_PAGE_SIZE)  # as the catalogue API does
        page_number = paging.validated_data["page"]
        currency = request.query_params.get("currency", "").upper()[:3]
        with translation.override(_language(request)):
            results = get_backend().search(form.product_query(currency=currency, facets=FACETS))
            paginator = Paginator(results, page_size)
            try:
                page = paginator.page(page_number)
            except EmptyPage:
                raise NotFound("There is no such page.")
            return Response(
                {
                    "count": paginator.count,
                    "page": page.number,
                    "pages": paginator.num_pages,
                    "results": ProductResultSerializer(
                        page.object_list, many=True, context={"request": request}
                    ).data,
                    "facets": [
                        {
                            "name": facet.name,
                            "label": facet.label,
                            "values": [value.__dict__ for value in facet.values],
                        }
                        for facet in results.facets()
                    ],
                    "corrected_query": results.corrected_text,
                    "suggestions": [suggestion.__dict__ for suggestion in results.suggestions()],
                }
            )


class SuggestQuery(serializers.Serializer):
    # DRF's CharField refuses NUL; longer text is cut, as the search box cuts it.
    q = serializers.CharField(required=False, allow_blank=True, default="", trim_whitespace=True)
    lang = serializers.CharField(required=False, allow_blank=True, max_length=10)


class SuggestView(APIView):
    """What the search box proposes as a buyer types: products, suppliers, categories."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("q", str), OpenApiParameter("lang", str)],
        responses={200: SuggestResponseSerializer},
    )
    def get(self, request):
        query = SuggestQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        text = query.validated_data["q"][:100]
        if len(text) < 2:
            return Response({"products": [], "suppliers": [], "categories": []})
        with translation.override(_language(request)):
            suggestions = get_backend().suggest(text)
            return Response(
                {
                    # Group headings in the page's language, for the search box's list.
                    "labels": {
                        "products": _("Products"),
                        "suppliers": _("Suppliers"),
                        "categories": _("Categories"),
                    },
                    "products": [
                        {"id": pk, "title": title, "url": url} for pk, title, url in suggestions.products
                    ],
                    "suppliers": [
                        {
                            "id": supplier.id,
                            "name": supplier.name,
                            "location": supplier.location,
                            "url": f"{reverse('catalogue:index')}?supplier={supplier.id}",
                        }
                        for supplier in suggestions.suppliers
                    ],
                    "categories": [
                        {"id": category.pk, "name": category.name, "url": url}
                        for category, url in suggestions.categories
                    ],
                }
            )
