"""Desk pages: who may open them, what they show, and their query counts."""

import pytest
from django.urls import reverse

from marketplace.customs import services
from tests.factories import ServiceFirmFactory, member_of
from tests.factories.customs import booking_for, complete, order_for, warehouse_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def declaration(buyer, buyer_user, supplier, supplier_admin, polypropylene):
    order = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)
    return services.open_declaration_for_order(order=order, user=supplier_admin)


def test_the_desk_lists_rejected_first_and_the_queue(
    client, declaration, firm_member, django_assert_max_num_queries
):
    client.force_login(firm_member)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("customs:desk"))

    assert response.status_code == 200
    assert list(response.context["page_obj"].object_list) == [declaration]
    assert declaration.number in response.content.decode()


def test_the_desk_searches_and_filters(client, declaration, supplier_admin):
    client.force_login(supplier_admin)

    found = client.get(reverse("customs:desk"), {"q": declaration.order.number, "route": "list"})
    missed = client.get(reverse("customs:desk"), {"status": "closed"})

    assert list(found.context["page_obj"].object_list) == [declaration]
    assert list(missed.context["page_obj"].object_list) == []


def test_the_detail_shows_route_reasons_and_problems_next_to_fields(
    client, declaration, supplier_admin, django_assert_max_num_queries
):
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(30):
        response = client.get(reverse("customs:declaration", args=[declaration.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "within the list limit of RMB 5000.00" in body
    assert response.context["problems"]["waybill_number"] == ["Give the waybill number."]
    assert "Give the waybill number." in body
    assert response.context["exportable"] is False


def test_exports_are_offered_once_ready(client, declaration, supplier_admin):
    complete(declaration, user=supplier_admin)
    client.force_login(supplier_admin)
    refused = client.get(reverse("customs:export-xml", args=[declaration.pk, "ceb603"]))
    services.mark_ready(declaration=declaration, user=supplier_admin)

    response = client.get(reverse("customs:export-xml", args=[declaration.pk, "ceb603"]))

    assert refused.status_code == 404
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert b"<ceb:tradeMode>9710</ceb:tradeMode>" in response.content


def test_the_waybill_form_shows_errors_next_to_fields(client, declaration, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("customs:declaration-waybill", args=[declaration.pk]), {"package_count": "0"}
    )

    assert response.status_code == 400
    assert response.context["waybill_form"].errors["package_count"]


def test_a_receipt_entered_out_of_order_is_refused_on_the_page(client, declaration, supplier_admin):
    complete(declaration, user=supplier_admin)
    services.mark_ready(declaration=declaration, user=supplier_admin)
    services.submit_declaration(declaration=declaration, user=supplier_admin)
    client.force_login(supplier_admin)

    response = client.post(
        reverse("customs:receipt-entry", args=[declaration.pk]), {"message": "CEB604", "return_status": "800"}
    )

    assert response.status_code == 400
    assert "order and waybill messages are accepted" in response.content.decode()


def test_an_unauthorised_firm_gets_404_and_buyers_403(client, declaration, buyer_user):
    client.force_login(member_of(ServiceFirmFactory()))
    assert client.get(reverse("customs:declaration", args=[declaration.pk])).status_code == 404
    assert client.get(reverse("customs:new-for-order", args=[declaration.order.number])).status_code == 404

    client.force_login(buyer_user)
    assert client.get(reverse("customs:desk")).status_code == 403


def test_the_order_page_shows_the_declaration_status_to_the_buyer(client, declaration, buyer_user):
    client.force_login(buyer_user)

    response = client.get(reverse("orders:detail", args=[declaration.order.number]))

    body = response.content.decode()
    assert declaration.number in body and "badge-declaration-draft" in body
    assert reverse("customs:declaration", args=[declaration.pk]) not in body


def test_a_firm_opens_a_declaration_for_chosen_lines(
    client, declaration, firm_member, buyer, buyer_user, supplier, polypropylene
):
    order = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)
    client.force_login(firm_member)

    response = client.post(
        reverse("customs:new-for-order", args=[order.number]), {"lines": [str(order.lines.get().pk)]}
    )

    created = order.declarations.get()
    assert response.status_code == 302 and response.url == reverse("customs:declaration", args=[created.pk])


@pytest.mark.parametrize("name", ["customs:warehouses", "customs:bookings", "customs:licences"])
def test_registry_pages(client, supplier, supplier_admin, polypropylene, name, django_assert_max_num_queries):
    warehouse = warehouse_for(supplier=supplier)
    booking_for(supplier=supplier, user=supplier_admin, warehouse=warehouse, product=polypropylene)
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(8):
        response = client.get(reverse(name))

    assert response.status_code == 200


def test_booking_and_warehouse_pages(
    client, supplier, supplier_admin, polypropylene, django_assert_max_num_queries
):
    warehouse = warehouse_for(supplier=supplier)
    booking = booking_for(supplier=supplier, user=supplier_admin, warehouse=warehouse, product=polypropylene)
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(12):
        booking_page = client.get(reverse("customs:booking", args=[booking.pk]))
    with django_assert_max_num_queries(12):
        warehouse_page = client.get(reverse("customs:warehouse", args=[warehouse.pk]))

    assert booking.number in booking_page.content.decode()
    assert warehouse.name in warehouse_page.content.decode()


def test_full_route_downloads(client, buyer, buyer_user, supplier, supplier_admin, polypropylene):
    order = order_for(
        buyer=buyer,
        buyer_user=buyer_user,
        supplier=supplier,
        product=polypropylene,
        quantity="1000",
        price="1",
    )
    declaration = complete(
        services.open_declaration_for_order(order=order, user=supplier_admin), user=supplier_admin
    )
    services.update_declaration(
        declaration=declaration, user=supplier_admin, terms_of_sale="3", statistics_flag="B"
    )
    services.mark_ready(declaration=declaration, user=supplier_admin)
    client.force_login(supplier_admin)

    record = client.get(reverse("customs:export-json", args=[declaration.pk]))
    pdf = client.get(reverse("customs:export-pdf", args=[declaration.pk]))
    attachment = client.get(reverse("customs:export-attachment", args=[declaration.pk]))

    assert record.status_code == 200
    assert record.json()["attachments"] == [
        {"type": "10000004", "document_number": order.number, "description": "跨境B2B出口单证"}
    ]
    assert pdf.content.startswith(b"%PDF-")
    assert attachment.content.startswith(b"%PDF-")
    assert f"10000004-{order.number}.pdf" in attachment["Content-Disposition"]
    assert client.get(reverse("customs:export-xml", args=[declaration.pk, "ceb603"])).status_code == 404


def test_a_receipt_xml_is_uploaded_on_the_page(client, declaration, supplier_admin):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile
    from oscar.core.loading import get_model

    get_model("order", "Order").objects.filter(pk=declaration.order_id).update(number="order2018050711340001")
    declaration.refresh_from_db()
    complete(declaration, user=supplier_admin)
    services.mark_ready(declaration=declaration, user=supplier_admin)
    services.submit_declaration(declaration=declaration, user=supplier_admin)
    client.force_login(supplier_admin)
    xml = (
        (Path(__file__).parent / "fixtures" / "CEB304Message.xml")
        .read_bytes()
        .replace(b"<ceb:returnStatus>2<", b"<ceb:returnStatus>120<")
    )

    response = client.post(
        reverse("customs:receipt-upload", args=[declaration.pk]),
        {"file": SimpleUploadedFile("CEB304.xml", xml, content_type="application/xml")},
    )

    declaration.refresh_from_db()
    assert response.status_code == 302
    assert declaration.order_message_status == "120"


@pytest.mark.parametrize("name", ["customs:warehouse-new", "customs:booking-new", "customs:licence-new"])
def test_registry_forms_render(client, supplier_admin, polypropylene, name):
    client.force_login(supplier_admin)

    assert client.get(reverse(name)).status_code == 200


def test_a_supplier_adds_a_warehouse_on_the_page(client, supplier, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("customs:warehouse-new"),
        {
            "s-supplier": supplier.pk,
            "name": "UB Hub",
            "country": "MN",
            "city": "Ulaanbaatar",
            "address": "Khan-Uul 3",
            "area_m2": "800",
            "kind": "leased",
            "operator_name": "UB Logistics",
            "lease_start": "2026-01-01",
            "lease_end": "2025-12-31",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not supplier.overseas_warehouses.exists()


def test_a_message_is_offered_in_its_dxp_envelope(client, declaration, supplier_admin):
    from marketplace.customs.messages.dxp import unwrap_dxp

    complete(declaration, user=supplier_admin)
    services.mark_ready(declaration=declaration, user=supplier_admin)
    client.force_login(supplier_admin)

    response = client.get(reverse("customs:export-xml", args=[declaration.pk, "ceb303"]), {"envelope": "dxp"})

    assert response.status_code == 200
    assert unwrap_dxp(response.content).msg_type == "CEB303Message"


def test_problems_without_a_form_field_are_listed_at_the_top(client, declaration, supplier, supplier_admin):
    supplier.customs_code = ""
    supplier.save()
    client.force_login(supplier_admin)

    response = client.get(reverse("customs:declaration", args=[declaration.pk]))

    assert response.context["other_problems"] == [
        "The seller needs a 10-character customs code (or 18-character USCC)."
    ]


def test_the_detail_page_does_not_query_per_line(client, buyer, buyer_user, supplier, supplier_admin):
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalog.reference.models import Incoterm, Unit
    from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest, place_order
    from tests.factories.customs import traded_product

    def page_queries(count: int) -> int:
        products = [
            traded_product(supplier=supplier, hs_code="3902100090", title=f"PP grade {count}-{n}")
            for n in range(count)
        ]
        order = place_order(
            request=OrderRequest(
                buyer=buyer,
                placed_by=buyer_user,
                supplier=supplier.partner,
                currency="USD",
                lines=[
                    AgreedLine(
                        product=p,
                        offer=p.stockrecords.get(),
                        quantity=Decimal(5),
                        unit=Unit.objects.get(code="kg"),
                        unit_price=Decimal(10),
                    )
                    for p in products
                ],
                incoterm=Incoterm.objects.get(code="FCA"),
                named_place="Erenhot",
                destination_country="MN",
                schedule=SCHEDULES["100"],
            )
        )
        declaration = complete(
            services.open_declaration_for_order(order=order, user=supplier_admin), user=supplier_admin
        )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("customs:declaration", args=[declaration.pk])).status_code == 200
        return len(queries.captured_queries)

    client.force_login(supplier_admin)

    assert page_queries(3) == page_queries(1)
