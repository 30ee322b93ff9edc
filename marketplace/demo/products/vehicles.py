"""New vehicles: mining dump trucks, diesel tractor units and battery-electric cars."""

from marketplace.demo.products.base import (
    CPT_MOSCOW,
    CPT_NOVOSIBIRSK,
    DAP_GASHUUNSUKHAIT,
    DAP_ZAMYN_UUD,
    FCA_ERENHOT,
    FCA_MANZHOULI,
    PASSENGER_CARS,
    STEPPE,
    TRACTOR_UNITS,
    TRUCKS,
    DemoProduct,
    Offer,
    Trade,
)

# Off-highway dumpers: electric-wheel drive has its own tariff line; tractor units here are
# diesel only (the tariff line is for compression-ignition engines).
HS_DUMPER = "8704109000"
HS_ELECTRIC_WHEEL_DUMPER = "8704103000"
HS_DIESEL_TRACTOR = "8701210000"
HS_BEV_CAR = "8703801090"
NEW_VEHICLE_CERTIFICATES = "EAEU vehicle type approval (OTTS); CCC"


def vehicle(**fields) -> DemoProduct:
    return DemoProduct(product_class="vehicle", **fields)


def vehicle_offers(upc, price, incoterms, *, lead_days=45, capacity="50", stock=10, **fields):
    return (Offer(upc, price, incoterms, lead_days=lead_days, capacity=capacity, stock=stock, **fields),)


MINING_TRUCKS = [
    vehicle(
        upc="ORD-EV-DT60",
        supplier=STEPPE,
        category=TRUCKS,
        title="Battery-electric mining dump truck, 60 t",
        description="Off-highway BEV dump truck, 423 kWh LFP pack, swap-ready, LHD. For coal mines in "
        "Mongolia and Russia.",
        trade=Trade(HS_DUMPER, "vehicle", "45000", "45000", "Ro-ro or flat rack"),
        vehicle={
            "make": "Steppe",
            "model": "ED60",
            "model_year": 2026,
            "powertrain": "BEV",
            "battery_kwh": "423",
            "emission_standard": "Zero emission",
            "steering_side": "LHD",
            "condition": "new",
        },
        ru=("Карьерный самосвал на электротяге, 60 т", "электросамосвал"),
        zh=("纯电动矿用自卸车 60 吨", "电动矿卡"),
        offers=(
            Offer(
                "ORD-EV-DT60",
                "118000.00",
                (DAP_GASHUUNSUKHAIT,),
                lead_days=60,
                capacity="20",
                stock=40,
                packaging="Driven across the border",
                tiers=(("5", "114000.00"),),
            ),
            # Kuzbass mines take it by rail, cab and body shipped separately.
            Offer(
                "ORD-EV-DT60-RAIL",
                "121500.00",
                (CPT_NOVOSIBIRSK,),
                lead_days=75,
                capacity="20",
                stock=40,
                packaging="Flat racks by rail, body and cab separate",
                tiers=(("5", "117500.00"),),
            ),
        ),
    ),
]

# (model, payload t, battery kWh, curb kg, price USD)
BEV_DUMPERS = [
    ("ED45", "45", "282", "28500", "82000.00"),
    ("ED90", "90", "564", "52000", "168000.00"),
    ("ED105", "105", "846", "60000", "195000.00"),
]


def bev_dumper(model, payload, kwh, curb_kg, price) -> DemoProduct:
    upc = f"ORD-EV-{model}"
    packs = int(kwh) // 282
    return vehicle(
        upc=upc,
        supplier=STEPPE,
        category=TRUCKS,
        title=f"Battery-electric wide-body mining dump truck {model}, {payload} t",
        description=f"Off-highway BEV dump truck, payload {payload} t, {kwh} kWh LFP ({packs} × 282 kWh "
        "swap packs, about 5 minutes per swap), LHD, heated cab for −40 °C. Lithium-powered vehicles "
        "ship as UN3556.",
        trade=Trade(HS_DUMPER, "vehicle", curb_kg, curb_kg, "Ro-ro or flat rack", NEW_VEHICLE_CERTIFICATES),
        vehicle={
            "make": "Steppe",
            "model": model,
            "model_year": 2026,
            "powertrain": "BEV",
            "battery_kwh": kwh,
            "emission_standard": "Zero emission",
            "steering_side": "LHD",
            "condition": "new",
        },
        ru=(f"Карьерный самосвал на электротяге {model}, {payload} т", "электросамосвал широкофюзеляжный"),
        zh=(f"纯电动宽体矿用自卸车 {model}，{payload} 吨", "电动矿卡 换电"),
        offers=vehicle_offers(upc, price, (DAP_GASHUUNSUKHAIT, FCA_ERENHOT), lead_days=60, capacity="20"),
    )


