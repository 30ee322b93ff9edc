"""The rules table: every route of the project and who may use it.

A route is found by its name (``RULES``) or, for the frameworks' own pages, by its group
(``FRAMEWORK_GROUPS``: a path prefix and the package its views come from). A route with neither
fails ``test_every_route_has_a_rule``: add its rule here.

Reading a rule:

- ``access``: PUBLIC, LOGIN (any logged-in user, for their own things), STAFF (operators), OBJECT
  (the route takes the id of one of company A's objects), FRAMEWORK (Oscar, Wagtail, Django admin).
- ``args``: the URL's arguments in the world (``tests/permissions/world.py``).
- ``reader``: a role that gets ``reads`` (200) on GET: the matrix cannot pass by everything failing.
- ``refused``: roles that must get 401/403/404/405 or the login page, for GET and every write,
  and change nothing. OBJECT routes refuse the outsiders (supplier B, buyer B, the firm supplier A
  did not authorise, anonymous) and whoever of A's side ``also`` names.
- ``writes``: method → a plausible body (what the page or API takes), sent by every refused role
  (``write_refused`` instead, on a list where anyone adds their own). ``writer``: the role whose
  write with that same body goes through, so a refusal is the rule's doing, not the body's.
- ``refusals``: the statuses that count as refused; a body naming A's supplier or warehouse where
  one's own belongs is also refused by a 400, or by a page's form shown again (200).
- ``hides``: a list page or API: refused roles may get 200, but never with these markers of
  A's objects in it; ``shown_to`` sees them (so the markers are right).

Roles and objects are those of ``tests/permissions/world.py``; the matrix is ``test_matrix.py``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from django.conf import settings
from django.utils import timezone

from catalog.reference.models import Incoterm, Unit
from tests.permissions.routes import Route
from tests.permissions.world import (
    ANONYMOUS,
    BUYER_A,
    BUYER_B,
    FIRM_A,
    FIRM_X,
    NON_STAFF,
    OPERATOR,
    OUTSIDERS,
    SUPERUSER,
    SUPPLIER_A,
    SUPPLIER_B,
    World,
    pdf,
)

REFUSED = frozenset({401, 403, 404, 405})
# A body naming A's object where only one's own may go (a supplier, a warehouse, a lot): the API
# answers 400 and the page shows its form again with the error; nothing is written either way.
REFUSED_IN_BODY = REFUSED | {400}
REFUSED_BY_FORM = REFUSED_IN_BODY | {200}


class Access(StrEnum):
    PUBLIC = "public"
    LOGIN = "login required"
    STAFF = "staff only"
    OBJECT = "object route"
    FRAMEWORK = "framework"


Args = Callable[[World], dict]
Body = Callable[[World], dict]


@dataclass(frozen=True)
class Rule:
    access: Access
    about: str
    args: Args | None = None
    query: Mapping[str, str] = field(default_factory=dict)
    reader: str | None = None
    reads: int = 200
    refused: tuple[str, ...] = ()
    refusals: frozenset[int] = REFUSED
    writes: Mapping[str, Body] = field(default_factory=dict)
    write_refused: tuple[str, ...] | None = None  # when not ``refused``: a list anyone may add their own to
    writer: str | None = None
    hides: Callable[[World], list[str]] | None = None
    shown_to: str | None = None

    @property
    def refused_writes(self) -> tuple[str, ...]:
        return self.refused if self.write_refused is None else self.write_refused


def public(about, *, refused=(), **rule) -> Rule:
    """Anyone may read it: a visitor gets ``reads``."""
    return Rule(Access.PUBLIC, about, reader=ANONYMOUS, refused=refused, **rule)


def login(about, *, reader=BUYER_A, refused=(ANONYMOUS,), **rule) -> Rule:
    """Logged-in users, each for their own things; visitors are sent to log in."""
    return Rule(Access.LOGIN, about, reader=reader, refused=refused, **rule)


def staff(about, *, reader=OPERATOR, **rule) -> Rule:
    """Operators only: everyone else is refused, A's own side included."""
    return Rule(Access.STAFF, about, reader=reader, refused=NON_STAFF, **rule)


def owned(about, *, args, also=(), **rule) -> Rule:
    """An object of company A: the outsiders (and ``also``) are refused."""
    return Rule(Access.OBJECT, about, args=args, refused=(*OUTSIDERS, *also), **rule)


def pk(name: str, key: str = "pk") -> Args:
    return lambda w: {key: getattr(w, name).pk}


def number(name: str) -> Args:
    return lambda w: {"number": getattr(w, name).number}


def pk_of(model, code: str) -> int:
    """A reference row's id, as a page's choice field takes it (the API takes the code)."""
    return model.objects.get(code=code).pk


def post(body: Body | None = None) -> dict:
    return {"POST": body or (lambda w: {})}


def day(offset: int) -> str:
    """A date ``offset`` days from today, as a form takes it."""
    return (date.today() + timedelta(days=offset)).isoformat()


