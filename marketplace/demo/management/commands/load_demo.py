"""Demo data for the embedded default: companies, people, a few products and the home page.

Idempotent: running it again changes nothing that already exists.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from cms import demo as cms_demo
from marketplace.accounts.models import Company, CompanyKind, SupplierAuthorisation, VerificationStatus
from marketplace.accounts.services import (
    CompanyDetails,
    authorise_firm,
    confirm_email,
    decide_verification,
    register_company,
)
from marketplace.accounts.validators import uscc_check_character
from marketplace.customs import demo as customs_demo
from marketplace.demo import catalogue, orders
from marketplace.fulfillment import demo as fulfillment_demo
from rfq import demo as rfq_demo

User = get_user_model()
PASSWORD = "ordos-demo-2026"
OPERATOR_EMAIL = "operator@ordos.example"


def demo_uscc(serial: int) -> str:
    # 91 = enterprise, 150600 = Ordos; the serial keeps demo codes unique and valid.
    first17 = f"91150600MA0N{serial:05d}"
    return first17 + uscc_check_character(first17)


SUPPLIERS = [
    ("Ordos Hanggin Methanol Chemical Co., Ltd.", "methanol@hanggin.example", "Hanggin Banner"),
    ("Ordos Dalad Chlor-Alkali Co., Ltd.", "sales@dalad-chlor.example", "Dalad Banner"),
    ("Ordos Ejin Horo Polyolefin Co., Ltd.", "export@ejinhoro-pp.example", "Ejin Horo Banner"),
    ("Ordos Junggar Carbide Co., Ltd.", "trade@junggar-carbide.example", "Junggar Banner"),
    ("Ordos Kangbashi Battery Technology Co., Ltd.", "intl@kangbashi-battery.example", "Kangbashi"),
    ("Ordos Otog Solar Energy Co., Ltd.", "sales@otog-solar.example", "Otog Banner"),
    ("Ordos Steppe New Energy Vehicles Co., Ltd.", "export@steppe-nev.example", "Dongsheng"),
    ("Ordos Golden Fleece Cashmere Co., Ltd.", "orders@golden-fleece.example", "Dongsheng"),
    ("Ordos Blue Lake Spirulina Biotech Co., Ltd.", "sales@bluelake-spirulina.example", "Otog Front Banner"),
]
BUYERS = [
    ("Ulaanbaatar Industrial Supply LLC", "MN", "Ulaanbaatar", "buyer@ub-industrial.example", "mn-6012345"),
    ("Sibir Chemtrade LLC", "RU", "Novosibirsk", "buyer@sibir-chemtrade.example", "1225400012345"),
]
FIRM = ("Ordos Cross-Border Trade Services Co., Ltd.", "broker@ordos-trade-services.example")


class Command(BaseCommand):
    help = "Load demo companies, users, products and the home page (idempotent)."

    def handle(self, *args, **options):
        # Demo sign-ups would email every operator; keep the console quiet.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            with transaction.atomic():
                operator = self.operator()
                suppliers = [self.supplier(i, *row, operator=operator) for i, row in enumerate(SUPPLIERS, 1)]
                buyers = [self.buyer(*row) for row in BUYERS]
                firm = self.firm(operator)
                for supplier in suppliers[:4]:
                    self.authorise(supplier, firm)
                created = catalogue.load(suppliers=suppliers)
                catalogue.load_exchange_rates()
                new_orders = orders.load(buyers=buyers)
                rfq_demo.load(buyers=buyers, suppliers=suppliers)
                customs_demo.load(firm=firm, suppliers=suppliers, buyers=buyers)
                fulfillment_demo.load(firm=firm, suppliers=suppliers, buyers=buyers)
                cms_demo.load(suppliers=suppliers)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready ({created} new products, {new_orders} new orders).")
        )
        self.print_logins(suppliers, buyers, firm)

    def operator(self):
        user, created = User.objects.get_or_create(
            email=OPERATOR_EMAIL,
            defaults={"first_name": "Operator", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        return user

    def register(self, *, kind, details, email, first_name) -> Company:
        existing = User.objects.filter(email=email).select_related("membership__company").first()
        if existing is not None:
            return existing.membership.company
        membership = register_company(
            kind=kind, details=details, email=email, password=PASSWORD, first_name=first_name
        )
        # The demo's people own their addresses: confirmed as if they had opened the link.
        confirm_email(user=membership.user)
        return membership.company

    def supplier(self, serial, name, email, district, *, operator) -> Company:
        company = self.register(
            kind=CompanyKind.SUPPLIER,
            details=CompanyDetails(
                name=name,
                country="CN",
                city="Ordos",
                address=f"{district}, Ordos, Inner Mongolia",
                registration_number=demo_uscc(serial),
                customs_code=f"0702960{serial:03d}",
            ),
            email=email,
            first_name="Sales",
        )
        if company.verification_status == VerificationStatus.UNVERIFIED:
            company = decide_verification(
                company=company,
                operator=operator,
                decision=VerificationStatus.VERIFIED,
                reason="Business licence and customs registration checked (demo).",
            )
        return company

    def buyer(self, name, country, city, email, registration_number) -> Company:
        return self.register(
            kind=CompanyKind.BUYER,
            details=CompanyDetails(
                name=name, country=country, city=city, registration_number=registration_number
            ),
            email=email,
            first_name="Procurement",
        )

    def firm(self, operator) -> Company:
        name, email = FIRM
        company = self.register(
            kind=CompanyKind.SERVICE_FIRM,
            details=CompanyDetails(
                name=name,
                country="CN",
                city="Ordos",
                registration_number=demo_uscc(90),
                customs_code="0702980001",
            ),
            email=email,
            first_name="Customs",
        )
        if company.verification_status == VerificationStatus.UNVERIFIED:
            company = decide_verification(
                company=company, operator=operator, decision=VerificationStatus.VERIFIED
            )
        return company

    def authorise(self, supplier: Company, firm: Company) -> None:
        if not SupplierAuthorisation.objects.filter(
            supplier=supplier, firm=firm, revoked_at__isnull=True
        ).exists():
            admin = supplier.memberships.get(role="admin").user
            authorise_firm(supplier=supplier, firm=firm, by=admin)

    def print_logins(self, suppliers, buyers, firm) -> None:
        rows = [("Operator (staff)", OPERATOR_EMAIL)]
        rows += [(f"Supplier: {c.name}", c.memberships.first().user.email) for c in suppliers]
        rows += [(f"Buyer: {c.name}", c.memberships.first().user.email) for c in buyers]
        rows += [(f"Trade-service firm: {firm.name}", firm.memberships.first().user.email)]
        self.stdout.write(f"\nDemo logins (password for all: {PASSWORD}):")
        for label, email in rows:
            self.stdout.write(f"  {email:<42} {label}")
        self.stdout.write(
            "\nOpen http://127.0.0.1:8000/ — operators also have /dashboard/, /cms-admin/ and /django-admin/."
        )
