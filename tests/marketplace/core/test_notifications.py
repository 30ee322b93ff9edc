"""Notifications: queued in the database, sent after commit, in the recipient's language, once."""

import pytest
from django.core.mail.backends import locmem
from django.db import transaction
from django.utils import timezone

from marketplace.core.models import EmailNotification, NotificationStatus, OutboxMessage
from marketplace.core.services import notify, send_notification_email
from marketplace.core.tasks import dispatch_outbox, send_notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

VERIFIED = "accounts/company_verified"


@pytest.fixture
def lang_templates(settings, tmp_path):
    """A tiny notification whose subject shows the language active while it is rendered."""
    folder = tmp_path / "notifications" / "test"
    folder.mkdir(parents=True)
    (folder / "lang_subject.txt").write_text(
        "{% load i18n %}{% get_current_language as L %}lang={{ L }}", encoding="utf-8"
    )
    (folder / "lang_body.txt").write_text("body {{ site_url }}", encoding="utf-8")
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    # Assigning TEMPLATES fires setting_changed, which resets Django's template engines.
    settings.TEMPLATES = templates
    return "test/lang"


def test_notify_creates_a_row_and_sends_nothing_before_commit(
    buyer_user, mailoutbox, django_capture_on_commit_callbacks
):
    # when a notification is queued inside a transaction that has not committed yet
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notify(recipient=buyer_user, template=VERIFIED, context={"company_name": "Acme"})

    # then the row exists, unsent, and no mail went out
    stored = EmailNotification.objects.get(pk=notification.pk)
    assert stored.recipient == buyer_user
    assert stored.template == VERIFIED
    assert stored.context == {"company_name": "Acme"}
    assert stored.sent_at is None
    assert stored.attempts == 0
    assert stored.subject == ""
    assert len(callbacks) == 1
    assert mailoutbox == []

    # when the transaction commits
    callbacks[0]()

    # then exactly one email goes to the recipient and the row records it
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [buyer_user.email]
    assert message.subject == "Acme is verified"
    assert "Good news: Acme is now verified on the Ordos Industrial Exchange." in message.body
    stored.refresh_from_db()
    assert stored.sent_at is not None
    assert stored.attempts == 1
    assert stored.subject == "Acme is verified"
    assert stored.last_error == ""


def test_notify_sends_after_commit(buyer_user, settings, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(
            recipient=buyer_user, template=VERIFIED, context={"company_name": "Acme", "reason": "All good"}
        )

    assert len(mailoutbox) == 1
    assert mailoutbox[0].body.endswith(f"All good\n\n{settings.SITE_URL}/company/\n")
    notification.refresh_from_db()
    assert notification.sent_at is not None


@pytest.mark.parametrize("language", ["ru", "en", "zh-hans"])
def test_email_is_rendered_in_the_recipients_language(
    settings, lang_templates, mailoutbox, django_capture_on_commit_callbacks, language
):
    # given a recipient who reads a given language
    recipient = UserFactory(language=language)

    # when a notification is sent
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=recipient, template=lang_templates)

    # then it was rendered with the recipient's language active
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == f"lang={language}"
    assert mailoutbox[0].body == f"body {settings.SITE_URL}"


def test_languages_of_two_recipients_do_not_leak(
    lang_templates, mailoutbox, django_capture_on_commit_callbacks
):
    # given a Russian and an English reader
    russian = UserFactory(language="ru")
    english = UserFactory(language="en")

    # when both are notified in one transaction
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=russian, template=lang_templates)
        notify(recipient=english, template=lang_templates)

    # then each got their own language
    assert {(m.to[0], m.subject) for m in mailoutbox} == {
        (russian.email, "lang=ru"),
        (english.email, "lang=en"),
    }


