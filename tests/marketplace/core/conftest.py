"""The lower flows the gate and event tests drive through their real services: a declaration ready to
file, an order ready to ship with its planned shipment, a warehouse lot, a direct RFQ with a quote,
and a product in review."""

import datetime
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from catalog import moderation
from catalog.models import ProductStatus
from catalog.reference.models import HSCode, Unit
from catalog.specs.models import ChemicalSpec, TradeSpec
from marketplace.customs import services as customs_services
from marketplace.customs.models import DeclarationStatus
from marketplace.fulfillment.models import StockLot
from marketplace.fulfillment.services.shipments import create_shipment
from marketplace.fulfillment.services.warehouse import (
    OutboundBuyer,
    ReceivedLine,
    create_inbound_notice,
    receive_inbound,
)
from rfq import services as rfq_services
from tests.factories import SupplierFactory, member_of
from tests.factories.catalogue import ProductFactory, StockRecordFactory
from tests.factories.customs import complete, customs_reference, order_for, traded_product
from tests.factories.fulfillment import (
    booking_of,
    declaration_for,
    details,
    methanol_product,
    packed_order_lines,
    placed_order,
    ready_to_ship,
    warehouse_of,
)
from tests.rfq.conftest import quote_terms, rfq_details

ProductClass = get_model("catalogue", "ProductClass")

SIBIR = OutboundBuyer(name="Sibir Chemtrade LLC", address="Krasny prospekt 1, Novosibirsk", country="RU")


# --- customs ----------------------------------------------------------------------------------


@pytest.fixture
def filer(reference_data, buyer, buyer_user):
    """A supplier with its customs code, its member, and a polypropylene order of a buyer."""
    customs_reference()
    supplier = SupplierFactory(name="Ordos Chemical Co", customs_code="1506960001")
    supplier.user = member_of(supplier)
    product = traded_product(supplier=supplier, hs_code="3902100090", title="Polypropylene T30S")
    supplier.order = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=product)
    return supplier


@pytest.fixture
def ready_declaration(filer):
    declaration = customs_services.open_declaration_for_order(order=filer.order, user=filer.user)
    declaration = complete(declaration, user=filer.user)
    return customs_services.mark_ready(declaration=declaration, user=filer.user)


# --- fulfillment ------------------------------------------------------------------------------


@pytest.fixture
def methanol(reference_data, supplier):
    return methanol_product(supplier=supplier)


@pytest.fixture
def order(buyer_user, supplier, supplier_admin, methanol):
    """Paid in full and produced: ready to ship."""
    return ready_to_ship(
        placed_order(buyer_user=buyer_user, supplier=supplier, product=methanol), supplier_user=supplier_admin
    )


@pytest.fixture
def shipment(order, supplier_admin):
    return create_shipment(order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order))


@pytest.fixture
def inbound_notice(supplier, supplier_admin, methanol):
    """40 t of methanol announced to an overseas warehouse under a released 9810 declaration."""
    booking = booking_of(
        supplier=supplier, warehouse=warehouse_of(supplier), product=methanol, by=supplier_admin
    )
    declaration_for(booking=booking, by=supplier_admin, status=DeclarationStatus.RELEASED)
    return create_inbound_notice(booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10))


@pytest.fixture
def lot(inbound_notice, supplier_admin) -> StockLot:
    line = inbound_notice.lines.get()
    receive_inbound(
        notice=inbound_notice, by=supplier_admin, received=[ReceivedLine(line=line, quantity=Decimal(40))]
    )
    return StockLot.objects.get(inbound_line=line)


# --- RFQ --------------------------------------------------------------------------------------


@pytest.fixture
def quoting_supplier(supplier, supplier_admin, methanol):
    # tests/rfq's quote_terms() reads the supplier's product and user from the company.
    supplier.product, supplier.user = methanol, supplier_admin
    return supplier


@pytest.fixture
def direct_rfq(buyer_user, quoting_supplier):
    """An RFQ from the product page: open and routed to its one supplier at once."""
    return rfq_services.create_rfq(
        buyer_user=buyer_user, details=rfq_details(product=quoting_supplier.product)
    )


@pytest.fixture
def quote(direct_rfq, quoting_supplier):
    return rfq_services.submit_quote(
        rfq=direct_rfq, by=quoting_supplier.user, terms=quote_terms(quoting_supplier)
    )


# --- catalog ----------------------------------------------------------------------------------


@pytest.fixture
def product_in_review(reference_data, supplier, supplier_admin):
    """A chemical with its trade and chemical specs and a priced offer, sent for review."""
    product = ProductFactory(
        supplier=supplier.partner,
        title="Methanol 99.85%",
        is_public=False,
        product_class=ProductClass.objects.get(slug="chemical"),
    )
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code="2905110000"),
        commercial_unit=Unit.objects.get(code="t"),
        net_weight_kg=Decimal(1000),
        gross_weight_kg=Decimal(1000),
    )
    ChemicalSpec.objects.create(product=product, cas_number="67-56-1")
    StockRecordFactory(product=product, partner=supplier.partner)
    return moderation.move(product=product, to=ProductStatus.IN_REVIEW, by=supplier_admin)
