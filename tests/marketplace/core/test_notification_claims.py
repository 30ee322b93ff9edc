"""A notification is sent at most once: across a crash of its sender and between two senders."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.utils import timezone

from marketplace.core import outbox
from marketplace.core.models import EmailNotification, NotificationStatus, OutboxMessage
from marketplace.core.services import SEND_NOTIFICATION, resend_notifications, send_notification_email
from marketplace.core.tasks import dispatch_outbox, sweep_notifications
from tests.factories import UserFactory

VERIFIED = "accounts/company_verified"


class WorkerKilled(BaseException):
    """Stands for SIGKILL: no ``except Exception`` handler runs, nothing after it happens."""


def crash_when_sending(monkeypatch, *, after_delivery: bool) -> None:
    """The sender process dies inside ``send()``: before the server took the email, or after."""
    real_send = locmem.EmailBackend.send_messages

    def send_then_die(self, messages):
        if after_delivery:
            real_send(self, messages)
        raise WorkerKilled

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", send_then_die)


@pytest.mark.django_db
@pytest.mark.parametrize("after_delivery", [False, True], ids=["before-delivery", "after-delivery"])
def test_a_crash_between_claim_and_result_never_sends_twice(
    settings, monkeypatch, mailoutbox, after_delivery
):
    settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS = 600
    # given a queued notification
    notification = EmailNotification.objects.create(
        recipient=UserFactory(language="en"), template=VERIFIED, context={"company_name": "Acme"}
    )
    message = outbox.enqueue(SEND_NOTIFICATION, notification_id=notification.pk)

    # when its worker dies while sending (the outbox message is never marked done)
    crash_when_sending(monkeypatch, after_delivery=after_delivery)
    with pytest.raises(WorkerKilled):
        dispatch_outbox()
    monkeypatch.undo()
    delivered = len(mailoutbox)
    assert delivered == (1 if after_delivery else 0)
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENDING and notification.sent_at is None

    # and the outbox hands the task over again after its lease (a redelivery)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert dispatch_outbox() == 1

    # then nothing more is sent: the claim stands
    assert len(mailoutbox) == delivered
    message.refresh_from_db()
    assert message.done_at is not None
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENDING and notification.attempts == 1

    # when the sweep finds the claim stale, it flags it for an operator, still without sending
    assert sweep_notifications() == 0  # not stale yet
    EmailNotification.objects.filter(pk=notification.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=11)
    )
    assert sweep_notifications() == 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.UNCERTAIN
    assert notification.last_error == "The sender stopped after claiming it."
    assert len(mailoutbox) == delivered

    # and an operator who checked may send it again: once
    assert resend_notifications(notifications=EmailNotification.objects.filter(pk=notification.pk)) == 1
    dispatch_outbox()
    assert len(mailoutbox) == delivered + 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT


@pytest.mark.django_db
def test_a_failure_that_may_have_sent_is_not_retried(monkeypatch, mailoutbox):
    # given a mail server that drops the connection after the message data
    def dropped(self, messages):
        raise TimeoutError("timed out waiting for 250 after DATA")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", dropped)
    notification = EmailNotification.objects.create(
        recipient=UserFactory(), template=VERIFIED, context={"company_name": "Acme"}
    )

    send_notification_email(notification=notification)
    send_notification_email(notification=notification)

    notification.refresh_from_db()
    assert notification.status == NotificationStatus.UNCERTAIN
    assert notification.attempts == 1
    assert notification.last_error == "TimeoutError: timed out waiting for 250 after DATA"


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_senders_send_once(monkeypatch):
    # given a slow mail server, so both senders are inside the service at once
    real_send = locmem.EmailBackend.send_messages

    def slow_send(self, messages):
        time.sleep(0.3)
        return real_send(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", slow_send)
    mail.outbox = []
    notification = EmailNotification.objects.create(
        recipient=UserFactory(language="en"), template=VERIFIED, context={"company_name": "Acme"}
    )
    barrier = threading.Barrier(2)
    errors = []

    def sender():
        try:
            barrier.wait()
            send_notification_email(notification=EmailNotification.objects.get(pk=notification.pk))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    # when two workers send it at the same moment
    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # then exactly one email went out
    assert errors == []
    assert [message.subject for message in mail.outbox] == ["Acme is verified"]
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT and notification.attempts == 1
