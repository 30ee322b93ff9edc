"""Fulfillment API: shipments with legs and tracking events (carriers and forwarders post events),
a warehouse's stock by SKU and lot, and outbound orders with their trace to the declaration."""
