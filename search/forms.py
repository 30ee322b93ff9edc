from django import forms
from django.utils.translation import gettext_lazy as _

from search.backends.base import ProductQuery, SortBy


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=200,
        label=_("Search"),
        widget=SearchInput(
            attrs={
                "placeholder": _("Search methanol, PVC, batteries, cashmere…"),
                "class": "form-control",
                "aria-label": _("Search the catalogue"),
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
            (SortBy.TITLE_ASC, _("Title A to Z")),
            (SortBy.TITLE_DESC, _("Title Z to A")),
        ],
        widget=forms.Select(attrs={"class": "form-control", "onchange": "this.form.submit()"}),
    )

    def product_query(self, category_ids: tuple[int, ...] = ()) -> ProductQuery:
        data = self.cleaned_data if self.is_valid() else {}
        return ProductQuery(
            text=(data.get("q") or "").strip(),
            category_ids=category_ids,
            sort_by=data.get("sort_by") or SortBy.RELEVANCE,
        )
