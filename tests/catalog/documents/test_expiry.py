"""Expired documents: suppliers are told once, by the daily beat task."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from catalog.documents import services, tasks
from catalog.documents.models import ProductDocument
from marketplace.core.models import EmailNotification
from tests.factories import member_of

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def test_expired_current_documents_are_flagged_once(
    methanol, supplier, supplier_admin, upload, mailoutbox, django_capture_on_commit_callbacks
):
    # given a colleague, an expired SDS, a COA still valid, and an expired older TDS version
    colleague = member_of(supplier, language="ru")
    sds = upload(methanol, kind="sds", expiry_date=datetime.date(2026, 5, 31))
    upload(methanol, kind="coa", expiry_date=TODAY)
    upload(methanol, kind="tds", expiry_date=datetime.date(2026, 1, 1))
    tds_current = upload(methanol, kind="tds", expiry_date=datetime.date(2027, 1, 1))

    # when the sweep runs twice
    with django_capture_on_commit_callbacks(execute=True):
        assert services.flag_expired_documents(today=TODAY) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.flag_expired_documents(today=TODAY) == 0

    # then each member of the supplier got exactly one notification, about the SDS only
    notifications = EmailNotification.objects.filter(template="catalog_documents/document_expired")
    assert sorted(n.recipient.email for n in notifications) == sorted([supplier_admin.email, colleague.email])
    assert notifications[0].context == {
        "product_id": methanol.pk,
        "product_title": "Methanol 99.85%",
        "kind": "sds",
        "version": 1,
        "expiry_date": "2026-05-31",
    }
    sds.refresh_from_db()
    assert sds.expiry_notified_at is not None
    assert ProductDocument.objects.exclude(pk=sds.pk).filter(expiry_notified_at__isnull=False).count() == 0
    assert tds_current.expiry_notified_at is None
    # and the emails went out, rendered in each recipient's language
    assert len(mailoutbox) == 2
    english = next(m for m in mailoutbox if m.to == [supplier_admin.email])
    assert english.subject == "Expired: Safety data sheet (SDS) of Methanol 99.85%"
    assert "The Safety data sheet (SDS) (version 1) of Methanol 99.85% expired on 2026-05-31." in english.body
    assert f"{settings.SITE_URL}/supplier/products/{methanol.pk}/documents/upload/?kind=sds" in english.body


def test_a_superseded_expired_version_is_not_flagged(methanol, upload):
    upload(methanol, expiry_date=datetime.date(2026, 1, 1))
    upload(methanol, expiry_date=datetime.date(2027, 1, 1))

    assert services.flag_expired_documents(today=TODAY) == 0
    assert EmailNotification.objects.count() == 0


def test_a_new_version_after_a_flag_can_be_flagged_when_it_expires(methanol, upload):
    upload(methanol, expiry_date=datetime.date(2026, 1, 1))
    services.flag_expired_documents(today=TODAY)
    upload(methanol, expiry_date=datetime.date(2026, 3, 1))

    assert services.flag_expired_documents(today=TODAY) == 1
    assert EmailNotification.objects.count() == 2


def test_the_beat_task_flags_with_todays_date(methanol, upload):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    upload(methanol, issue_date=yesterday - datetime.timedelta(days=365), expiry_date=yesterday)

    assert tasks.flag_expired_documents.delay().get() == 1
    assert tasks.flag_expired_documents.delay().get() == 0
    assert "flag-expired-documents" in settings.CELERY_BEAT_SCHEDULE
    entry = settings.CELERY_BEAT_SCHEDULE["flag-expired-documents"]
    assert entry == {"task": "catalog.documents.tasks.flag_expired_documents", "schedule": 24 * 60 * 60}
