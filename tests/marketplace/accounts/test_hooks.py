"""Accounts' sign-up hook: how the supplier portal opens a supplier's Oscar partner."""

import pytest
from oscar.core.loading import get_model

from marketplace.accounts import hooks
from marketplace.accounts.models import Company, CompanyKind, User
from marketplace.accounts.services import CompanyDetails, register_company
from tests.factories import valid_uscc

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def sign_up(kind: str, email: str, serial: int = 1):
    details = CompanyDetails(name=f"{kind} Co", country="CN", registration_number=valid_uscc(serial))
    return register_company(kind=kind, details=details, email=email, password="a-long-passphrase-1")


def test_only_a_supplier_gets_a_partner_from_the_portal_s_hook():
    supplier = sign_up(CompanyKind.SUPPLIER, "supplier@example.com").company
    firm = sign_up(CompanyKind.SERVICE_FIRM, "firm@example.com", serial=2).company

    assert Partner.objects.get(company=supplier).name == "supplier Co"
    assert not Partner.objects.filter(company=firm).exists()


def test_a_failing_hook_undoes_the_whole_sign_up(monkeypatch):
    def refuse(*, company, user):
        raise RuntimeError("the partner could not be opened")

    monkeypatch.setattr(hooks, "_company_registered", [*hooks._company_registered, refuse])

    with pytest.raises(RuntimeError):
        sign_up(CompanyKind.SUPPLIER, "supplier@example.com")

    assert not Company.objects.exists()
    assert not User.objects.filter(email="supplier@example.com").exists()
    assert not Partner.objects.exists()
