"""PV modules: mono PERC, TOPCon (mono- and bifacial) and HJT, from one Otog Banner maker."""

from decimal import Decimal

from marketplace.demo.products.base import (
    CIF_ROTTERDAM,
    CPT_ALMATY,
    CPT_TASHKENT,
    FOB_QINGDAO,
    FOB_TIANJIN,
    OTOG,
    PHOTOVOLTAICS,
    DemoProduct,
    Offer,
    Trade,
)

# PV module technologies: (English, Russian, Chinese).
PV_TECHNOLOGIES = {
    "M": ("Mono PERC half-cell", "монокристаллический PERC half-cell", "单晶 PERC 半片"),
    "N": ("N-type TOPCon", "N-типа TOPCon", "N型 TOPCon"),
    "NB": (
        "N-type TOPCon bifacial dual-glass",
        "N-типа TOPCon двусторонний стекло-стекло",
        "N型 TOPCon 双面双玻",
    ),
    "HJ": ("HJT bifacial dual-glass", "гетероструктурный HJT двусторонний", "异质结 HJT 双面双玻"),
    "NK": ("All-black N-type TOPCon", "чёрный N-типа TOPCon", "全黑 N型 TOPCon"),
}
# (watts, technology, cells, length mm, width mm, kg, price USD per module)
PV_MODULES = [
    ("410", "M", "108 half-cells", "1722", "1134", "21.3", "46.00"),
    ("455", "M", "144 half-cells", "2094", "1038", "24.0", "50.00"),
    ("545", "M", "144 half-cells", "2279", "1134", "27.5", "57.00"),
    ("555", "M", "144 half-cells", "2279", "1134", "27.8", "58.00"),
    ("440", "N", "108 half-cells", "1722", "1134", "21.5", "47.00"),
    ("580", "N", "144 half-cells", "2278", "1134", "28.0", "61.00"),
    ("590", "N", "144 half-cells", "2278", "1134", "28.0", "62.00"),
    ("620", "N", "132 half-cells (210R)", "2382", "1134", "31.0", "64.00"),
    ("430", "NK", "108 half-cells", "1722", "1134", "21.8", "50.00"),
    ("585", "NB", "144 half-cells", "2278", "1134", "32.0", "63.00"),
    ("610", "NB", "132 half-cells (210R)", "2382", "1134", "32.5", "65.00"),
    ("625", "NB", "132 half-cells (210R)", "2382", "1134", "33.1", "67.00"),
    ("700", "NB", "132 half-cells (210 mm)", "2384", "1303", "38.3", "74.00"),
    ("720", "HJ", "132 half-cells (210 mm)", "2384", "1303", "38.7", "79.00"),
]
PV_CERTIFICATES = "IEC 61215; IEC 61730; CE"
# Second offers, by rail to Central Asia: price USD per module.
PV_RAIL_PRICES = {"ORD-PV-580N": "64.00", "ORD-PV-700NB": "77.00"}


def pv_module(watts, technology, cells, length, width, kg, price) -> DemoProduct:
    name, ru_name, zh_name = PV_TECHNOLOGIES[technology]
    efficiency = Decimal(watts) * 1000 / (Decimal(length) * Decimal(width)) * 100
    per_pallet = 36 if length == "1722" else 31
    upc = f"ORD-PV-{watts}{technology}"
    offers = (
        Offer(
            upc,
            price,
            (FOB_TIANJIN, FOB_QINGDAO),
            moq=str(per_pallet * 20),
            lead_days=21,
            capacity="60000",
            stock=10000,
        ),
    )
    if upc in PV_RAIL_PRICES:
        offers += (
            Offer(
                f"{upc}-RAIL",
                PV_RAIL_PRICES[upc],
                (CPT_ALMATY, CPT_TASHKENT),
                moq=str(per_pallet * 20),
                lead_days=30,
                capacity="60000",
                stock=10000,
                packaging=f"{per_pallet} modules per pallet, 20 pallets per 40-ft rail container",
            ),
        )
    bifacial = " Bifaciality about 80%." if technology in {"NB", "HJ"} else ""
    return DemoProduct(
        upc=upc,
        supplier=OTOG,
        product_class="pv-module",
        category=PHOTOVOLTAICS,
        title=f"{name} PV module {watts} W",
        description=f"{name} module, {cells}, {watts} Wp, {length} × {width} mm, {kg} kg, efficiency "
        f"{efficiency:.1f}%.{bifacial} IEC 61215 / IEC 61730; 30-year linear power warranty.",
        trade=Trade(
            "8541430000",
            "pcs",
            kg,
            str(Decimal(kg) + Decimal("1.5")),
            f"{per_pallet} modules per pallet",
            PV_CERTIFICATES,
        ),
        ru=(f"Солнечный модуль {ru_name} {watts} Вт", "солнечная панель фотоэлектрический модуль"),
        zh=(f"{zh_name}光伏组件 {watts} W", "太阳能板 光伏板"),
        offers=offers,
    )


PV = [
    DemoProduct(
        upc="ORD-PV-550M",
        supplier=OTOG,
        product_class="pv-module",
        category=PHOTOVOLTAICS,
        title="Monocrystalline PV module 550 W",
        description="144 half-cell mono PERC module, 550 Wp, efficiency 21.3%, IEC 61215 / 61730.",
        trade=Trade("8541430000", "pcs", "27.5", "29", "31 modules per pallet"),
        ru=("Монокристаллический солнечный модуль 550 Вт", "солнечная панель"),
        zh=("单晶硅光伏组件 550 W", "太阳能板"),
        offers=(
            Offer(
                "ORD-PV-550M",
                "96.00",
                (FOB_TIANJIN,),
                moq="200",
                lead_days=21,
                capacity="100000",
                stock=15000,
                packaging="31 modules per pallet",
                tiers=(("2000", "92.00"),),
            ),
            Offer(
                "ORD-PV-550M-EU",
                "89.00",
                (CIF_ROTTERDAM,),
                moq="620",
                lead_days=50,
                capacity="100000",
                stock=15000,
                packaging="31 modules per pallet, 20 pallets per 40-ft container",
                currency="EUR",
            ),
        ),
    ),
    *(pv_module(*row) for row in PV_MODULES),
]

PRODUCTS = PV
