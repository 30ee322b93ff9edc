import pytest

from rfq import demo
from rfq.models import RFQ, QuoteStatus, RFQStatus

pytestmark = pytest.mark.django_db


def test_demo_rfqs_in_every_state_and_idempotent(buyer, buyer_user, supplier_a, supplier_b):
    assert demo.load(buyers=[buyer], suppliers=[supplier_a, supplier_b]) == len(RFQStatus.values)

    assert set(RFQ.objects.values_list("status", flat=True)) == set(RFQStatus.values)
    quoted = RFQ.objects.get(status=RFQStatus.QUOTED)
    assert set(quoted.quotes.values_list("status", flat=True)) == {QuoteStatus.REVISED, QuoteStatus.EXPIRED}
    assert quoted.messages.count() == 2
    assert demo.load(buyers=[buyer], suppliers=[supplier_a, supplier_b]) == 0
    assert RFQ.objects.count() == len(RFQStatus.values)