def soon(days: int = 2) -> str:
    return (timezone.now() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def ago(hours: int = 1) -> str:
    return (timezone.now() - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


# Public lists are read as a visitor and as the rival supplier (the one a list of products could
# mistake for the owner); the other outsiders see what a visitor sees.
PUBLIC_LIST = (ANONYMOUS, SUPPLIER_B)
# Who may not use the supplier portal, the buyer's pages, the order's payment.
NOT_SUPPLIERS = (ANONYMOUS, BUYER_B, FIRM_X)
NOT_BUYERS = (ANONYMOUS, SUPPLIER_B, FIRM_X)
SELLERS_A = (SUPPLIER_A, FIRM_A)  # A's own side, refused where only the buyer acts


def draft_title(w: World) -> list[str]:
    """The draft product's title: no list shows it to anyone but its supplier."""
    return [w.draft.title]


# --- bodies ------------------------------------------------------------------------------------------


def offer_json(w: World) -> dict:
    return {
        "sku": "OUTSIDER-SKU-1",
        "price": "250.00",
        "currency": "USD",
        "unit": "t",
        "minimum_order_quantity": "20",
        "lead_time_days": 10,
        "price_tiers": [{"min_quantity": "100", "unit_price": "240.00"}],
        "incoterms": [{"incoterm": "FCA", "named_place": "Erenhot"}],
    }


def offer_form(w: World) -> dict:
    management = {
        f"{prefix}-{name}": value
        for prefix in ("tiers", "places")
        for name, value in (
            ("TOTAL_FORMS", "0"),
            ("INITIAL_FORMS", "0"),
            ("MIN_NUM_FORMS", "0"),
            ("MAX_NUM_FORMS", "10"),
        )
    }
    return {
        "partner_sku": "OUTSIDER-SKU-2",
        "price": "250.00",
        "price_currency": "USD",
        "commercial_unit": "t",
        "minimum_order_quantity": "20",
        "lead_time_days": "10",
        **management,
    }


def quote_form(w: World, offer) -> dict:
    return {
        "offer": offer.pk,
        "unit_price": "270.00",
        "currency": "USD",
        "incoterm": "FCA",
        "named_place": "Erenhot",
        "quantity": "100",
        "unit": "t",
        "moq": "20",
        "lead_time_days": "20",
        "valid_until": day(14),
        "payment_terms": "30-70",
        "note": "Better price",
        "tiers-TOTAL_FORMS": "0",
        "tiers-INITIAL_FORMS": "0",
        "tiers-MIN_NUM_FORMS": "0",
        "tiers-MAX_NUM_FORMS": "10",
    }


def head_form(w: World) -> dict:
    return {
        "customs_office": "0702",
        "port": "0702",
        "transport_mode": "4",
        "incoterm": "FCA",
        "terms_of_sale": "3",
        "destination_port": "MNG1",
        "statistics_flag": "B",
        "wrap_type": "2",
    }


def waybill_form(w: World) -> dict:
    return {
        "logistics_code": "1506980099",
        "logistics_name": "Outsider Logistics",
        "waybill_number": "OUT0000001",
        "freight": "100",
        "insured_fee": "5",
        "currency": "USD",
        "gross_weight_kg": "1000",
        "package_count": "4",
        "goods_description": "Polypropylene pellets",
    }


def receipt(w: World) -> dict:
    return {"message": "CEB604", "return_status": "120", "return_info": "Accepted"}


def receipt_xml(w: World) -> dict:
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    xml = (Path(__file__).parents[1] / "customs" / "fixtures" / "CEB604Message.xml").read_bytes()
    return {"file": SimpleUploadedFile("CEB604Message.xml", xml, content_type="application/xml")}


def warehouse_data(w: World, **extra) -> dict:
    return {
        "name": "Outsider warehouse",
        "country": "RU",
        "city": "Omsk",
        "address": "Lenina 1",
        "area_m2": "500",
        "kind": "leased",
        "operator_name": "Omsk Logistics",
        "lease_start": day(-100),
        "lease_end": day(700),
        **extra,
    }


def licence_data(w: World, *, unit="t", **extra) -> dict:
    return {
        "number": "OUTSIDER-LIC",
        "kind": "export",
        "hs_code": "3902100090",
        "quantity": "5",
        "unit": unit,
        "valid_from": day(-10),
        "valid_until": day(300),
        **extra,
    }


def booking_form(w: World) -> dict:
    return {
        "s-supplier": w.supplier_a.pk,
        "warehouse": w.warehouse.pk,
        "destination_country": "RU",
        "incoterm": pk_of(Incoterm, "DAP"),
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "1",
        "lines-MAX_NUM_FORMS": "1000",
        "lines-0-product": w.product.pk,
        "lines-0-quantity": "5",
        "lines-0-unit": pk_of(Unit, "t"),
        "lines-0-unit_price": "270",
        "lines-0-currency": "USD",
        "lines-0-lot_number": "OUT-1",
        "lines-0-net_weight_kg": "5000",
        "lines-0-gross_weight_kg": "5050",
    }


def booking_json(w: World) -> dict:
    return {
        "supplier": w.supplier_a.pk,
        "warehouse": w.warehouse.pk,
        "destination_country": "RU",
        "incoterm": "DAP",
        "lines": [
            {
                "product": w.product.pk,
                "quantity": "5",
                "unit": "t",
                "unit_price": "270",
                "currency": "USD",
                "net_weight_kg": "5000",
                "gross_weight_kg": "5050",
            }
        ],
    }


def shipment_form(w: World) -> dict:
    line = w.ship_order.lines.get()
    prefix = f"line-{line.pk}"
    return {
        "carrier": "Outsider Trans",
        "waybill_number": "OUT0000002",
        "origin": "Ordos",
        "destination": "Ulaanbaatar",
        "destination_country": "MN",
        "freight": "100",
        "insured_fee": "5",
        "currency": "USD",
        f"{prefix}-include": "on",
        f"{prefix}-quantity": "10",
        f"{prefix}-package_count": "2",
        f"{prefix}-package_kind": "IBC",
        f"{prefix}-net_weight_kg": "10000",
        f"{prefix}-gross_weight_kg": "10100",
    }


def shipment_json(w: World) -> dict:
    return {
        "order": w.ship_order.number,
        "carrier": "Outsider Trans",
        "waybill_number": "OUT0000003",
        "lines": [
            {
                "line": w.ship_order.lines.get().pk,
                "quantity": "10",
                "package_count": 2,
                "net_weight_kg": "10000",
                "gross_weight_kg": "10100",
            }
        ],
    }


def leg(w: World) -> dict:
    return {"mode": "rail", "origin": "Erenhot", "destination": "Ulaanbaatar", "arrival_planned": soon()}


def event(w: World) -> dict:
    return {"kind": "location", "occurred_at": ago(), "location": "Erenhot"}


def event_json(w: World) -> dict:
    return {"kind": "location", "occurred_at": timezone.now().isoformat(), "leg": 1, "location": "Erenhot"}


OUTBOUND_BUYER = {"buyer_name": "Outsider LLC", "buyer_address": "Lenina 1, Omsk", "buyer_country": "RU"}


def outbound_form(w: World) -> dict:
    return {**OUTBOUND_BUYER, "pick-0-lot": w.lot.pk, "pick-0-quantity": "1"}


def outbound_json(w: World) -> dict:
    return {"warehouse": w.warehouse.pk, **OUTBOUND_BUYER, "lines": [{"lot": w.lot.pk, "quantity": "1"}]}


def document_upload(w: World) -> dict:
    return {
        "kind": "sds",
        "visibility": "public",
        "file": pdf("outsider-sds.pdf"),
        "issue_date": day(-30),
    }


def proof_upload(w: World) -> dict:
    return {"file": pdf("outsider-mt103.pdf"), "reference": "UETR-OUTSIDER"}


def product_json(w: World) -> dict:
    return {
        "title": "Renamed by an outsider",
        "upc": "OUTSIDER-UPC",
        "product_class": "chemical",
        "trade_spec": {
            "hs_code": "2905110000",
            "commercial_unit": "t",
            "net_weight_kg": "1000",
            "gross_weight_kg": "1010",
            "origin_country": "CN",
        },
        "chemical_spec": {"cas_number": "67-56-1"},
    }


def product_form(w: World) -> dict:
    return {
        "title": "Renamed by an outsider",
        "upc": w.draft.upc,
        "description": "Changed",
        "product_class": "chemical",
    }


def rfq_json(w: World) -> dict:
    return {
        "title": "Methanol for Darkhan",
        "product": w.product.pk,
        "quantity": "50",
        "unit": "t",
        "currency": "USD",
        "incoterm": "DAP",
        "named_place": "Darkhan",
        "destination_country": "MN",
        "quote_deadline": day(7),
    }


def import_upload(w: World) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {
        "product_class": "chemical",
        "file": SimpleUploadedFile("products.csv", b"sku,title\nOUT-1,Outsider\n"),
    }


def rfq_api_quote(w: World) -> dict:
    """Supplier B's own offer quoted (it is supplier B who tries)."""
    return {
        "offer": w.product_b.stockrecords.get().pk,
        "unit_price": "270.00",
        "currency": "USD",
        "incoterm": "FCA",
        "named_place": "Erenhot",
        "quantity": "100",
        "unit": "t",
        "lead_time_days": 20,
        "valid_until": day(14),
        "payment_terms": "30-70",
    }


def rfq_message(w: World) -> dict:
    return {"body": "An outsider writes in A's thread.", "supplier": w.supplier_a.partner.pk}


def new_member(w: World) -> dict:
    return {"email": "newcomer@example.com", "first_name": "New", "role": "member", "language": "en"}


# --- the table ---------------------------------------------------------------------------------------

RULES: dict[str, Rule] = {
    # Machines, search engines and the API's front door.
    "healthz": public("the service's health (503 when a dependency is down)", reads=200),
    "sitemap": public(
        "published pages and products",
        hides=lambda w: [w.draft.get_absolute_url()],
        refused=PUBLIC_LIST,
    ),
    "robots-txt": public("robots.txt"),
    "set-display-currency": public("the visitor's display currency, kept in the session (POST)", reads=405),
    "schema": public("the OpenAPI schema"),
    "api-docs": public("Swagger UI"),
    "api:token": public("email and password for a token (POST)", reads=405),
    "api:me": login("the caller's user, company and role"),
    "payments-api:stripe-webhook": public(
        "Stripe's events, verified by signature",
        reads=405,
        refused=(ANONYMOUS,),
        refusals=REFUSED_IN_BODY,
        writes=post(lambda w: {"id": "evt_forged", "type": "payment_intent.succeeded"}),
    ),
    # Accounts.
    "register": public("Oscar's registration leads to the company sign-up", reads=302),
    "login": public("the login page"),
    "accounts:signup": public("choose the kind of company to sign up"),
    "accounts:signup-kind": public("sign-up form", args=lambda w: {"kind": "buyer"}),
    "accounts:signup-sent": public("'check your email' after a sign-up"),
    "accounts:confirm-email": public(
        "an emailed confirmation link: a forged one is refused",
        args=lambda w: {"uidb64": "MQ", "token": "forged-token"},
        reads=400,
    ),
    "api-not-found": public("any other /api/v1/ path: the API's JSON 404", reads=404),
    "accounts:company": login("the user's own company"),
    "accounts:add-member": login(
        "add a colleague to the user's own company (admins)", reader=SUPPLIER_A, writes=post(new_member)
    ),
    "accounts:resubmit-registration": login(
        "the user's own company's registration, sent again (POST)", reader=None, writes=post()
    ),
    "accounts:authorisations": login("the supplier's or firm's own authorisations", reader=SUPPLIER_A),
    "accounts:revoke-authorisation": owned(
        "supplier A's authorisation of firm A",
        args=pk("authorisation"),
        also=(BUYER_A,),
        writes=post(),
        writer=SUPPLIER_A,
    ),
    "accounts:company-document": owned(
        "supplier A's registration document",
        args=lambda w: {"pk": w.supplier_a.pk},
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
    ),
    "accounts:operator-companies": staff("the verification queue"),
    "accounts:operator-company": staff(
        "an operator's decision on supplier A",
        args=lambda w: {"pk": w.supplier_a.pk},
        writes=post(lambda w: {"decision": "suspended", "reason": "An outsider decides"}),
    ),
    # Catalogue (Oscar's, forked) and search.
    "catalogue:index": public("published products", hides=draft_title, refused=PUBLIC_LIST),
    "catalogue:category": public(
        "a category's published products",
        args=lambda w: {"category_slug": w.category.full_slug, "pk": w.category.pk},
        hides=draft_title,
        refused=PUBLIC_LIST,
    ),
    "catalogue:detail": owned(
        "supplier A's draft product page (published ones are public)",
        args=lambda w: {"product_slug": w.draft.slug, "pk": w.draft.pk},
        reader=OPERATOR,
    ),
    "search:search": public("search results", query={"q": "Alpha"}, hides=draft_title, refused=PUBLIC_LIST),
    "catalog-api:products": public(
        "published products; POST: a supplier's own new product",
        hides=draft_title,
        refused=PUBLIC_LIST,
        writes=post(product_json),
        write_refused=NOT_SUPPLIERS,
        writer=SUPPLIER_A,
    ),
    "catalog-api:product": owned(
        "supplier A's draft product (published ones are public)",
        args=pk("draft"),
        reader=SUPPLIER_A,
        writes={"PUT": product_json, "PATCH": lambda w: {"title": "Renamed by an outsider"}},
        writer=SUPPLIER_A,
    ),
    "catalog-api:suppliers": public("verified suppliers"),
    "catalog-api:supplier": public("a verified supplier", args=lambda w: {"pk": w.supplier_a.pk}),
    "search-api:search": public(
        "search results", query={"q": "Alpha"}, hides=draft_title, refused=PUBLIC_LIST
    ),
    "search-api:suggest": public(
        "search suggestions", query={"q": "Alpha"}, hides=draft_title, refused=PUBLIC_LIST
    ),
    # Supplier portal: products and offers.
    "supplier:products": login(
        "the supplier's own products",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=draft_title,
        shown_to=SUPPLIER_A,
    ),
    "supplier:product-create": login(
        "a new product of one's own supplier",
        reader=SUPPLIER_A,
        refused=NOT_SUPPLIERS,
        args=lambda w: {"class_slug": "chemical"},
    ),
    "supplier:product": owned(
        "supplier A's product in the portal",
        args=pk("draft"),
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
        writes=post(product_form),
    ),
    "supplier:product-move": owned(
        "supplier A's product sent for review",
        args=pk("draft"),
        also=(BUYER_A, FIRM_A),
        writes=post(lambda w: {"to": "in_review"}),
    ),
    "supplier:offer-create": owned(
        "a new offer on supplier A's product",
        args=pk("draft", "product_pk"),
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
        writes=post(offer_form),
        writer=SUPPLIER_A,
    ),
    "supplier:offer": owned(
        "supplier A's offer",
        args=pk("draft_offer"),
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
        writes=post(offer_form),
        writer=SUPPLIER_A,
    ),
    "supplier:offer-delete": owned(
        "supplier A's offer, deleted",
        args=pk("draft_offer"),
        also=(BUYER_A, FIRM_A),
        writes=post(),
        writer=SUPPLIER_A,
    ),
    "offers-api:product-offers": owned(
        "a new offer on supplier A's product",
        args=pk("draft", "product_id"),
        also=(BUYER_A, FIRM_A),
        writes=post(offer_json),
        writer=SUPPLIER_A,
    ),
    "offers-api:offer": owned(
        "supplier A's offer",
        args=pk("draft_offer"),
        also=(BUYER_A, FIRM_A),
        writes={"PUT": offer_json, "DELETE": lambda w: {}},
        writer=SUPPLIER_A,
    ),
    "product-review:queue": staff("products waiting for review"),
    "product-review:product": staff(
        "an operator's decision on supplier A's product",
        args=pk("draft"),
        writes=post(lambda w: {"to": "published"}),
    ),
    # Product documents.
    "documents:upload": owned(
        "a new document of supplier A's product",
        args=pk("product", "product_id"),
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
        writes=post(document_upload),
        writer=SUPPLIER_A,
    ),
    "documents:history": owned(
        "every version of one kind of document of supplier A's product",
        args=lambda w: {"product_id": w.product.pk, "kind": "coa"},
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
    ),
    "documents:download": owned(
        "supplier A's restricted COA (its supplier and buyers with an order)",
        args=pk("restricted_document"),
        reader=BUYER_A,
    ),
    "documents-api:product-documents": owned(
        "the documents of supplier A's product; the restricted ones for its buyers only",
        args=pk("product", "product_id"),
        reader=ANONYMOUS,
        hides=lambda w: [w.restricted_document.title],
        shown_to=BUYER_A,
        writes=post(document_upload),
        writer=SUPPLIER_A,
    ),
    "documents-api:download": owned(
        "supplier A's restricted COA", args=pk("restricted_document"), reader=BUYER_A
    ),
    # Bulk import and export.
    "catalog_imports:list": login("the supplier's own import jobs", reader=SUPPLIER_A, refused=NOT_SUPPLIERS),
    "catalog_imports:new": login(
        "upload an import of one's own products",
        reader=SUPPLIER_A,
        refused=NOT_SUPPLIERS,
        writes=post(import_upload),
        writer=SUPPLIER_A,
    ),
    "catalog_imports:detail": owned("supplier A's import job", args=pk("import_job"), reader=SUPPLIER_A),
    "catalog_imports:progress": owned(
        "supplier A's import job's progress", args=pk("import_job"), reader=SUPPLIER_A
    ),
    "catalog_imports:template": login(
        "an empty import template",
        reader=SUPPLIER_A,
        refused=NOT_SUPPLIERS,
        args=lambda w: {"class_slug": "chemical", "file_format": "csv"},
    ),
    "catalog_imports:export": login(
        "the supplier's own catalogue as a spreadsheet",
        args=lambda w: {"class_slug": "chemical", "file_format": "csv"},
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.draft.upc],
        shown_to=SUPPLIER_A,
    ),
    "imports-api:imports": login(
        "upload an import of one's own products (POST)",
        reader=None,
        refused=NOT_SUPPLIERS,
        writes=post(import_upload),
        writer=SUPPLIER_A,
    ),
    "imports-api:import": owned("supplier A's import job", args=pk("import_job"), reader=SUPPLIER_A),
    # Basket, checkout and orders.
    "buying:basket": login("the user's own basket", writes=post()),
    "buying:add": login(
        "an offer into the user's own basket (POST)",
        reader=None,
        writes=post(lambda w: {"offer": w.offer.pk, "quantity": "20"}),
    ),
    "buying:checkout": login("check out the user's own basket (empty: back to it)", reads=302, writes=post()),
    "orders:list": login(
        "the caller's orders", refused=OUTSIDERS, hides=lambda w: [w.order.number], shown_to=BUYER_A
    ),
    "orders:detail": owned("buyer A's order from supplier A", args=number("order"), reader=BUYER_A),
    "orders:proforma": owned("the order's proforma invoice (PDF)", args=number("order"), reader=BUYER_A),
    "orders:action": owned(
        "the order cancelled",
        args=lambda w: {"number": w.order.number, "action": "cancel"},
        writes=post(lambda w: {"reason": "An outsider cancels"}),
        writer=BUYER_A,
    ),
    "orders-api:orders": login(
        "the caller's orders", refused=OUTSIDERS, hides=lambda w: [w.order.number], shown_to=BUYER_A
    ),
    "orders-api:order": owned("buyer A's order", args=pk("order"), reader=BUYER_A),
    "customer:order-list": login(
        "Oscar's list of the orders the user placed",
        refused=OUTSIDERS,
        hides=lambda w: [w.order.number],
        shown_to=BUYER_A,
    ),
    # Oscar's account pages are a framework group, but these two show one of A's orders.
    # Oscar's order pages resolve to oscar-order(-line): the B2B order page, for its parties;
    # re-ordering there writes nothing (Oscar's basket is not mounted), so there is no writer.
    "customer:order": owned(
        "Oscar's page of an order (and its re-order): a redirect to the B2B order page",
        args=lambda w: {"order_number": w.order.number},
        reader=BUYER_A,
        reads=302,
        writes=post(lambda w: {"action": "reorder"}),
    ),
    "customer:order-line": owned(
        "Oscar's page of an order's line (and its re-order): a redirect to the B2B order page",
        args=lambda w: {"order_number": w.order.number, "line_id": w.order.lines.get().pk},
        reader=BUYER_A,
        reads=302,
        writes=post(lambda w: {"action": "reorder"}),
    ),
    "oscar-order": owned(
        "Oscar's account path of an order: a redirect to the B2B order page",
        args=lambda w: {"order_number": w.order.number},
        reader=BUYER_A,
        reads=302,
    ),
    "oscar-order-line": owned(
        "Oscar's account path of an order's line: a redirect to the B2B order page",
        args=lambda w: {"order_number": w.order.number, "line_id": w.order.lines.get().pk},
        reader=BUYER_A,
        reads=302,
    ),
    # Payments.
    "payments:pay": owned("the buyer's payment page", args=number("order"), reader=BUYER_A, also=SELLERS_A),
    "payments:card": owned(
        "a card payment of the order's balance",
        args=lambda w: {"number": w.order.number, "milestone_id": w.balance.pk},
        also=SELLERS_A,
        writes=post(),
    ),
    "payments:upload-proof": owned(
        "a bank-transfer proof for the order's balance",
        args=lambda w: {"number": w.order.number, "milestone_id": w.balance.pk},
        also=SELLERS_A,
        writes=post(proof_upload),
        writer=BUYER_A,
    ),
    "payments:order-payments": owned("the order's payments", args=number("order"), reader=SUPPLIER_A),
    "payments:refund": staff(
        "an operator's refund of the deposit",
        args=lambda w: {"number": w.order.number, "milestone_id": w.deposit.pk},
        reader=None,
        writes=post(lambda w: {"amount": "1.00", "reason": "An outsider refunds", "reference": "R-1"}),
    ),
    "payments:decide-proof": owned(
        "the supplier's decision on the buyer's transfer proof",
        args=lambda w: {"number": w.order.number, "proof_id": w.proof.pk},
        also=(BUYER_A, FIRM_A),
        writes=post(lambda w: {"decision": "accept"}),
        writer=SUPPLIER_A,
    ),
    "payments:download-proof": owned(
        "the buyer's transfer proof",
        args=lambda w: {"number": w.order.number, "proof_id": w.proof.pk},
        reader=SUPPLIER_A,
        also=(FIRM_A,),
    ),
    "payments-api:order-payments": owned(
        "the order's payments", args=pk("order", "order_id"), reader=BUYER_A
    ),
    "payments-api:card": owned(
        "a card payment of the order's balance",
        args=lambda w: {"order_id": w.order.pk, "milestone_id": w.balance.pk},
        also=SELLERS_A,
        writes=post(),
    ),
    "payments-api:transfer-proof": owned(
        "a bank-transfer proof for the order's balance",
        args=lambda w: {"order_id": w.order.pk, "milestone_id": w.balance.pk},
        also=SELLERS_A,
        writes=post(proof_upload),
        writer=BUYER_A,
    ),
    # Requests for quotation.
    "rfq:list": login(
        "the buyer's RFQs", refused=OUTSIDERS, hides=lambda w: [w.rfq.number], shown_to=BUYER_A
    ),
    "rfq:create": login(
        "a new RFQ of the buyer's company",
        refused=NOT_BUYERS,
        writes=post(rfq_json),
        writer=BUYER_A,
    ),
    "rfq:detail": owned("buyer A's RFQ", args=number("rfq"), reader=BUYER_A, also=SELLERS_A),
    "rfq:compare": owned("buyer A's quotes side by side", args=number("rfq"), reader=BUYER_A, also=SELLERS_A),
    "rfq:attachment": owned("buyer A's RFQ drawing", args=number("rfq"), reader=SUPPLIER_A),
    "rfq:action": owned(
        "buyer A's RFQ cancelled",
        args=lambda w: {"number": w.rfq.number, "action": "cancel"},
        also=SELLERS_A,
        writes=post(),
        writer=BUYER_A,
    ),
    "rfq:accept": owned(
        "supplier A's quote accepted into an order",
        args=lambda w: {"number": w.rfq.number, "quote_id": w.quote.pk},
        also=SELLERS_A,
        writes=post(lambda w: {"quantity": "100"}),
        writer=BUYER_A,
    ),
    "rfq:message": owned(
        "the thread between buyer A and supplier A",
        args=lambda w: {"number": w.rfq.number, "supplier_id": w.supplier_a.partner.pk},
        also=(FIRM_A,),
        writes=post(rfq_message),
        writer=BUYER_A,
    ),
    "rfq:inbox": login(
        "the supplier's RFQ inbox",
        query={"tab": "quoted"},
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.rfq.number],
        shown_to=SUPPLIER_A,
    ),
    "rfq:supplier_detail": owned(
        "buyer A's RFQ in supplier A's inbox; POST: a quote",
        args=number("rfq"),
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
        writes=post(lambda w: quote_form(w, w.product_b.stockrecords.get())),
    ),
    "rfq:revise": owned(
        "supplier A's quote revised",
        args=lambda w: {"number": w.rfq.number, "quote_id": w.quote.pk},
        reader=SUPPLIER_A,
        also=(BUYER_A, FIRM_A),
        writes=post(lambda w: quote_form(w, w.offer)),
        writer=SUPPLIER_A,
    ),
    "rfq:withdraw": owned(
        "supplier A's quote withdrawn",
        args=lambda w: {"number": w.rfq.number, "quote_id": w.quote.pk},
        also=(BUYER_A, FIRM_A),
        writes=post(),
        writer=SUPPLIER_A,
    ),
    "rfq-api:rfqs": login(
        "the caller's RFQs; POST: a buyer's own new RFQ",
        refused=OUTSIDERS,
        hides=lambda w: [w.rfq.number],
        shown_to=BUYER_A,
        writes=post(rfq_json),
        write_refused=NOT_BUYERS,
        writer=BUYER_A,
    ),
    "rfq-api:rfq": owned("buyer A's RFQ", args=pk("rfq"), reader=BUYER_A),
    "rfq-api:quotes": owned(
        "the quotes on buyer A's RFQ; POST: a quote",
        args=pk("rfq"),
        reader=BUYER_A,
        writes=post(rfq_api_quote),
    ),
    "rfq-api:messages": owned(
        "the threads of buyer A's RFQ",
        args=pk("rfq"),
        reader=BUYER_A,
        writes=post(rfq_message),
        writer=BUYER_A,
    ),
    "rfq-api:accept": owned(
        "supplier A's quote accepted into an order",
        args=pk("quote"),
        also=SELLERS_A,
        writes=post(lambda w: {"quantity": "100"}),
        writer=BUYER_A,
    ),
    # Customs desk: declarations. Buyers see the customs status on their orders, never the desk.
    "customs:desk": login(
        "the filer's queue and declarations",
        reader=FIRM_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.declaration.number, w.full_declaration.number, w.order.number],
        shown_to=FIRM_A,
    ),
    "customs:declaration": owned(
        "supplier A's declaration list", args=pk("declaration"), reader=FIRM_A, also=(BUYER_A,)
    ),
    "customs:declaration-head": owned(
        "the declaration's head", args=pk("declaration"), also=(BUYER_A,), writes=post(head_form)
    ),
    "customs:declaration-line": owned(
        "a line of the declaration",
        args=lambda w: {"pk": w.declaration.pk, "gnum": 1},
        also=(BUYER_A,),
        writes=post(lambda w: {"line-1-hs_code": "3902100090", "line-1-inspection_code": "101"}),
    ),
    "customs:declaration-waybill": owned(
        "the declaration's waybill", args=pk("declaration"), also=(BUYER_A,), writes=post(waybill_form)
    ),
    "customs:declaration-action": owned(
        "the declaration cancelled",
        args=lambda w: {"pk": w.declaration.pk, "action": "cancel"},
        also=(BUYER_A,),
        writes=post(lambda w: {"reason": "An outsider cancels"}),
        writer=FIRM_A,
    ),
    "customs:receipt-entry": owned(
        "a customs receipt entered by hand", args=pk("declaration"), also=(BUYER_A,), writes=post(receipt)
    ),
    "customs:receipt-upload": owned(
        "a customs receipt uploaded as XML",
        args=pk("declaration"),
        also=(BUYER_A,),
        writes=post(receipt_xml),
    ),
    "customs:export-xml": owned(
        "the declaration list's CEB603 message",
        args=lambda w: {"pk": w.declaration.pk, "message": "ceb603"},
        reader=FIRM_A,
        also=(BUYER_A,),
    ),
    "customs:export-json": owned(
        "the full declaration as JSON", args=pk("full_declaration"), reader=FIRM_A, also=(BUYER_A,)
    ),
    "customs:export-pdf": owned(
        "the full declaration as PDF", args=pk("full_declaration"), reader=FIRM_A, also=(BUYER_A,)
    ),
    "customs:export-attachment": owned(
        "the full declaration's attachment PDF", args=pk("full_declaration"), reader=FIRM_A, also=(BUYER_A,)
    ),
    "customs:new-for-order": owned(
        "a declaration opened for buyer A's order",
        args=number("order"),
        reader=FIRM_A,
        also=(BUYER_A,),
        writes=post(lambda w: {"lines": [line.pk for line in w.order.lines.all()]}),
        writer=FIRM_A,
    ),
    "customs:new-for-booking": owned(
        "a 9810 declaration opened for supplier A's booking",
        args=pk("booking"),
        also=(BUYER_A,),
        writes=post(),
        writer=FIRM_A,
    ),
    "customs-api:declarations": login(
        "the caller's declarations; POST: one for an order or a booking one may file for",
        reader=FIRM_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.declaration.number, w.full_declaration.number],
        shown_to=FIRM_A,
        writes=post(lambda w: {"order": w.order.number}),
        writer=FIRM_A,
    ),
    # Buyer A reads its order's declaration too, in the buyer's view without customs' reasons.
    "customs-api:declaration": owned("supplier A's declaration", args=pk("declaration"), reader=FIRM_A),
    "customs-api:declaration-validate": owned(
        "the declaration's problems (POST)", args=pk("declaration"), also=(BUYER_A,), writes=post()
    ),
    "customs-api:declaration-state": owned(
        "the declaration cancelled",
        args=pk("declaration"),
        also=(BUYER_A,),
        writes=post(lambda w: {"action": "cancel", "reason": "An outsider cancels"}),
        writer=FIRM_A,
    ),
    "customs-api:declaration-xml": owned(
        "the declaration list's CEB603 message",
        args=lambda w: {"pk": w.declaration.pk, "message": "ceb603"},
        reader=FIRM_A,
        also=(BUYER_A,),
    ),
    "customs-api:declaration-receipts": owned(
        "the declaration's receipts; POST: one more",
        args=pk("declaration"),
        reader=FIRM_A,
        also=(BUYER_A,),
        writes=post(receipt),
    ),
    # Customs desk: warehouses, bookings, licences.
    "customs:warehouses": login(
        "the overseas warehouses of the suppliers one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.warehouse.name],
        shown_to=SUPPLIER_A,
    ),
    "customs:warehouse-new": login(
        "a warehouse of a supplier one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        refusals=REFUSED_BY_FORM,
        writes=post(lambda w: {"s-supplier": w.supplier_a.pk, **warehouse_data(w)}),
        writer=SUPPLIER_A,
    ),
    "customs:warehouse": owned(
        "supplier A's overseas warehouse; POST: evidence",
        args=pk("warehouse"),
        reader=SUPPLIER_A,
        also=(BUYER_A,),
        writes=post(lambda w: {"evidence": "1", "kind": "lease", "file": pdf("outsider-lease.pdf")}),
        writer=SUPPLIER_A,
    ),
    "customs:warehouse-evidence": owned(
        "the lease of supplier A's warehouse (a private file)",
        args=lambda w: {"pk": w.warehouse.pk, "evidence_pk": w.evidence.pk},
        reader=FIRM_A,
        also=(BUYER_A,),
    ),
    "customs:bookings": login(
        "the 9810 bookings of the suppliers one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.booking.number, w.declared_booking.number],
        shown_to=SUPPLIER_A,
    ),
    "customs:booking-new": login(
        "a booking of a supplier one files for, into its warehouse",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        refusals=REFUSED_BY_FORM,
        writes=post(booking_form),
        writer=SUPPLIER_A,
    ),
    "customs:booking": owned("supplier A's booking", args=pk("booking"), reader=FIRM_A, also=(BUYER_A,)),
    "customs:licences": login(
        "the export licences of the suppliers one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.licence.number],
        shown_to=SUPPLIER_A,
    ),
    "customs:licence-new": login(
        "a licence of a supplier one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        refusals=REFUSED_BY_FORM,
        writes=post(lambda w: {"s-supplier": w.supplier_a.pk, **licence_data(w, unit=pk_of(Unit, "t"))}),
        writer=SUPPLIER_A,
    ),
    "customs-api:warehouses": login(
        "the caller's warehouses; POST: one for a supplier one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        refusals=REFUSED_IN_BODY,
        hides=lambda w: [w.warehouse.name],
        shown_to=SUPPLIER_A,
        writes=post(lambda w: warehouse_data(w, supplier=w.supplier_a.pk)),
        writer=SUPPLIER_A,
    ),
    "customs-api:bookings": login(
        "the caller's bookings; POST: one into a warehouse of a supplier one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        refusals=REFUSED_IN_BODY,
        hides=lambda w: [w.booking.number],
        shown_to=SUPPLIER_A,
        writes=post(booking_json),
        writer=SUPPLIER_A,
    ),
    "customs-api:licences": login(
        "the caller's licences; POST: one for a supplier one files for",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        refusals=REFUSED_IN_BODY,
        hides=lambda w: [w.licence.number],
        shown_to=SUPPLIER_A,
        writes=post(lambda w: licence_data(w, supplier=w.supplier_a.pk)),
        writer=SUPPLIER_A,
    ),
    # Shipments and tracking.
    "fulfillment:desk": login(
        "the caller's shipments", refused=OUTSIDERS, hides=lambda w: [w.shipment.number], shown_to=BUYER_A
    ),
    "fulfillment:late": login(
        "the caller's late legs", refused=OUTSIDERS, hides=lambda w: [w.shipment.number], shown_to=SUPPLIER_A
    ),
    "fulfillment:shipment": owned(
        "supplier A's shipment to buyer A", args=number("shipment"), reader=BUYER_A
    ),
    "fulfillment:add_leg": owned(
        "a leg added to the shipment",
        args=number("shipment"),
        also=(BUYER_A,),
        writes=post(leg),
        writer=FIRM_A,
    ),
    "fulfillment:add_event": owned(
        "a tracking event of the shipment",
        args=number("shipment"),
        also=(BUYER_A,),
        writes=post(event),
        writer=SUPPLIER_A,
    ),
    "fulfillment:fill_waybill": owned(
        "the shipment's waybill copied to its declaration",
        args=number("shipment"),
        also=(BUYER_A,),
        writes=post(),
    ),
    "fulfillment:cancel": owned(
        "the shipment cancelled (it left the factory: the owner too is refused)",
        args=number("shipment"),
        also=(BUYER_A,),
        writes=post(),
    ),
    "fulfillment:document": owned(
        "the shipment's packing list (PDF; the commercial invoice is the same route)",
        args=lambda w: {"number": w.shipment.number, "document": "packing-list"},
        reader=BUYER_A,
    ),
    "fulfillment:order_tracking": owned(
        "buyer A's tracker of the order", args=number("ship_order"), reader=BUYER_A
    ),
    "fulfillment:new_order_shipment": owned(
        "a shipment of buyer A's order",
        args=number("ship_order"),
        reader=SUPPLIER_A,
        also=(BUYER_A,),
        writes=post(shipment_form),
        writer=SUPPLIER_A,
    ),
    "fulfillment:new_booking_shipment": owned(
        "a shipment of supplier A's booking to its warehouse",
        args=pk("declared_booking"),
        reader=SUPPLIER_A,
        also=(BUYER_A,),
    ),
    "fulfillment:new_inbound": owned(
        "an inbound notice of supplier A's booking",
        args=pk("declared_booking"),
        reader=SUPPLIER_A,
        also=(BUYER_A,),
        writes=post(lambda w: {"expected_on": day(12)}),
    ),
    "fulfillment:stock": login(
        "stock by lot in the warehouses one sees",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.lot.lot_number],
        shown_to=SUPPLIER_A,
    ),
    "fulfillment:inbound_list": login(
        "inbound notices one sees",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.notice.number],
        shown_to=SUPPLIER_A,
    ),
    "fulfillment:inbound": owned(
        "supplier A's inbound notice; POST: goods received",
        args=number("notice"),
        reader=SUPPLIER_A,
        also=(BUYER_A,),
        writes=post(lambda w: {f"line-{line.pk}-quantity": "40" for line in w.notice.lines.all()}),
    ),
    "fulfillment:outbound_list": login(
        "outbound orders one sees",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        hides=lambda w: [w.outbound.number, w.delivered.number],
        shown_to=SUPPLIER_A,
    ),
    "fulfillment:new_outbound": owned(
        "an outbound order from supplier A's warehouse stock",
        args=pk("warehouse"),
        reader=SUPPLIER_A,
        also=(BUYER_A,),
        writes=post(outbound_form),
        writer=SUPPLIER_A,
    ),
    "fulfillment:outbound": owned("supplier A's outbound order", args=number("outbound"), reader=SUPPLIER_A),
    "fulfillment:ship_outbound": owned(
        "the outbound order left the warehouse",
        args=number("outbound"),
        also=(BUYER_A,),
        writes=post(),
        writer=FIRM_A,
    ),
    "fulfillment:deliver_outbound": owned(
        "the outbound order's proof of delivery",
        args=number("delivered"),
        also=(BUYER_A,),
        writes=post(lambda w: {"received_by_name": "An outsider", "delivered_at": ago()}),
    ),
    "fulfillment:pod": owned(
        "the signed delivery note (a private file)", args=number("delivered"), reader=SUPPLIER_A
    ),
    "fulfillment-api:shipments": login(
        "the caller's shipments; POST: one for an order or booking one manages",
        refused=OUTSIDERS,
        hides=lambda w: [w.shipment.number],
        shown_to=BUYER_A,
        writes=post(shipment_json),
        writer=SUPPLIER_A,
    ),
    "fulfillment-api:shipment": owned("supplier A's shipment", args=pk("shipment"), reader=BUYER_A),
    "fulfillment-api:shipment-legs": owned(
        "a leg added to the shipment", args=pk("shipment"), also=(BUYER_A,), writes=post(leg), writer=FIRM_A
    ),
    "fulfillment-api:shipment-events": owned(
        "a tracking event of the shipment",
        args=pk("shipment"),
        also=(BUYER_A,),
        writes=post(event_json),
        writer=SUPPLIER_A,
    ),
    "fulfillment-api:warehouse-stock": owned(
        "stock in supplier A's warehouse", args=pk("warehouse"), reader=SUPPLIER_A
    ),
    "fulfillment-api:outbound-orders": login(
        "the caller's outbound orders; POST: one from a warehouse one manages",
        reader=SUPPLIER_A,
        refused=OUTSIDERS,
        refusals=REFUSED_IN_BODY,
        hides=lambda w: [w.outbound.number],
        shown_to=SUPPLIER_A,
        writes=post(outbound_json),
        writer=SUPPLIER_A,
    ),
    "fulfillment-api:outbound-order": owned(
        "supplier A's outbound order", args=pk("outbound"), reader=SUPPLIER_A
    ),
    "fulfillment-api:outbound-order-ship": owned(
        "the outbound order left the warehouse",
        args=pk("outbound"),
        also=(BUYER_A,),
        writes=post(),
        writer=SUPPLIER_A,
    ),
    "fulfillment-api:outbound-order-delivered": owned(
        "the outbound order's proof of delivery",
        args=pk("delivered"),
        also=(BUYER_A,),
        writes=post(lambda w: {"received_by_name": "An outsider"}),
    ),
}


