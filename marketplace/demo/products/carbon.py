"""Calcium carbide and carbon materials: coal tar pitch, needle and pitch coke, calcined petroleum coke."""

from marketplace.demo.products.base import (
    CARBON,
    CIF_VLADIVOSTOK,
    COAL_CHEMICALS,
    CPT_NOVOSIBIRSK,
    CPT_ULAANBAATAR,
    DALAD,
    DAP_ZAMYN_UUD,
    FCA_ERENHOT,
    FCA_MANZHOULI,
    FOB_QINGDAO,
    FOB_TIANJIN,
    JUNGGAR,
    Offer,
    Trade,
    chemical,
)

CALCIUM_CARBIDE = {
    "cas_number": "75-20-7",
    "ghs_classes": "Water-react. 1",
    "signal_word": "danger",
    "hazard_statements": "H260",
    "un_number": "UN1402",
    "proper_shipping_name": "CALCIUM CARBIDE",
    "transport_class": "4.3",
    "packing_group": "II",
}
# Solid pitch is not regulated as such, but it is very toxic to aquatic life: by sea and road it
# ships as an environmentally hazardous solid.
COAL_TAR_PITCH = {
    "cas_number": "65996-93-2",
    "ghs_classes": "Carc. 1B; Muta. 1B; Repr. 1B; Aquatic Acute 1; Aquatic Chronic 1",
    "signal_word": "danger",
    "hazard_statements": "H340, H350, H360FD, H400, H410",
    "un_number": "UN3077",
    "proper_shipping_name": "ENVIRONMENTALLY HAZARDOUS SUBSTANCE, SOLID, N.O.S. (coal tar pitch)",
    "transport_class": "9",
    "packing_group": "III",
}
PITCH_COKE = {"cas_number": "65996-77-2"}
CALCINED_PETROLEUM_COKE = {"cas_number": "64743-05-1"}

TONNE_IN_JUMBO_BAGS = "1 t jumbo bags"


def carbide(upc, supplier, gas_yield, sizes, price, offers=None, *, packing_group="II", note=""):
    """Calcium carbide of one gas yield (L/kg) and lump size, in welded steel drums."""
    pg_note = "I: fine granules release acetylene fast" if packing_group == "I" else "II"
    return chemical(
        upc=upc,
        supplier=supplier,
        category=COAL_CHEMICALS,
        title=f"Calcium carbide {gas_yield} L/kg, {sizes} mm",
        description=f"Calcium carbide, gas yield ≥ {gas_yield} L/kg (20 °C, 101.3 kPa), size {sizes} mm. "
        f"{note}UN1402, class 4.3, packing group {pg_note}. Welded steel drums, nitrogen-blanketed.",
        trade=Trade("2849100000", "t", "1000", "1080", "100 kg welded steel drums", "ISO 9001"),
        chemical={
            **CALCIUM_CARBIDE,
            "grade": f"{gas_yield} L/kg, {sizes} mm",
            "packing_group": packing_group,
        },
        ru=(f"Карбид кальция {gas_yield} л/кг, {sizes} мм", "карбид CaC2 ацетилен"),
        zh=(f"电石 {gas_yield} L/kg，{sizes} mm", "碳化钙 电石"),
        offers=offers
        or (
            Offer(
                upc, price, (FCA_ERENHOT, DAP_ZAMYN_UUD), moq="20", lead_days=10, capacity="6000", stock=1500
            ),
        ),
    )


