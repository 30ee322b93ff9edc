"""The chlor-alkali chain: caustic soda (solid and lye) and PVC resin."""

from marketplace.demo.products.base import (
    CHLOR_ALKALI,
    CIF_JEBEL_ALI,
    CIF_NOVOROSSIYSK,
    CPT_ALMATY,
    CPT_MOSCOW,
    CPT_NOVOSIBIRSK,
    CPT_TASHKENT,
    CPT_ULAANBAATAR,
    DALAD,
    DAP_ZAMYN_UUD,
    FCA_ERENHOT,
    FCA_ORDOS,
    FOB_TIANJIN,
    JUNGGAR,
    POLYMERS,
    Offer,
    Trade,
    chemical,
    resin_offers,
)

CAUSTIC_SODA_SOLID = {
    "cas_number": "1310-73-2",
    "ghs_classes": "Met. Corr. 1; Skin Corr. 1A",
    "signal_word": "danger",
    "hazard_statements": "H290, H314",
    "un_number": "UN1823",
    "proper_shipping_name": "SODIUM HYDROXIDE, SOLID",
    "transport_class": "8",
    "packing_group": "II",
}
CAUSTIC_SODA_SOLUTION = {
    **CAUSTIC_SODA_SOLID,
    "un_number": "UN1824",
    "proper_shipping_name": "SODIUM HYDROXIDE SOLUTION",
}
PVC = "9002-86-2"  # polymers in primary forms are not dangerous goods

RESIN_BAGS = "25 kg bags, 40 per pallet"
PVC_TRADE = Trade("3904109090", "t", "1000", "1010", RESIN_BAGS, "ISO 9001; REACH registered")