# --- crossed requests ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crossing:
    """An outsider's own object in one id of the URL, company A's in another or in the body:
    still refused, and nothing of A's in the answer (``refusals`` may allow the 400 or 200 of a
    form shown again with the error)."""

    route: str
    role: str
    about: str
    args: Args
    method: str = "GET"
    body: Body | None = None
    refusals: frozenset[int] = REFUSED
    query: Callable[[World], dict] | None = None


def order_b_with(key: str, name: str, *, by_id: bool = False) -> Args:
    """Buyer B's order, with one of A's objects as the route's second id."""
    return lambda w: {
        **({"order_id": w.order_b.pk} if by_id else {"number": w.order_b.number}),
        key: getattr(w, name).pk,
    }


CROSSINGS = (
    Crossing(
        "payments:card", BUYER_B, "B's order, A's milestone", order_b_with("milestone_id", "balance"), "POST"
    ),
    Crossing(
        "payments:upload-proof",
        BUYER_B,
        "B's order, A's milestone",
        order_b_with("milestone_id", "balance"),
        "POST",
        proof_upload,
    ),
    Crossing(
        "payments:decide-proof",
        SUPPLIER_B,
        "B's order, A's transfer proof",
        order_b_with("proof_id", "proof"),
        "POST",
        lambda w: {"decision": "accept"},
    ),
    Crossing(
        "payments:download-proof", SUPPLIER_B, "B's order, A's proof", order_b_with("proof_id", "proof")
    ),
    Crossing("payments:download-proof", BUYER_B, "B's order, A's proof", order_b_with("proof_id", "proof")),
    Crossing(
        "payments-api:card",
        BUYER_B,
        "B's order, A's milestone",
        order_b_with("milestone_id", "balance", by_id=True),
        "POST",
    ),
    Crossing(
        "payments-api:transfer-proof",
        BUYER_B,
        "B's order, A's milestone",
        order_b_with("milestone_id", "balance", by_id=True),
        "POST",
        proof_upload,
    ),
    Crossing(
        "customer:order-line",
        BUYER_B,
        "Oscar's page of B's order with a line of A's",
        lambda w: {"order_number": w.order_b.number, "line_id": w.order.lines.get().pk},
    ),
    Crossing(
        "rfq:accept",
        BUYER_B,
        "B's RFQ, A's quote",
        lambda w: {"number": w.rfq_b.number, "quote_id": w.quote.pk},
        "POST",
        lambda w: {"quantity": "100"},
    ),
    Crossing(
        "rfq:message",
        BUYER_B,
        "B's RFQ, the thread with supplier A",
        lambda w: {"number": w.rfq_b.number, "supplier_id": w.supplier_a.partner.pk},
        "POST",
        rfq_message,
    ),
    Crossing(
        "rfq:revise",
        SUPPLIER_B,
        "B's RFQ, A's quote",
        lambda w: {"number": w.rfq_b.number, "quote_id": w.quote.pk},
    ),
    Crossing(
        "rfq:withdraw",
        SUPPLIER_B,
        "B's RFQ, A's quote",
        lambda w: {"number": w.rfq_b.number, "quote_id": w.quote.pk},
        "POST",
    ),
    Crossing(
        "rfq-api:quotes",
        SUPPLIER_B,
        "a quote on B's RFQ with A's offer",
        lambda w: {"pk": w.rfq_b.pk},
        "POST",
        lambda w: {**rfq_api_quote(w), "offer": w.offer.pk},
        REFUSED_IN_BODY,
    ),
    Crossing(
        "rfq-api:messages",
        BUYER_B,
        "B's RFQ, the thread with supplier A",
        lambda w: {"pk": w.rfq_b.pk},
        "POST",
        rfq_message,
    ),
    Crossing(
        "rfq:create",
        BUYER_B,
        "an RFQ form for A's draft product",
        lambda w: {},
        refusals=REFUSED | {200},
        query=lambda w: {"product": w.draft.pk},
    ),
    Crossing(
        "customs:warehouse-evidence",
        SUPPLIER_B,
        "B's warehouse, A's evidence",
        lambda w: {"pk": w.warehouse_b.pk, "evidence_pk": w.evidence.pk},
    ),
    Crossing(
        "customs:new-for-order",
        SUPPLIER_B,
        "a declaration of B's order with A's line",
        number("order_b"),
        "POST",
        lambda w: {"lines": [w.order.lines.get().pk]},
        REFUSED_BY_FORM,
    ),
    Crossing(
        "customs-api:declarations",
        SUPPLIER_B,
        "a declaration of B's order with A's line",
        lambda w: {},
        "POST",
        lambda w: {"order": w.order_b.number, "lines": [w.order.lines.get().pk]},
        REFUSED_IN_BODY,
    ),
    Crossing(
        "customs-api:declarations",
        SUPPLIER_B,
        "a declaration of A's booking",
        lambda w: {},
        "POST",
        lambda w: {"booking": w.booking.pk},
    ),
    Crossing(
        "customs-api:bookings",
        SUPPLIER_B,
        "a booking into B's warehouse of A's draft product",
        lambda w: {},
        "POST",
        lambda w: {
            **booking_json(w),
            "supplier": w.supplier_b.pk,
            "warehouse": w.warehouse_b.pk,
            "lines": [{**booking_json(w)["lines"][0], "product": w.draft.pk}],
        },
        REFUSED_IN_BODY,
    ),
    Crossing(
        "fulfillment-api:shipments",
        SUPPLIER_B,
        "a shipment of B's order with A's line",
        lambda w: {},
        "POST",
        lambda w: {**shipment_json(w), "order": w.order_b.number},
        REFUSED_IN_BODY,
    ),
    Crossing(
        "fulfillment-api:outbound-orders",
        SUPPLIER_B,
        "an outbound order from B's warehouse of A's lot",
        lambda w: {},
        "POST",
        lambda w: {**outbound_json(w), "warehouse": w.warehouse_b.pk},
        REFUSED_IN_BODY,
    ),
    Crossing(
        "fulfillment:new_outbound",
        SUPPLIER_B,
        "an outbound order from B's warehouse of A's lot",
        pk("warehouse_b"),
        "POST",
        outbound_form,
        REFUSED_BY_FORM,
    ),
    Crossing(
        "buying:add",
        BUYER_B,
        "A's draft offer into B's basket",
        lambda w: {},
        "POST",
        lambda w: {"offer": w.draft_offer.pk, "quantity": "1"},
        REFUSED | {302},
    ),
    Crossing(
        "documents-api:product-documents",
        SUPPLIER_B,
        "the documents of A's draft product",
        pk("draft", "product_id"),
    ),
)


