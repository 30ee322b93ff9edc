import pytest
from django.apps import apps
from hypothesis import settings as hypothesis_settings

from catalog.reference import seed
from catalog.reference.models import HSCode


@pytest.fixture(autouse=True)
def reference_data(db):
    # The data migrations' rows; a transactional test earlier in a --reuse-db run may have
    # flushed them.
    if not HSCode.objects.exists():
        seed.load_reference_data(apps)
        seed.load_product_classes(apps)


# Check-digit properties are cheap, but a loaded CI machine must not fail them on timing.
hypothesis_settings.register_profile("project", deadline=None, max_examples=100)
hypothesis_settings.load_profile("project")
