import io
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from oscar.core.loading import get_model

from catalog.models import ProductStatus
from catalog.reference.models import ExchangeRate
from catalog.reference.seed import hs_rows
from catalog.selectors import browsable_products
from catalog.specs.classes import PRODUCT_CLASSES
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from catalog.translation.models import ProductTranslation
from catalog.validators import validate_cas_number, validate_vin
from marketplace.accounts.models import Company, CompanyKind, SupplierAuthorisation, User, VerificationStatus
from marketplace.demo.management.commands.load_demo import OPERATOR_EMAIL
from marketplace.demo.products import FEATURED
from marketplace.demo.products.base import SEA_PORTS
from marketplace.orders.models import OrderStatus

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")
Order = get_model("order", "Order")
PaymentMilestone = get_model("order", "PaymentMilestone")

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def snapshot() -> dict:
    return {
        "companies": Company.objects.count(),
        "users": User.objects.count(),
        "products": Product.objects.count(),
        "product_categories": ProductCategory.objects.count(),
        "trade_specs": TradeSpec.objects.count(),
        "chemical_specs": ChemicalSpec.objects.count(),
        "battery_specs": BatterySpec.objects.count(),
        "vehicle_specs": VehicleSpec.objects.count(),
        "translations": ProductTranslation.objects.count(),
        "offers": StockRecord.objects.count(),
        "price_tiers": PriceTier.objects.count(),
        "offer_incoterms": OfferIncoterm.objects.count(),
        "authorisations": SupplierAuthorisation.objects.count(),
        "exchange_rates": ExchangeRate.objects.count(),
        "orders": Order.objects.count(),
        "milestones": PaymentMilestone.objects.count(),
    }


def test_load_demo_builds_a_working_marketplace_and_is_idempotent(capsys):
    call_command("load_demo")
    first = snapshot()
    first_output = capsys.readouterr().out

    call_command("load_demo")

    assert snapshot() == first
    assert f"Demo data ready ({first['products']} new products, 8 new orders)." in first_output
    assert "Demo data ready (0 new products, 0 new orders)." in capsys.readouterr().out
    assert "password for all: ordos-demo-2026" in first_output
    assert OPERATOR_EMAIL in first_output
    suppliers = Company.objects.filter(kind=CompanyKind.SUPPLIER)
    assert suppliers.count() >= 8
    assert all(company.verification_status == VerificationStatus.VERIFIED for company in suppliers)
    assert all(company.city == "Ordos" and company.partner for company in suppliers)
    assert set(Company.objects.filter(kind=CompanyKind.BUYER).values_list("country", flat=True)) == {
        "MN",
        "RU",
    }
    firm = Company.objects.get(kind=CompanyKind.SERVICE_FIRM)
    assert firm.is_verified
    assert SupplierAuthorisation.objects.filter(firm=firm, revoked_at__isnull=True).count() >= 2
    assert User.objects.get(email=OPERATOR_EMAIL).is_staff
    # Every demo person can log in: their sign-ups are confirmed as if they had opened the link.
    assert not User.objects.filter(is_active=False).exists()
    assert not User.objects.filter(email_confirmed=False).exists()
    assert first["products"] >= 150
    assert first["exchange_rates"] == 4  # USD to CNY, EUR, RUB and MNT


def test_demo_catalogue_is_published_typed_and_owned_by_its_suppliers():
    call_command("load_demo")

    products = browsable_products()
    assert products.count() >= 150
    assert products.count() == Product.objects.count()
    assert set(Product.objects.values_list("status", flat=True)) == {ProductStatus.PUBLISHED}
    assert set(products.values_list("product_class__slug", flat=True)) == set(PRODUCT_CLASSES)
    # Every supplier of the demo sells something; the first eleven products are still there.
    supplier_partners = {company.partner.pk for company in Company.objects.filter(kind=CompanyKind.SUPPLIER)}
    assert set(products.values_list("supplier_id", flat=True)) == supplier_partners
    assert Product.objects.filter(upc__in=FEATURED).count() == len(FEATURED)
    assert Product.objects.get(upc="ORD-MEOH-9985").title == "Methanol 99.85% (AA grade), CAS 67-56-1"
    # Products sit with the supplier in that line of business.
    supplier_names = {
        slug: set(products.filter(product_class__slug=slug).values_list("supplier__company__name", flat=True))
        for slug in ("vehicle", "textile", "food", "pv-module")
    }
    assert supplier_names == {
        "vehicle": {"Ordos Steppe New Energy Vehicles Co., Ltd."},
        "textile": {"Ordos Golden Fleece Cashmere Co., Ltd."},
        "food": {"Ordos Blue Lake Spirulina Biotech Co., Ltd."},
        "pv-module": {"Ordos Otog Solar Energy Co., Ltd."},
    }

    # Specs: a TradeSpec on a seeded HS line for all, and the class's own spec.
    hs_codes = {row["code"] for row in hs_rows()}
    trade_specs = TradeSpec.objects.filter(product__in=products)
    assert trade_specs.count() == products.count()
    assert set(trade_specs.values_list("hs_code_id", flat=True)) <= hs_codes
    assert not trade_specs.filter(gross_weight_kg__lt=F("net_weight_kg")).exists()
    assert set(trade_specs.values_list("origin_country", flat=True)) == {"CN"}
    class_specs = {"chemical": "chemical_spec", "battery": "battery_spec", "vehicle": "vehicle_spec"}
    for slug, spec in class_specs.items():
        of_class = products.filter(product_class__slug=slug)
        assert of_class.filter(**{f"{spec}__isnull": False}).count() == of_class.count() > 0


