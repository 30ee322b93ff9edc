"""Food: spirulina from the Ordos alkaline lakes, and liquorice root and extracts."""

from marketplace.demo.products.base import (
    BLUE_LAKE,
    CIF_ROTTERDAM,
    CPT_ALMATY,
    CPT_MOSCOW,
    CPT_ULAANBAATAR,
    FCA_ORDOS,
    FOB_TIANJIN,
    LIQUORICE,
    SPIRULINA,
    DemoProduct,
    Offer,
    Trade,
)

HS_SPIRULINA = "2102200000"  # dead single-cell micro-organisms
HS_LIQUORICE_ROOT = "1211903600"
HS_LIQUORICE_EXTRACT = "1302120000"
FOOD_CERTIFICATES = "HACCP; ISO 22000; Halal; GACC registered producer"
# Liquorice and its products need an export licence (quota goods); the supplier holds one.
LICENCE_NOTE = " Export licence for liquorice products held by us."


def food(**fields) -> DemoProduct:
    return DemoProduct(product_class="food", supplier=BLUE_LAKE, **fields)


def kg_offers(upc, price, incoterms=(FCA_ORDOS, CPT_MOSCOW), *, moq="500", stock=5000, second=None):
    """One offer per kg; ``second``: (suffix, price, incoterms, packaging, currency) of a variant."""
    offers = (Offer(upc, price, incoterms, moq=moq, lead_days=14, capacity="30000", stock=stock),)
    if second:
        suffix, second_price, second_incoterms, packaging, currency = second
        offers += (
            Offer(
                f"{upc}-{suffix}",
                second_price,
                second_incoterms,
                moq=str(int(moq) * 4),
                lead_days=30,
                capacity="30000",
                stock=stock,
                packaging=packaging,
                currency=currency,
            ),
        )
    return offers