CARBIDE_PRODUCTS = [
    chemical(
        upc="ORD-CAC2-295",
        supplier=JUNGGAR,
        category=COAL_CHEMICALS,
        title="Calcium carbide 295 L/kg, 50–80 mm",
        description="Calcium carbide, gas yield ≥ 295 L/kg, lumps 50–80 mm. UN1402, class 4.3, packing group "
        "II. 100 kg steel drums.",
        trade=Trade("2849100000", "t", "1000", "1060", "100 kg steel drums"),
        chemical={
            "cas_number": "75-20-7",
            "signal_word": "danger",
            "hazard_statements": "H260",
            "un_number": "UN1402",
            "proper_shipping_name": "CALCIUM CARBIDE",
            "transport_class": "4.3",
            "packing_group": "II",
        },
        ru=("Карбид кальция 295 л/кг, 50–80 мм", "карбид"),
        zh=("电石 295 L/kg，50–80 mm", "碳化钙"),
        offers=(
            Offer(
                "ORD-CAC2-295",
                "520.00",
                (FCA_ERENHOT,),
                moq="20",
                lead_days=10,
                capacity="10000",
                stock=4000,
                packaging="100 kg steel drums",
                tiers=(),
            ),
            # Small workshops welding with acetylene take lighter drums.
            Offer(
                "ORD-CAC2-295-D50",
                "560.00",
                (DAP_ZAMYN_UUD, CPT_ULAANBAATAR),
                moq="10",
                lead_days=14,
                capacity="1000",
                stock=300,
                packaging="50 kg steel drums, 20 per pallet",
            ),
        ),
    ),
    carbide("ORD-CAC2-305", JUNGGAR, "305", "50–80", "545.00", note="Premium grade for acetylene plants. "),
    carbide("ORD-CAC2-300S", JUNGGAR, "300", "15–25", "540.00", note="For acetylene generators. "),
    carbide(
        "ORD-CAC2-GR",
        JUNGGAR,
        "285",
        "2–4",
        "585.00",
        packing_group="I",
        note="Granules for steel desulphurisation. ",
        offers=(
            Offer(
                "ORD-CAC2-GR",
                "585.00",
                (FCA_ERENHOT,),
                moq="10",
                lead_days=14,
                capacity="800",
                stock=200,
                packaging="50 kg steel drums",
            ),
        ),
    ),
    carbide(
        "ORD-CAC2-DAL", DALAD, "285", "25–50", "505.00", note="From our PVC complex's carbide furnaces. "
    ),
]


def pitch(upc, title, ru, zh, grade, description, price, offers=None):
    return chemical(
        upc=upc,
        supplier=JUNGGAR,
        category=CARBON,
        title=title,
        description=description + " Ships as UN3077, class 9, packing group III (marine pollutant).",
        trade=Trade("2708100000", "t", "1000", "1005", TONNE_IN_JUMBO_BAGS, "ISO 9001; REACH registered"),
        chemical={**COAL_TAR_PITCH, "grade": grade},
        ru=(ru, "пек каменноугольный"),
        zh=(zh, "煤沥青 煤焦油沥青"),
        offers=offers
        or (
            Offer(
                upc, price, (FCA_ERENHOT, FOB_TIANJIN), moq="25", lead_days=14, capacity="5000", stock=1200
            ),
        ),
    )


def coke(upc, hs_code, spec, title, ru, zh, grade, description, price, offers=None):
    return chemical(
        upc=upc,
        supplier=JUNGGAR,
        category=CARBON,
        title=title,
        description=description + " Not dangerous goods.",
        trade=Trade(hs_code, "t", "1000", "1004", TONNE_IN_JUMBO_BAGS, "ISO 9001"),
        chemical={**spec, "grade": grade},
        ru=(ru, "кокс"),
        zh=(zh, "焦炭 炭素"),
        offers=offers
        or (
            Offer(upc, price, (FCA_ERENHOT, FOB_TIANJIN), moq="25", lead_days=21, capacity="3000", stock=600),
        ),
    )


