"""The one place where exceptions become API answers (``REST_FRAMEWORK["EXCEPTION_HANDLER"]``).

Services raise Django's exceptions, the same ones the pages handle; views let them propagate and
this handler maps them, so every endpoint answers a refusal the same way:

- ``FieldValidationError`` (messages by field, nested for a product's specs) → 400 with those messages;
- ``ValidationError`` → 400, errors by field (``__all__`` under ``non_field_errors``, as DRF's
  serializers put them); an error that names no field → ``{"detail": [messages]}``, the key DRF's
  other refusals use;
- ``ProtectedError`` / ``RestrictedError`` (a delete that other rows still refer to) → 409;
- ``PermissionDenied`` → 403 and ``Http404`` → 404, by DRF's own handler (messages kept).
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.fields import get_error_detail
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from marketplace.core.errors import FieldValidationError
from marketplace.core.views import delete_refusal


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the current state of the data.")
    default_code = "conflict"


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(errors_of(exc))
    elif isinstance(exc, FieldValidationError):
        exc = exceptions.ValidationError(exc.errors)
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict(delete_refusal(exc))
    # DRF's handler renders API exceptions and rolls back an atomic request.
    return drf_exception_handler(exc, context)


def errors_of(error: DjangoValidationError) -> dict:
    """A Django ValidationError as DRF's error body (messages formatted, codes kept)."""
    detail = get_error_detail(error)
    if not isinstance(detail, dict):
        return {"detail": detail}
    return {
        api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field: messages
        for field, messages in detail.items()
    }
