"""Cashmere: dehaired fibre by colour and fineness, and knitwear.

Yarn, scarves and accessories have no line in the HS reference yet, so only fibre (5102) and
jerseys, pullovers, cardigans and waistcoats (6110.12) are listed.
"""

from decimal import Decimal

from marketplace.demo.products.base import (
    CIF_ROTTERDAM,
    CPT_MILAN,
    CPT_MOSCOW,
    FCA_ORDOS,
    FIBRE,
    GOLDEN_FLEECE,
    KNITWEAR,
    DemoProduct,
    Offer,
    Trade,
)

FIBRE_TRADE = Trade(
    "5102110000", "kg", "1", "1.05", "Pressed bales of 100 kg", "IWTO test certificate per lot"
)
KNITWEAR_CERTIFICATES = "OEKO-TEX Standard 100; fibre content test report"


def textile(**fields) -> DemoProduct:
    return DemoProduct(product_class="textile", supplier=GOLDEN_FLEECE, **fields)


# Colour: (code, Russian, Chinese). Brown cashmere is "purple down" (紫绒) in the Chinese trade.
COLOURS = {
    "white": ("W", "белый", "白色"),
    "light grey": ("G", "светло-серый", "青色"),
    "brown": ("B", "коричневый", "紫色"),
}
# (colour, mean diameter µm, mean length mm, price USD/kg); two offers for the spinners' favourite.
DEHAIRED = [
    ("white", "14.5", "34", "132.00"),
    ("white", "15.0", "35", "115.00"),
    ("white", "16.0", "38", "86.00"),
    ("white", "16.5", "40", "76.00"),
    ("light grey", "15.5", "34", "90.00"),
    ("light grey", "16.5", "36", "70.00"),
    ("brown", "15.5", "33", "82.00"),
    ("brown", "16.5", "36", "64.00"),
]
EURO_PRICES = {"ORD-CSH-W150": "106.00"}


def dehaired(colour, micron, length, price) -> DemoProduct:
    code, ru_colour, zh_colour = COLOURS[colour]
    upc = f"ORD-CSH-{code}{micron.replace('.', '')}"
    offers = (
        Offer(upc, price, (FCA_ORDOS, CPT_MILAN), moq="100", lead_days=14, capacity="5000", stock=2000),
    )
    if upc in EURO_PRICES:  # Italian spinners pay in euros
        offers += (
            Offer(
                f"{upc}-EU",
                EURO_PRICES[upc],
                (CPT_MILAN,),
                moq="500",
                lead_days=21,
                capacity="5000",
                stock=2000,
                packaging="Bales of 100 kg in 20-ft container",
                currency="EUR",
            ),
        )
    return textile(
        upc=upc,
        category=FIBRE,
        title=f"Dehaired {colour} cashmere, {micron} µm, {length} mm",
        description=f"Inner Mongolian {colour} cashmere, dehaired, mean diameter {micron} µm, mean length "
        f"{length} mm, guard hair ≤ 0.5%. Price per kg, IWTO test certificate per lot.",
        trade=FIBRE_TRADE,
        ru=(
            f"Кашемир {ru_colour} очёсанный, {micron.replace('.', ',')} мкм, {length} мм",
            "пух козий кашемир",
        ),
        zh=(f"{zh_colour}无毛绒 {micron} 微米，{length} mm", "山羊绒 无毛绒"),
        offers=offers,
    )


