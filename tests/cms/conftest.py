import pytest
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from tests.factories.cms import ensure_locales
from tests.factories.site import ensure_home_page


@pytest.fixture(autouse=True)
def home_page(db):
    # A transactional test earlier in a --reuse-db session may have flushed the migration's pages.
    ensure_locales()
    return ensure_home_page()


@pytest.fixture
def methanol_category(db):
    return create_from_breadcrumbs("Chemicals > Coal chemicals")