CAUSTIC_SODA_PRODUCTS = [
    chemical(
        upc="ORD-NAOH-99",
        supplier=DALAD,
        category=CHLOR_ALKALI,
        title="Caustic soda flakes 99%",
        description="Sodium hydroxide flakes, NaOH ≥ 99%. UN1823, class 8, packing group II. 25 kg bags.",
        trade=Trade("2815110000", "t", "1000", "1010", "25 kg bags"),
        chemical={
            "cas_number": "1310-73-2",
            "purity_percent": "99",
            "signal_word": "danger",
            "hazard_statements": "H290, H314",
            "un_number": "UN1823",
            "proper_shipping_name": "SODIUM HYDROXIDE, SOLID",
            "transport_class": "8",
            "packing_group": "II",
        },
        ru=("Сода каустическая чешуированная 99%", "гидроксид натрия едкий натр"),
        zh=("片碱 99%（氢氧化钠）", "烧碱 火碱"),
        offers=(
            Offer(
                "ORD-NAOH-99",
                "410.00",
                (FCA_ERENHOT,),
                moq="25",
                lead_days=10,
                capacity="15000",
                stock=5000,
                packaging="25 kg bags",
                tiers=(("200", "395.00"),),
            ),
            Offer(
                "ORD-NAOH-99-JB",
                "400.00",
                (FOB_TIANJIN, CIF_JEBEL_ALI),
                moq="100",
                lead_days=25,
                capacity="15000",
                stock=5000,
                packaging="1 t jumbo bags, 25 per 40-ft container",
            ),
        ),
    ),
    chemical(
        upc="ORD-NAOH-PRL",
        supplier=DALAD,
        category=CHLOR_ALKALI,
        title="Caustic soda pearls 99%",
        description="Membrane-grade sodium hydroxide pearls (microprills), NaOH ≥ 99%, NaCl ≤ 0.03%, "
        "free-flowing for dosing. UN1823, class 8, packing group II.",
        trade=Trade("2815110000", "t", "1000", "1010", "25 kg PE-lined bags", "ISO 9001; REACH registered"),
        chemical={**CAUSTIC_SODA_SOLID, "purity_percent": "99", "grade": "Pearls, membrane grade"},
        ru=("Сода каустическая гранулированная (жемчуг) 99%", "гидроксид натрия гранулы едкий натр"),
        zh=("粒碱 99%（珠碱）", "烧碱 氢氧化钠 珠状"),
        offers=(
            Offer(
                "ORD-NAOH-PRL",
                "430.00",
                (FCA_ERENHOT, CPT_ALMATY),
                moq="25",
                lead_days=10,
                capacity="5000",
                stock=1500,
            ),
        ),
    ),
    chemical(
        upc="ORD-NAOH-L32",
        supplier=DALAD,
        category=CHLOR_ALKALI,
        title="Liquid caustic soda 32% (membrane grade)",
        description="Sodium hydroxide solution 32%, membrane grade, for water treatment, alumina and "
        "mining. UN1824, class 8, packing group II. Price per tonne of solution.",
        trade=Trade("2815120000", "t", "1000", "1000", "ISO tank or rail tank wagon", "ISO 9001"),
        chemical={**CAUSTIC_SODA_SOLUTION, "purity_percent": "32", "grade": "32%, membrane grade"},
        ru=("Сода каустическая жидкая 32% (мембранная)", "натр едкий раствор щёлочь"),
        zh=("液碱 32%（离子膜）", "氢氧化钠溶液 烧碱"),
        offers=(
            Offer(
                "ORD-NAOH-L32-ISO",
                "120.00",
                (FCA_ORDOS, DAP_ZAMYN_UUD),
                moq="20",
                lead_days=5,
                capacity="30000",
                stock=3000,
                packaging="ISO tank, about 22 t",
            ),
            Offer(
                "ORD-NAOH-L32-RTC",
                "135.00",
                (CPT_ULAANBAATAR,),
                moq="60",
                lead_days=10,
                capacity="30000",
                stock=3000,
                packaging="Rail tank wagon, about 60 t",
            ),
        ),
    ),
    chemical(
        upc="ORD-NAOH-L50",
        supplier=DALAD,
        category=CHLOR_ALKALI,
        title="Liquid caustic soda 50% (membrane grade)",
        description="Sodium hydroxide solution 50%, membrane grade. Freezes near 12 °C: heated ISO tanks "
        "from October to April. UN1824, class 8, packing group II. Price per tonne of solution.",
        trade=Trade("2815120000", "t", "1000", "1000", "ISO tank with steam coils", "ISO 9001"),
        chemical={**CAUSTIC_SODA_SOLUTION, "purity_percent": "50", "grade": "50%, membrane grade"},
        ru=("Сода каустическая жидкая 50% (мембранная)", "натр едкий раствор щёлочь"),
        zh=("液碱 50%（离子膜）", "氢氧化钠溶液 烧碱"),
        offers=(
            Offer(
                "ORD-NAOH-L50",
                "215.00",
                (FCA_ORDOS, FOB_TIANJIN),
                moq="20",
                lead_days=7,
                capacity="20000",
                stock=2500,
            ),
        ),
    ),
    chemical(
        upc="ORD-NAOH-JGR",
        supplier=JUNGGAR,
        category=CHLOR_ALKALI,
        title="Caustic soda flakes 99%, 25 kg bags",
        description="Sodium hydroxide flakes, NaOH ≥ 99%, Na₂CO₃ ≤ 0.5%. UN1823, class 8, packing group II.",
        trade=Trade("2815110000", "t", "1000", "1010", "25 kg bags", "ISO 9001"),
        chemical={**CAUSTIC_SODA_SOLID, "purity_percent": "99", "grade": "Flakes"},
        ru=("Сода каустическая чешуированная 99%, мешки 25 кг", "гидроксид натрия едкий натр"),
        zh=("片碱 99%，25 kg 袋装", "烧碱 火碱 氢氧化钠"),
        offers=(
            Offer(
                "JGR-NAOH-FL",
                "405.00",
                (FCA_ERENHOT, CPT_TASHKENT),
                moq="25",
                lead_days=10,
                capacity="4000",
                stock=1000,
            ),
        ),
    ),
]


