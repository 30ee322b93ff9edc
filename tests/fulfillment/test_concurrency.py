"""Two outbound orders racing for a lot's last units on two real database connections: exactly one
gets them, the lot ends at zero and never below."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from marketplace.fulfillment.models import OutboundOrder, StockLot
from marketplace.fulfillment.services.warehouse import (
    OutboundBuyer,
    Pick,
    ReceivedLine,
    create_inbound_notice,
    create_outbound_order,
    receive_inbound,
)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_outbound_orders_for_the_last_units_leave_exactly_one(
    booking, released_declaration, supplier_admin, warehouse
):
    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )
    line = notice.lines.get()
    receive_inbound(
        notice=notice, by=supplier_admin, received=[ReceivedLine(line=line, quantity=Decimal(40))]
    )
    lot = StockLot.objects.get()
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def sell(buyer_name: str) -> None:
        try:
            start.wait()
            create_outbound_order(
                warehouse=warehouse,
                buyer=OutboundBuyer(name=buyer_name, address="Almaty", country="KZ"),
                picks=[Pick(lot=lot, quantity=Decimal(40))],
                by=supplier_admin,
            )
            outcomes.append("sold")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=sell, args=(name,)) for name in ("Buyer A", "Buyer B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    lot.refresh_from_db()
    assert sorted(outcomes) == ["Lot L2611-01 has only 0 t left.", "sold"]
    assert lot.on_hand == Decimal("0.000")
    assert OutboundOrder.objects.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_lot_below_zero(booking, released_declaration, supplier_admin):
    from django.db import IntegrityError, transaction
    from django.db.models import F

    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )
    receive_inbound(
        notice=notice,
        by=supplier_admin,
        received=[ReceivedLine(line=notice.lines.get(), quantity=Decimal(40))],
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        StockLot.objects.update(on_hand=F("on_hand") - Decimal(41))

    assert StockLot.objects.get().on_hand == Decimal("40.000")
