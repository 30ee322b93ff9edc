import pytest
from django.apps import apps

from catalog.reference import seed
from catalog.reference.models import HSCode


@pytest.fixture(autouse=True)
def reference_data(db):
    # The data migrations' rows; a transactional test earlier in a --reuse-db run may have
    # flushed them.
    if not HSCode.objects.exists():
        seed.load_reference_data(apps)
        seed.load_product_classes(apps)
