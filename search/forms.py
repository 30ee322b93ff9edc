from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.accounts.models import VerificationStatus
from search.backends.base import ProductQuery, SortBy

Incoterm = get_model("catalogue", "Incoterm")
Partner = get_model("partner", "Partner")
ProductClass = get_model("catalogue", "ProductClass")


class SearchInput(forms.TextInput):
    input_type = "search"


class FilterSelect(forms.Select):
    def __init__(self):
        super().__init__(attrs={"class": "custom-select custom-select-sm"})


class SearchForm(forms.Form):
    """The search box, sort order and filters of browse, category and search pages."""

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
    product_class = forms.ChoiceField(label=_("Product type"), required=False, widget=FilterSelect())
    supplier = forms.TypedChoiceField(
        label=_("Supplier"), required=False, coerce=int, empty_value=None, widget=FilterSelect()
    )
    incoterm = forms.ChoiceField(label=_("Incoterm offered"), required=False, widget=FilterSelect())
    dangerous_goods = forms.TypedChoiceField(
        label=_("Dangerous goods"),
        required=False,
        choices=[("", _("Any")), ("yes", _("Dangerous goods only")), ("no", _("Not dangerous goods"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        widget=FilterSelect(),
    )

    FILTERS = ("product_class", "supplier", "incoterm", "dangerous_goods")

    def __init__(self, *args, with_filters: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_filters:
            # The header's search box only needs the text: no choice queries on every page.
            for name in self.FILTERS:
                del self.fields[name]
            return
        any_choice = [("", _("Any"))]
        self.fields["product_class"].choices = any_choice + list(
            ProductClass.objects.order_by("name").values_list("slug", "name")
        )
        self.fields["supplier"].choices = any_choice + list(
            Partner.objects.filter(company__verification_status=VerificationStatus.VERIFIED)
            .order_by("name")
            .values_list("pk", "name")
        )
        self.fields["incoterm"].choices = any_choice + [
            (code, f"{code} – {name}") for code, name in Incoterm.objects.values_list("code", "name")
        ]

    def _valid_data(self) -> dict:
        # An invalid filter shows its error and is ignored; the valid ones still apply.
        self.is_valid()
        return getattr(self, "cleaned_data", {})

    @property
    def active_filters(self) -> list[str]:
        data = self._valid_data()
        return [name for name in self.FILTERS if data.get(name) not in (None, "")]

    def product_query(self, category_ids: tuple[int, ...] = ()) -> ProductQuery:
        data = self._valid_data()
        return ProductQuery(
            text=(data.get("q") or "").strip(),
            category_ids=category_ids,
            sort_by=data.get("sort_by") or SortBy.RELEVANCE,
            product_class=data.get("product_class") or "",
            supplier_id=data.get("supplier"),
            incoterm=data.get("incoterm") or "",
            dangerous_goods=data.get("dangerous_goods"),
        )
