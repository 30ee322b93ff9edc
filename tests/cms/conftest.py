import pytest

from tests.factories.site import ensure_home_page


@pytest.fixture(autouse=True)
def home_page(db):
    # A transactional test earlier in a --reuse-db session may have flushed the migration's pages.
    return ensure_home_page()
