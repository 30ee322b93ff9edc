import pytest


@pytest.fixture(autouse=True)
def _customs_reference():
    # The codec is pure Python: these tests need no database, so they override the customs
    # package's autouse reference-data fixture (which would create the test database).
    yield


@pytest.fixture(autouse=True)
def _isolated_cache():
    # Nor do they touch the cache.
    yield
