"""Factories for tests; they build through the real services where a rule applies."""

import factory
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from marketplace.accounts.models import Company, CompanyKind, Membership, MembershipRole, VerificationStatus
from marketplace.accounts.validators import uscc_check_character

PASSWORD = "a-long-test-password-42"


def valid_uscc(serial: int) -> str:
    first17 = f"91150600MA0T{serial:05d}"
    return first17 + uscc_check_character(first17)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = "Test"
    password = factory.django.Password(PASSWORD)


class OperatorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"operator{n}@ordos.example")
    is_staff = True


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Company {n}")
    kind = CompanyKind.BUYER
    country = "MN"
    verification_status = VerificationStatus.UNVERIFIED


class SupplierFactory(CompanyFactory):
    kind = CompanyKind.SUPPLIER
    country = "CN"
    registration_number = factory.Sequence(lambda n: valid_uscc(n))
    verification_status = VerificationStatus.VERIFIED
    partner = factory.RelatedFactory(
        "tests.factories.PartnerFactory", factory_related_name="company", name=factory.SelfAttribute("..name")
    )


class ServiceFirmFactory(CompanyFactory):
    kind = CompanyKind.SERVICE_FIRM
    country = "CN"
    registration_number = factory.Sequence(lambda n: valid_uscc(50000 + n))
    verification_status = VerificationStatus.VERIFIED


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_model("partner", "Partner")

    name = factory.Sequence(lambda n: f"Partner {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(CompanyFactory)
    role = MembershipRole.ADMIN


def member_of(company: Company, role: str = MembershipRole.ADMIN, **user_fields):
    """A user who belongs to ``company``."""
    return MembershipFactory(company=company, role=role, user=UserFactory(**user_fields)).user
