"""The demo catalogue: about 160 listings of Ordos exporters, as declarative tables by trade.

Each row is one supplier's product with its typed specs, Russian and Chinese names and one or
two offers; equal goods from different suppliers are separate rows.
"""

from marketplace.demo.products import (
    batteries,
    battery_packs,
    carbon,
    cashmere,
    chlor_alkali,
    coal_chemicals,
    fertilisers,
    food,
    photovoltaics,
    polymers,
    used_vehicles,
    vehicles,
)
from marketplace.demo.products.base import DemoProduct

# The first demo's products, in their original order. They load last, so on a new database they
# are the newest products, which the home page shows.
FEATURED = (
    "ORD-MEOH-9985",
    "ORD-PVC-SG5",
    "ORD-NAOH-99",
    "ORD-PP-T30S",
    "ORD-CAC2-295",
    "ORD-LFP-280",
    "ORD-PV-550M",
    "ORD-EV-DT60",
    "ORD-CSH-DEH",
    "ORD-CSH-SWT",
    "ORD-SPI-PWD",
)


def _in_load_order(products: list[DemoProduct]) -> list[DemoProduct]:
    by_upc = {product.upc: product for product in products}
    if len(by_upc) != len(products):
        raise ValueError("Two demo products share a UPC.")
    return [product for product in products if product.upc not in FEATURED] + [
        by_upc[upc] for upc in FEATURED
    ]


PRODUCTS = _in_load_order(
    coal_chemicals.PRODUCTS
    + fertilisers.PRODUCTS
    + carbon.PRODUCTS
    + chlor_alkali.PRODUCTS
    + polymers.PRODUCTS
    + batteries.PRODUCTS
    + battery_packs.PRODUCTS
    + photovoltaics.PRODUCTS
    + vehicles.PRODUCTS
    + used_vehicles.PRODUCTS
    + cashmere.PRODUCTS
    + food.PRODUCTS
)
