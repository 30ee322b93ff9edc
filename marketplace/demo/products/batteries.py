"""Lithium batteries: cells, modules and 12–48 V batteries (packs and cabinets: battery_packs.py)."""

from decimal import Decimal

from marketplace.demo.products.base import (
    BATTERIES,
    CIF_JEBEL_ALI,
    CPT_ALMATY,
    CPT_MOSCOW,
    CPT_TASHKENT,
    CPT_ULAANBAATAR,
    DAP_ZAMYN_UUD,
    ENERGY_STORAGE,
    FCA_ORDOS,
    FOB_TIANJIN,
    KANGBASHI,
    OTOG,
    DemoProduct,
    Offer,
    Trade,
    battery_spec,
)

# China's tariff splits lithium-ion goods: cells (≥ 10 Ah, ≥ 110 Wh/kg) and systems (≥ 80 Wh/kg)
# for electric vehicles have their own lines; storage and other batteries are "other".
HS_OTHER_LITHIUM = "8507600090"
HS_EV_CELL = "8507600010"
HS_EV_SYSTEM = "8507600020"
STORAGE_CERTIFICATES = "UN38.3; IEC 62619; UL 1973; CE"
EV_CERTIFICATES = "UN38.3; GB 38031; UN ECE R100"
SHIPPING = " UN38.3 tested; ships as UN3480, class 9 (by air only at ≤ 30% charge)."

# Chemistry: (Russian cell name, Chinese cell name, search words).
CHEMISTRY_NAMES = {
    "LFP": ("Литий-железо-фосфатный элемент", "磷酸铁锂电芯", "LiFePO4 LFP"),
    "NMC": ("Литий-ионный элемент NMC", "三元锂电芯", "NMC литий-ион 三元"),
    "LTO": ("Литий-титанатный элемент", "钛酸锂电芯", "LTO титанат"),
}


def plain(number: Decimal) -> str:
    """1004.80 → "1,004.8", 896.00 → "896"."""
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def battery(*, upc, supplier=KANGBASHI, category=BATTERIES, trade, spec, **fields) -> DemoProduct:
    return DemoProduct(
        upc=upc,
        supplier=supplier,
        product_class="battery",
        category=category,
        trade=trade,
        battery=spec,
        **fields,
    )


def offers_of(
    upc, price, incoterms=(FCA_ORDOS, CPT_ALMATY), *, moq="1", lead_days=30, capacity="500", stock=50
):
    return (Offer(upc, price, incoterms, moq=moq, lead_days=lead_days, capacity=capacity, stock=stock),)


# (UPC, chemistry, V, Ah, kg, HS code, use, price USD)
CELL_ROWS = [
    ("ORD-LFP-320", "LFP", "3.2", "320", "5.75", HS_OTHER_LITHIUM, "energy storage, 8,000 cycles", "57.00"),
    ("ORD-LFP-100", "LFP", "3.2", "100", "1.98", HS_OTHER_LITHIUM, "home storage and low-speed EVs", "24.00"),
    ("ORD-LFP-105", "LFP", "3.2", "105", "1.98", HS_OTHER_LITHIUM, "home storage and golf carts", "25.00"),
    ("ORD-LFP-50", "LFP", "3.2", "50", "1.05", HS_OTHER_LITHIUM, "telecom back-up and e-bikes", "14.00"),
    ("ORD-LFP-15C", "LFP", "3.2", "15", "0.33", HS_OTHER_LITHIUM, "e-bikes (32140 cylindrical)", "4.20"),
    ("ORD-LFP-230EV", "LFP", "3.2", "230", "4.1", HS_EV_CELL, "electric trucks and buses", "52.00"),
    ("ORD-NMC-50P", "NMC", "3.7", "50", "0.78", HS_EV_CELL, "passenger EVs (NMC 811 pouch)", "23.00"),
    ("ORD-NMC-135", "NMC", "3.7", "135", "2.05", HS_EV_CELL, "passenger EVs (prismatic)", "60.00"),
    # LTO stays under 110 Wh/kg, so it is not an EV cell for the tariff even in a bus.
    ("ORD-LTO-40", "LTO", "2.3", "40", "1.25", HS_OTHER_LITHIUM, "fast-charging buses, −40 °C", "28.00"),
]
# Second offers by sea: (price USD, MOQ).
CELL_SEA_OFFERS = {"ORD-LFP-314": ("57.50", "2000")}


