"""The OpenAPI schema's shared parts: which endpoints it documents, and the error answers of the one
exception handler (marketplace/api/exceptions.py), added to every operation in one place
(``AutoSchema``) so the schema lists every status an endpoint can answer."""

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers


def public_api_only(endpoints):
    """drf-spectacular hook: document /api/v1/ only, not Wagtail's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ErrorSerializer(serializers.Serializer):
    """A refusal that names no field: 401, 403, 404, 409, 429 (DRF's ``detail``)."""

    detail = serializers.CharField()

    class Meta:
        ref_name = "Error"


class ValidationErrorSerializer(serializers.Serializer):
    """400: messages by field (``non_field_errors`` for the whole input, ``detail`` when no field is
    named); nested input (lines, tiers) nests the same way, by index or by field."""

    class Meta:
        ref_name = "ValidationError"


class ValidationErrorSchema(OpenApiSerializerExtension):
    target_class = ValidationErrorSerializer

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "description": ValidationErrorSerializer.__doc__,
            "additionalProperties": {
                "oneOf": [{"type": "array", "items": {}}, {"type": "object"}, {"type": "string"}]
            },
            "example": {"quantity": ["Ensure this value is greater than or equal to 0.001."]},
        }


ERRORS = {
    400: OpenApiResponse(ValidationErrorSerializer, description="Invalid input, by field"),
    401: OpenApiResponse(ErrorSerializer, description="No credentials, or an unknown token"),
    403: OpenApiResponse(ErrorSerializer, description="You may not do this"),
    404: OpenApiResponse(ErrorSerializer, description="No such object, or not one you may see"),
    409: OpenApiResponse(ErrorSerializer, description="Other rows still refer to this object"),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; try again later"),
}

PAGING = {"page", "page_size"}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema with the errors each operation can answer; a view's own
    ``extend_schema(responses=...)`` wins for a status it declares."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self.error_codes():
            responses.setdefault(str(code), self._get_response_for_code(ERRORS[code], str(code)))
        return responses

    def error_codes(self) -> list[int]:
        view, method = self.view, self.method
        allows_anyone = all(
            issubclass(permission, permissions.AllowAny) for permission in view.permission_classes
        )
        authenticates = bool(view.authentication_classes)
        query = {parameter["name"] for parameter in self._get_parameters() if parameter["in"] == "query"}
        codes = []
        if method not in ("GET", "HEAD") or query - PAGING:
            codes.append(400)
        if authenticates:
            codes.append(401)  # also an unknown token on a public endpoint
            if not allows_anyone or method not in permissions.SAFE_METHODS:
                codes.append(403)  # refused, or a session request without its CSRF token
        if "{" in self.path or query & {"page"}:
            codes.append(404)  # no such object, or a page past the last
        if method == "DELETE":
            codes.append(409)
        if view.throttle_classes:
            codes.append(429)
        return codes
