"""Fulfillment's models, split by subject: shipments and the overseas warehouse."""

from marketplace.fulfillment.models.shipments import (  # noqa: F401
    EventKind,
    EventSource,
    Shipment,
    ShipmentLeg,
    ShipmentLine,
    ShipmentStatus,
    TrackingEvent,
    TransportMode,
)
from marketplace.fulfillment.models.warehouse import (  # noqa: F401
    InboundLine,
    InboundNotice,
    InboundStatus,
    OutboundLine,
    OutboundOrder,
    OutboundStatus,
    StockLot,
)
