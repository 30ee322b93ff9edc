"""Domain events: delivered once after commit, never on rollback, at once outside a transaction; a
failing subscriber breaks neither the publisher nor the others; the real services publish theirs."""

import logging

import pytest
from django.db import transaction

from marketplace.core import events
from marketplace.core.events import Event, Name


class Inbox:
    """A subscriber that keeps what it receives."""

    def __init__(self):
        self.received: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.received.append(event)


def test_an_event_reaches_its_subscriber_once_after_commit(db, django_capture_on_commit_callbacks):
    inbox = Inbox()

    with events.subscribed(Name.RFQ_SUBMITTED, inbox):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                events.publish(Name.RFQ_SUBMITTED, rfq_id=7)
                assert inbox.received == []  # not before the commit

    assert inbox.received == [Event(name="rfq.submitted", payload={"rfq_id": 7})]


def test_a_rolled_back_event_is_never_delivered(db, django_capture_on_commit_callbacks):
    inbox = Inbox()

    with events.subscribed(Name.RFQ_SUBMITTED, inbox):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            with pytest.raises(RuntimeError), transaction.atomic():
                events.publish(Name.RFQ_SUBMITTED, rfq_id=7)
                raise RuntimeError("the action failed after publishing")

    assert callbacks == [] and inbox.received == []


@pytest.fixture
def autocommit(django_db_setup, django_db_blocker):
    """The test database as production uses it: autocommit, real commits and rollbacks.

    Not the transactional_db fixture: that flushes every table afterwards, and later tests of a
    --reuse-db run need the migrations' rows. These tests write nothing, so nothing is left over.
    """
    with django_db_blocker.unblock():
        yield


def test_with_a_real_commit_an_event_is_delivered_once_and_outside_a_transaction_at_once(autocommit):
    inbox = Inbox()
    assert not transaction.get_connection().in_atomic_block  # no test transaction around us

    with events.subscribed(Name.ORDER_PLACED, inbox):
        with transaction.atomic():
            events.publish(Name.ORDER_PLACED, order_id=1)
            assert inbox.received == []
        with pytest.raises(RuntimeError), transaction.atomic():
            events.publish(Name.ORDER_PLACED, order_id=2)
            raise RuntimeError("rolled back")
        events.publish(Name.ORDER_PLACED, order_id=3)  # autocommit: no transaction to wait for

    assert [event.payload["order_id"] for event in inbox.received] == [1, 3]


def test_a_failing_subscriber_is_logged_and_the_others_still_receive(
    db, django_capture_on_commit_callbacks, caplog
):
    before, after = Inbox(), Inbox()

    def broken(event: Event) -> None:
        raise KeyError("credit account missing")

    with (
        events.subscribed(Name.QUOTE_SUBMITTED, before),
        events.subscribed(Name.QUOTE_SUBMITTED, broken),
        events.subscribed(Name.QUOTE_SUBMITTED, after),
        caplog.at_level(logging.ERROR, logger="marketplace.core.events"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        published = events.publish(Name.QUOTE_SUBMITTED, quote_id=5)

    assert before.received == [published] and after.received == [published]
    assert [record.getMessage() for record in caplog.records] == [
        f"Subscriber {broken!r} failed on event quote.submitted"
    ]
    assert caplog.records[0].exc_info[0] is KeyError


def test_unknown_event_names_are_refused():
    with pytest.raises(ValueError, match="Unknown event 'order.placd'"):
        events.publish("order.placd", order_id=1)
    with pytest.raises(ValueError, match="Unknown event 'order.shiped'"):
        events.subscribe("order.shiped", Inbox())


def test_subscribing_twice_delivers_once(db, django_capture_on_commit_callbacks):
    inbox = Inbox()

    with events.subscribed(Name.PRODUCT_PUBLISHED, inbox):
        events.subscribe(Name.PRODUCT_PUBLISHED, inbox)
        with django_capture_on_commit_callbacks(execute=True):
            events.publish(Name.PRODUCT_PUBLISHED, product_id=1)

    assert len(inbox.received) == 1


def test_recording_collects_what_is_published_inside_the_block(db):
    events.publish(Name.LOT_RELEASED, lot_id=1)  # before the block: not recorded

    with events.recording() as published:
        events.publish(Name.LOT_RELEASED, lot_id=2)

    events.publish(Name.LOT_RELEASED, lot_id=3)  # after: not recorded either
    assert published == [Event(name="lot.released", payload={"lot_id": 2})]


def test_publishing_costs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        for name in Name.values:
            events.publish(name)
