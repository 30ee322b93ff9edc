import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from search.backends.base import ProductQuery, SortBy, as_filters
from search.facets import FACETS, FLAGS, RANGE_FACETS, parse_range

_SLUG = re.compile(r"^[-\w]{1,128}$")
MAX_ID = 2**63 - 1  # PostgreSQL's bigint; a longer number can name no row


def _is_id(value: str) -> bool:
    return value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID


_VALID = {
    "category": _is_id,
    "supplier": _is_id,
    "product_class": _SLUG.match,
    "incoterm": re.compile(r"^[A-Z]{3}$").match,
    "transport_class": re.compile(r"^\d(\.\d)?$").match,
    "certification": lambda value: 0 < len(value) <= 100,
    **{name: (lambda value: value in ("yes", "no")) for name in FLAGS},
    **{name: parse_range for name in RANGE_FACETS},
}


class SearchInput(forms.TextInput):
    input_type = "search"


class FacetField(forms.Field):
    """Values of one facet from the query string (``?incoterm=FCA&incoterm=CPT``)."""

    widget = forms.MultipleHiddenInput

    def __init__(self, facet: str, **kwargs):
        self.facet = facet
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> tuple[str, ...]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return tuple(dict.fromkeys(str(item).strip() for item in values if str(item).strip()))[:20]

    def validate(self, value) -> None:
        # NUL can be in no stored value (PostgreSQL refuses it in text) and would fail the query.
        bad = [item for item in value if "\x00" in item or not _VALID[self.facet](item)]
        if bad:
            raise ValidationError(
                _("Unknown value: %(value)s"),
                params={"value": bad[0][:40].replace("\x00", "")},
                code="invalid",
            )


class SearchForm(forms.Form):
    """The search box, sort order and facet selections of browse, category and search pages."""

    q = forms.CharField(
        required=False,
        max_length=200,
        label=_("Search"),
        widget=SearchInput(
            attrs={
                "placeholder": _("Search methanol, PVC, batteries, cashmere…"),
                "class": "form-control",
                "aria-label": _("Search the catalogue"),
                "autocomplete": "off",
                "data-suggest-url": reverse_lazy("search-api:suggest"),
            }
        ),
    )
    sort_by = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (SortBy.RELEVANCE, _("Relevance")),
            (SortBy.NEWEST, _("Newest")),
            (SortBy.PRICE_ASC, _("Price low to high")),
            (SortBy.PRICE_DESC, _("Price high to low")),
            (SortBy.LEAD_TIME, _("Shortest lead time")),
            (SortBy.TITLE_ASC, _("Title A to Z")),
            (SortBy.TITLE_DESC, _("Title Z to A")),
        ],
        # Submits on change through static/js/site.js: the CSP runs no inline handler.
        widget=forms.Select(attrs={"class": "form-control", "data-autosubmit": True}),
    )
    price_min = forms.DecimalField(label=_("Price from"), required=False, min_value=Decimal(0), max_digits=14)
    price_max = forms.DecimalField(label=_("Price to"), required=False, min_value=Decimal(0), max_digits=14)
    moq_max = forms.DecimalField(
        label=_("Minimum order at most"), required=False, min_value=Decimal(0), max_digits=14
    )
    lead_time_max = forms.IntegerField(label=_("Lead time at most (days)"), required=False, min_value=0)

    RANGES = ("price_min", "price_max", "moq_max", "lead_time_max")
    FILTERS = FACETS + RANGES

    def __init__(self, *args, with_filters: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_filters:
            # The header's search box only needs the text.
            for name in self.RANGES:
                del self.fields[name]
            return
        for name in FACETS:
            self.fields[name] = FacetField(name)

    def _valid_data(self) -> dict:
        # An invalid filter shows its error and is ignored; the valid ones still apply.
        self.is_valid()
        return getattr(self, "cleaned_data", {})

    @property
    def active_filters(self) -> list[str]:
        data = self._valid_data()
        return [name for name in self.FILTERS if data.get(name) not in (None, "", ())]

    def selections(self) -> dict[str, tuple[str, ...]]:
        data = self._valid_data()
        return {name: data[name] for name in FACETS if data.get(name)}

    def product_query(
        self, category_ids: tuple[int, ...] = (), *, currency: str = "", facets: tuple[str, ...] = ()
    ) -> ProductQuery:
        data = self._valid_data()
        return ProductQuery(
            text=(data.get("q") or "").strip(),
            category_ids=category_ids,
            sort_by=data.get("sort_by") or SortBy.RELEVANCE,
            filters=as_filters(self.selections()),
            price_min=data.get("price_min"),
            price_max=data.get("price_max"),
            currency=currency,
            moq_max=data.get("moq_max"),
            lead_time_max=data.get("lead_time_max"),
            facets=facets,
        )
