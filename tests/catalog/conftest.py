import pytest
from hypothesis import settings as hypothesis_settings


@pytest.fixture(autouse=True)
def _catalog_reference_data(reference_data):
    return reference_data


# Check-digit properties are cheap, but a loaded CI machine must not fail them on timing.
hypothesis_settings.register_profile("project", deadline=None, max_examples=100)
hypothesis_settings.load_profile("project")
