"""Two buyers' clicks at once on the same RFQ: the RFQ row lock lets exactly one award win."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from rfq import services
from rfq.models import Award, RFQStatus
from tests.factories import member_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_simultaneous_acceptances_exactly_one_wins(open_rfq, buyer, buyer_user, quote_a, quote_b):
    colleague = member_of(buyer)
    barrier = threading.Barrier(2)
    outcomes = []

    def accept(quote, user):
        try:
            barrier.wait()
            services.accept_quote(quote=quote, by=user)
            outcomes.append("won")
        except ValidationError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=accept, args=(quote_a, buyer_user)),
        threading.Thread(target=accept, args=(quote_b, colleague)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes)[-1] == "won" and outcomes.count("won") == 1
    assert "awarded cannot be awarded" in [o for o in outcomes if o != "won"][0]
    open_rfq.refresh_from_db()
    assert open_rfq.status == RFQStatus.AWARDED and open_rfq.awarded_quantity == Decimal(100)
    assert Award.objects.filter(rfq=open_rfq).count() == 1
