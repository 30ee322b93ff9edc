"""A small, realistic Ordos catalogue for the search suites, and the backends to run it on."""

import os
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalog.reference import seed
from catalog.reference.models import ExchangeRate, HSCode, Incoterm, Unit
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from catalog.translation.services import translate_product
from marketplace.accounts.models import VerificationStatus
from search.models import SynonymGroup
from search.synonyms import forget_synonyms, seed_synonyms
from tests.factories import SupplierFactory
from tests.factories.catalogue import ProductFactory, StockRecordFactory

OfferIncoterm = get_model("partner", "OfferIncoterm")
ProductClass = get_model("catalogue", "ProductClass")


@pytest.fixture
def synonyms(db):
    if not SynonymGroup.objects.exists():
        seed_synonyms(apps)
    forget_synonyms()


def seed_search_data() -> None:
    """Synonyms, reference data and USD rates: data migrations seed the first two, but a
    transactional test earlier in a --reuse-db run may have flushed them."""
    if not SynonymGroup.objects.exists():
        seed_synonyms(apps)
    if not HSCode.objects.exists():
        seed.load_reference_data(apps)
        seed.load_product_classes(apps)
    forget_synonyms()
    start = timezone.now() - timedelta(days=1)
    for quote, rate in {"CNY": "7.00", "EUR": "0.92", "RUB": "92.5"}.items():
        ExchangeRate.objects.create(base_id="USD", quote_id=quote, rate=Decimal(rate), valid_from=start)


@dataclass
class Catalogue:
    products: dict
    ordos_chem: object  # suppliers (Company)
    kangbashi: object
    chemicals: object  # categories
    polymers: object
    energy: object


def _product(supplier, *, title, product_class, price, currency="USD", moq="1", lead_time=None, **fields):
    product = ProductFactory(
        title=title,
        supplier=supplier.partner,
        product_class=ProductClass.objects.get(slug=product_class),
        **fields,
    )
    StockRecordFactory(
        product=product,
        partner=supplier.partner,
        price=Decimal(price),
        price_currency=currency,
        minimum_order_quantity=Decimal(moq),
        lead_time_days=lead_time,
    )
    return product


def _trade(product, hs_code: str, unit="t", certifications=""):
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code=hs_code),
        commercial_unit=Unit.objects.get(code=unit),
        net_weight_kg=Decimal("1000"),
        gross_weight_kg=Decimal("1010"),
        certifications=certifications,
    )


def _incoterms(product, *codes):
    offer = product.stockrecords.get()
    for code in codes:
        OfferIncoterm.objects.create(
            offer=offer, incoterm=Incoterm.objects.get(code=code), named_place="Erenhot"
        )


@pytest.fixture
def catalogue(db) -> Catalogue:
    return build_catalogue()


