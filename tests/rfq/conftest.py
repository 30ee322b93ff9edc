from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalog.reference.models import Currency, ExchangeRate, Incoterm, Unit
from catalog.specs.models import ChemicalSpec
from marketplace.orders.models import MilestoneDue
from marketplace.orders.services import MilestoneTerm
from rfq import services
from tests.factories import SupplierFactory, member_of
from tests.factories.catalogue import offered_product

ProductCategory = get_model("catalogue", "ProductCategory")

DEPOSIT_30_70 = [
    MilestoneTerm(Decimal(30), MilestoneDue.ON_ORDER, "Deposit"),
    MilestoneTerm(Decimal(70), MilestoneDue.BEFORE_SHIPMENT, "Balance before shipment"),
]


@pytest.fixture
def methanol_category(reference_data):
    return create_from_breadcrumbs("Chemicals > Methanol")


def methanol_from(company, *, category, purity="99.90", price="280.00", packaging="IBC"):
    product = offered_product(partner=company.partner, title=f"Methanol {purity}%", price=price)
    ProductCategory.objects.create(product=product, category=category)
    ChemicalSpec.objects.create(product=product, cas_number="67-56-1", purity_percent=Decimal(purity))
    offer = product.stockrecords.get()
    offer.packaging = packaging
    offer.commercial_unit = Unit.objects.get(code="t")
    offer.save()
    return product


@pytest.fixture
def supplier_a(methanol_category):
    company = SupplierFactory(name="Hanggin Methanol")
    company.product = methanol_from(company, category=methanol_category)
    company.user = member_of(company)
    return company


@pytest.fixture
def supplier_b(methanol_category):
    company = SupplierFactory(name="Junggar Chemical")
    company.product = methanol_from(company, category=methanol_category, price="275.00")
    company.user = member_of(company)
    return company


@pytest.fixture
def supplier_low_purity(methanol_category):
    company = SupplierFactory(name="Low Purity Works")
    company.product = methanol_from(company, category=methanol_category, purity="99.50")
    company.user = member_of(company)
    return company


@pytest.fixture
def usd_cny(reference_data):
    return ExchangeRate.objects.create(
        base_id="USD", quote_id="CNY", rate=Decimal("7.20"), valid_from=timezone.now() - timedelta(days=1)
    )


def rfq_details(*, category=None, product=None, quantity="100", **extra) -> services.RFQDetails:
    fields = {
        "title": "Methanol 99.85 % in IBC",
        "quantity": Decimal(quantity),
        "unit": Unit.objects.get(code="t"),
        "currency": Currency.objects.get(code="USD"),
        "incoterm": Incoterm.objects.get(code="DAP"),
        "named_place": "Ulaanbaatar",
        "destination_country": "MN",
        "destination_city": "Ulaanbaatar",
        "quote_deadline": timezone.localdate() + timedelta(days=7),
        "category": category,
        "product": product,
        "specification": {"min_purity_percent": "99.85", "packaging": "IBC"},
    }
    fields.update(extra)
    return services.RFQDetails(**fields)


def quote_terms(supplier, *, price="280.00", currency="USD", incoterm="FCA", place="Erenhot", **extra):
    fields = {
        "offer": supplier.product.stockrecords.get(),
        "unit_price": Decimal(price),
        "currency": Currency.objects.get(code=currency),
        "incoterm": Incoterm.objects.get(code=incoterm),
        "named_place": place,
        "quantity": Decimal(100),
        "unit": Unit.objects.get(code="t"),
        "lead_time_days": 20,
        "valid_until": timezone.localdate() + timedelta(days=14),
        "payment_schedule": DEPOSIT_30_70,
        "moq": Decimal(20),
    }
    fields.update(extra)
    return services.QuoteTerms(**fields)


@pytest.fixture
def open_rfq(buyer_user, methanol_category, supplier_a, supplier_b, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.create_rfq(buyer_user=buyer_user, details=rfq_details(category=methanol_category))


@pytest.fixture
def quote_a(open_rfq, supplier_a):
    return services.submit_quote(rfq=open_rfq, by=supplier_a.user, terms=quote_terms(supplier_a))


@pytest.fixture
def quote_b(open_rfq, supplier_b, usd_cny):
    terms = quote_terms(supplier_b, price="2016.00", currency="CNY", incoterm="CPT", place="Ulaanbaatar")
    return services.submit_quote(rfq=open_rfq, by=supplier_b.user, terms=terms)
