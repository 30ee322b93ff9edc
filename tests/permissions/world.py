"""One marketplace with two of everything, built once for the matrix through the real services.

Company A's side owns every object: supplier A (with a member), buyer A, the firm A authorised.
Supplier B, buyer B and a firm nobody authorised are the outsiders; an operator sees everything.
"""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalog.documents import services as document_services
from catalog.documents.models import DocumentKind, DocumentVisibility
from catalog.imports.services import start_import
from catalog.reference import seed
from catalog.reference.models import Currency, HSCode, Incoterm, Unit
from catalog.specs.models import ChemicalSpec, TradeSpec
from marketplace.accounts.models import SupplierAuthorisation
from marketplace.accounts.services import authorise_firm
from marketplace.customs import services as customs_services
from marketplace.customs import warehousing
from marketplace.customs.models import DeclarationStatus, EvidenceKind, LicenceKind
from marketplace.fulfillment.models import EventKind, StockLot, TransportMode
from marketplace.fulfillment.services.shipments import (
    EventDetails,
    add_leg,
    create_shipment,
    record_tracking_event,
)
from marketplace.fulfillment.services.warehouse import (
    OutboundBuyer,
    Pick,
    ReceivedLine,
    create_inbound_notice,
    create_outbound_order,
    receive_inbound,
    record_proof_of_delivery,
    ship_outbound,
)
from marketplace.orders.services import SCHEDULES, AgreedLine, OrderRequest, place_order
from marketplace.payments import services as payment_services
from rfq import services as rfq_services
from tests.factories import (
    CompanyFactory,
    OperatorFactory,
    ServiceFirmFactory,
    SupplierFactory,
    UserFactory,
    member_of,
)
from tests.factories.catalogue import ProductFactory, StockRecordFactory
from tests.factories.customs import booking_for, complete, customs_reference, order_for, traded_product
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
from tests.factories.site import ensure_home_page

ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n"

# Who asks. The outsiders must never see or change company A's objects.
SUPPLIER_A, BUYER_A, FIRM_A = "supplier_a", "buyer_a", "firm_a"
SUPPLIER_B, BUYER_B, FIRM_X = "supplier_b", "buyer_b", "firm_x"
OPERATOR, SUPERUSER, ANONYMOUS = "operator", "superuser", "anonymous"
OUTSIDERS = (SUPPLIER_B, BUYER_B, FIRM_X, ANONYMOUS)
NON_STAFF = (SUPPLIER_A, BUYER_A, FIRM_A, *OUTSIDERS)


def pdf(name: str = "document.pdf") -> SimpleUploadedFile:
    """A fresh upload (a request reads the file it is given)."""
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


class World(SimpleNamespace):
    """The roles' users, companies and sessions, and the objects the routes take an id of:

    - catalogue: ``product`` (published, its ``offer``, its ``restricted_document``), ``draft`` (and
      ``draft_offer``), ``category``, ``import_job``; ``product_b`` is supplier B's
    - orders: ``order`` (its ``deposit`` with a pending transfer ``proof``, its ``balance``),
      ``ship_order`` (paid, ready, with ``shipment`` and its ``late_leg``)
    - RFQs: ``rfq`` (direct to supplier A, with an attachment, a thread and supplier A's ``quote``)
    - customs: ``declaration`` (a ready declaration list), ``full_declaration`` (ready, full route),
      ``warehouse`` (its ``evidence``), ``booking`` (not declared), ``licence``, ``authorisation``
    - warehouse stock: ``declared_booking`` (released), its inbound ``notice`` received into ``lot``,
      ``outbound`` (open) and ``delivered`` (with a proof of delivery)
    - the outsiders' own: ``order_b`` and ``rfq_b`` (buyer B from supplier B), ``warehouse_b``
    """

    def __init__(self):
        super().__init__(users={}, companies={}, sessions={})  # by role; anonymous has none

    def user(self, role: str):
        return self.users.get(role)


def build_world() -> World:
    """Everything the routes take an id of, owned by company A; outsiders own a little of their own."""
    _reference_rows()
    world = World()
    _parties(world)
    _catalogue(world)
    _orders_and_payments(world)
    _rfq(world)
    _customs(world)
    _fulfillment(world)
    _outsiders_own(world)
    return world


def _reference_rows() -> None:
    # What the data migrations create; a transactional test earlier in a --reuse-db run may have
    # flushed them. Rebuilt inside the world's transaction, so rolled back with it.
    if not HSCode.objects.exists():
        seed.load_reference_data(apps)
    if not ProductClass.objects.exists():
        seed.load_product_classes(apps)
    ensure_home_page()
    customs_reference()


