"""The demo's declarations: every state, and messages that validate and parse back equal."""

import io

import pytest
from django.core.management import call_command

from marketplace.core.models import AuditEvent
from marketplace.customs import exports
from marketplace.customs.messages.ceb import parse_ceb303, parse_ceb505, parse_ceb603
from marketplace.customs.messages.declaration import parse_full_declaration
from marketplace.customs.models import Declaration, DeclarationStatus, Route, WarehouseBooking

pytestmark = pytest.mark.django_db


def test_demo_declarations_cover_every_state_and_their_messages_round_trip():
    call_command("load_demo", stdout=io.StringIO())
    counts = (Declaration.objects.count(), WarehouseBooking.objects.count(), AuditEvent.objects.count())
    call_command("load_demo", stdout=io.StringIO())

    assert (
        Declaration.objects.count(),
        WarehouseBooking.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
    assert set(Declaration.objects.values_list("status", flat=True)) == set(DeclarationStatus.values)
    booking = WarehouseBooking.objects.get()
    assert booking.warehouse.country in ("RU", "MN") and booking.warehouse.is_active
    codes = exports.code_map()
    filed = Declaration.objects.exclude(status__in=(DeclarationStatus.DRAFT, DeclarationStatus.CANCELLED))
    order_types, list_count, full_count = set(), 0, 0
    for declaration in filed:
        order = exports.order_message(declaration)
        assert parse_ceb303(exports.build_xml(declaration, "ceb303"), codes=codes) == order
        order_types.add(order.orders[0].head.order_type)
        waybill = exports.waybill_message(declaration)
        assert parse_ceb505(exports.build_xml(declaration, "ceb505"), codes=codes) == waybill
        if declaration.route == Route.LIST:
            inventory = exports.inventory_message(declaration)
            assert parse_ceb603(exports.build_xml(declaration, "ceb603"), codes=codes) == inventory
            list_count += 1
        else:
            record = exports.full_declaration(declaration)
            assert parse_full_declaration(exports.build_declaration_json(declaration)) == record
            assert record.attachment_number == declaration.source_number
            full_count += 1
    assert order_types == {"B", "W"}
    assert list_count >= 4 and full_count >= 4
    # Every move was made by a receipt or a service, so the timelines are real.
    released = Declaration.objects.filter(status=DeclarationStatus.RELEASED).order_by("pk").first()
    verbs = list(AuditEvent.objects.for_subject(released).order_by("pk").values_list("verb", flat=True))
    assert verbs[:1] == ["declaration.opened"] and verbs[-1] == "declaration.released"
