import pytest

from catalog.documents import services
from catalog.documents.models import DocumentVisibility
from tests.catalog.documents.helpers import ISSUED, pdf
from tests.factories import SupplierFactory, member_of
from tests.factories.catalogue import offered_product


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    # Documents are written under a throwaway private root, never under var/.
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_MEDIA_ROOT = root
    return root


@pytest.fixture
def methanol(supplier):
    return offered_product(partner=supplier.partner, title="Methanol 99.85%")


@pytest.fixture
def other_supplier(db):
    return SupplierFactory(name="Baotou Chemicals")


@pytest.fixture
def other_supplier_user(other_supplier):
    return member_of(other_supplier)


@pytest.fixture
def upload(supplier_admin):
    """Upload through the service as the supplier, with sensible defaults."""

    def _upload(product, *, kind="sds", visibility=DocumentVisibility.PUBLIC, by=None, **fields):
        fields.setdefault("file", pdf())
        fields.setdefault("issue_date", ISSUED)
        fields.setdefault("expiry_date", None)
        return services.upload_document(
            product=product, kind=kind, visibility=visibility, by=by or supplier_admin, **fields
        )

    return _upload
