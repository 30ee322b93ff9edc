"""What the fulfillment API's views share: input checked by the pages' forms, pagination (service
errors become API errors in marketplace.api.exceptions)."""

from django import forms
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings


class FormInput(serializers.Serializer):
    """Input that the page's form checks as well, so the API accepts exactly what the page accepts;
    a value left out takes the one the page proposes (the form's initial value)."""

    form_class: type[forms.Form]

    def make_form(self, data: dict, files: dict) -> forms.Form:
        return self.form_class(data, files)

    def proposed(self) -> dict:
        return {}

    def validate(self, attrs):
        proposed = self.proposed()
        data, files = {}, {}
        for name, field in self.form_class.base_fields.items():
            initial = field.initial() if callable(field.initial) else field.initial
            value = attrs.get(name, proposed.get(name, initial))
            if value is not None:
                (files if isinstance(field, forms.FileField) else data)[name] = value
        form = self.make_form(data, files)
        if not form.is_valid():
            raise serializers.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field: list(errors)
                    for field, errors in form.errors.items()
                }
            )
        return {**attrs, **form.cleaned_data}


def form_values(values: dict, form_class: type[forms.Form], *, without: str = "") -> dict:
    """The values of a form's fields from validated input (what the form's cleaned_data holds)."""
    return {name: values.get(name) for name in form_class.base_fields if name != without}


class Pagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
