"""The product classes of the exchange (slug → name); a data migration creates them."""

PRODUCT_CLASSES = {
    "chemical": "Chemical",
    "battery": "Battery",
    "pv-module": "PV module",
    "vehicle": "Vehicle",
    "textile": "Cashmere and textiles",
    "food": "Food and spirulina",
}
