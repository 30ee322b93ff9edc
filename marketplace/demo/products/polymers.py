"""Polymers: polypropylene from coal-to-olefins, and polyvinyl alcohol from carbide acetylene."""

from marketplace.demo.products.base import (
    CIF_HAIPHONG,
    CIF_JEBEL_ALI,
    CPT_MOSCOW,
    CPT_ULAANBAATAR,
    DALAD,
    EJIN_HORO,
    FCA_ERENHOT,
    FOB_TIANJIN,
    POLYMERS,
    DemoProduct,
    Offer,
    Trade,
    chemical,
    resin_offers,
)

# Polymers in primary forms are not dangerous goods; copolymers carry the copolymer's CAS number.
POLYPROPYLENE = "9003-07-0"
PROPYLENE_ETHYLENE_COPOLYMER = "9010-79-1"
PVA = "9002-89-5"
PP_TRADE = Trade("3902100090", "t", "1000", "1008", "25 kg bags", "ISO 9001; FDA 21 CFR 177.1520")


# grade: (kind, MFR g/10 min, use, price USD/t, price by sea or None for rail only)
PP_GRADES = {
    "S1003": ("homo", "3", "BOPP film", "945.00", None),
    "L5E89": ("homo", "3.5", "raffia and woven bags", "925.00", "950.00"),
    "Z30S": ("homo", "25", "spunbond nonwovens and fibre", "960.00", None),
    "V30G": ("homo", "16", "thin-wall injection moulding", "950.00", None),
    "MB1500": ("homo", "1500", "melt-blown filter media", "1350.00", None),
    "K8003": ("impact", "2.5", "crates, battery cases and household goods", "985.00", "1010.00"),
    "EPS30R": ("impact", "1.8", "large injection parts and corrugated pipes", "990.00", None),
    "K7726": ("impact", "26", "automotive and appliance parts", "1020.00", None),
    "M800E": ("random", "8", "transparent injection and blow moulding", "1010.00", None),
    "4220": ("random", "0.25", "PP-R hot and cold water pipes", "1060.00", None),
}
# grade: (Russian, Chinese search words)
PP_SEARCH_WORDS = {
    "S1003": ("БОПП плёнка", "BOPP 薄膜"),
    "L5E89": ("рафия мешки", "拉丝 编织袋"),
    "Z30S": ("спанбонд волокно", "纺粘无纺布 纤维"),
    "V30G": ("тонкостенное литьё", "薄壁注塑"),
    "MB1500": ("мельтблаун фильтры", "熔喷布 过滤"),
    "K8003": ("ящики корпуса АКБ", "周转箱 电池壳"),
    "EPS30R": ("гофротрубы литьё", "大型注塑件 波纹管"),
    "K7726": ("автокомпоненты", "汽车部件 家电"),
    "M800E": ("прозрачное литьё", "透明注塑 吹塑"),
    "4220": ("трубы PPR", "PPR 冷热水管"),
}
# kind: (English, CAS number, Russian, Chinese)
PP_KINDS = {
    "homo": ("homopolymer", POLYPROPYLENE, "гомополимер", "均聚"),
    "impact": ("impact copolymer", PROPYLENE_ETHYLENE_COPOLYMER, "блок-сополимер", "抗冲共聚"),
    "random": ("random copolymer", PROPYLENE_ETHYLENE_COPOLYMER, "рандом-сополимер", "无规共聚"),
}


def polypropylene(grade: str) -> DemoProduct:
    kind, mfr, use, price, sea_price = PP_GRADES[grade]
    kind, cas_number, kind_ru, kind_zh = PP_KINDS[kind]
    ru_words, zh_words = PP_SEARCH_WORDS[grade]
    upc = f"ORD-PP-{grade}"
    return chemical(
        upc=upc,
        supplier=EJIN_HORO,
        category=POLYMERS,
        title=f"Polypropylene {kind} {grade}, MFR {mfr}",
        description=f"Coal-to-olefins polypropylene {kind}, melt flow rate {mfr} g/10 min (230 °C, "
        f"2.16 kg), for {use}. Price per tonne.",
        trade=PP_TRADE,
        chemical={"cas_number": cas_number, "grade": f"{grade}, MFR {mfr} g/10 min"},
        ru=(f"Полипропилен {kind_ru} {grade}, ПТР {mfr.replace('.', ',')}", f"ПП полипропилен {ru_words}"),
        zh=(f"{kind_zh}聚丙烯 {grade}（熔指 {mfr}）", f"PP {zh_words}"),
        offers=resin_offers(upc, price, (FCA_ERENHOT, CPT_MOSCOW), sea_price, capacity="8000"),
    )