def _parties(world: World) -> None:
    supplier_a = SupplierFactory(
        name="Ordos Alpha Chemicals",
        customs_code="1506960001",
        registration_document=SimpleUploadedFile("alpha-licence.pdf", PDF),
    )
    supplier_b = SupplierFactory(name="Baotou Beta Chemicals", customs_code="1506960002")
    buyer_a = CompanyFactory(name="Ulaanbaatar Alpha Trading")
    buyer_b = CompanyFactory(name="Irkutsk Beta Trading", country="RU")
    firm_a = ServiceFirmFactory(name="Alpha Customs Brokers", customs_code="1506980002")
    firm_x = ServiceFirmFactory(name="Unauthorised Brokers", customs_code="1506980003")
    world.companies = {
        SUPPLIER_A: supplier_a,
        SUPPLIER_B: supplier_b,
        BUYER_A: buyer_a,
        BUYER_B: buyer_b,
        FIRM_A: firm_a,
        FIRM_X: firm_x,
    }
    world.users = {role: member_of(company) for role, company in world.companies.items()}
    world.users[OPERATOR] = OperatorFactory()
    world.users[SUPERUSER] = UserFactory(email="root@ordos.example", is_staff=True, is_superuser=True)
    authorise_firm(supplier=supplier_a, firm=firm_a, by=world.users[SUPPLIER_A])
    world.authorisation = SupplierAuthorisation.objects.get(supplier=supplier_a, firm=firm_a)
    world.supplier_a, world.supplier_b = supplier_a, supplier_b


def _catalogue(world: World) -> None:
    supplier_a, owner = world.supplier_a, world.users[SUPPLIER_A]
    world.category = create_from_breadcrumbs("Chemicals > Methanol")
    world.product = methanol_product(supplier=supplier_a, title="Alpha methanol 99.85%")
    world.offer = world.product.stockrecords.get()
    world.draft = _draft_product(supplier_a)
    world.draft_offer = world.draft.stockrecords.get()
    for product in (world.product, world.draft):
        ProductCategory.objects.create(product=product, category=world.category)
    world.product_b = methanol_product(supplier=world.supplier_b, title="Beta methanol 99.9%")
    world.restricted_document = document_services.upload_document(
        product=world.product,
        by=owner,
        kind=DocumentKind.COA,
        visibility=DocumentVisibility.RESTRICTED,
        file=pdf("alpha-coa.pdf"),
        issue_date=timezone.localdate() - timedelta(days=30),
        expiry_date=None,
        title="Alpha COA lot 7",
    )
    world.import_job = start_import(
        supplier=supplier_a.partner,
        user=owner,
        product_class=ProductClass.objects.get(slug="chemical"),
        upload=SimpleUploadedFile("alpha-products.csv", b"sku,title\nA-1,Alpha\n"),
    )


def _draft_product(supplier):
    """A chemical with its specs, still a draft: only its supplier and operators may see it."""
    product = ProductFactory(
        supplier=supplier.partner,
        title="Alpha unreleased grade ZX-9",
        upc="ALPHA-ZX9",
        is_public=False,
        product_class=ProductClass.objects.get(slug="chemical"),
    )
    StockRecordFactory(product=product, partner=supplier.partner, partner_sku="ALPHA-ZX9-IBC")
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code="2905110000"),
        commercial_unit=Unit.objects.get(code="t"),
        net_weight_kg=Decimal(1000),
        gross_weight_kg=Decimal(1010),
        origin_country="CN",
    )
    ChemicalSpec.objects.create(product=product, cas_number="67-56-1")
    return product


def _orders_and_payments(world: World) -> None:
    buyer = world.users[BUYER_A]
    world.order = _order(buyer=buyer, supplier=world.supplier_a, offer=world.offer)
    world.deposit = world.order.milestones.get(sequence=1)
    world.balance = world.order.milestones.get(sequence=2)
    world.proof = payment_services.upload_transfer_proof(
        milestone=world.deposit, file=pdf("alpha-mt103.pdf"), by=buyer, reference="UETR-ALPHA"
    )


