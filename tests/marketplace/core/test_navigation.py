"""The site menu: each visitor sees only the entries for their roles, and links that exist."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from marketplace.accounts.models import CompanyKind, MembershipRole
from marketplace.core import navigation
from marketplace.core.context_processors import navigation as navigation_context
from marketplace.core.navigation import (
    ANONYMOUS,
    AUTHENTICATED,
    OPERATOR,
    NavItem,
    menu_for,
    register,
    roles_of,
)
from tests.factories import member_of

# Suppliers' account menu: their company, firms, imports, and the customs registers (9810).
SUPPLIER_ACCOUNT_MENU = [
    "My company",
    "Trade-service firms",
    "Bulk import",
    "Overseas warehouses",
    "Warehouse bookings (9810)",
    "Export licences",
]


def labels(entries: list[dict]) -> list[str]:
    return [str(entry["label"]) for entry in entries]


@pytest.fixture
def extra_items():
    """Register entries for one test and take them out of the global registry afterwards."""
    added: list[NavItem] = []

    def add(*items: NavItem) -> None:
        register(*items)
        added.extend(items)

    try:
        yield add
    finally:
        for item in added:
            if item in navigation._REGISTRY:
                navigation._REGISTRY.remove(item)


# --- roles -----------------------------------------------------------------------------------


def test_roles_of_anonymous():
    assert roles_of(AnonymousUser()) == {ANONYMOUS}


@pytest.mark.django_db
def test_roles_of_people(operator, supplier_admin, buyer_user, firm_user):
    assert roles_of(operator) == {AUTHENTICATED, OPERATOR}
    assert roles_of(supplier_admin) == {AUTHENTICATED, CompanyKind.SUPPLIER}
    assert roles_of(buyer_user) == {AUTHENTICATED, CompanyKind.BUYER}
    assert roles_of(firm_user) == {AUTHENTICATED, CompanyKind.SERVICE_FIRM}


# --- who sees what ---------------------------------------------------------------------------


def test_anonymous_visitor_is_invited_to_register():
    # when an anonymous visitor's menus are built
    account = menu_for(AnonymousUser(), "/", "account")
    main = menu_for(AnonymousUser(), "/", "main")

    # then the account menu offers registration only
    assert account == [{"label": "Register your company", "url": "/signup/", "active": False}]
    assert "My company" not in labels(account)
    assert "Company verification" not in labels(main)


@pytest.mark.django_db
def test_supplier_admin_sees_company_and_firms_but_not_verification(supplier_admin):
    account = menu_for(supplier_admin, "/", "account")
    main = menu_for(supplier_admin, "/", "main")

    assert account == [
        {"label": "My company", "url": "/company/", "active": False},
        {"label": "Trade-service firms", "url": "/company/authorisations/", "active": False},
        {"label": "Bulk import", "url": "/supplier/imports/", "active": False},
        {"label": "Overseas warehouses", "url": "/customs/warehouses/", "active": False},
        {"label": "Warehouse bookings (9810)", "url": "/customs/bookings/", "active": False},
        {"label": "Export licences", "url": "/customs/licences/", "active": False},
    ]
    assert "My products" in labels(main)
    assert "Register your company" not in labels(account)
    assert "Suppliers we act for" not in labels(account)
    assert "Company verification" not in labels(main)


@pytest.mark.django_db
def test_supplier_member_sees_the_same_menu_as_the_admin(supplier):
    member = member_of(supplier, role=MembershipRole.MEMBER)

    assert labels(menu_for(member, "/", "account")) == SUPPLIER_ACCOUNT_MENU


@pytest.mark.django_db
def test_operator_sees_company_verification(operator):
    main = menu_for(operator, "/", "main")
    account = menu_for(operator, "/", "account")

    assert {"label": "Company verification", "url": "/operator/companies/", "active": False} in main
    assert "Register your company" not in labels(account)
    assert "Trade-service firms" not in labels(account)


@pytest.mark.django_db
def test_service_firm_user_sees_the_suppliers_it_acts_for(firm_user):
    account = menu_for(firm_user, "/", "account")

    assert account == [
        {"label": "My company", "url": "/company/", "active": False},
        {"label": "Suppliers we act for", "url": "/company/authorisations/", "active": False},
        {"label": "Overseas warehouses", "url": "/customs/warehouses/", "active": False},
        {"label": "Warehouse bookings (9810)", "url": "/customs/bookings/", "active": False},
        {"label": "Export licences", "url": "/customs/licences/", "active": False},
    ]
    assert "Company verification" not in labels(menu_for(firm_user, "/", "main"))


@pytest.mark.django_db
def test_buyer_sees_only_their_company(buyer_user):
    # Oscar's English catalogue calls the basket "Cart".
    assert labels(menu_for(buyer_user, "/", "account")) == ["My company", "Cart"]
    assert "Company verification" not in labels(menu_for(buyer_user, "/", "main"))


# --- links -----------------------------------------------------------------------------------


def test_entries_whose_url_cannot_be_reversed_are_skipped(extra_items):
    # given an entry pointing at a URL name that does not exist, and one that does
    extra_items(
        NavItem("Broken link", "accounts:no-such-page", frozenset({ANONYMOUS}), order=1, menu="account"),
        NavItem("Sign up again", "accounts:signup", frozenset({ANONYMOUS}), order=2, menu="account"),
    )

    # when the menu is built
    account = menu_for(AnonymousUser(), "/", "account")

    # then the broken entry is left out and the others remain, in order
    assert labels(account) == ["Sign up again", "Register your company"]


def test_entries_are_ordered_by_order_then_label(extra_items):
    extra_items(
        NavItem("Zeta", "accounts:signup", frozenset({ANONYMOUS}), order=5, menu="help"),
        NavItem("Alpha", "accounts:signup", frozenset({ANONYMOUS}), order=5, menu="help"),
        NavItem("First", "accounts:signup", frozenset({ANONYMOUS}), order=1, menu="help"),
    )

    assert labels(menu_for(AnonymousUser(), "/", "help")) == ["First", "Alpha", "Zeta"]


def test_registering_the_same_entry_twice_keeps_one(extra_items):
    item = NavItem("Once", "accounts:signup", frozenset({ANONYMOUS}), menu="help")

    extra_items(item, item)

    assert navigation._REGISTRY.count(item) == 1
    assert labels(menu_for(AnonymousUser(), "/", "help")) == ["Once"]


@pytest.mark.django_db
def test_links_follow_the_active_language(supplier_admin):
    with translation.override("ru"):
        account = menu_for(supplier_admin, "/ru/company/", "account")

    assert [(entry["url"], entry["active"]) for entry in account] == [
        ("/ru/company/", True),
        ("/ru/company/authorisations/", False),
        ("/ru/supplier/imports/", False),
        ("/ru/customs/warehouses/", False),
        ("/ru/customs/bookings/", False),
        ("/ru/customs/licences/", False),
    ]


# --- active entry ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "active"),
    [
        ("/company/", ["My company"]),
        ("/company/members/add/", ["My company"]),
        ("/catalog/", []),
        ("/", []),
    ],
)
def test_active_flag_marks_the_current_page(supplier_admin, path, active):
    account = menu_for(supplier_admin, path, "account")

    assert [str(entry["label"]) for entry in account if entry["active"]] == active


@pytest.mark.django_db
def test_operator_pages_mark_company_verification_active(operator):
    for path in ("/operator/companies/", "/operator/companies/42/"):
        main = menu_for(operator, path, "main")
        assert [str(entry["label"]) for entry in main if entry["active"]] == ["Company verification"]


# --- context processor -----------------------------------------------------------------------


@pytest.mark.django_db
def test_context_processor_builds_both_menus_for_the_request(supplier_admin, supplier):
    request = RequestFactory().get("/company/")
    request.user = supplier_admin

    context = navigation_context(request)

    assert labels(context["account_menu"]) == SUPPLIER_ACCOUNT_MENU
    assert context["account_menu"][0]["active"] is True
    assert "Company verification" not in labels(context["main_menu"])
    assert context["user_company"] == supplier
    assert context["user_roles"] == {AUTHENTICATED, CompanyKind.SUPPLIER}


def test_context_processor_for_an_anonymous_visitor():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    context = navigation_context(request)

    assert labels(context["account_menu"]) == ["Register your company"]
    assert context["user_company"] is None
    assert context["user_roles"] == {ANONYMOUS}