FIBRES = [
    textile(
        upc="ORD-CSH-DEH",
        category=FIBRE,
        title="Dehaired white cashmere, 15.5 µm",
        description="Inner Mongolian white cashmere, dehaired, mean diameter 15.5 µm, length 36 mm. Price "
        "per kg.",
        trade=Trade("5102110000", "kg", "1", "1.05", "Bales of 100 kg"),
        ru=("Кашемир белый очёсанный, 15,5 мкм", "пух козий"),
        zh=("白色无毛绒 15.5 微米", "山羊绒"),
        offers=(
            Offer(
                "ORD-CSH-DEH",
                "98.00",
                (CPT_MILAN,),
                moq="100",
                lead_days=14,
                capacity="5000",
                stock=3000,
                packaging="Bales of 100 kg",
                tiers=(("1000", "95.00"),),
            ),
            Offer(
                "ORD-CSH-DEH-ORD",
                "94.00",
                (FCA_ORDOS,),
                moq="50",
                lead_days=7,
                capacity="5000",
                stock=3000,
                packaging="Pressed bales of 50 kg",
            ),
        ),
    ),
    *(dehaired(*row) for row in DEHAIRED),
    textile(
        upc="ORD-CSH-RAW",
        category=FIBRE,
        title="Raw white cashmere, greasy, unsorted (yield about 50%)",
        description="Greasy white cashmere as combed from Arbas goats in spring, unsorted, dehairing yield "
        "about 50%, mean diameter 15–16 µm. Price per kg of raw fibre.",
        trade=Trade("5102110000", "kg", "1", "1.03", "Pressed bales of 150 kg", "Veterinary certificate"),
        ru=("Кашемир белый немытый, несортированный (выход около 50%)", "пух козий сырой"),
        zh=("白色原绒，未分选（净绒率约 50%）", "山羊绒 原绒"),
        offers=(
            Offer(
                "ORD-CSH-RAW", "45.00", (FCA_ORDOS,), moq="1000", lead_days=10, capacity="20000", stock=8000
            ),
        ),
    ),
]

# (UPC, English, Russian, Chinese, gauge, kg per piece, price USD)
KNITWEAR_STYLES = [
    (
        "ORD-KNIT-MVN",
        "Men's cashmere V-neck sweater",
        "Мужской кашемировый пуловер с V-образным вырезом",
        "男士羊绒V领套衫",
        "12",
        "0.33",
        "66.00",
    ),
    (
        "ORD-KNIT-MCBL",
        "Men's cable-knit cashmere crew-neck sweater",
        "Мужской кашемировый свитер с косами",
        "男士羊绒麻花圆领毛衣",
        "7",
        "0.62",
        "98.00",
    ),
    (
        "ORD-KNIT-MZIP",
        "Men's cashmere full-zip cardigan",
        "Мужской кашемировый кардиган на молнии",
        "男士羊绒拉链开衫",
        "12",
        "0.42",
        "86.00",
    ),
    (
        "ORD-KNIT-MQZ",
        "Men's cashmere quarter-zip pullover",
        "Мужской кашемировый джемпер с молнией у ворота",
        "男士羊绒半拉链套衫",
        "12",
        "0.38",
        "78.00",
    ),
    (
        "ORD-KNIT-MPOLO",
        "Men's cashmere polo-collar sweater",
        "Мужской кашемировый джемпер с воротником поло",
        "男士羊绒POLO领毛衣",
        "12",
        "0.36",
        "74.00",
    ),
    (
        "ORD-KNIT-MVST",
        "Men's cashmere sleeveless vest",
        "Мужской кашемировый жилет",
        "男士羊绒背心",
        "12",
        "0.22",
        "46.00",
    ),
    (
        "ORD-KNIT-WTNK",
        "Women's cashmere turtleneck sweater",
        "Женский кашемировый свитер с высоким горлом",
        "女士羊绒高领毛衣",
        "12",
        "0.30",
        "68.00",
    ),
    (
        "ORD-KNIT-WVN",
        "Women's cashmere V-neck sweater",
        "Женский кашемировый пуловер с V-образным вырезом",
        "女士羊绒V领毛衣",
        "12",
        "0.26",
        "62.00",
    ),
    (
        "ORD-KNIT-WCRD",
        "Women's cashmere button cardigan",
        "Женский кашемировый кардиган на пуговицах",
        "女士羊绒开衫",
        "12",
        "0.30",
        "72.00",
    ),
    (
        "ORD-KNIT-WOVS",
        "Women's oversized cashmere crew-neck sweater",
        "Женский кашемировый свитер оверсайз",
        "女士羊绒宽松圆领毛衣",
        "7",
        "0.48",
        "88.00",
    ),
    (
        "ORD-KNIT-WVST",
        "Women's cashmere knitted waistcoat",
        "Женский кашемировый вязаный жилет",
        "女士羊绒马甲",
        "12",
        "0.18",
        "44.00",
    ),
    (
        "ORD-KNIT-WHOOD",
        "Women's cashmere knitted hoodie",
        "Женская кашемировая толстовка с капюшоном",
        "女士羊绒连帽衫",
        "12",
        "0.45",
        "84.00",
    ),
    (
        "ORD-KNIT-KIDS",
        "Children's cashmere crew-neck sweater",
        "Детский кашемировый свитер",
        "儿童羊绒圆领毛衣",
        "12",
        "0.18",
        "36.00",
    ),
]
# Euro offers for European retailers: price per piece.
KNITWEAR_EURO_PRICES = {"ORD-KNIT-WTNK": "66.00"}