def build_catalogue() -> Catalogue:
    """Nine listed products from two verified suppliers, and three that must never be listed."""
    seed_search_data()
    ordos_chem = SupplierFactory(name="Ordos Coal Chemical Co", city="Ordos")
    kangbashi = SupplierFactory(name="Kangbashi New Energy", city="Kangbashi")
    pending = SupplierFactory(name="Unverified Chemicals", verification_status=VerificationStatus.UNVERIFIED)
    chemicals = create_from_breadcrumbs("Chemicals")
    polymers = create_from_breadcrumbs("Chemicals > Polymers")
    energy = create_from_breadcrumbs("New energy")
    p = {}
    p["methanol"] = _product(
        ordos_chem,
        title="Methanol 99.85% industrial grade",
        product_class="chemical",
        price="2000",
        currency="CNY",
        moq="20",
        lead_time=7,
        description="Coal-based methanol in ISO tanks.",
    )
    _trade(p["methanol"], "2905110000", certifications="ISO 9001, REACH")
    ChemicalSpec.objects.create(
        product=p["methanol"],
        cas_number="67-56-1",
        un_number="UN1230",
        transport_class="3",
        packing_group="II",
    )
    translate_product(product=p["methanol"], language="ru", title="Метанол технический")
    translate_product(product=p["methanol"], language="zh-hans", title="工业级甲醇")
    p["methanol"].categories.add(chemicals)
    _incoterms(p["methanol"], "FCA", "CPT")

    p["formalin"] = _product(
        ordos_chem,
        title="Formaldehyde solution 37%",
        product_class="chemical",
        price="180",
        moq="20",
        lead_time=14,
        description="Made from our own methanol (CAS 67-56-1) feedstock.",
    )
    p["formalin"].categories.add(chemicals)
    _incoterms(p["formalin"], "FCA")

    p["pp"] = _product(
        ordos_chem,
        title="Polypropylene homopolymer T30S",
        product_class="chemical",
        price="1050",
        moq="25",
        lead_time=10,
    )
    _trade(p["pp"], "3902100090", certifications="ISO 9001")
    translate_product(product=p["pp"], language="zh-hans", title="聚丙烯均聚物 T30S")
    p["pp"].categories.add(polymers)
    _incoterms(p["pp"], "CPT", "DAP")

    p["pvc"] = _product(
        ordos_chem,
        title="PVC resin SG-5",
        product_class="chemical",
        price="720",
        moq="17",
        lead_time=21,
        description="Suspension grade for pipes and profiles.",
    )
    p["pvc"].categories.add(polymers)
    _incoterms(p["pvc"], "FCA")

    p["caustic"] = _product(
        ordos_chem,
        title="Caustic soda flakes 99%",
        product_class="chemical",
        price="420",
        moq="27",
        lead_time=5,
        upc="OCC-NAOH-99",
    )
    ChemicalSpec.objects.create(
        product=p["caustic"],
        cas_number="1310-73-2",
        un_number="UN1823",
        transport_class="8",
        packing_group="II",
    )
    p["caustic"].categories.add(chemicals)

    p["lfp"] = _product(
        kangbashi,
        title="LFP prismatic cell 280Ah",
        product_class="battery",
        price="60",
        moq="200",
        lead_time=30,
    )
    BatterySpec.objects.create(
        product=p["lfp"],
        chemistry="NMC",
        form="cell",
        watt_hours=Decimal("896"),
        voltage=Decimal("3.2"),
        amp_hours=Decimal("280"),
        un_number="UN3480",
    )  # NMC on purpose: only the synonym group links "lithium iron phosphate" to "LFP"
    translate_product(product=p["lfp"], language="ru", title="Литий-железо-фосфатный элемент")
    p["lfp"].categories.add(energy)
    _incoterms(p["lfp"], "FCA", "DAP")

    p["pv"] = _product(
        kangbashi,
        title="Monocrystalline PV module 550 W",
        product_class="pv-module",
        price="95",
        moq="50",
        lead_time=45,
    )
    p["pv"].categories.add(energy)

    p["truck"] = _product(
        kangbashi,
        title="Electric mining dump truck",
        product_class="vehicle",
        price="310000",
        moq="1",
        lead_time=90,
    )
    VehicleSpec.objects.create(
        product=p["truck"],
        make="Kangbashi",
        model="KD-90E",
        model_year=2025,
        powertrain="BEV",
        battery_kwh=Decimal("422"),
        vin="LKB1234567890ABCD",
    )
    p["truck"].categories.add(energy)

    p["cashmere"] = _product(
        ordos_chem,
        title="Dehaired cashmere fibre",
        product_class="textile",
        price="120",
        moq="0.5",
        lead_time=None,
        description="White cashmere, 15.5 micron.",
    )
    # Never listed: a draft, a retired product, and a product of an unverified supplier.
    p["draft"] = _product(
        ordos_chem, title="Methanol draft listing", product_class="chemical", price="1", is_public=False
    )
    p["retired"] = _product(ordos_chem, title="Retired methanol grade", product_class="chemical", price="1")
    p["retired"].status = "retired"
    p["retired"].save()
    p["unverified"] = _product(
        pending, title="Methanol from an unverified plant", product_class="chemical", price="1"
    )
    return Catalogue(p, ordos_chem, kangbashi, chemicals, polymers, energy)


def elasticsearch_configured() -> bool:
    return bool(os.environ.get("ELASTICSEARCH_URL"))


BACKENDS = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=pytest.mark.skipif(not elasticsearch_configured(), reason="ELASTICSEARCH_URL is not set"),
    ),
]


def make_backend(name: str):
    if name == "elasticsearch":
        from search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend()
    from search.backends.database import DatabaseBackend

    return DatabaseBackend()
