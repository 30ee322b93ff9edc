"""The party-scope policy: for every role, whom it acts for and which rows it sees.

The rows here are companies scoped by themselves (``supplier_field="pk"``, ``buyer_field="pk"``),
so the policy is tested without any app above accounts; the apps' permission tests check the
same rule on their own objects.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from marketplace.accounts.models import Company, SupplierAuthorisation, VerificationStatus
from marketplace.accounts.policy import acts_for, role_of, side_of, visible_to
from tests.factories import (
    CompanyFactory,
    OperatorFactory,
    ServiceFirmFactory,
    SupplierFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(supplier, supplier_admin, buyer, buyer_user):
    other_supplier = SupplierFactory(name="Another Supplier")
    other_buyer = CompanyFactory(name="Another Buyer")

    def firm_member(*, authorised=True, revoked=False, verified=True):
        firm = ServiceFirmFactory(
            verification_status=VerificationStatus.VERIFIED if verified else VerificationStatus.UNVERIFIED
        )
        if authorised:
            SupplierAuthorisation.objects.create(
                supplier=supplier,
                firm=firm,
                granted_by=supplier_admin,
                revoked_at=timezone.now() if revoked else None,
            )
        return member_of(firm)

    users = {
        "operator": OperatorFactory(),
        "supplier member": supplier_admin,
        "other supplier": member_of(other_supplier),
        "authorised firm": firm_member(),
        "unauthorised firm": firm_member(authorised=False),
        "revoked authorisation": firm_member(revoked=True),
        "unverified firm": firm_member(verified=False),
        "buyer": buyer_user,
        "other buyer": member_of(other_buyer),
        "anonymous": AnonymousUser(),
    }
    companies = {
        "supplier": supplier,
        "other supplier": other_supplier,
        "buyer": buyer,
        "other buyer": other_buyer,
    }
    return users, companies


# role: (acts for the supplier, the companies it sees)
EXPECTED = {
    "operator": (True, {"supplier", "other supplier", "buyer", "other buyer"}),
    "supplier member": (True, {"supplier"}),
    "other supplier": (False, {"other supplier"}),
    "authorised firm": (True, {"supplier"}),
    "unauthorised firm": (False, set()),
    "revoked authorisation": (False, set()),
    "unverified firm": (False, set()),
    "buyer": (False, {"buyer"}),
    "other buyer": (False, {"other buyer"}),
    "anonymous": (False, set()),
}


def _seen(world, user, **fields) -> set[str]:
    _users, companies = world
    rows = Company.objects.filter(pk__in=[company.pk for company in companies.values()])
    seen = set(visible_to(user=user, queryset=rows, **fields))
    return {name for name, company in companies.items() if company in seen}


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_acts_for_and_sees_what_the_policy_says(world, role):
    users, companies = world
    user = users[role]
    acts, sees = EXPECTED[role]

    assert acts_for(user=user, company=companies["supplier"]) is acts
    assert _seen(world, user, supplier_field="pk", buyer_field="pk") == sees


def test_members_act_for_their_own_company_whatever_its_kind(world):
    users, companies = world

    assert acts_for(user=users["buyer"], company=companies["buyer"]) is True
    assert acts_for(user=users["buyer"], company=companies["other buyer"]) is False


def test_a_side_left_out_sees_nothing(world):
    users, _companies = world

    assert _seen(world, users["buyer"], supplier_field="pk") == set()
    assert _seen(world, users["supplier member"], buyer_field="pk") == set()
    assert _seen(world, users["operator"]) == {"supplier", "other supplier", "buyer", "other buyer"}


def test_firms_can_be_left_out_of_a_suppliers_rows(world):
    users, _companies = world

    assert _seen(world, users["authorised firm"], supplier_field="pk", firms=False) == set()
    assert _seen(world, users["supplier member"], supplier_field="pk", firms=False) == {"supplier"}


@pytest.mark.parametrize(
    ("role", "side", "platform_role"),
    [
        ("operator", "operator", "operator"),
        ("supplier member", "supplier", "supplier"),
        ("other supplier", None, "supplier"),
        ("authorised firm", "supplier", "firm"),
        ("unauthorised firm", None, "firm"),
        ("revoked authorisation", None, "firm"),
        ("unverified firm", None, "firm"),
        ("buyer", "buyer", "buyer"),
        ("other buyer", None, "buyer"),
        ("anonymous", None, None),
    ],
)
def test_the_side_of_a_deal_and_the_role_on_the_platform(world, role, side, platform_role):
    users, companies = world
    user = users[role]

    assert side_of(user=user, buyer=companies["buyer"], supplier=companies["supplier"]) == side
    assert role_of(user=user) == platform_role


def test_a_user_without_a_company_is_nobody():
    user = UserFactory()

    assert role_of(user=user) is None
    assert side_of(user=user) is None
    assert not visible_to(user=user, queryset=Company.objects.all(), supplier_field="pk", buyer_field="pk")
