"""Coal chemicals: methanol from three producers and coal-based ethylene glycol."""

from marketplace.demo.products.base import (
    CFR_NHAVA_SHEVA,
    CIF_HAIPHONG,
    COAL_CHEMICALS,
    CPT_ALMATY,
    CPT_MOSCOW,
    CPT_NOVOSIBIRSK,
    CPT_ULAANBAATAR,
    DAP_ZAMYN_UUD,
    EJIN_HORO,
    FCA_ERENHOT,
    FCA_ORDOS,
    FOB_TIANJIN,
    HANGGIN,
    JUNGGAR,
    Offer,
    Trade,
    chemical,
)

METHANOL = {
    "cas_number": "67-56-1",
    "ghs_classes": "Flam. Liq. 2; Acute Tox. 3; STOT SE 1",
    "signal_word": "danger",
    "hazard_statements": "H225, H301+H311+H331, H370",
    "un_number": "UN1230",
    "proper_shipping_name": "METHANOL",
    "transport_class": "3",
    "subsidiary_class": "6.1",
    "packing_group": "II",
}
# Ethylene glycol is not dangerous goods in transport.
ETHYLENE_GLYCOL = {
    "cas_number": "107-21-1",
    "ghs_classes": "Acute Tox. 4; STOT RE 2",
    "signal_word": "warning",
    "hazard_statements": "H302, H373",
}
METHANOL_BULK = Trade("2905110000", "t", "1000", "1000", "ISO tank, about 20 t", "ISO 9001; REACH registered")