SPIRULINA_PRODUCTS = [
    food(
        upc="ORD-SPI-PWD",
        category=SPIRULINA,
        title="Spirulina powder, food grade",
        description="Arthrospira platensis powder from Ordos alkaline lakes, protein ≥ 60%. 25 kg drums. "
        "Price per kg.",
        trade=Trade(HS_SPIRULINA, "kg", "1", "1.04", "25 kg fibre drums"),
        ru=("Спирулина порошок, пищевая", "спирулина"),
        zh=("食品级螺旋藻粉", "螺旋藻"),
        offers=(
            Offer(
                "ORD-SPI-PWD",
                "11.50",
                (CPT_ALMATY,),
                moq="500",
                lead_days=14,
                capacity="50000",
                stock=10000,
                packaging="25 kg fibre drums",
                tiers=(("5000", "10.80"),),
            ),
            Offer(
                "ORD-SPI-PWD-RU",
                "12.20",
                (CPT_MOSCOW,),
                moq="1000",
                lead_days=21,
                capacity="50000",
                stock=10000,
                packaging="25 kg fibre drums, 40 per pallet",
            ),
        ),
    ),
    food(
        upc="ORD-SPI-ORG",
        category=SPIRULINA,
        title="Organic spirulina powder, EU organic certified",
        description="Arthrospira platensis powder grown without synthetic nutrients, protein ≥ 60%, "
        "certified to EU organic rules. Price per kg.",
        trade=Trade(HS_SPIRULINA, "kg", "1", "1.04", "25 kg fibre drums", FOOD_CERTIFICATES + "; EU Organic"),
        ru=("Спирулина органическая, порошок (EU Organic)", "спирулина органик био"),
        zh=("有机螺旋藻粉（欧盟有机认证）", "有机螺旋藻"),
        offers=kg_offers(
            "ORD-SPI-ORG",
            "18.50",
            (FCA_ORDOS,),
            second=("EU", "17.40", (CIF_ROTTERDAM,), "25 kg fibre drums, 20-ft reefer", "EUR"),
        ),
    ),
    food(
        upc="ORD-SPI-TAB500",
        category=SPIRULINA,
        title="Spirulina tablets 500 mg, bulk",
        description="Pressed tablets of 100% spirulina, 500 mg, no binders, for bottling by the buyer. "
        "Price per kg (about 2,000 tablets).",
        trade=Trade(HS_SPIRULINA, "kg", "1", "1.05", "25 kg drums with PE liners", FOOD_CERTIFICATES),
        ru=("Спирулина в таблетках 500 мг, навалом", "спирулина таблетки"),
        zh=("螺旋藻片 500 mg（散装）", "螺旋藻片"),
        offers=kg_offers("ORD-SPI-TAB500", "15.50", (FCA_ORDOS, CPT_ALMATY)),
    ),
    food(
        upc="ORD-SPI-TAB250",
        category=SPIRULINA,
        title="Spirulina tablets 250 mg, bulk",
        description="Pressed tablets of 100% spirulina, 250 mg, for bottling by the buyer. Price per kg.",
        trade=Trade(HS_SPIRULINA, "kg", "1", "1.05", "25 kg drums with PE liners", FOOD_CERTIFICATES),
        ru=("Спирулина в таблетках 250 мг, навалом", "спирулина таблетки"),
        zh=("螺旋藻片 250 mg（散装）", "螺旋藻片"),
        offers=kg_offers("ORD-SPI-TAB250", "16.00", (FCA_ORDOS, CPT_ULAANBAATAR)),
    ),
    food(
        upc="ORD-SPI-FLK",
        category=SPIRULINA,
        title="Spirulina flakes (crunchies), 2–4 mm",
        description="Dried spirulina flakes for snacks, smoothie bowls and salads. Price per kg.",
        trade=Trade(HS_SPIRULINA, "kg", "1", "1.06", "10 kg cartons with foil liners", FOOD_CERTIFICATES),
        ru=("Спирулина хлопья 2–4 мм", "спирулина кранчи"),
        zh=("螺旋藻脆片 2–4 mm", "螺旋藻 脆片"),
        offers=kg_offers("ORD-SPI-FLK", "21.00", moq="200", stock=1500),
    ),
    food(
        upc="ORD-SPI-FEED",
        category=SPIRULINA,
        title="Spirulina powder, feed grade (protein ≥ 55%)",
        description="Spirulina powder for aquaculture, ornamental fish and poultry feed, protein ≥ 55%. "
        "Price per kg.",
        trade=Trade(HS_SPIRULINA, "kg", "1", "1.02", "25 kg bags", "GMP+ feed safety"),
        ru=("Спирулина порошок кормовая (белок ≥ 55%)", "спирулина корм аквакультура"),
        zh=("饲料级螺旋藻粉（蛋白 ≥ 55%）", "饲料 螺旋藻"),
        offers=kg_offers("ORD-SPI-FEED", "7.20", (FCA_ORDOS, FOB_TIANJIN), moq="1000", stock=20000),
    ),
]

