import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from catalog.reference.models import ExchangeRate
from marketplace.accounts.models import Company, CompanyKind, SupplierAuthorisation, User, VerificationStatus
from marketplace.demo.management.commands.load_demo import OPERATOR_EMAIL

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "companies": Company.objects.count(),
        "users": User.objects.count(),
        "products": Product.objects.count(),
        "authorisations": SupplierAuthorisation.objects.count(),
        "exchange_rates": ExchangeRate.objects.count(),
    }


def test_load_demo_builds_a_working_marketplace_and_is_idempotent(capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")

    assert snapshot() == first
    suppliers = Company.objects.filter(kind=CompanyKind.SUPPLIER)
    assert suppliers.count() >= 8
    assert all(company.verification_status == VerificationStatus.VERIFIED for company in suppliers)
    assert all(company.city == "Ordos" and company.partner for company in suppliers)
    assert set(Company.objects.filter(kind=CompanyKind.BUYER).values_list("country", flat=True)) == {
        "MN",
        "RU",
    }
    firm = Company.objects.get(kind=CompanyKind.SERVICE_FIRM)
    assert firm.is_verified
    assert SupplierAuthorisation.objects.filter(firm=firm, revoked_at__isnull=True).count() >= 2
    assert User.objects.get(email=OPERATOR_EMAIL).is_staff
    products = Product.objects.browsable()
    assert 9 <= products.count() <= 12
    assert products.filter(title__icontains="methanol").count() == 1
    assert all(product.stockrecords.exists() for product in products)
    assert first["exchange_rates"] == 4  # USD to CNY, EUR, RUB and MNT
    output = capsys.readouterr().out
    assert "password for all: ordos-demo-2026" in output
    assert OPERATOR_EMAIL in output