def electric_wheel_dumper(model, payload, curb_kg, price, fleet_price) -> DemoProduct:
    upc = f"ORD-DT-{model}"
    return vehicle(
        upc=upc,
        supplier=STEPPE,
        category=TRUCKS,
        title=f"Diesel-electric wheel-drive mining truck {model}, {payload} t",
        description=f"Rigid-frame off-highway truck, payload {payload} t, diesel generator with AC "
        "wheel motors, trolley-assist ready. Shipped knocked down, assembled at the mine.",
        trade=Trade(
            HS_ELECTRIC_WHEEL_DUMPER,
            "vehicle",
            curb_kg,
            curb_kg,
            "Knocked down on flat racks and open-top containers",
            NEW_VEHICLE_CERTIFICATES,
        ),
        vehicle={
            "make": "Steppe",
            "model": model,
            "model_year": 2026,
            "powertrain": "ICE",
            "emission_standard": "China IV (non-road)",
            "steering_side": "LHD",
            "condition": "new",
        },
        ru=(f"Карьерный самосвал с электромотор-колёсами {model}, {payload} т", "дизель-электрический"),
        zh=(f"电动轮矿用自卸车 {model}，{payload} 吨", "电动轮 矿卡"),
        offers=vehicle_offers(
            upc,
            price,
            (DAP_GASHUUNSUKHAIT, CPT_NOVOSIBIRSK),
            lead_days=120,
            capacity="4",
            stock=2,
            tiers=(("3", fleet_price),),
        ),
    )


MINING_TRUCKS += [bev_dumper(*row) for row in BEV_DUMPERS]
MINING_TRUCKS += [
    electric_wheel_dumper("EW110", "110", "78000", "980000.00", "955000.00"),
    electric_wheel_dumper("EW150", "150", "105000", "1350000.00", "1310000.00"),
]

# (UPC, make, model, Chinese name, drive, hp, curb kg, price USD)
TRACTORS = [
    ("ORD-TR-X3000", "Shacman", "X3000", "陕汽德龙 X3000", "6×4", "430", "8800", "46500.00"),
    ("ORD-TR-X6000", "Shacman", "X6000", "陕汽德龙 X6000", "6×4", "560", "9400", "62000.00"),
    ("ORD-TR-HOWOTX", "Sinotruk", "HOWO TX", "中国重汽豪沃 TX", "6×4", "430", "8700", "45000.00"),
    ("ORD-TR-J6P", "FAW Jiefang", "J6P", "一汽解放 J6P", "6×4", "460", "8900", "48000.00"),
    ("ORD-TR-EST", "Foton", "Auman EST", "福田欧曼 EST", "4×2", "420", "7600", "41000.00"),
]
# The best seller also goes to Russia through Manzhouli, winterised.
TRACTOR_RUSSIA_PRICES = {"ORD-TR-X3000": "49000.00"}


def tractor(upc, make, model, zh_name, drive, hp, curb_kg, price) -> DemoProduct:
    offers = vehicle_offers(upc, price, (FCA_ERENHOT, DAP_ZAMYN_UUD), lead_days=30, capacity="100", stock=20)
    if upc in TRACTOR_RUSSIA_PRICES:
        offers += vehicle_offers(
            f"{upc}-RU",
            TRACTOR_RUSSIA_PRICES[upc],
            (FCA_MANZHOULI, CPT_MOSCOW),
            lead_days=40,
            capacity="100",
            stock=20,
            packaging="Driven in convoy; winterised for −40 °C",
        )
    return vehicle(
        upc=upc,
        supplier=STEPPE,
        category=TRACTOR_UNITS,
        title=f"{make} {model} {drive} tractor unit, {hp} hp, Euro V",
        description=f"New {make} {model} {drive} road tractor for semi-trailers, diesel {hp} hp, Euro V "
        "export specification, LHD, fifth wheel 90 mm. Exported by our dealership with the export licence "
        "of the tractor's line.",
        trade=Trade(
            HS_DIESEL_TRACTOR, "vehicle", curb_kg, curb_kg, "Driven or ro-ro", NEW_VEHICLE_CERTIFICATES
        ),
        vehicle={
            "make": make,
            "model": model,
            "model_year": 2026,
            "powertrain": "ICE",
            "emission_standard": "Euro V",
            "steering_side": "LHD",
            "condition": "new",
        },
        ru=(f"Седельный тягач {make} {model} {drive}, {hp} л.с., Евро-5", "тягач седельный грузовик"),
        zh=(f"{zh_name} {drive} 牵引车，{hp} 马力，欧五", "牵引车 重卡 拖头"),
        offers=offers,
    )


