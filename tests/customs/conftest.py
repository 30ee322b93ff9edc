import pytest

from tests.factories import SupplierFactory, member_of
from tests.factories.customs import customs_reference, traded_product


@pytest.fixture(autouse=True)
def _customs_reference(reference_data):
    customs_reference()


@pytest.fixture
def supplier(db):
    return SupplierFactory(name="Ordos Chemical Co", customs_code="1506960001")


@pytest.fixture
def polypropylene(supplier):
    return traded_product(supplier=supplier, hs_code="3902100090", title="Polypropylene T30S")


@pytest.fixture
def authorised_firm(firm, supplier, supplier_admin):
    from marketplace.accounts.models import SupplierAuthorisation

    SupplierAuthorisation.objects.create(supplier=supplier, firm=firm, granted_by=supplier_admin)
    firm.customs_code = "1506980002"
    firm.save()
    return firm


@pytest.fixture
def firm_member(authorised_firm):
    return member_of(authorised_firm)
