"""The audit log: recording, reading, and append-only in Python and in PostgreSQL."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import ProgrammingError, connection, transaction
from django.template import Context, Template

from marketplace.accounts.models import Company
from marketplace.core.models import AppendOnlyError, AuditEvent
from marketplace.core.selectors import timeline_for
from marketplace.core.services import record_event
from tests.factories import CompanyFactory, OperatorFactory

pytestmark = pytest.mark.django_db


def _snapshot(event: AuditEvent) -> tuple:
    row = AuditEvent.objects.get(pk=event.pk)
    return (row.actor_id, row.actor_label, row.subject_type_id, row.subject_id, row.verb, row.data)


@pytest.fixture
def event(operator, supplier):
    return record_event(
        actor=operator, subject=supplier, verb="company.verified", data={"reason": "Licence checked"}
    )


# --- record_event ----------------------------------------------------------------------------


def test_record_event_stores_actor_subject_verb_and_data(operator, supplier):
    # given an operator and a supplier
    # when an event is recorded
    event = record_event(
        actor=operator, subject=supplier, verb="company.verified", data={"from": "unverified"}
    )

    # then the row names who did what to which object
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor == operator
    assert stored.actor_label == operator.email
    assert stored.subject_type == ContentType.objects.get_for_model(Company)
    assert stored.subject_id == str(supplier.pk)
    assert stored.subject == supplier
    assert stored.verb == "company.verified"
    assert stored.data == {"from": "unverified"}
    assert stored.created_at is not None


@pytest.mark.parametrize("actor", [None, AnonymousUser()], ids=["system", "anonymous"])
def test_record_event_without_authenticated_actor_is_the_system(supplier, actor):
    # when an event is recorded with no authenticated actor
    event = record_event(actor=actor, subject=supplier, verb="company.expired")

    # then it is stored without an actor and with empty data
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor is None
    assert stored.actor_label == ""
    assert stored.data == {}
    assert str(stored).endswith(" system company.expired")


# --- timeline_for ----------------------------------------------------------------------------


def test_timeline_for_returns_only_that_subjects_events_newest_first(operator, supplier):
    # given events on two companies, interleaved
    other = CompanyFactory()
    first = record_event(actor=operator, subject=supplier, verb="company.registered")
    record_event(actor=operator, subject=other, verb="company.registered")
    second = record_event(actor=operator, subject=supplier, verb="company.verified")
    record_event(actor=operator, subject=other, verb="company.rejected")
    third = record_event(actor=None, subject=supplier, verb="company.rejected")

    # when the supplier's timeline is read
    timeline = list(timeline_for(subject=supplier))

    # then it holds only the supplier's events, newest first
    assert [e.pk for e in timeline] == [third.pk, second.pk, first.pk]
    assert [e.verb for e in timeline] == ["company.rejected", "company.verified", "company.registered"]


def test_timeline_for_a_subject_without_events_is_empty(supplier):
    assert list(timeline_for(subject=supplier)) == []


# --- append-only in Python -------------------------------------------------------------------


def test_saving_an_existing_event_is_refused(event):
    # given a recorded event
    before = _snapshot(event)

    # when it is changed and saved
    event.verb = "company.rejected"
    event.data = {"reason": "forged"}
    with pytest.raises(AppendOnlyError, match="cannot be updated"):
        event.save()

    # then the stored row is unchanged
    assert _snapshot(event) == before


def test_deleting_an_event_is_refused(event):
    before = _snapshot(event)

    with pytest.raises(AppendOnlyError, match="cannot be deleted"):
        event.delete()

    assert AuditEvent.objects.filter(pk=event.pk).count() == 1
    assert _snapshot(event) == before


def test_queryset_update_is_refused(event):
    before = _snapshot(event)

    with pytest.raises(AppendOnlyError, match="cannot be updated"):
        AuditEvent.objects.filter(pk=event.pk).update(verb="company.rejected")

    assert _snapshot(event) == before


def test_queryset_delete_is_refused(event):
    before = _snapshot(event)

    with pytest.raises(AppendOnlyError, match="cannot be deleted"):
        AuditEvent.objects.filter(pk=event.pk).delete()

    assert AuditEvent.objects.filter(pk=event.pk).count() == 1
    assert _snapshot(event) == before


# --- append-only in PostgreSQL ---------------------------------------------------------------


def test_database_refuses_a_raw_update(event):
    # given a recorded event
    before = _snapshot(event)

    # when SQL bypasses the model and updates the row
    with pytest.raises(ProgrammingError, match=r"core_auditevent is append-only \(UPDATE refused\)"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditevent SET verb = %s WHERE id = %s", ["tampered", event.pk])

    # then the trigger refused it and the row is unchanged
    assert _snapshot(event) == before


def test_database_refuses_a_raw_delete(event):
    before = _snapshot(event)

    with pytest.raises(ProgrammingError, match=r"core_auditevent is append-only \(DELETE refused\)"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_auditevent")

    assert AuditEvent.objects.filter(pk=event.pk).count() == 1
    assert _snapshot(event) == before


def test_database_still_accepts_inserts(supplier):
    # the trigger only forbids UPDATE and DELETE; appending must keep working
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_auditevent (actor_label, subject_type_id, subject_id, verb, data, created_at)"
            " VALUES ('', %s, %s, 'raw.insert', '{}', now())",
            [ContentType.objects.get_for_model(Company).pk, str(supplier.pk)],
        )

    assert [e.verb for e in timeline_for(subject=supplier)] == ["raw.insert"]


# --- {% audit_timeline %} --------------------------------------------------------------------

TIMELINE = Template("{% load audit %}{% audit_timeline subject %}")


def test_audit_timeline_tag_renders_verb_actor_and_reason(operator, supplier):
    # given a rejection with a reason, then a verification by the system
    record_event(
        actor=operator, subject=supplier, verb="company.rejected", data={"reason": "Licence expired"}
    )
    record_event(actor=None, subject=supplier, verb="company.verified")

    # when the timeline is rendered
    html = TIMELINE.render(Context({"subject": supplier}))

    # then both events show with their verb, actor and reason, newest first
    assert "<strong>Verification refused</strong> · " + operator.email in html
    assert "<strong>Company verified</strong> · system" in html
    assert '<div class="small">Licence expired</div>' in html
    assert html.index("Company verified") < html.index("Verification refused")
    assert "Nothing recorded yet." not in html


def test_audit_timeline_tag_escapes_the_reason(operator, supplier):
    record_event(
        actor=operator, subject=supplier, verb="company.rejected", data={"reason": "<script>x</script>"}
    )

    html = TIMELINE.render(Context({"subject": supplier}))

    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_audit_timeline_tag_without_events(supplier):
    html = TIMELINE.render(Context({"subject": supplier}))

    assert "Nothing recorded yet." in html
    assert "<ol" not in html


def test_audit_timeline_tag_respects_the_limit(operator, supplier):
    for number in range(4):
        record_event(actor=operator, subject=supplier, verb=f"step.{number}")

    html = Template("{% load audit %}{% audit_timeline subject 2 %}").render(Context({"subject": supplier}))

    assert html.count("<li>") == 2
    assert "Step 3" in html and "Step 2" in html
    assert "Step 1" not in html and "Step 0" not in html


def test_audit_timeline_tag_query_count_does_not_grow_with_events(
    operator, supplier, django_assert_max_num_queries
):
    # given many events by several actors
    actors = [operator, OperatorFactory(), OperatorFactory()]
    for number in range(20):
        record_event(actor=actors[number % len(actors)], subject=supplier, verb=f"step.{number}")
    ContentType.objects.clear_cache()

    # when the timeline is rendered: at most the content type and the events with their actors
    with django_assert_max_num_queries(2):
        html = TIMELINE.render(Context({"subject": supplier}))

    assert html.count("<li>") == 20