# (UPC, make, model, Chinese name, battery kWh, curb kg, price USD)
BEV_CARS = [
    ("ORD-CAR-ATTO3", "BYD", "Yuan Plus (Atto 3)", "比亚迪元PLUS", "60.5", "1750", "17800.00"),
    ("ORD-CAR-DOLPHIN", "BYD", "Dolphin", "比亚迪海豚", "44.9", "1405", "13500.00"),
    ("ORD-CAR-SEAL", "BYD", "Seal", "比亚迪海豹", "82.5", "2055", "25900.00"),
    ("ORD-CAR-HAN", "BYD", "Han EV", "比亚迪汉EV", "85.4", "2100", "28500.00"),
    ("ORD-CAR-BINGO", "Wuling", "Bingo", "五菱缤果", "37.9", "1100", "8900.00"),
    ("ORD-CAR-E5", "Geely", "Galaxy E5", "吉利银河E5", "60.2", "1755", "15900.00"),
    ("ORD-CAR-C10", "Leapmotor", "C10", "零跑C10", "69.9", "1880", "19500.00"),
    ("ORD-CAR-Z001", "Zeekr", "001", "极氪001", "100", "2350", "38000.00"),
]
# Containers by rail to Russia and Central Asia: (price USD, places).
CAR_SECOND_OFFERS = {
    "ORD-CAR-ATTO3": ("18700.00", (CPT_MOSCOW,)),
}


def bev_car(upc, make, model, zh_name, kwh, curb_kg, price) -> DemoProduct:
    offers = vehicle_offers(
        upc,
        price,
        (FCA_ERENHOT, DAP_ZAMYN_UUD),
        lead_days=30,
        capacity="200",
        stock=30,
        packaging="Car carrier truck",
    )
    if upc in CAR_SECOND_OFFERS:
        container_price, places = CAR_SECOND_OFFERS[upc]
        offers += vehicle_offers(
            f"{upc}-CNT",
            container_price,
            places,
            moq="4",
            lead_days=40,
            capacity="200",
            stock=30,
            packaging="4 cars per 40-ft high-cube container by rail",
        )
    return vehicle(
        upc=upc,
        supplier=STEPPE,
        category=PASSENGER_CARS,
        title=f"{make} {model} battery-electric car, {kwh} kWh, new",
        description=f"New (zero-mileage) {make} {model}, LFP or NMC battery {kwh} kWh, LHD, Chinese market "
        "specification with a localised head unit. From 2026 pure-electric cars need an export licence, "
        "which we file. Ships as UN3556 (lithium-ion battery powered vehicle).",
        trade=Trade(HS_BEV_CAR, "vehicle", curb_kg, curb_kg, "Car carrier or container", "CCC"),
        vehicle={
            "make": make,
            "model": model,
            "model_year": 2026,
            "powertrain": "BEV",
            "battery_kwh": kwh,
            "emission_standard": "Zero emission",
            "steering_side": "LHD",
            "condition": "new",
        },
        ru=(f"Электромобиль {make} {model}, {kwh.replace('.', ',')} кВт·ч, новый", "электромобиль EV"),
        zh=(f"{zh_name} 纯电动汽车 {kwh} kWh（新车）", "新能源汽车 电动车 零公里"),
        offers=offers,
    )


PRODUCTS = MINING_TRUCKS + [tractor(*row) for row in TRACTORS] + [bev_car(*row) for row in BEV_CARS]