LIQUORICE_PRODUCTS = [
    food(
        upc="ORD-LIC-ROOT",
        category=LIQUORICE,
        title="Liquorice root, dried whole (Glycyrrhiza uralensis)",
        description="Wild-harvested and cultivated Ural liquorice root from the Kubuqi desert, dried, "
        "diameter ≥ 0.8 cm, glycyrrhizic acid ≥ 2%." + LICENCE_NOTE,
        trade=Trade(
            HS_LIQUORICE_ROOT, "kg", "1", "1.02", "Pressed bales of 50 kg", "Phytosanitary certificate"
        ),
        ru=("Корень солодки сушёный целый (Glycyrrhiza uralensis)", "солодка лакричник корень"),
        zh=("甘草（乌拉尔甘草）原根", "甘草 中药材"),
        offers=kg_offers(
            "ORD-LIC-ROOT",
            "3.40",
            (FCA_ORDOS,),
            moq="1000",
            stock=30000,
            second=("EU", "4.10", (CIF_ROTTERDAM,), "Pressed bales of 50 kg, 40-ft container", "USD"),
        ),
    ),
    food(
        upc="ORD-LIC-SLC",
        category=LIQUORICE,
        title="Liquorice root slices, 2–3 mm",
        description="Dried liquorice root cut into oblique slices of 2–3 mm, for herbal tea and TCM."
        + LICENCE_NOTE,
        trade=Trade(HS_LIQUORICE_ROOT, "kg", "1", "1.05", "20 kg cartons", "Phytosanitary certificate"),
        ru=("Корень солодки резаный, ломтики 2–3 мм", "солодка чай"),
        zh=("甘草片 2–3 mm", "甘草 饮片"),
        offers=kg_offers("ORD-LIC-SLC", "5.60", moq="500", stock=8000),
    ),
    food(
        upc="ORD-LIC-PWD",
        category=LIQUORICE,
        title="Liquorice root powder, 80 mesh",
        description="Ground dried liquorice root, 80 mesh, for confectionery and tobacco flavouring."
        + LICENCE_NOTE,
        trade=Trade(HS_LIQUORICE_ROOT, "kg", "1", "1.03", "25 kg kraft bags", "Phytosanitary certificate"),
        ru=("Корень солодки молотый, 80 меш", "солодка порошок"),
        zh=("甘草粉 80 目", "甘草粉"),
        offers=kg_offers("ORD-LIC-PWD", "4.90", moq="500", stock=6000),
    ),
    food(
        upc="ORD-LIC-EXT10",
        category=LIQUORICE,
        title="Liquorice extract powder, glycyrrhizic acid ≥ 10%",
        description="Spray-dried water extract of liquorice root, glycyrrhizic acid ≥ 10% (HPLC), for "
        "sweeteners, confectionery and cosmetics." + LICENCE_NOTE,
        trade=Trade(HS_LIQUORICE_EXTRACT, "kg", "1", "1.08", "25 kg fibre drums", FOOD_CERTIFICATES),
        ru=("Экстракт солодки сухой, глицирризиновая кислота ≥ 10%", "экстракт лакрицы"),
        zh=("甘草提取物粉（甘草酸 ≥ 10%）", "甘草提取物 甘草酸"),
        offers=kg_offers(
            "ORD-LIC-EXT10",
            "16.00",
            (FCA_ORDOS, CPT_MOSCOW),
            moq="100",
            stock=3000,
        ),
    ),
    food(
        upc="ORD-LIC-EXT20",
        category=LIQUORICE,
        title="Liquorice extract, glycyrrhizic acid ≥ 20%",
        description="Purified liquorice extract powder, glycyrrhizic acid ≥ 20% (HPLC)." + LICENCE_NOTE,
        trade=Trade(HS_LIQUORICE_EXTRACT, "kg", "1", "1.08", "25 kg fibre drums", FOOD_CERTIFICATES),
        ru=("Экстракт солодки, глицирризиновая кислота ≥ 20%", "экстракт лакрицы"),
        zh=("甘草提取物（甘草酸 ≥ 20%）", "甘草提取物 甘草酸"),
        offers=kg_offers("ORD-LIC-EXT20", "29.00", moq="100", stock=1500),
    ),
    food(
        upc="ORD-LIC-BLK",
        category=LIQUORICE,
        title="Liquorice extract block (thick extract)",
        description="Concentrated liquorice extract in 5 kg blocks, for tobacco casing and confectionery."
        + LICENCE_NOTE,
        trade=Trade(HS_LIQUORICE_EXTRACT, "kg", "1", "1.06", "5 kg blocks, 4 per carton", FOOD_CERTIFICATES),
        ru=("Экстракт солодки густой, в блоках", "лакричный экстракт блок"),
        zh=("甘草浸膏（块状）", "甘草浸膏"),
        offers=kg_offers("ORD-LIC-BLK", "7.50", moq="500", stock=4000),
    ),
]

PRODUCTS = SPIRULINA_PRODUCTS + LIQUORICE_PRODUCTS