def cell(upc, chemistry, volts, amp_hours, kg, hs_code, use, price) -> DemoProduct:
    """A prismatic, pouch or cylindrical cell; Wh and Wh/kg are derived, so the title cannot drift."""
    spec = battery_spec(chemistry, "cell", volts, amp_hours)
    watt_hours = plain(spec["watt_hours"])
    specific = round(spec["watt_hours"] / Decimal(kg))
    ru_name, zh_name, words = CHEMISTRY_NAMES[chemistry]
    offers = offers_of(
        upc, price, (FCA_ORDOS, CPT_MOSCOW), moq="100", lead_days=21, capacity="100000", stock=10000
    )
    if upc in CELL_SEA_OFFERS:
        sea_price, sea_moq = CELL_SEA_OFFERS[upc]
        offers += (
            Offer(
                f"{upc}-SEA",
                sea_price,
                (FOB_TIANJIN, CIF_JEBEL_ALI),
                moq=sea_moq,
                lead_days=30,
                capacity="100000",
                stock=10000,
                packaging="Pallets of 64 cells, class 9 sea containers",
            ),
        )
    return battery(
        upc=upc,
        title=f"{chemistry} battery cell {volts} V {amp_hours} Ah ({watt_hours} Wh)",
        description=f"{chemistry} cell, {volts} V, {amp_hours} Ah, {watt_hours} Wh, {kg} kg "
        f"({specific} Wh/kg), for {use}.{SHIPPING}",
        trade=Trade(
            hs_code,
            "pcs",
            kg,
            str((Decimal(kg) * Decimal("1.06")).quantize(Decimal("0.001"))),
            "Cartons on pallets, cells at 30% charge",
            EV_CERTIFICATES if hs_code == HS_EV_CELL else STORAGE_CERTIFICATES,
        ),
        spec=spec,
        ru=(f"{ru_name} {volts.replace('.', ',')} В {amp_hours} А·ч", f"аккумулятор ячейка {words}"),
        zh=(f"{zh_name} {volts} V {amp_hours} Ah", f"电芯 {words}"),
        offers=offers,
    )


CELLS = [
    battery(
        upc="ORD-LFP-280",
        title="LFP battery cell 3.2 V 280 Ah",
        description="Prismatic lithium iron phosphate cell, 3.2 V, 280 Ah, 896 Wh, 6,000 cycles. UN38.3 "
        "tested; ships as UN3480, class 9.",
        trade=Trade(HS_OTHER_LITHIUM, "pcs", "5.4", "5.7", "Cartons of 4 cells on pallets"),
        spec=battery_spec("LFP", "cell", "3.2", "280"),
        ru=("Литий-железо-фосфатный элемент 3,2 В 280 А·ч", "LiFePO4 аккумулятор"),
        zh=("磷酸铁锂电芯 3.2 V 280 Ah", "LFP 储能电池"),
        offers=(
            Offer(
                "ORD-LFP-280",
                "58.00",
                (FCA_ORDOS,),
                moq="100",
                lead_days=21,
                capacity="200000",
                stock=20000,
                packaging="Cartons of 4 cells on pallets",
                tiers=(("1000", "55.00"), ("10000", "52.00")),
            ),
            Offer(
                "ORD-LFP-280-RAIL",
                "61.00",
                (CPT_MOSCOW, CPT_ALMATY),
                moq="1000",
                lead_days=35,
                capacity="200000",
                stock=20000,
                packaging="Pallets of 64 cells in 40-ft rail containers",
            ),
        ),
    ),
    cell(
        "ORD-LFP-314", "LFP", "3.2", "314", "5.6", HS_OTHER_LITHIUM, "energy storage, 8,000 cycles", "55.00"
    ),
    *(cell(*row) for row in CELL_ROWS),
]


def lfp(
    *,
    upc,
    title,
    ru,
    zh,
    description,
    rating,
    weights,
    packaging,
    offers,
    form="pack",
    hs_code=HS_OTHER_LITHIUM,
    certifications=STORAGE_CERTIFICATES,
    **fields,
) -> DemoProduct:
    """An LFP module, battery or pack: ``rating`` is (V, Ah), ``weights`` (net kg, gross kg)."""
    (volts, amp_hours), (net, gross) = rating, weights
    return battery(
        upc=upc,
        title=title,
        ru=ru,
        zh=zh,
        description=description + SHIPPING,
        trade=Trade(hs_code, "pcs", net, gross, packaging, certifications),
        spec=battery_spec("LFP", form, volts, amp_hours),
        offers=offers,
        **fields,
    )


