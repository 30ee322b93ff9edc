"""Fulfillment pages, split by subject: shipments and the overseas warehouse."""
