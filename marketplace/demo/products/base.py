"""The shape of a demo catalogue row, and what many rows share (suppliers, places, categories)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Positions in load_demo.SUPPLIERS: the loader receives the supplier companies in that order.
HANGGIN, DALAD, EJIN_HORO, JUNGGAR, KANGBASHI, OTOG, STEPPE, GOLDEN_FLEECE, BLUE_LAKE = range(9)

COAL_CHEMICALS = "Chemicals > Coal chemicals"
CHLOR_ALKALI = "Chemicals > Chlor-alkali"
POLYMERS = "Chemicals > Polymers"
FERTILISERS = "Chemicals > Fertilisers"
CARBON = "Chemicals > Carbon materials"
BATTERIES = "New energy > Batteries"
ENERGY_STORAGE = "New energy > Energy storage"
PHOTOVOLTAICS = "New energy > Photovoltaics"
TRUCKS = "Vehicles > Trucks"
TRACTOR_UNITS = "Vehicles > Tractor units"
PASSENGER_CARS = "Vehicles > Passenger cars"
USED_VEHICLES = "Vehicles > Used vehicles"
FIBRE = "Cashmere and textiles > Fibre"
KNITWEAR = "Cashmere and textiles > Knitwear"
SPIRULINA = "Food and spirulina > Spirulina"
LIQUORICE = "Food and spirulina > Liquorice"

# Named places (Incoterms 2020). Inland places take FCA, CPT or DAP: Ordos by road or rail,
# the border crossings to Mongolia (Erenhot / Zamyn-Uud, Gashuunsukhait) and Russia (Manzhouli),
# and buyers' cities served by rail.
FCA_ORDOS = ("FCA", "Ordos")
FCA_ERENHOT = ("FCA", "Erenhot")
FCA_MANZHOULI = ("FCA", "Manzhouli")
DAP_ZAMYN_UUD = ("DAP", "Zamyn-Uud")
DAP_GASHUUNSUKHAIT = ("DAP", "Gashuunsukhait")
CPT_ULAANBAATAR = ("CPT", "Ulaanbaatar")
CPT_MOSCOW = ("CPT", "Moscow")
CPT_NOVOSIBIRSK = ("CPT", "Novosibirsk")
CPT_ALMATY = ("CPT", "Almaty")
CPT_TASHKENT = ("CPT", "Tashkent")
CPT_MILAN = ("CPT", "Milan")
# FAS, FOB, CFR and CIF are sea terms: only with these ports.
SEA_PORTS = frozenset(
    {"Tianjin", "Qingdao", "Novorossiysk", "Vladivostok", "Nhava Sheva", "Haiphong", "Jebel Ali", "Rotterdam"}
)
SEA_TERMS = frozenset({"FAS", "FOB", "CFR", "CIF"})
FOB_TIANJIN = ("FOB", "Tianjin")
FOB_QINGDAO = ("FOB", "Qingdao")
CIF_NOVOROSSIYSK = ("CIF", "Novorossiysk")
CIF_VLADIVOSTOK = ("CIF", "Vladivostok")
CFR_NHAVA_SHEVA = ("CFR", "Nhava Sheva")
CIF_HAIPHONG = ("CIF", "Haiphong")
CIF_JEBEL_ALI = ("CIF", "Jebel Ali")
CIF_ROTTERDAM = ("CIF", "Rotterdam")

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Trade:
    """The product's TradeSpec: tariff line, commercial unit and weights per commercial unit."""

    hs_code: str
    unit: str
    net_kg: str
    gross_kg: str
    packaging: str
    certifications: str = ""


@dataclass(frozen=True)
class Offer:
    """One stock record of the product's supplier; a second offer is a variant of the same goods."""

    sku: str
    price: str
    incoterms: tuple[tuple[str, str], ...]
    moq: str = "1"
    lead_days: int = 14
    capacity: str = "1000"
    stock: int = 100
    packaging: str = ""  # blank: the product's packaging
    # (from quantity, unit price); None: the usual breaks at 5 and 20 times the MOQ.
    tiers: tuple[tuple[str, str], ...] | None = None
    currency: str = "USD"

    def __post_init__(self):
        for code, place in self.incoterms:
            if code in SEA_TERMS and place not in SEA_PORTS:
                raise ValueError(f"{self.sku}: {code} is a sea term, but {place} is not a sea port.")

    def price_tiers(self) -> list[tuple[Decimal, Decimal]]:
        if self.tiers is not None:
            return [(Decimal(quantity), Decimal(price)) for quantity, price in self.tiers]
        price, moq = Decimal(self.price), Decimal(self.moq)
        return [
            (moq * 5, (price * Decimal("0.97")).quantize(CENT, ROUND_HALF_UP)),
            (moq * 20, (price * Decimal("0.94")).quantize(CENT, ROUND_HALF_UP)),
        ]


@dataclass(frozen=True)
class DemoProduct:
    """One supplier's listing with its specs, Russian and Chinese names and offers."""

    upc: str
    supplier: int
    product_class: str
    category: str
    title: str
    description: str
    trade: Trade
    offers: tuple[Offer, ...]
    ru: tuple[str, str]  # (title, search words)
    zh: tuple[str, str]
    chemical: dict | None = None
    battery: dict | None = None
    vehicle: dict | None = None


def chemical(**fields) -> DemoProduct:
    return DemoProduct(product_class="chemical", **fields)


def resin_offers(upc, price, incoterms, sea_price=None, *, capacity="10000"):
    """Rail to the border or Central Asia; with ``sea_price``, also containers from Tianjin."""
    offers = (Offer(upc, price, incoterms, moq="25", lead_days=10, capacity=capacity, stock=2000),)
    if sea_price:
        offers += (
            Offer(
                f"{upc}-SEA",
                sea_price,
                (FOB_TIANJIN, CIF_HAIPHONG),
                moq="100",
                lead_days=25,
                capacity=capacity,
                stock=2000,
                packaging="25 kg bags, 25 t per 40-ft container",
            ),
        )
    return offers


def battery_spec(chemistry: str, form: str, volts: str, amp_hours: str, *, un_number="UN3480") -> dict:
    """BatterySpec fields; the energy is always V × Ah, so the three cannot disagree."""
    return {
        "chemistry": chemistry,
        "form": form,
        "voltage": Decimal(volts),
        "amp_hours": Decimal(amp_hours),
        "watt_hours": (Decimal(volts) * Decimal(amp_hours)).quantize(CENT),
        "un_number": un_number,
        "un38_3_tested": True,
    }
