"""Large LFP packs: traction packs for trucks and buses, and energy-storage cabinets and racks."""

from marketplace.demo.products.base import (
    CIF_JEBEL_ALI,
    CPT_TASHKENT,
    DAP_GASHUUNSUKHAIT,
    ENERGY_STORAGE,
    FCA_ORDOS,
    FOB_TIANJIN,
    OTOG,
    Offer,
)
from marketplace.demo.products.batteries import EV_CERTIFICATES, HS_EV_SYSTEM, lfp, offers_of

# Traction packs for vehicles are "systems" in the tariff (≥ 80 Wh/kg).
TRACTION_PACKS = [
    lfp(
        upc="ORD-LFP-TRK282",
        title="LFP battery-swap pack for electric heavy trucks, 563 V 282 kWh",
        ru=("Сменный аккумуляторный блок LFP для электрических тягачей, 563 В 282 кВт·ч", "свап батарея"),
        zh=("重卡换电电池包 磷酸铁锂 563 V 282 kWh", "换电 电池包 重卡"),
        description="176S2P pack of 250 Ah cells in a standard swap frame, liquid-cooled, for swap stations "
        "serving coal haulage trucks.",
        rating=("563.2", "500"),
        weights=("2050", "2250"),
        packaging="Steel frame on skid",
        offers=(
            Offer("ORD-LFP-TRK282", "31000.00", (FCA_ORDOS,), moq="2", lead_days=45, capacity="60", stock=12),
            Offer(
                "ORD-LFP-TRK282-MN",
                "32500.00",
                (DAP_GASHUUNSUKHAIT,),
                moq="4",
                lead_days=60,
                capacity="60",
                stock=12,
                packaging="Steel frame on skid, 2 per flat-bed truck",
            ),
        ),
        hs_code=HS_EV_SYSTEM,
        certifications=EV_CERTIFICATES,
    ),
    lfp(
        upc="ORD-LFP-MTK423",
        title="LFP traction pack for 60 t mining dump trucks, 755 V 423 kWh",
        ru=("Тяговая батарея LFP для карьерных самосвалов 60 т, 755 В 423 кВт·ч", "батарея электросамосвала"),
        zh=("矿用自卸车动力电池包 磷酸铁锂 755 V 423 kWh", "矿卡 电池包"),
        description="Replacement traction pack (236S2P, 280 Ah cells) for 60 t battery-electric mining "
        "trucks.",
        rating=("755.2", "560"),
        weights=("3100", "3350"),
        packaging="Steel frame on skid",
        offers=offers_of(
            "ORD-LFP-MTK423",
            "46000.00",
            (FCA_ORDOS, DAP_GASHUUNSUKHAIT),
            lead_days=60,
            capacity="20",
            stock=6,
        ),
        hs_code=HS_EV_SYSTEM,
        certifications=EV_CERTIFICATES,
    ),
    lfp(
        upc="ORD-LFP-BUS141",
        title="LFP traction pack for city buses, 614 V 141 kWh",
        ru=("Тяговая батарея LFP для городских автобусов, 614 В 141 кВт·ч", "батарея электробуса"),
        zh=("城市公交动力电池包 磷酸铁锂 614 V 141 kWh", "公交 电池包"),
        description="192S1P pack of 230 Ah cells in four roof boxes, for 10–12 m electric buses.",
        rating=("614.4", "230"),
        weights=("1050", "1150"),
        packaging="Four crates per pack",
        offers=offers_of("ORD-LFP-BUS141", "16500.00", moq="2", lead_days=45, capacity="60", stock=20),
        hs_code=HS_EV_SYSTEM,
        certifications=EV_CERTIFICATES,
    ),
]

STORAGE_CABINETS = [
    lfp(
        upc="ORD-ESS-233",
        category=ENERGY_STORAGE,
        title="Liquid-cooled ESS battery cabinet 832 V 280 Ah (233 kWh)",
        ru=("Шкаф накопителя энергии LFP 832 В 280 А·ч (233 кВт·ч), жидкостное охлаждение", "СНЭ BESS"),
        zh=("液冷储能电池柜 832 V 280 Ah（233 kWh）", "储能柜 工商业储能"),
        description="Outdoor cabinet with 260 cells, BMS, liquid cooling and aerosol fire suppression; "
        "PCS not included.",
        rating=("832", "280"),
        weights=("2300", "2450"),
        packaging="Cabinet on skid, in 20-ft container",
        offers=offers_of("ORD-ESS-233", "24500.00", lead_days=45, capacity="100", stock=20),
    ),
    lfp(
        upc="ORD-ESS-261",
        category=ENERGY_STORAGE,
        title="Liquid-cooled ESS battery cabinet 832 V 314 Ah (261 kWh)",
        ru=("Шкаф накопителя энергии LFP 832 В 314 А·ч (261 кВт·ч), жидкостное охлаждение", "СНЭ BESS"),
        zh=("液冷储能电池柜 832 V 314 Ah（261 kWh）", "储能柜 工商业储能"),
        description="Outdoor cabinet with 260 cells of 314 Ah, BMS, liquid cooling and fire suppression; PCS "
        "not included.",
        rating=("832", "314"),
        weights=("2400", "2550"),
        packaging="Cabinet on skid, in 20-ft container",
        offers=(
            Offer("ORD-ESS-261", "25800.00", (FCA_ORDOS,), lead_days=45, capacity="100", stock=20),
            Offer(
                "ORD-ESS-261-SEA",
                "27200.00",
                (FOB_TIANJIN, CIF_JEBEL_ALI),
                moq="4",
                lead_days=60,
                capacity="100",
                stock=20,
                packaging="Cabinet in 20-ft container, class 9 declared",
            ),
        ),
    ),
    lfp(
        upc="ORD-ESS-418",
        category=ENERGY_STORAGE,
        title="ESS battery rack 1,331 V 314 Ah (418 kWh), for utility-scale storage",
        ru=("Стойка СНЭ LFP 1331 В 314 А·ч (418 кВт·ч)", "накопитель энергии BESS"),
        zh=("储能电池簇 1331 V 314 Ah（418 kWh）", "储能电池簇 电网侧储能"),
        description="One 416S rack of 314 Ah cells with rack BMS and high-voltage box, for 5 MWh container "
        "systems built on site.",
        rating=("1331.2", "314"),
        weights=("3000", "3250"),
        packaging="Rack crated on skid",
        offers=offers_of("ORD-ESS-418", "39000.00", lead_days=60, capacity="60", stock=12),
    ),
    lfp(
        upc="ORD-ESS-OTG215",
        supplier=OTOG,
        category=ENERGY_STORAGE,
        title="Commercial ESS cabinet 768 V 280 Ah (215 kWh), for PV plants",
        ru=("Шкаф накопителя энергии 768 В 280 А·ч (215 кВт·ч) для СЭС", "СНЭ BESS солнечная станция"),
        zh=("工商业储能柜 768 V 280 Ah（215 kWh），光伏配储", "光储 储能柜"),
        description="Air-cooled cabinet with 240 LFP cells and BMS, matched to our PV plant designs; PCS not "
        "included.",
        rating=("768", "280"),
        weights=("2150", "2300"),
        packaging="Cabinet on skid, in 20-ft container",
        offers=offers_of(
            "ORD-ESS-OTG215", "22800.00", (FCA_ORDOS, CPT_TASHKENT), lead_days=45, capacity="80"
        ),
    ),
]

PRODUCTS = TRACTION_PACKS + STORAGE_CABINETS