def test_demo_specs_carry_real_identifiers():
    call_command("load_demo")

    for cas_number in ChemicalSpec.objects.values_list("cas_number", flat=True):
        validate_cas_number(cas_number)
    methanol = ChemicalSpec.objects.filter(cas_number="67-56-1")
    assert set(methanol.values_list("un_number", "transport_class", "subsidiary_class", "packing_group")) == {
        ("UN1230", "3", "6.1", "II")
    }
    # Several suppliers sell methanol, as separate products.
    assert methanol.values("product__supplier").distinct().count() >= 3
    caustic = ChemicalSpec.objects.filter(cas_number="1310-73-2")
    assert set(caustic.values_list("un_number", "transport_class", "packing_group")) == {
        ("UN1823", "8", "II"),
        ("UN1824", "8", "II"),
    }
    assert set(ChemicalSpec.objects.filter(cas_number="75-20-7").values_list("un_number", flat=True)) == {
        "UN1402"
    }
    # Polymers are not dangerous goods.
    assert (
        not ChemicalSpec.objects.filter(cas_number__in=["9002-86-2", "9003-07-0"])
        .exclude(un_number="")
        .exists()
    )
    for battery in BatterySpec.objects.all():
        assert battery.watt_hours == (battery.voltage * battery.amp_hours).quantize(Decimal("0.01"))
        assert battery.un_number == "UN3480" and battery.un38_3_tested
    used = VehicleSpec.objects.filter(condition="used")
    assert used.count() >= 5
    for vin in used.values_list("vin", flat=True):
        validate_vin(vin)
    assert not VehicleSpec.objects.filter(powertrain__in=["BEV", "PHEV"], battery_kwh__isnull=True).exists()


def test_demo_offers_belong_to_the_supplier_and_have_terms():
    call_command("load_demo")

    offers = StockRecord.objects.all()
    assert not offers.exclude(partner_id=F("product__supplier_id")).exists()
    assert not offers.exclude(commercial_unit_id=F("product__trade_spec__commercial_unit_id")).exists()
    assert not offers.filter(num_in_stock__isnull=True).exists()
    assert not offers.filter(lead_time_days__isnull=True).exists()
    assert set(offers.values_list("price_currency", flat=True)) == {"USD", "CNY", "EUR"}
    # About one product in five has a second offer (another packaging or Incoterm).
    with_offer_counts = Product.objects.annotate(offers=Count("stockrecords"))
    offer_counts = Counter(with_offer_counts.values_list("offers", flat=True))
    assert set(offer_counts) == {1, 2}
    assert 0.15 <= offer_counts[2] / Product.objects.count() <= 0.3
    for product in with_offer_counts.filter(offers=2):
        first, second = product.stockrecords.order_by("pk")
        terms = [
            (offer.packaging, set(offer.incoterms.values_list("incoterm__code", "named_place")))
            for offer in (first, second)
        ]
        assert terms[0] != terms[1], product.upc
    # Quantity breaks start above the MOQ and lower the price.
    assert not PriceTier.objects.filter(min_quantity__lte=F("offer__minimum_order_quantity")).exists()
    assert not PriceTier.objects.filter(unit_price__gte=F("offer__price")).exists()
    assert not offers.filter(incoterms__isnull=True).exists()
    sea_places = set(
        OfferIncoterm.objects.filter(incoterm__sea_only=True).values_list("named_place", flat=True)
    )
    assert sea_places and sea_places <= SEA_PORTS


def test_demo_products_have_russian_and_chinese_names():
    call_command("load_demo")

    for product in Product.objects.prefetch_related("translations"):
        titles = {translation.language: translation.title for translation in product.translations.all()}
        assert CYRILLIC.search(titles["ru"]), product.upc
        assert CHINESE.search(titles["zh-hans"]), product.upc
    methanol = Product.objects.get(upc="ORD-MEOH-9985").translations
    assert methanol.get(language="ru").title.startswith("Метанол")
    assert methanol.get(language="zh-hans").title.startswith("甲醇")


def test_demo_orders_cover_every_state_and_payment_kind():
    call_command("load_demo", stdout=io.StringIO())

    assert set(Order.objects.values_list("status", flat=True)) == set(OrderStatus.values)
    paid_with = set(PaymentMilestone.objects.filter(status="paid").values_list("paid_with", flat=True))
    assert paid_with == {"card", "bank_transfer"}
    assert PaymentMilestone.objects.filter(status="pending").exists()