MODULES_AND_BATTERIES = [
    lfp(
        upc="ORD-LFP-M16S280",
        title="LFP battery module 51.2 V 280 Ah (16S1P, 14.3 kWh)",
        ru=("Модуль LFP 51,2 В 280 А·ч (16S1P, 14,3 кВт·ч)", "аккумуляторный модуль LiFePO4"),
        zh=("磷酸铁锂电池模组 51.2 V 280 Ah（16 串，14.3 kWh）", "电池模组 储能"),
        description="Sixteen 280 Ah cells in series with busbars and sampling harness, for rack builders.",
        rating=("51.2", "280"),
        weights=("95", "102"),
        packaging="Wooden crate, 1 module",
        offers=offers_of("ORD-LFP-M16S280", "1050.00", moq="10", capacity="3000", stock=400),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-M8S314",
        title="LFP battery module 25.6 V 314 Ah (8S1P, 8 kWh)",
        ru=("Модуль LFP 25,6 В 314 А·ч (8S1P, 8 кВт·ч)", "аккумуляторный модуль LiFePO4"),
        zh=("磷酸铁锂电池模组 25.6 V 314 Ah（8 串，8 kWh）", "电池模组 储能"),
        description="Eight 314 Ah cells in series on a liquid-cooling plate, for storage cabinets.",
        rating=("25.6", "314"),
        weights=("52", "58"),
        packaging="Wooden crate, 2 modules",
        offers=offers_of("ORD-LFP-M8S314", "610.00", moq="20", capacity="4000", stock=600),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-R51100",
        category=ENERGY_STORAGE,
        title="Rack-mount LFP battery 51.2 V 100 Ah (5.12 kWh)",
        ru=("Аккумулятор LFP в стойку 51,2 В 100 А·ч (5,12 кВт·ч)", "серверная батарея 48 В"),
        zh=("机架式磷酸铁锂电池 51.2 V 100 Ah（5.12 kWh）", "48V 储能电池 通信备电"),
        description="19-inch 3U battery with BMS, CAN/RS485 to common hybrid inverters, up to 15 in "
        "parallel.",
        rating=("51.2", "100"),
        weights=("45", "50"),
        packaging="Carton on pallet, 1 battery",
        offers=(
            Offer(
                "ORD-LFP-R51100", "620.00", (FCA_ORDOS,), moq="10", lead_days=15, capacity="5000", stock=800
            ),
            Offer(
                "ORD-LFP-R51100-CA",
                "660.00",
                (CPT_ALMATY, CPT_TASHKENT),
                moq="40",
                lead_days=30,
                capacity="5000",
                stock=800,
                packaging="Pallets of 8 batteries in rail containers",
            ),
        ),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-R51200",
        category=ENERGY_STORAGE,
        title="Floor-standing LFP battery 51.2 V 200 Ah (10.24 kWh)",
        ru=("Напольный аккумулятор LFP 51,2 В 200 А·ч (10,24 кВт·ч)", "домашний накопитель 48 В"),
        zh=("落地式磷酸铁锂电池 51.2 V 200 Ah（10.24 kWh）", "48V 家用储能"),
        description="48 V battery with BMS and display, for off-grid and hybrid PV systems.",
        rating=("51.2", "200"),
        weights=("88", "96"),
        packaging="Carton on pallet, 1 battery",
        offers=offers_of("ORD-LFP-R51200", "1120.00", moq="5", lead_days=15, capacity="3000", stock=400),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-W51280",
        category=ENERGY_STORAGE,
        title="Wall-mounted LFP home battery 51.2 V 280 Ah (14.3 kWh)",
        ru=("Настенный домашний аккумулятор LFP 51,2 В 280 А·ч (14,3 кВт·ч)", "накопитель для дома"),
        zh=("壁挂式家用储能电池 51.2 V 280 Ah（14.3 kWh）", "家庭储能 壁挂电池"),
        description="Wall-mounted home battery with BMS, IP65, for hybrid inverters.",
        rating=("51.2", "280"),
        weights=("118", "128"),
        packaging="Wooden crate, 1 battery",
        offers=offers_of(
            "ORD-LFP-W51280", "1560.00", (FCA_ORDOS, CPT_ULAANBAATAR), moq="5", lead_days=20, capacity="2000"
        ),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-12100",
        category=ENERGY_STORAGE,
        title="LFP battery 12.8 V 100 Ah, drop-in for lead-acid",
        ru=("Аккумулятор LFP 12,8 В 100 А·ч, замена свинцово-кислотного", "LiFePO4 12 В"),
        zh=("磷酸铁锂电池 12.8 V 100 Ah（替代铅酸）", "12V 锂电池 房车"),
        description="Group 31 case, built-in BMS, for RVs, boats, solar street lights and ger camps.",
        rating=("12.8", "100"),
        weights=("11", "12"),
        packaging="Carton, 1 battery; 60 per pallet",
        offers=(
            Offer(
                "ORD-LFP-12100", "135.00", (FCA_ORDOS,), moq="50", lead_days=15, capacity="20000", stock=3000
            ),
            Offer(
                "ORD-LFP-12100-MN",
                "148.00",
                (DAP_ZAMYN_UUD, CPT_ULAANBAATAR),
                moq="60",
                lead_days=20,
                capacity="20000",
                stock=3000,
                packaging="Pallets of 60 batteries, road freight",
            ),
        ),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-24100",
        category=ENERGY_STORAGE,
        title="LFP battery 25.6 V 100 Ah",
        ru=("Аккумулятор LFP 25,6 В 100 А·ч", "LiFePO4 24 В"),
        zh=("磷酸铁锂电池 25.6 V 100 Ah", "24V 锂电池"),
        description="24 V battery with BMS for trolling motors, AGVs and small solar systems.",
        rating=("25.6", "100"),
        weights=("21", "23"),
        packaging="Carton, 1 battery; 36 per pallet",
        offers=offers_of("ORD-LFP-24100", "250.00", moq="20", lead_days=15, capacity="8000", stock=1000),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-GC51105",
        title="LFP traction battery 51.2 V 105 Ah, for golf carts and forklifts",
        ru=("Тяговый аккумулятор LFP 51,2 В 105 А·ч для гольф-каров и погрузчиков", "тяговая батарея"),
        zh=("高尔夫球车及叉车用磷酸铁锂电池 51.2 V 105 Ah", "动力电池 叉车电池"),
        description="Traction battery with 200 A BMS and state-of-charge display.",
        rating=("51.2", "105"),
        weights=("38", "43"),
        packaging="Carton on pallet, 2 batteries",
        offers=offers_of("ORD-LFP-GC51105", "720.00", moq="10", lead_days=20, capacity="3000", stock=300),
        form="battery",
    ),
    # The solar company sells home batteries with its modules.
    lfp(
        upc="ORD-LFP-OTG51100",
        supplier=OTOG,
        category=ENERGY_STORAGE,
        title="Residential LFP battery 51.2 V 100 Ah, for PV systems",
        ru=("Домашний аккумулятор LFP 51,2 В 100 А·ч для солнечных систем", "накопитель 48 В"),
        zh=("家用磷酸铁锂储能电池 51.2 V 100 Ah（光伏配套）", "家用储能 光伏"),
        description="Stackable 5.12 kWh battery, pairs with our modules in off-grid kits.",
        rating=("51.2", "100"),
        weights=("46", "51"),
        packaging="Carton on pallet, 1 battery",
        offers=offers_of(
            "ORD-LFP-OTG51100",
            "640.00",
            (FCA_ORDOS, CPT_ULAANBAATAR),
            moq="10",
            lead_days=15,
            capacity="3000",
        ),
        form="battery",
    ),
    lfp(
        upc="ORD-LFP-OTG51200",
        supplier=OTOG,
        category=ENERGY_STORAGE,
        title="Residential LFP battery 51.2 V 200 Ah, for PV systems",
        ru=("Домашний аккумулятор LFP 51,2 В 200 А·ч для солнечных систем", "накопитель 48 В"),
        zh=("家用磷酸铁锂储能电池 51.2 V 200 Ah（光伏配套）", "家用储能 光伏"),
        description="10.24 kWh battery on wheels with BMS and display, pairs with our modules in off-grid "
        "kits.",
        rating=("51.2", "200"),
        weights=("90", "98"),
        packaging="Carton on pallet, 1 battery",
        offers=offers_of(
            "ORD-LFP-OTG51200",
            "1150.00",
            (FCA_ORDOS, CPT_ULAANBAATAR),
            moq="5",
            lead_days=15,
            capacity="2000",
        ),
        form="battery",
    ),
]

PRODUCTS = CELLS + MODULES_AND_BATTERIES
