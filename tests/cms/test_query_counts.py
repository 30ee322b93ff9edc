"""Home and belt pages have bounded query counts; cached catalogue content makes repeats cheaper.

The first request after the demo pays one-off work (the search index catching up, image
renditions); the counts below are for a catalogue change (cold caches) and the render after it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.versioning import bump_catalog_version
from cms import demo
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_with_content(home_page, supplier, methanol_category):
    for index in range(12):
        offered_product(partner=supplier.partner, title=f"Methanol lot {index}").categories.add(
            methanol_category
        )
    demo.load(suppliers=[supplier])


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "cold_limit", "warm_limit"),
    [
        ("/", 20, 8),
        ("/ru/", 20, 8),
        ("/coal-and-fine-chemicals/", 30, 13),
        ("/zh-hans/coal-and-fine-chemicals/", 30, 13),
    ],
)
def test_home_and_belt_pages_have_bounded_queries_and_repeat_with_fewer(
    client, site_with_content, url, cold_limit, warm_limit
):
    client.get(url)  # one-off work: index catch-up, image renditions
    bump_catalog_version()  # as any catalogue change does

    cold = _queries(client, url)
    warm = _queries(client, url)

    print(f"{url}: {cold} queries after a catalogue change, {warm} on the next render")
    assert cold <= cold_limit
    assert warm <= warm_limit
    assert warm < cold