PP_PRODUCTS = [
    chemical(
        upc="ORD-PP-T30S",
        supplier=EJIN_HORO,
        category=POLYMERS,
        title="Polypropylene homopolymer T30S",
        description="Coal-to-olefins polypropylene, MFR 3 g/10 min, raffia and yarn grade. 25 kg bags.",
        trade=Trade("3902100090", "t", "1000", "1008", "25 kg bags"),
        chemical={"cas_number": POLYPROPYLENE, "grade": "T30S, MFR 3 g/10 min"},
        ru=("Полипропилен гомополимер T30S", "ПП"),
        zh=("均聚聚丙烯 T30S", "PP 拉丝料"),
        offers=(
            Offer(
                "ORD-PP-T30S",
                "930.00",
                (CPT_ULAANBAATAR,),
                moq="25",
                lead_days=14,
                capacity="25000",
                stock=6000,
                packaging="25 kg bags",
                tiers=(("200", "910.00"),),
            ),
            Offer(
                "ORD-PP-T30S-SEA",
                "955.00",
                (FOB_TIANJIN, CIF_JEBEL_ALI),
                moq="100",
                lead_days=25,
                capacity="25000",
                stock=6000,
                packaging="25 kg bags, 25 t per 40-ft container",
            ),
        ),
    ),
    *(polypropylene(grade) for grade in PP_GRADES),
]

# grade: (degree of polymerisation, hydrolysis mol%, use, price USD/t)
PVA_GRADES = {
    "1799": ("1700", "98–99", "vinylon fibre, films and paper sizing", "1650.00"),
    "1788": ("1700", "87–89", "textile sizing, adhesives and PVAc emulsions", "1700.00"),
    "2488": ("2400", "87–89", "construction adhesives and dry-mix mortars", "1750.00"),
    "0588": ("500", "87–89", "suspension polymerisation and coatings", "1800.00"),
}
# grade: (Russian, Chinese search words)
PVA_SEARCH_WORDS = {
    "1799": ("волокно плёнки", "维纶 薄膜 造纸"),
    "1788": ("шлихта клеи", "浆料 胶粘剂"),
    "2488": ("строительные смеси", "建筑胶 干混砂浆"),
    "0588": ("дисперсант", "分散剂 涂料"),
}


def polyvinyl_alcohol(grade: str) -> DemoProduct:
    degree, hydrolysis, use, price = PVA_GRADES[grade]
    ru_words, zh_words = PVA_SEARCH_WORDS[grade]
    upc = f"ORD-PVA-{grade}"
    short = f"{grade[:2]}-{grade[2:]}"
    offers = (
        Offer(upc, price, (FCA_ERENHOT, CPT_MOSCOW), moq="10", lead_days=14, capacity="3000", stock=600),
    )
    if grade == "1799":  # the export grade: also containers by sea
        offers += (
            Offer(
                f"{upc}-SEA",
                "1690.00",
                (FOB_TIANJIN, CIF_HAIPHONG),
                moq="20",
                lead_days=25,
                capacity="3000",
                stock=600,
                packaging="25 kg bags, 20 t per 40-ft container",
            ),
        )
    return chemical(
        upc=upc,
        supplier=DALAD,
        category=POLYMERS,
        title=f"Polyvinyl alcohol PVA {grade} ({short})",
        description=f"Polyvinyl alcohol from carbide acetylene: degree of polymerisation about {degree}, "
        f"hydrolysis {hydrolysis} mol%, for {use}. Flakes or powder.",
        trade=Trade("3905300000", "t", "1000", "1010", "25 kg bags", "ISO 9001"),
        chemical={"cas_number": PVA, "grade": f"{grade}: DP {degree}, hydrolysis {hydrolysis} mol%"},
        ru=(f"Поливиниловый спирт {grade} (ПВС {short})", f"ПВС {ru_words}"),
        zh=(f"聚乙烯醇 {grade}（PVA {short}）", f"PVA {zh_words}"),
        offers=offers,
    )


PVA_PRODUCTS = [polyvinyl_alcohol(grade) for grade in PVA_GRADES]

PRODUCTS = PP_PRODUCTS + PVA_PRODUCTS
