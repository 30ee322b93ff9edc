import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from marketplace.accounts import selectors
from marketplace.accounts.models import SupplierAuthorisation, VerificationStatus
from marketplace.accounts.services import authorise_firm, revoke_authorisation
from marketplace.core.models import AuditEvent
from tests.factories import ServiceFirmFactory, SupplierFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_supplier_authorises_a_verified_firm_from_its_page(client, supplier, supplier_admin, firm):
    client.force_login(supplier_admin)

    response = client.post(reverse("accounts:authorisations"), {"firm": firm.pk})

    assert response.status_code == 302
    authorisation = SupplierAuthorisation.objects.get()
    assert (authorisation.supplier, authorisation.firm, authorisation.granted_by) == (
        supplier,
        firm,
        supplier_admin,
    )
    assert selectors.is_authorised(firm=firm, supplier=supplier)
    assert list(selectors.suppliers_represented_by(firm=firm)) == [supplier]
    assert AuditEvent.objects.for_subject(supplier).get().verb == "firm.authorised"
    assert AuditEvent.objects.for_subject(firm).get().verb == "supplier.authorised_us"


def test_the_authorisation_is_visible_only_to_the_two_companies_and_operators(
    supplier, supplier_admin, firm, firm_user, buyer_user, operator
):
    authorisation = authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    other_supplier_admin = member_of(SupplierFactory())
    other_firm_user = member_of(ServiceFirmFactory())

    for user in (supplier_admin, firm_user, operator):
        assert list(selectors.authorisations_visible_to(user=user)) == [authorisation]
    for user in (buyer_user, other_supplier_admin, other_firm_user):
        assert list(selectors.authorisations_visible_to(user=user)) == []


def test_the_firm_sees_the_supplier_on_its_page_and_others_do_not(
    client, supplier, supplier_admin, firm, firm_user
):
    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    outsider = member_of(ServiceFirmFactory(name="Other Brokers"))

    client.force_login(firm_user)
    assert supplier.name in client.get(reverse("accounts:authorisations")).content.decode()
    client.force_login(outsider)
    page = client.get(reverse("accounts:authorisations")).content.decode()
    assert supplier.name not in page
    assert "No authorisations yet" in page


def test_an_unverified_firm_cannot_be_authorised(supplier, supplier_admin):
    pending = ServiceFirmFactory(verification_status=VerificationStatus.UNVERIFIED)

    with pytest.raises(ValidationError):
        authorise_firm(supplier=supplier, firm=pending, by=supplier_admin)

    assert not SupplierAuthorisation.objects.exists()


def test_a_member_who_is_not_admin_cannot_authorise(supplier, firm):
    member = member_of(supplier, role="member")

    with pytest.raises(PermissionDenied):
        authorise_firm(supplier=supplier, firm=firm, by=member)

    assert not SupplierAuthorisation.objects.exists()


def test_authorising_twice_is_refused(supplier, supplier_admin, firm):
    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)

    with pytest.raises(ValidationError):
        authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)

    assert SupplierAuthorisation.objects.count() == 1


def test_revoking_ends_the_authorisation_and_only_the_supplier_can(
    client, supplier, supplier_admin, firm, firm_user
):
    authorisation = authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)

    with pytest.raises(PermissionDenied):
        revoke_authorisation(authorisation=authorisation, by=firm_user)
    assert selectors.is_authorised(firm=firm, supplier=supplier)

    client.force_login(supplier_admin)
    response = client.post(reverse("accounts:revoke-authorisation", args=[authorisation.pk]))

    assert response.status_code == 302
    authorisation.refresh_from_db()
    assert authorisation.revoked_by == supplier_admin
    assert not selectors.is_authorised(firm=firm, supplier=supplier)
    # A new authorisation may follow a revoked one.
    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    assert selectors.is_authorised(firm=firm, supplier=supplier)


def test_another_supplier_cannot_revoke_by_guessing_the_id(client, supplier, supplier_admin, firm):
    authorisation = authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    client.force_login(member_of(SupplierFactory()))

    response = client.post(reverse("accounts:revoke-authorisation", args=[authorisation.pk]))

    assert response.status_code == 404
    authorisation.refresh_from_db()
    assert authorisation.revoked_at is None


def test_buyers_have_no_authorisation_page(client, buyer_user):
    client.force_login(buyer_user)

    assert client.get(reverse("accounts:authorisations")).status_code == 403


def test_a_rejected_firm_no_longer_acts_for_anyone(supplier, supplier_admin, firm, operator):
    from marketplace.accounts.services import decide_verification

    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)

    decide_verification(company=firm, operator=operator, decision="rejected", reason="Licence revoked")

    assert not selectors.is_authorised(firm=firm, supplier=supplier)
    assert list(selectors.suppliers_represented_by(firm=firm)) == []


def test_a_plain_member_sees_the_firms_but_cannot_authorise_or_revoke(client, supplier, supplier_admin, firm):
    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    member = member_of(supplier, role="member")
    client.force_login(member)

    page = client.get(reverse("accounts:authorisations"))

    assert firm.name in page.content.decode()
    assert page.context["form"] is None
    assert "Revoke" not in page.content.decode()
