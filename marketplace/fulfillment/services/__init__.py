"""Writes of fulfillment, split by subject: shipments (and their declaration's waybill) and the
overseas warehouse."""