CARBON_PRODUCTS = [
    pitch(
        "ORD-CTP-MT",
        "Coal tar pitch, medium temperature (SP 75–90 °C), flakes",
        "Пек каменноугольный среднетемпературный (Тр 75–90 °C), чешуйки",
        "中温煤沥青（软化点 75–90 °C），片状",
        "Medium temperature, SP 75–90 °C",
        "Coal tar pitch flakes, softening point 75–90 °C, for refractories and carbon paste.",
        "430.00",
    ),
    pitch(
        "ORD-CTP-HT",
        "Modified coal tar pitch (SP 105–115 °C), binder for anodes and electrodes",
        "Пек каменноугольный высокотемпературный модифицированный (Тр 105–115 °C), связующий",
        "改质沥青（软化点 105–115 °C），阳极及电极粘结剂",
        "Modified high temperature, SP 105–115 °C",
        "Binder pitch for prebaked aluminium anodes and graphite electrodes: softening point 105–115 °C, "
        "β-resin ≥ 18%, coking value ≥ 56%.",
        "560.00",
        offers=(
            Offer(
                "ORD-CTP-HT-JB",
                "560.00",
                (FCA_ERENHOT, FCA_MANZHOULI),
                moq="25",
                lead_days=14,
                capacity="6000",
                stock=1500,
                packaging="1 t jumbo bags of flakes",
            ),
            # Overseas smelters buy it FOB in containers, at a larger minimum.
            Offer(
                "ORD-CTP-HT-FOB",
                "575.00",
                (FOB_TIANJIN, FOB_QINGDAO),
                moq="100",
                lead_days=30,
                capacity="6000",
                stock=1500,
                packaging="1 t jumbo bags, 20 per 20-ft container",
            ),
        ),
    ),
    pitch(
        "ORD-CTP-IMP",
        "Impregnating pitch (QI ≤ 0.5%), for graphite electrodes",
        "Пек пропиточный (α1 ≤ 0,5%) для графитированных электродов",
        "浸渍沥青（QI ≤ 0.5%），石墨电极用",
        "Impregnating, QI ≤ 0.5%",
        "Low-QI impregnating pitch for UHP graphite electrodes and nipples, softening point 80–90 °C.",
        "620.00",
    ),
    coke(
        "ORD-NDC-CAL",
        "2708200000",
        PITCH_COKE,
        "Needle coke, coal-based, calcined, for UHP graphite electrodes",
        "Игольчатый кокс каменноугольный прокалённый для электродов UHP",
        "煤系针状焦（煅后焦），超高功率石墨电极用",
        "Calcined, CTE ≤ 1.2 × 10⁻⁶/°C",
        "Calcined coal-based needle coke: CTE ≤ 1.2 × 10⁻⁶/°C, real density ≥ 2.13 g/cm³, ash ≤ 0.1%, "
        "sulphur ≤ 0.4%.",
        "1250.00",
        offers=(
            Offer(
                "ORD-NDC-CAL", "1250.00", (FOB_TIANJIN,), moq="25", lead_days=30, capacity="2000", stock=400
            ),
            Offer(
                "ORD-NDC-CAL-RAIL",
                "1240.00",
                (CPT_NOVOSIBIRSK,),
                moq="60",
                lead_days=30,
                capacity="2000",
                stock=400,
                packaging="1 t jumbo bags in rail wagons",
            ),
        ),
    ),
    coke(
        "ORD-NDC-GRN",
        "2708200000",
        PITCH_COKE,
        "Green needle coke, coal-based, for lithium-ion anode material",
        "Игольчатый кокс каменноугольный сырой для анодных материалов",
        "煤系针状焦生焦（锂电池负极材料用）",
        "Green, VM 4–8%",
        "Green (uncalcined) coal-based needle coke, volatile matter 4–8%, ash ≤ 0.1%, for artificial "
        "graphite anode material.",
        "780.00",
    ),
    coke(
        "ORD-PCK-CAL",
        "2708200000",
        PITCH_COKE,
        "Pitch coke, calcined, 0–20 mm",
        "Пековый кокс прокалённый, 0–20 мм",
        "煅烧沥青焦，0–20 mm",
        "Calcined, 0–20 mm",
        "Calcined pitch coke, ash ≤ 0.3%, sulphur ≤ 0.5%, for carbon blocks and electrode paste.",
        "610.00",
    ),
    coke(
        "ORD-CPC-LS",
        "2713121000",
        CALCINED_PETROLEUM_COKE,
        "Calcined petroleum coke, low sulphur (S ≤ 0.5%), 1–5 mm",
        "Кокс нефтяной прокалённый малосернистый (S ≤ 0,5%), 1–5 мм",
        "低硫煅烧石油焦（S ≤ 0.5%），1–5 mm",
        "S ≤ 0.5%, 1–5 mm",
        "Calcined petroleum coke for steel recarburising: fixed carbon ≥ 98.5%, sulphur ≤ 0.5%.",
        "540.00",
    ),
    coke(
        "ORD-CPC-ANODE",
        "2713121000",
        CALCINED_PETROLEUM_COKE,
        "Calcined petroleum coke (S ≤ 3%), for prebaked anodes",
        "Кокс нефтяной прокалённый (S ≤ 3%) для обожжённых анодов",
        "预焙阳极用煅烧石油焦（S ≤ 3%）",
        "Anode grade, S ≤ 3%",
        "Anode-grade calcined petroleum coke: real density ≥ 2.06 g/cm³, sulphur ≤ 3%, for aluminium "
        "smelters.",
        "455.00",
        offers=(
            Offer(
                "ORD-CPC-ANODE",
                "455.00",
                (FCA_MANZHOULI, CIF_VLADIVOSTOK),
                moq="60",
                lead_days=30,
                capacity="5000",
                stock=1000,
            ),
        ),
    ),
]

PRODUCTS = CARBIDE_PRODUCTS + CARBON_PRODUCTS
