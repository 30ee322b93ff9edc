"""Fertilisers: coal-based urea and AUS 32 urea solution."""

from marketplace.demo.products.base import (
    CIF_HAIPHONG,
    CPT_ALMATY,
    CPT_MOSCOW,
    CPT_ULAANBAATAR,
    DAP_ZAMYN_UUD,
    FCA_ERENHOT,
    FCA_MANZHOULI,
    FCA_ORDOS,
    FERTILISERS,
    FOB_TIANJIN,
    HANGGIN,
    JUNGGAR,
    Offer,
    Trade,
    chemical,
)

# Urea is not dangerous goods in transport.
UREA = {"cas_number": "57-13-6"}
UREA_BAGS = Trade("3102100090", "t", "1000", "1004", "50 kg PP woven bags", "ISO 9001; SGS inspection")
UREA_PRODUCTS = [
    chemical(
        upc="ORD-UREA-G46",
        supplier=HANGGIN,
        category=FERTILISERS,
        title="Urea granular 46% N, 2–4 mm",
        description="Coal-based granular urea, nitrogen ≥ 46.0%, biuret ≤ 1.0%, moisture ≤ 0.5%, "
        "granules 2–4 mm ≥ 90%. Export under the current urea export quota.",
        trade=UREA_BAGS,
        chemical={**UREA, "grade": "Granular, N ≥ 46%"},
        ru=("Карбамид гранулированный 46% N, 2–4 мм", "мочевина азотное удобрение"),
        zh=("大颗粒尿素 46%（2–4 mm）", "尿素 氮肥"),
        offers=(
            Offer(
                "ORD-UREA-G46-BAG",
                "365.00",
                (FOB_TIANJIN, CIF_HAIPHONG),
                moq="500",
                lead_days=30,
                capacity="40000",
                stock=10000,
                packaging="50 kg PP woven bags, containerised",
            ),
            Offer(
                "ORD-UREA-G46-JB",
                "340.00",
                (FCA_ERENHOT, DAP_ZAMYN_UUD),
                moq="60",
                lead_days=14,
                capacity="10000",
                stock=3000,
                packaging="1 t jumbo bags on rail wagons",
            ),
        ),
    ),
    chemical(
        upc="ORD-UREA-P46",
        supplier=HANGGIN,
        category=FERTILISERS,
        title="Urea prilled 46% N, 0.85–2.8 mm",
        description="Prilled urea for fertiliser blending and industry, nitrogen ≥ 46.0%, biuret ≤ 1.0%.",
        trade=UREA_BAGS,
        chemical={**UREA, "grade": "Prilled, N ≥ 46%"},
        ru=("Карбамид приллированный 46% N", "мочевина прилл"),
        zh=("小颗粒尿素 46%", "尿素 农用"),
        offers=(
            Offer(
                "ORD-UREA-P46",
                "355.00",
                (FCA_ERENHOT, CPT_ALMATY),
                moq="60",
                lead_days=14,
                capacity="15000",
                stock=4000,
            ),
        ),
    ),
    chemical(
        upc="ORD-UREA-NBPT",
        supplier=HANGGIN,
        category=FERTILISERS,
        title="Urea granular 46% N with NBPT urease inhibitor",
        description="Granular urea coated with NBPT (about 530 ppm), which slows ammonia losses from "
        "surface-applied urea on alkaline steppe soils. Nitrogen ≥ 46.0%.",
        trade=UREA_BAGS,
        chemical={**UREA, "grade": "Granular, N ≥ 46%, NBPT-treated"},
        ru=("Карбамид гранулированный 46% N с ингибитором уреазы NBPT", "мочевина стабилизированная"),
        zh=("含 NBPT 脲酶抑制剂大颗粒尿素 46%", "稳定性尿素 增效尿素"),
        offers=(
            Offer(
                "ORD-UREA-NBPT",
                "395.00",
                (FCA_ERENHOT, CPT_ALMATY),
                moq="60",
                lead_days=21,
                capacity="5000",
                stock=1000,
            ),
        ),
    ),
    chemical(
        upc="ORD-UREA-AUTO",
        supplier=HANGGIN,
        category=FERTILISERS,
        title="Urea, automotive grade (biuret ≤ 0.3%), for AdBlue blending",
        description="Low-biuret, low-aldehyde urea for making AUS 32 / AdBlue diesel exhaust fluid to "
        "ISO 22241. 25 kg bags or 1 t jumbo bags.",
        trade=Trade("3102100090", "t", "1000", "1005", "25 kg PE-lined bags", "ISO 9001"),
        chemical={**UREA, "purity_percent": "99.5", "grade": "Automotive grade, biuret ≤ 0.3%"},
        ru=("Карбамид автомобильный (биурет ≤ 0,3%) для AdBlue", "мочевина AdBlue AUS 32"),
        zh=("车用尿素级尿素（缩二脲 ≤ 0.3%）", "车用尿素 原料"),
        offers=(
            Offer(
                "ORD-UREA-AUTO",
                "410.00",
                (FCA_ERENHOT, CPT_MOSCOW),
                moq="25",
                lead_days=14,
                capacity="5000",
                stock=1200,
            ),
        ),
    ),
    chemical(
        upc="ORD-AUS32",
        supplier=HANGGIN,
        category=FERTILISERS,
        title="AUS 32 urea solution 32.5% (AdBlue type), ISO 22241",
        description="Diesel exhaust fluid, urea 32.5% in demineralised water, to ISO 22241-1. For trucks "
        "and mining equipment with SCR. Price per tonne of solution.",
        trade=Trade("3102100090", "t", "1000", "1055", "1,000 l IBC", "ISO 22241; ISO 9001"),
        chemical={**UREA, "purity_percent": "32.5", "grade": "AUS 32 (ISO 22241-1)"},
        ru=("Раствор мочевины AUS 32 (32,5%, тип AdBlue), ISO 22241", "AdBlue адблю мочевина раствор"),
        zh=("车用尿素溶液 AUS 32（32.5%，ISO 22241）", "AdBlue 柴油尾气处理液"),
        offers=(
            Offer(
                "ORD-AUS32-IBC",
                "190.00",
                (DAP_ZAMYN_UUD, CPT_ULAANBAATAR),
                moq="20",
                lead_days=7,
                capacity="6000",
                stock=800,
                packaging="1,000 l IBC, 20 per truck",
            ),
            Offer(
                "ORD-AUS32-CAN",
                "260.00",
                (FCA_ORDOS, DAP_ZAMYN_UUD),
                moq="5",
                lead_days=7,
                capacity="1000",
                stock=200,
                packaging="10 l canisters, 96 per pallet",
            ),
        ),
    ),
    chemical(
        upc="ORD-UREA-JGR",
        supplier=JUNGGAR,
        category=FERTILISERS,
        title="Urea granular 46% N, from coke-oven gas ammonia",
        description="Granular urea, nitrogen ≥ 46.0%, biuret ≤ 0.9%, from the ammonia of our coking plant.",
        trade=Trade("3102100090", "t", "1000", "1004", "1 t jumbo bags", "ISO 9001"),
        chemical={**UREA, "grade": "Granular, N ≥ 46%"},
        ru=("Карбамид гранулированный 46% N", "мочевина удобрение"),
        zh=("大颗粒尿素 46%（焦炉气合成氨）", "尿素 氮肥"),
        offers=(
            Offer(
                "JGR-UREA-JB",
                "345.00",
                (FCA_ERENHOT, FCA_MANZHOULI),
                moq="60",
                lead_days=14,
                capacity="8000",
                stock=2000,
            ),
        ),
    ),
]


PRODUCTS = UREA_PRODUCTS
