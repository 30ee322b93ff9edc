"""Payments API: an order's milestones and how they are being paid, starting a card payment,
uploading a bank-transfer proof. Orders you may not see answer 404."""

import logging

import stripe
from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.schema import ErrorSerializer
from marketplace.orders.selectors import role_in
from marketplace.payments import selectors, services
from marketplace.payments.serializers import (
    CardCheckoutSerializer,
    OrderPaymentsSerializer,
    TransferProofInputSerializer,
    TransferProofSerializer,
)
from marketplace.payments.stripe_client import card_payments_enabled

logger = logging.getLogger(__name__)


class StripeUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "Card payment is unavailable right now; try again later or pay by bank transfer."
    default_code = "stripe_unavailable"


def _buyers_milestone(request, order_id: int, milestone_id: int):
    order = selectors.visible_order_by_id(user=request.user, pk=order_id)
    if role_in(user=request.user, order=order) not in selectors.PAYS:
        raise PermissionDenied
    return get_object_or_404(order.milestones.select_related("order"), pk=milestone_id)


class OrderPayments(APIView):
    @extend_schema(
        description="The order's payment milestones: amounts, state, card payment and bank-transfer proofs.",
        responses={200: OrderPaymentsSerializer},
    )
    def get(self, request, order_id: int):
        order = selectors.visible_order_by_id(user=request.user, pk=order_id)
        data = {
            "order": order,
            "rows": selectors.milestone_payments(order=order),
            "card_payments_enabled": card_payments_enabled(),
        }
        return Response(OrderPaymentsSerializer(data).data)


class CardPaymentStart(APIView):
    @extend_schema(
        description="The buyer opens the milestone's card payment; calling again returns the same "
        "PaymentIntent. The milestone is paid when Stripe's webhook confirms it, never by the browser.",
        request=None,
        responses={
            200: CardCheckoutSerializer,
            503: OpenApiResponse(ErrorSerializer, description="Stripe is unavailable"),
        },
    )
    def post(self, request, order_id: int, milestone_id: int):
        milestone = _buyers_milestone(request, order_id, milestone_id)
        try:
            checkout = services.start_card_payment(milestone=milestone, by=request.user)
        except stripe.StripeError as error:
            logger.exception("Stripe refused to open a PaymentIntent for milestone %s", milestone.pk)
            raise StripeUnavailable from error
        data = {
            "card_payment": checkout.card_payment,
            "client_secret": checkout.client_secret,
            "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
        }
        return Response(CardCheckoutSerializer(data).data)


class TransferProofUpload(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        description="The buyer uploads the bank's confirmation of a transfer; the supplier confirms it.",
        request={"multipart/form-data": TransferProofInputSerializer},
        responses={201: TransferProofSerializer},
    )
    def post(self, request, order_id: int, milestone_id: int):
        milestone = _buyers_milestone(request, order_id, milestone_id)
        payload = TransferProofInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        proof = services.upload_transfer_proof(milestone=milestone, by=request.user, **payload.validated_data)
        return Response(TransferProofSerializer(proof).data, status=status.HTTP_201_CREATED)
