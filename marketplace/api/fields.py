"""Serializer fields the APIs share."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class NulFreeMixin:
    """Refuse a value with a NUL character before it reaches a query: PostgreSQL cannot compare
    text with NUL (a DataError, a 500), and DRF's related fields, unlike its CharField, let it by."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            raise serializers.ValidationError(_("Null characters are not allowed."), code="null_characters")
        return super().to_internal_value(data)


class CodeField(NulFreeMixin, serializers.SlugRelatedField):
    """A reference row by its code (unit, Incoterm)."""


class CodeKeyField(NulFreeMixin, serializers.PrimaryKeyRelatedField):
    """A reference row whose primary key is its code (currency)."""
