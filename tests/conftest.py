import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from catalog.reference import seed
from catalog.reference.models import HSCode
from tests.factories import (
    CompanyFactory,
    OperatorFactory,
    ServiceFirmFactory,
    SupplierFactory,
    member_of,
)

pytest_plugins = ["tests.brokers", "tests.workers"]  # broker_down; worker_queue


@pytest.fixture(autouse=True)
def _isolated_cache():
    # Tests share the machine's Redis; each starts from an empty cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request to /ru/ leaves Russian active in the thread, and reverse() would then
    # build /ru/ URLs in the next test.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def reference_data(db):
    # The catalog data migrations' rows; a transactional test earlier in a --reuse-db run
    # may have flushed them.
    if not HSCode.objects.exists():
        seed.load_reference_data(apps)
        seed.load_product_classes(apps)


@pytest.fixture
def operator(db):
    return OperatorFactory()


@pytest.fixture
def supplier(db):
    return SupplierFactory()


@pytest.fixture
def supplier_admin(supplier):
    return member_of(supplier)


@pytest.fixture
def buyer(db):
    return CompanyFactory(name="Ulaanbaatar Steel LLC")


@pytest.fixture
def buyer_user(buyer):
    return member_of(buyer)


@pytest.fixture
def firm(db):
    return ServiceFirmFactory(name="Ordos Customs Brokers")


@pytest.fixture
def firm_user(firm):
    return member_of(firm)