METHANOL_PRODUCTS = [
    chemical(
        upc="ORD-MEOH-9985",
        supplier=HANGGIN,
        category=COAL_CHEMICALS,
        title="Methanol 99.85% (AA grade), CAS 67-56-1",
        description="Refined methanol to IMPCA / GB 338-2011 AA grade, purity ≥ 99.85%. UN1230, class 3 "
        "(sub 6.1), packing group II. Bulk ISO tank or 160 kg drums. Price per tonne, FCA Ordos.",
        trade=Trade("2905110000", "t", "1000", "1000", "ISO tank or 160 kg drums"),
        chemical={**METHANOL, "purity_percent": "99.85", "grade": "AA (GB 338-2011)"},
        ru=("Метанол 99,85% (марка А), CAS 67-56-1", "метиловый спирт"),
        zh=("甲醇 99.85%（优等品），CAS 67-56-1", "木醇 工业甲醇"),
        offers=(
            Offer(
                "ORD-MEOH-9985",
                "285.00",
                (FCA_ERENHOT, CPT_MOSCOW, FOB_TIANJIN),
                moq="20",
                lead_days=7,
                capacity="30000",
                stock=12000,
                packaging="ISO tank, about 20 t",
                tiers=(("100", "275.00"), ("500", "265.00")),
            ),
            # Mongolian mines and workshops buy drums, not tank loads.
            Offer(
                "ORD-MEOH-9985-DR",
                "315.00",
                (FCA_ORDOS, DAP_ZAMYN_UUD, CPT_ULAANBAATAR),
                moq="12.8",
                lead_days=10,
                capacity="3000",
                stock=640,
                packaging="160 kg steel drums, 80 per 20-ft container",
            ),
        ),
    ),
    chemical(
        upc="ORD-MEOH-IMPCA",
        supplier=HANGGIN,
        category=COAL_CHEMICALS,
        title="Methanol 99.85%, IMPCA reference specifications, bulk",
        description="Coal-based methanol meeting the IMPCA reference specifications (purity ≥ 99.85% w/w, "
        "water ≤ 0.1%), with independent surveyor's certificate per lot. UN1230, class 3 (sub 6.1), "
        "packing group II. Railed to Tianjin in ISO tanks.",
        trade=METHANOL_BULK,
        chemical={**METHANOL, "purity_percent": "99.85", "grade": "IMPCA"},
        ru=("Метанол 99,85%, спецификация IMPCA, наливом", "метиловый спирт IMPCA"),
        zh=("甲醇 99.85%（IMPCA 标准），散装", "工业甲醇 IMPCA"),
        offers=(
            Offer(
                "ORD-MEOH-IMPCA-FOB",
                "305.00",
                (FOB_TIANJIN,),
                moq="100",
                lead_days=21,
                capacity="30000",
                stock=8000,
            ),
            Offer(
                "ORD-MEOH-IMPCA-CFR",
                "328.00",
                (CFR_NHAVA_SHEVA,),
                moq="500",
                lead_days=35,
                capacity="30000",
                stock=8000,
            ),
        ),
    ),
    chemical(
        upc="ORD-MEOH-999",
        supplier=HANGGIN,
        category=COAL_CHEMICALS,
        title="Methanol 99.9%, refined (GB 338-2011)",
        description="Refined methanol, purity ≥ 99.9%, for formaldehyde, MTBE and solvent use. UN1230, "
        "class 3 (sub 6.1), packing group II. ISO tanks by road to Mongolia.",
        trade=METHANOL_BULK,
        chemical={**METHANOL, "purity_percent": "99.9", "grade": "GB 338-2011"},
        ru=("Метанол 99,9%, ректификованный (GB 338-2011)", "метиловый спирт ректификат"),
        zh=("精甲醇 99.9%（GB 338-2011）", "精甲醇 工业甲醇"),
        offers=(
            Offer(
                "ORD-MEOH-999",
                "292.00",
                (DAP_ZAMYN_UUD, CPT_ULAANBAATAR),
                moq="20",
                lead_days=7,
                capacity="20000",
                stock=5000,
            ),
        ),
    ),
    chemical(
        upc="ORD-MEOH-FUEL",
        supplier=HANGGIN,
        category=COAL_CHEMICALS,
        title="Fuel-grade methanol ≥ 99.5%, for boilers and M100 engines",
        description="Methanol for industrial boilers, kilns and M100 methanol vehicles, purity ≥ 99.5%. "
        "UN1230, class 3 (sub 6.1), packing group II.",
        trade=METHANOL_BULK,
        chemical={**METHANOL, "purity_percent": "99.5", "grade": "Fuel grade"},
        ru=("Топливный метанол ≥ 99,5% для котлов и двигателей M100", "метанол топливо"),
        zh=("燃料甲醇 ≥ 99.5%（锅炉及 M100 车用）", "醇基燃料 甲醇燃料"),
        offers=(
            Offer(
                "ORD-MEOH-FUEL",
                "270.00",
                (FCA_ORDOS, DAP_ZAMYN_UUD),
                moq="20",
                lead_days=7,
                capacity="15000",
                stock=4000,
            ),
        ),
    ),
    # Methanol from two more producers: the buyer compares them as separate listings.
    chemical(
        upc="ORD-MEOH-EJH",
        supplier=EJIN_HORO,
        category=COAL_CHEMICALS,
        title="Methanol 99.85%, surplus from coal-to-olefins, ISO tank",
        description="Methanol 99.85% from the methanol unit of a coal-to-olefins complex, sold when the MTO "
        "unit is in turnaround. UN1230, class 3 (sub 6.1), packing group II.",
        trade=METHANOL_BULK,
        chemical={**METHANOL, "purity_percent": "99.85", "grade": "GB 338-2011"},
        ru=("Метанол 99,85% с производства олефинов из угля, ISO-танк", "метиловый спирт"),
        zh=("甲醇 99.85%（煤制烯烃装置外售），罐箱", "工业甲醇"),
        offers=(
            Offer(
                "EJH-MEOH-ISO",
                "280.00",
                (FCA_ORDOS, FCA_ERENHOT),
                moq="20",
                lead_days=10,
                capacity="10000",
                stock=2000,
            ),
        ),
    ),
    chemical(
        upc="ORD-MEOH-JGR",
        supplier=JUNGGAR,
        category=COAL_CHEMICALS,
        title="Methanol 99.85% from coke-oven gas",
        description="Methanol made from the coke-oven gas of our coking plant, purity ≥ 99.85%. UN1230, "
        "class 3 (sub 6.1), packing group II. Sold by the tank truck or ISO tank.",
        trade=METHANOL_BULK,
        chemical={**METHANOL, "purity_percent": "99.85", "grade": "GB 338-2011"},
        ru=("Метанол 99,85% из коксового газа", "метиловый спирт"),
        zh=("焦炉气制甲醇 99.85%", "工业甲醇 焦炉煤气"),
        offers=(
            Offer(
                "JGR-MEOH-TT",
                "2050.00",
                (FCA_ORDOS,),
                moq="30",
                lead_days=5,
                capacity="8000",
                stock=1500,
                packaging="Road tank truck, about 30 t",
                currency="CNY",
            ),
        ),
    ),
]