def _order(*, buyer, supplier, offer):
    """3 t at 1,000.00 USD, paid 30 % with the order and 70 % before shipment."""
    line = AgreedLine(
        product=offer.product,
        offer=offer,
        quantity=Decimal(3),
        unit=Unit.objects.get(code="t"),
        unit_price=Decimal("1000.00"),
    )
    return place_order(
        request=OrderRequest(
            buyer=buyer.company,
            placed_by=buyer,
            supplier=supplier.partner,
            lines=[line],
            currency="USD",
            incoterm=Incoterm.objects.get(code="FCA"),
            named_place="Erenhot",
            destination_country="MN",
            destination_city="Ulaanbaatar",
            schedule=SCHEDULES["30-70"],
        )
    )


def _rfq(world: World) -> None:
    world.rfq = _direct_rfq(
        buyer=world.users[BUYER_A],
        product=world.product,
        title="Alpha methanol for Erdenet",
        attachment=SimpleUploadedFile("alpha-drawing.pdf", PDF),
    )
    world.quote = rfq_services.submit_quote(
        rfq=world.rfq, by=world.users[SUPPLIER_A], terms=quote_terms(offer=world.offer)
    )
    rfq_services.post_message(
        rfq=world.rfq,
        supplier=world.supplier_a.partner,
        by=world.users[BUYER_A],
        body="Alpha: can you do IBC?",
    )


def _direct_rfq(*, buyer, product, title: str, attachment=None):
    """An RFQ made from a product page: it reaches that product's supplier only, at once."""
    return rfq_services.create_rfq(
        buyer_user=buyer,
        details=rfq_services.RFQDetails(
            title=title,
            quantity=Decimal(100),
            unit=Unit.objects.get(code="t"),
            currency=Currency.objects.get(code="USD"),
            incoterm=Incoterm.objects.get(code="DAP"),
            named_place="Ulaanbaatar",
            destination_country="MN",
            destination_city="Ulaanbaatar",
            quote_deadline=timezone.localdate() + timedelta(days=7),
            product=product,
            attachment=attachment,
        ),
    )


def quote_terms(*, offer) -> rfq_services.QuoteTerms:
    return rfq_services.QuoteTerms(
        offer=offer,
        unit_price=Decimal("280.00"),
        currency=Currency.objects.get(code="USD"),
        incoterm=Incoterm.objects.get(code="FCA"),
        named_place="Erenhot",
        quantity=Decimal(100),
        unit=Unit.objects.get(code="t"),
        lead_time_days=20,
        valid_until=timezone.localdate() + timedelta(days=14),
        payment_schedule=SCHEDULES["30-70"],
        moq=Decimal(20),
    )


def _customs(world: World) -> None:
    supplier, filer = world.supplier_a, world.users[SUPPLIER_A]
    buyer = world.users[BUYER_A]
    polypropylene = traded_product(supplier=supplier, hs_code="3902100090", title="Alpha polypropylene T30S")
    small = order_for(buyer=buyer.company, buyer_user=buyer, supplier=supplier, product=polypropylene)
    # A declaration list (CEB603), ready and valid: every export and receipt route has one to serve.
    world.declaration = complete(
        customs_services.open_declaration_for_order(order=small, user=filer), user=filer
    )
    customs_services.mark_ready(declaration=world.declaration, user=filer)
    big = order_for(
        buyer=buyer.company,
        buyer_user=buyer,
        supplier=supplier,
        product=polypropylene,
        quantity="1000",
        price="1",
    )
    full = complete(customs_services.open_declaration_for_order(order=big, user=filer), user=filer)
    customs_services.update_declaration(declaration=full, user=filer, terms_of_sale="3", statistics_flag="B")
    world.full_declaration = customs_services.mark_ready(declaration=full, user=filer)
    world.warehouse = warehouse_of(supplier, name="Alpha Novosibirsk bonded warehouse")
    world.evidence = warehousing.add_warehouse_evidence(
        warehouse=world.warehouse, kind=EvidenceKind.values[0], file=pdf("alpha-lease.pdf"), user=filer
    )
    world.booking = booking_for(
        supplier=supplier, user=filer, warehouse=world.warehouse, product=polypropylene
    )  # not declared yet: the routes that open a declaration for it have one
    world.licence = warehousing.record_licence(
        supplier=supplier,
        data=warehousing.LicenceData(
            number="ALPHA-LIC-1",
            kind=LicenceKind.EXPORT,
            hs_code=HSCode.objects.get(code="3902100090"),
            quantity=Decimal(10),
            unit=Unit.objects.get(code="t"),
            valid_from=timezone.localdate() - timedelta(days=10),
            valid_until=timezone.localdate() + timedelta(days=300),
        ),
        user=filer,
    )


