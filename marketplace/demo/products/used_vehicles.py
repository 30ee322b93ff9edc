"""Used trucks: single vehicles, each identified by its VIN."""

from marketplace.demo.products.base import (
    CPT_ULAANBAATAR,
    DAP_ZAMYN_UUD,
    FCA_ERENHOT,
    STEPPE,
    USED_VEHICLES,
    Trade,
)
from marketplace.demo.products.vehicles import HS_DIESEL_TRACTOR, HS_DUMPER, vehicle, vehicle_offers

# Kind of used vehicle: (English, Russian, Chinese).
USED_KINDS = {
    "tractor": ("tractor unit", "Седельный тягач", "牵引车"),
    "dumper": ("mining dump truck", "Карьерный самосвал", "矿用自卸车"),
}


def used_vehicle(*, upc, make, model, zh_name, year, vin, hp, usage, emission, kind, curb_kg, price):
    """One used vehicle, identified by its VIN (the 10th character is the model year's code)."""
    kind_en, kind_ru, kind_zh = USED_KINDS[kind]
    usage_en, usage_ru, usage_zh = usage
    return vehicle(
        upc=upc,
        supplier=STEPPE,
        category=USED_VEHICLES,
        title=f"Used {year} {make} {model} {kind_en}, {hp} hp, {usage_en}",
        description=f"One used vehicle, VIN {vin}, {emission}, inspected in Ordos, service records "
        "available. Used vehicles are exported under a per-batch export licence (valid 6 months) listing "
        "the VIN; we apply for it after the deposit.",
        trade=Trade(
            HS_DIESEL_TRACTOR if kind == "tractor" else HS_DUMPER,
            "vehicle",
            curb_kg,
            curb_kg,
            "Driven or ro-ro",
        ),
        vehicle={
            "make": make,
            "model": model,
            "model_year": year,
            "powertrain": "ICE",
            "emission_standard": emission,
            "steering_side": "LHD",
            "condition": "used",
            "vin": vin,
        },
        ru=(f"{kind_ru} {make} {model} б/у, {year}, {hp} л.с., {usage_ru}", f"бу грузовик VIN {vin}"),
        zh=(f"二手{zh_name} {kind_zh}，{year} 年，{hp} 马力，{usage_zh}", f"二手车 VIN {vin}"),
        offers=vehicle_offers(
            upc,
            price,
            (FCA_ERENHOT, DAP_ZAMYN_UUD, CPT_ULAANBAATAR),
            lead_days=20,
            capacity="1",
            stock=1,
            tiers=(),
        ),
    )


# Diesel only: the BEV car line excludes used cars, and used trucks are what the border trade buys.
USED = [
    used_vehicle(
        upc="ORD-USED-038217",
        make="Shacman",
        model="X3000 6×4",
        zh_name="陕汽德龙 X3000 6×4",
        year=2021,
        vin="LZGJX4V43MX038217",
        hp="430",
        usage=("310,000 km", "310 000 км", "行驶 31 万公里"),
        emission="China VI",
        kind="tractor",
        curb_kg="8800",
        price="27500.00",
    ),
    used_vehicle(
        upc="ORD-USED-114602",
        make="Shacman",
        model="F3000 6×4",
        zh_name="陕汽德龙 F3000 6×4",
        year=2019,
        vin="LZGJLGR48KX114602",
        hp="380",
        usage=("520,000 km", "520 000 км", "行驶 52 万公里"),
        emission="China V",
        kind="tractor",
        curb_kg="8600",
        price="16800.00",
    ),
    used_vehicle(
        upc="ORD-USED-276915",
        make="Sinotruk",
        model="HOWO TX 6×4",
        zh_name="中国重汽豪沃 TX 6×4",
        year=2020,
        vin="LZZ5BLSF6LW276915",
        hp="430",
        usage=("410,000 km", "410 000 км", "行驶 41 万公里"),
        emission="China V",
        kind="tractor",
        curb_kg="8700",
        price="21000.00",
    ),
    used_vehicle(
        upc="ORD-USED-A40837",
        make="FAW Jiefang",
        model="J6P 6×4",
        zh_name="一汽解放 J6P 6×4",
        year=2019,
        vin="LFWSRXSJ9K1A40837",
        hp="460",
        usage=("480,000 km", "480 000 км", "行驶 48 万公里"),
        emission="China V",
        kind="tractor",
        curb_kg="8900",
        price="19500.00",
    ),
    used_vehicle(
        upc="ORD-USED-062214",
        make="Foton",
        model="Auman EST 6×4",
        zh_name="福田欧曼 EST 6×4",
        year=2020,
        vin="LVBV4PBB3LE062214",
        hp="430",
        usage=("390,000 km", "390 000 км", "行驶 39 万公里"),
        emission="China V",
        kind="tractor",
        curb_kg="8800",
        price="20500.00",
    ),
    used_vehicle(
        upc="ORD-USED-153378",
        make="Sinotruk",
        model="HOWO 6×4 70 t",
        zh_name="中国重汽豪沃 6×4 70 吨",
        year=2020,
        vin="LZZ5ELSD8LW153378",
        hp="371",
        usage=("12,000 engine hours", "12 000 моточасов", "工作 12000 小时"),
        emission="China III (non-road)",
        kind="dumper",
        curb_kg="26000",
        price="38000.00",
    ),
    used_vehicle(
        upc="ORD-USED-201455",
        make="Shacman",
        model="wide-body 6×4 60 t",
        zh_name="陕汽宽体 6×4 60 吨",
        year=2022,
        vin="LZGJLDR43NX201455",
        hp="460",
        usage=("8,500 engine hours", "8 500 моточасов", "工作 8500 小时"),
        emission="China IV (non-road)",
        kind="dumper",
        curb_kg="30000",
        price="52000.00",
    ),
]


PRODUCTS = USED