# --- the frameworks' own pages ------------------------------------------------------------------------


@dataclass(frozen=True)
class FrameworkGroup:
    """Pages a framework serves under a prefix: its own rules apply (staff only, the user's own
    data, public by design). One sample page per group is tried, not each of its views."""

    name: str
    prefixes: tuple[str, ...]
    modules: tuple[str, ...]  # the packages its views come from: a view of ours needs its own rule
    access: Access
    sample: str  # a route name of the group, without arguments
    reader: str | None
    sample_args: tuple = ()

    def covers(self, route: Route) -> bool:
        return route.pattern.startswith(self.prefixes) and route.module.startswith(self.modules)

    @property
    def refused(self) -> tuple[str, ...]:
        """Who the sample refuses: anonymous visitors, and for staff pages members of companies."""
        return {Access.STAFF: (ANONYMOUS, SUPPLIER_A, BUYER_B), Access.LOGIN: (ANONYMOUS,)}.get(
            self.access, ()
        )

    @property
    def rule(self) -> Rule:
        return Rule(
            Access.FRAMEWORK, f"{self.name} ({self.access})", reader=self.reader, refused=self.refused
        )


FRAMEWORK_GROUPS = (
    FrameworkGroup(
        "Django admin",
        ("django-admin/",),
        ("django.", "treebeard.", "taggit."),
        Access.STAFF,
        "admin:index",
        OPERATOR,
    ),
    FrameworkGroup(
        "Oscar dashboard", ("dashboard/",), ("oscar.", "django."), Access.STAFF, "dashboard:index", OPERATOR
    ),
    # Wagtail's admin asks for its own permission (operators are superusers in the demo).
    FrameworkGroup(
        "Wagtail admin",
        ("cms-admin/",),
        ("wagtail.", "django."),
        Access.STAFF,
        "wagtailadmin_home",
        SUPERUSER,
    ),
    # Oscar's account pages show the logged-in user's own profile, addresses, alerts and wishlists.
    FrameworkGroup(
        "Oscar account pages",
        ("catalog/accounts/",),
        ("oscar.", "django."),
        Access.LOGIN,
        "customer:profile-view",
        BUYER_A,
    ),
    # Offers and ranges, shared wishlists, password reset.
    FrameworkGroup(
        "Oscar shop pages",
        ("catalog/",),
        ("oscar.", "django.contrib.auth."),
        Access.PUBLIC,
        "offer:list",
        ANONYMOUS,
    ),
    # Content pages and documents: Wagtail's privacy settings decide, per page and collection.
    FrameworkGroup(
        "Wagtail pages and documents",
        ("documents/", "_util/", r"^((?:[\w\-]+/)*)$"),
        ("wagtail.", "django.contrib.auth."),
        Access.PUBLIC,
        "wagtail_serve",
        ANONYMOUS,
        sample_args=("",),
    ),
    # Public media (product images) when the app serves them itself (SERVE_MEDIA).
    FrameworkGroup(
        "public media",
        (settings.MEDIA_URL.strip("/"), "^" + settings.MEDIA_URL.strip("/")),
        ("django.views.static",),
        Access.PUBLIC,
        "",
        None,
    ),
)


def rule_for(route: Route) -> Rule | None:
    if route.name in RULES:
        return RULES[route.name]
    group = framework_group_of(route)
    return group.rule if group else None


def framework_group_of(route: Route) -> FrameworkGroup | None:
    return next((group for group in FRAMEWORK_GROUPS if group.covers(route)), None)