@pytest.mark.parametrize("language", ["ru", "en"])
def test_existing_company_verified_email_renders_for_each_language(
    settings, mailoutbox, django_capture_on_commit_callbacks, language
):
    recipient = UserFactory(language=language)

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=recipient, template=VERIFIED, context={"company_name": "Ordos Coal Co."})

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [recipient.email]
    assert "Ordos Coal Co." in mailoutbox[0].subject
    assert mailoutbox[0].body.endswith(f"{settings.SITE_URL}/company/\n")


def test_sending_again_sends_nothing(buyer_user, mailoutbox, django_capture_on_commit_callbacks):
    # given a notification that was sent
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(recipient=buyer_user, template=VERIFIED, context={"company_name": "Acme"})
    notification.refresh_from_db()
    sent_at = notification.sent_at
    assert sent_at is not None
    assert len(mailoutbox) == 1

    # when the service and the task run again (a duplicate delivery, a beat re-queue)
    send_notification_email(notification=notification)
    send_notification.delay(notification.pk)
    send_notification.apply(args=[notification.pk])

    # then no further email goes out and the row is unchanged
    assert len(mailoutbox) == 1
    notification.refresh_from_db()
    assert notification.sent_at == sent_at
    assert notification.attempts == 1


def test_task_for_a_missing_notification_does_nothing(mailoutbox):
    send_notification.apply(args=[987654321])

    assert mailoutbox == []


def test_notification_in_a_rolled_back_transaction_is_never_sent(
    buyer_user, mailoutbox, django_capture_on_commit_callbacks
):
    # given an action that queues a notification and then fails
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError, match="action failed"):
            with transaction.atomic():
                notify(recipient=buyer_user, template=VERIFIED, context={"company_name": "Acme"})
                raise RuntimeError("action failed")

    # then nothing was queued, stored or sent
    assert callbacks == []
    assert not EmailNotification.objects.filter(recipient=buyer_user).exists()
    assert mailoutbox == []


def test_notify_hands_the_sending_to_the_outbox(buyer_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        notification = notify(recipient=buyer_user, template=VERIFIED, context={"company_name": "Acme"})

    message = OutboxMessage.objects.get()
    assert message.task == "marketplace.core.tasks.send_notification"
    assert message.kwargs == {"notification_id": notification.pk}
    assert message.done_at is None


@pytest.fixture
def smtp_down(monkeypatch):
    """A mail server that refuses connections (Django's locmem backend made to fail)."""

    def refuse(self, messages):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)


def test_smtp_failure_is_recorded_and_the_claim_released(buyer_user, smtp_down, mailoutbox):
    # given an unsent notification while the mail server is down
    notification = EmailNotification.objects.create(
        recipient=buyer_user, template=VERIFIED, context={"company_name": "Acme"}
    )

    # when the task runs: the refusal surfaces (for the outbox to retry)
    with pytest.raises(ConnectionRefusedError, match="smtp down"):
        send_notification.apply(args=[notification.pk])

    # then the failure is counted and recorded, and the notification is pending again
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING
    assert notification.claimed_at is None
    assert notification.sent_at is None
    assert notification.subject == ""
    assert notification.attempts == 1
    assert notification.last_error == "ConnectionRefusedError: smtp down"
    assert mailoutbox == []


def test_smtp_failure_does_not_break_the_committed_action_and_the_outbox_retries(
    buyer_user, smtp_down, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    # given the mail server is down
    # when an action commits and queues a notification
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(recipient=buyer_user, template=VERIFIED, context={"company_name": "Acme"})

    # then the action completes; the failure is recorded, and the outbox will retry
    notification.refresh_from_db()
    assert notification.sent_at is None
    assert notification.last_error == "ConnectionRefusedError: smtp down"
    assert mailoutbox == []
    message = OutboxMessage.objects.get()
    assert message.attempts == 1 and message.next_attempt_at > timezone.now()

    # when the mail server is back and the retry is due: sent once
    monkeypatch.undo()
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    dispatch_outbox()
    dispatch_outbox()
    assert [m.subject for m in mailoutbox] == ["Acme is verified"]
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT and notification.attempts == 2
