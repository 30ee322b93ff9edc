from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from marketplace.accounts import logins
from marketplace.api.serializers import MeSerializer, TokenRequestSerializer, TokenSerializer


class TokenLoginThrottle(AnonRateThrottle):
    # Per client address as TRUSTED_PROXY_COUNT defines it (DRF's NUM_PROXIES); failed logins
    # are also locked out per account and per address by axes.
    rate = "20/min"


class ObtainTokenView(APIView):
    """Exchange an email and password for an API token."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [TokenLoginThrottle]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: TokenSerializer, 429: OpenApiResponse(description="Too many failed logins.")},
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        valid = serializer.is_valid()
        # authenticate() swallows axes' refusal and answers "no such user"; axes marks the
        # request instead. Answered here, so it does not depend on the API's exception handler.
        if logins.is_locked_out(request):
            return logins.api_lockout_response()
        if not valid:
            raise ValidationError(serializer.errors)
        token, _created = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response(TokenSerializer({"token": token.key}).data, status=status.HTTP_200_OK)


class MeView(APIView):
    """The authenticated user, their company and role."""

    @extend_schema(responses={200: MeSerializer})
    def get(self, request):
        return Response(MeSerializer(request.user).data)


@csrf_exempt  # as DRF's views are: API clients authenticate by token, and CSRF's 403 is a page
def not_found(request, *args, **kwargs):
    """Any /api/v1/ path no endpoint answers: the body of the exception handler's 404."""
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