def _fulfillment(world: World) -> None:
    supplier, manager = world.supplier_a, world.users[SUPPLIER_A]
    world.ship_order = ready_to_ship(
        placed_order(buyer_user=world.users[BUYER_A], supplier=supplier, product=world.product),
        supplier_user=manager,
    )
    world.shipment = create_shipment(
        order=world.ship_order,
        by=manager,
        details=details(waybill_number="ALPHA0001"),
        lines=packed_order_lines(world.ship_order, quantity="50", packages=10, net="50000", gross="50500"),
    )
    world.late_leg = add_leg(
        shipment=world.shipment,
        by=manager,
        mode=TransportMode.ROAD,
        origin="Ordos",
        destination="Erenhot",
        arrival_planned=timezone.now() - timedelta(hours=3),
    )
    record_tracking_event(
        shipment=world.shipment,
        by=manager,
        event=EventDetails(kind=EventKind.DEPARTED, occurred_at=timezone.now() - timedelta(hours=5)),
    )
    # A booking declared and released, announced to the warehouse and received into a lot.
    world.declared_booking = booking_of(
        supplier=supplier, warehouse=world.warehouse, product=world.product, by=manager, lot="ALPHA-LOT-1"
    )
    declaration_for(booking=world.declared_booking, by=manager, status=DeclarationStatus.RELEASED)
    world.notice = create_inbound_notice(
        booking=world.declared_booking, by=manager, expected_on=timezone.localdate() + timedelta(days=10)
    )
    receive_inbound(
        notice=world.notice,
        by=manager,
        received=[ReceivedLine(line=world.notice.lines.get(), quantity=Decimal(40))],
    )
    world.lot = StockLot.objects.get(inbound_line__notice=world.notice)
    buyer = OutboundBuyer(name="Alpha Sibir LLC", address="Krasny prospekt 1", country="RU")
    world.outbound = create_outbound_order(
        warehouse=world.warehouse, buyer=buyer, picks=[Pick(lot=world.lot, quantity=Decimal(5))], by=manager
    )
    world.delivered = create_outbound_order(
        warehouse=world.warehouse, buyer=buyer, picks=[Pick(lot=world.lot, quantity=Decimal(5))], by=manager
    )
    ship_outbound(outbound=world.delivered, by=manager)
    record_proof_of_delivery(
        outbound=world.delivered,
        by=manager,
        received_by_name="A. Alphaev",
        document=ContentFile(PDF, name="alpha-pod.pdf"),
    )


def _outsiders_own(world: World) -> None:
    """Buyer B's order and RFQ from supplier B, supplier B's warehouse: the half of a crossed
    request (its own object in one id, company A's in another) that is the outsider's."""
    buyer_b = world.users[BUYER_B]
    world.order_b = _order(buyer=buyer_b, supplier=world.supplier_b, offer=world.product_b.stockrecords.get())
    world.rfq_b = _direct_rfq(buyer=buyer_b, product=world.product_b, title="Beta methanol for Irkutsk")
    world.warehouse_b = warehouse_of(world.supplier_b, name="Beta Omsk bonded warehouse", city="Omsk")


def private_markers(world: World) -> list[str]:
    """Text of company A's that no outsider may read anywhere: not on a page, not in an error, not
    in a redirect (numbers used in the request's own URL excepted)."""
    return [
        world.draft.title,
        world.draft.upc,
        world.draft.get_absolute_url(),
        world.restricted_document.title,
        world.companies[BUYER_A].name,
        world.rfq.title,
        "Alpha: can you do IBC?",  # the thread's message
        "UETR-ALPHA",  # the transfer proof's reference
        world.warehouse.name,
        world.licence.number,
        world.lot.lot_number,
        world.shipment.waybill_number,
        "Alpha Sibir LLC",  # the outbound orders' buyer
        world.order.number,
        world.ship_order.number,
        world.rfq.number,
        world.declaration.number,
        world.full_declaration.number,
        world.booking.number,
        world.declared_booking.number,
        world.shipment.number,
        world.notice.number,
        world.outbound.number,
        world.delivered.number,
    ]


def log_in_every_role(world: World) -> None:
    """One session per role, stored with the world: a case sends its role's cookie instead of
    logging in again (a case that changes its session has the change rolled back with it)."""
    for role, user in world.users.items():
        client = Client()
        client.force_login(user)
        world.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
