"""Demo orders in every state, with paid, pending and bank-transfer (T/T) milestones.

Each is placed through ``place_order`` and moved with the same services the pages use, so the
timelines read like real ones. Keyed by ``source_reference`` so a second run adds nothing.
"""

from decimal import Decimal

from oscar.core.loading import get_model

from marketplace.orders import services
from marketplace.orders.models import OrderStatus

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

# (reference, buyer index, product UPC, quantity, schedule, state to reach)
ORDERS = [
    ("DEMO-1", 0, "ORD-MEOH-9985", "40", "30-70", OrderStatus.AWAITING_DEPOSIT),
    ("DEMO-2", 1, "ORD-PVC-SG5", "100", "30-70", OrderStatus.IN_PRODUCTION),
    ("DEMO-3", 0, "ORD-LFP-280", "2000", "30-70", OrderStatus.AWAITING_BALANCE),
    ("DEMO-4", 1, "ORD-NAOH-99", "50", "100", OrderStatus.READY_TO_SHIP),
    ("DEMO-5", 0, "ORD-PP-T30S", "60", "30-70", OrderStatus.SHIPPED),
    ("DEMO-6", 1, "ORD-CSH-DEH", "500", "30-60-10", OrderStatus.DELIVERED),
    ("DEMO-7", 0, "ORD-SPI-PWD", "1000", "30-60-10", OrderStatus.COMPLETED),
    ("DEMO-8", 1, "ORD-CAC2-295", "40", "30-70", OrderStatus.CANCELLED),
]
# The milestones paid by bank transfer (the rest by card).
PAID_BY_TRANSFER = {"DEMO-3", "DEMO-6"}


def _pay(order, reference: str, *, due: tuple[str, ...]) -> None:
    method = "bank_transfer" if reference in PAID_BY_TRANSFER else "card"
    for milestone in order.milestones.filter(due__in=due, status="pending"):
        services.record_payment(
            milestone=milestone, method=method, reference=f"{reference}-{milestone.sequence}"
        )


def _advance(order, reference: str, state: str, *, supplier_user, buyer_user) -> None:
    steps = list(OrderStatus.values)
    if state == OrderStatus.CANCELLED:
        services.cancel_order(order=order, by=buyer_user, reason="Ordered from another plant.")
        return
    target = steps.index(state)
    if target >= steps.index(OrderStatus.IN_PRODUCTION):
        _pay(order, reference, due=("on_order",))
    if target >= steps.index(OrderStatus.AWAITING_BALANCE):
        services.finish_production(order=order, by=supplier_user)
    if target >= steps.index(OrderStatus.READY_TO_SHIP):
        _pay(order, reference, due=("before_shipment",))
    if target >= steps.index(OrderStatus.SHIPPED):
        services.mark_shipped(order=order, by=supplier_user, reference=f"CMR {reference}")
    if target >= steps.index(OrderStatus.DELIVERED):
        services.mark_delivered(order=order, by=buyer_user)
    if target >= steps.index(OrderStatus.COMPLETED):
        _pay(order, reference, due=("on_delivery",))


def load(*, buyers: list) -> int:
    """Create the demo orders that are missing; returns how many were new."""
    from catalog.reference.models import Incoterm

    created = 0
    for reference, buyer_index, upc, quantity, schedule, state in ORDERS:
        if Order.objects.filter(source_reference=reference).exists():
            continue
        product = Product.objects.select_related("supplier__company").get(upc=upc)
        offer = product.stockrecords.filter(partner=product.supplier).order_by("pk").first()
        place = offer.incoterms.select_related("incoterm").first()
        buyer = buyers[buyer_index]
        buyer_user = buyer.memberships.first().user
        order = services.place_order(
            request=services.OrderRequest(
                buyer=buyer,
                placed_by=buyer_user,
                supplier=product.supplier,
                lines=[
                    services.AgreedLine(
                        product=product,
                        offer=offer,
                        quantity=Decimal(quantity),
                        unit=offer.commercial_unit,
                        unit_price=offer.price,
                    )
                ],
                currency=offer.price_currency,
                incoterm=place.incoterm if place else Incoterm.objects.get(code="FCA"),
                named_place=place.named_place if place else "Ordos",
                destination_country=buyer.country,
                destination_city=buyer.city,
                schedule=services.SCHEDULES[schedule],
                source="checkout",
                source_reference=reference,
            )
        )
        supplier_user = product.supplier.company.memberships.first().user
        _advance(order, reference, state, supplier_user=supplier_user, buyer_user=buyer_user)
        created += 1
    return created