def pvc(upc, supplier, grade, k_value, use, ru_use, zh_use, offers, *, route="carbide"):
    return chemical(
        upc=upc,
        supplier=supplier,
        category=POLYMERS,
        title=f"PVC resin {grade} (K {k_value})",
        description=f"Suspension PVC homopolymer ({route} route), K value {k_value}, for {use}. "
        "Price per tonne.",
        trade=PVC_TRADE,
        chemical={"cas_number": PVC, "grade": f"{grade}, K {k_value}"},
        ru=(f"ПВХ смола {grade} (K {k_value})", f"поливинилхлорид суспензионный {ru_use}"),
        zh=(f"聚氯乙烯树脂 {grade}（K值 {k_value}）", f"PVC {zh_use}"),
        offers=offers,
    )


PVC_PRODUCTS = [
    chemical(
        upc="ORD-PVC-SG5",
        supplier=DALAD,
        category=POLYMERS,
        title="PVC resin SG-5 (K 66-68)",
        description="Suspension PVC homopolymer, K value 66–68, for pipes and profiles. 25 kg bags, 1,000 kg "
        "per pallet. Price per tonne, FCA Ordos.",
        trade=Trade("3904109090", "t", "1000", "1010", "25 kg bags, 40 per pallet"),
        chemical={"cas_number": PVC, "grade": "SG-5, K 66-68"},
        ru=("ПВХ смола SG-5 (K 66–68)", "поливинилхлорид суспензионный"),
        zh=("聚氯乙烯树脂 SG-5（K值 66–68）", "PVC 电石法"),
        offers=(
            Offer(
                "ORD-PVC-SG5",
                "720.00",
                (FCA_ERENHOT, CIF_NOVOROSSIYSK),
                moq="25",
                lead_days=10,
                capacity="20000",
                stock=8000,
                packaging="25 kg bags, 40 per pallet",
                tiers=(("100", "705.00"),),
            ),
            # Chinese traders buy ex works in yuan, in jumbo bags.
            Offer(
                "ORD-PVC-SG5-JB",
                "5050.00",
                (FCA_ORDOS,),
                moq="26",
                lead_days=5,
                capacity="20000",
                stock=8000,
                packaging="1.3 t jumbo bags",
                currency="CNY",
            ),
        ),
    ),
    pvc(
        "ORD-PVC-SG3",
        DALAD,
        "SG-3",
        "71–72",
        "cables, soft films and hoses",
        "кабельный пластикат",
        "电缆料 软制品",
        resin_offers("ORD-PVC-SG3", "745.00", (FCA_ERENHOT, CPT_MOSCOW)),
    ),
    pvc(
        "ORD-PVC-SG7",
        DALAD,
        "SG-7",
        "60–62",
        "injection-moulded fittings and rigid sheets",
        "литьё фитингов",
        "注塑管件 硬片",
        resin_offers("ORD-PVC-SG7", "710.00", (FCA_ERENHOT, CPT_ALMATY)),
    ),
    pvc(
        "ORD-PVC-SG8",
        DALAD,
        "SG-8",
        "55–59",
        "transparent sheets and bottles",
        "прозрачные листы",
        "透明片材 瓶料",
        resin_offers("ORD-PVC-SG8", "725.00", (FCA_ERENHOT, CPT_NOVOSIBIRSK)),
    ),
    pvc(
        "ORD-PVC-JGR",
        JUNGGAR,
        "SG-5",
        "66–68",
        "pipes, profiles and window frames",
        "трубы профили",
        "管材 型材",
        (
            Offer(
                "JGR-PVC-SG5",
                "715.00",
                (FCA_ERENHOT, CPT_NOVOSIBIRSK),
                moq="25",
                lead_days=10,
                capacity="8000",
                stock=2000,
                packaging=RESIN_BAGS,
            ),
        ),
    ),
]

PRODUCTS = CAUSTIC_SODA_PRODUCTS + PVC_PRODUCTS