def knitwear(upc, title, ru, zh, gauge, kg, price) -> DemoProduct:
    sizes = "100–160 cm" if upc == "ORD-KNIT-KIDS" else "S–XXL"
    offers = (
        Offer(upc, price, (FCA_ORDOS, CPT_MOSCOW), moq="300", lead_days=30, capacity="20000", stock=1500),
    )
    if upc in KNITWEAR_EURO_PRICES:
        offers += (
            Offer(
                f"{upc}-EU",
                KNITWEAR_EURO_PRICES[upc],
                (CIF_ROTTERDAM,),
                moq="500",
                lead_days=45,
                capacity="20000",
                stock=1500,
                packaging="Hanger-packed, 40 per carton",
                currency="EUR",
            ),
        )
    return textile(
        upc=upc,
        category=KNITWEAR,
        title=title,
        description=f"100% cashmere, {gauge}-gauge, 2-ply 26 Nm yarn spun from our own dehaired fibre. Sizes "
        f"{sizes}, ten stock colours; private label from 300 pieces per style.",
        trade=Trade(
            "6110120000",
            "item",
            kg,
            str(Decimal(kg) + Decimal("0.1")),
            "Polybag, 20 per carton",
            KNITWEAR_CERTIFICATES,
        ),
        ru=(ru, "кашемир трикотаж"),
        zh=(zh, "羊绒衫 羊绒针织"),
        offers=offers,
    )


KNITWEAR_PRODUCTS = [
    textile(
        upc="ORD-CSH-SWT",
        category=KNITWEAR,
        title="Men's cashmere crew-neck sweater",
        description="100% cashmere, 12 gauge, 7 colours, sizes S–XXL. Private label available from 300 "
        "pieces.",
        trade=Trade("6110120000", "item", "0.35", "0.45", "Polybag, 20 per carton"),
        ru=("Мужской кашемировый свитер с круглым вырезом", "джемпер"),
        zh=("男士羊绒圆领毛衣", "羊绒衫"),
        offers=(
            Offer(
                "ORD-CSH-SWT",
                "64.00",
                (FCA_ORDOS,),
                moq="300",
                lead_days=30,
                capacity="20000",
                stock=2500,
                packaging="Polybag, 20 per carton",
                tiers=(("1000", "61.00"),),
            ),
            Offer(
                "ORD-CSH-SWT-EU",
                "62.00",
                (CIF_ROTTERDAM,),
                moq="500",
                lead_days=45,
                capacity="20000",
                stock=2500,
                packaging="Hanger-packed, 40 per carton",
                currency="EUR",
            ),
        ),
    ),
    *(knitwear(*row) for row in KNITWEAR_STYLES),
]

PRODUCTS = FIBRES + KNITWEAR_PRODUCTS