GLYCOL_PRODUCTS = [
    chemical(
        upc="ORD-MEG-PG",
        supplier=HANGGIN,
        category=COAL_CHEMICALS,
        title="Ethylene glycol 99.9%, polyester grade (coal-based MEG)",
        description="Monoethylene glycol by the coal-to-MEG (oxalate) route, ≥ 99.9%, to GB/T 4649-2018 "
        "polyester grade, for PET fibre and resin. Not dangerous goods.",
        trade=Trade("2905310000", "t", "1000", "1000", "ISO tank or 225 kg drums", "ISO 9001"),
        chemical={**ETHYLENE_GLYCOL, "purity_percent": "99.9", "grade": "Polyester grade (GB/T 4649-2018)"},
        ru=("Этиленгликоль 99,9%, волоконный сорт (МЭГ из угля)", "моноэтиленгликоль МЭГ гликоль"),
        zh=("乙二醇 99.9%（聚酯级，煤制）", "MEG 煤制乙二醇"),
        offers=(
            Offer(
                "ORD-MEG-PG-ISO",
                "585.00",
                (FCA_ORDOS, CPT_MOSCOW),
                moq="20",
                lead_days=10,
                capacity="25000",
                stock=6000,
                packaging="ISO tank, about 21 t",
            ),
            Offer(
                "ORD-MEG-PG-DR",
                "625.00",
                (CPT_ALMATY, CPT_ULAANBAATAR),
                moq="18",
                lead_days=14,
                capacity="2000",
                stock=400,
                packaging="225 kg steel drums, 80 per 20-ft container",
            ),
        ),
    ),
    chemical(
        upc="ORD-MEG-IND",
        supplier=HANGGIN,
        category=COAL_CHEMICALS,
        title="Ethylene glycol 99.0%, industrial grade, for antifreeze",
        description="Industrial-grade monoethylene glycol, ≥ 99.0%, for antifreeze and coolants, "
        "unsaturated polyester resins and heat-transfer fluids.",
        trade=Trade("2905310000", "t", "1000", "1050", "225 kg steel drums", "ISO 9001"),
        chemical={**ETHYLENE_GLYCOL, "purity_percent": "99.0", "grade": "Industrial grade (GB/T 4649-2018)"},
        ru=("Этиленгликоль 99,0%, технический, для антифризов", "гликоль антифриз"),
        zh=("乙二醇 99.0%（工业级），防冻液用", "防冻液 原料 乙二醇"),
        offers=(
            Offer(
                "ORD-MEG-IND",
                "560.00",
                (FCA_ERENHOT, CPT_NOVOSIBIRSK),
                moq="18",
                lead_days=10,
                capacity="3000",
                stock=500,
            ),
        ),
    ),
    chemical(
        upc="ORD-MEG-EJH",
        supplier=EJIN_HORO,
        category=COAL_CHEMICALS,
        title="Ethylene glycol 99.9%, polyester grade",
        description="Polyester-grade MEG, ≥ 99.9%, UV transmittance to GB/T 4649-2018. Bulk in ISO tanks "
        "or flexitanks (not dangerous goods).",
        trade=Trade("2905310000", "t", "1000", "1000", "ISO tank or 24 t flexitank", "ISO 9001"),
        chemical={**ETHYLENE_GLYCOL, "purity_percent": "99.9", "grade": "Polyester grade (GB/T 4649-2018)"},
        ru=("Этиленгликоль 99,9%, волоконный сорт", "МЭГ моноэтиленгликоль"),
        zh=("乙二醇 99.9%（聚酯级）", "MEG 聚酯级乙二醇"),
        offers=(
            Offer(
                "EJH-MEG-FLX",
                "590.00",
                (FOB_TIANJIN, CIF_HAIPHONG),
                moq="24",
                lead_days=21,
                capacity="15000",
                stock=3000,
                packaging="24 t flexitank in 20-ft container",
            ),
        ),
    ),
    chemical(
        upc="ORD-MEG-JGR",
        supplier=JUNGGAR,
        category=COAL_CHEMICALS,
        title="Ethylene glycol 99.8%, coal-based, for coolants",
        description="Coal-based ethylene glycol, ≥ 99.8%, for engine coolants and de-icing fluids.",
        trade=Trade("2905310000", "t", "1000", "1060", "1,000 l IBC (about 1.1 t)", "ISO 9001"),
        chemical={**ETHYLENE_GLYCOL, "purity_percent": "99.8", "grade": "Industrial grade"},
        ru=("Этиленгликоль 99,8% из угля, для охлаждающих жидкостей", "гликоль антифриз тосол"),
        zh=("煤制乙二醇 99.8%（冷却液用）", "防冻液 乙二醇"),
        offers=(
            Offer(
                "JGR-MEG-IBC",
                "575.00",
                (FCA_ERENHOT, DAP_ZAMYN_UUD),
                moq="11",
                lead_days=10,
                capacity="2000",
                stock=300,
            ),
        ),
    ),
]

PRODUCTS = METHANOL_PRODUCTS + GLYCOL_PRODUCTS
