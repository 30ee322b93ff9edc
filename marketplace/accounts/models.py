from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser

from marketplace.accounts.countries import country_name, validate_country
from marketplace.core.uploads import UploadValidator, private_storage, safe_upload_path


class User(AbstractUser):
    """A person; logs in with an email address and belongs to at most one company."""

    language = models.CharField(
        _("Preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Emails are sent in this language."),
    )
    # False from sign-up until the person opens the link emailed to them; the account stays
    # inactive until then. Everyone else (invited colleagues, operators) starts confirmed, so an
    # account an operator deactivated is never mistaken for one awaiting confirmation.
    email_confirmed = models.BooleanField(_("Email address confirmed"), default=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @cached_property
    def company(self) -> "Company | None":
        # One query for every page's header; cached on this user object for the request.
        if self.pk is None:
            return None
        return Company.objects.filter(memberships__user=self).first()


class CompanyKind(models.TextChoices):
    BUYER = "buyer", _("Buyer")
    SUPPLIER = "supplier", _("Supplier")
    SERVICE_FIRM = "service_firm", _("Trade-service firm")


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class Company(models.Model):
    name = models.CharField(_("Company name"), max_length=200)
    kind = models.CharField(_("Kind"), max_length=20, choices=CompanyKind.choices)
    # ISO 3166-1 alpha-2; named in the reader's language by country_name().
    country = models.CharField(_("Country"), max_length=2, validators=[validate_country])
    city = models.CharField(_("City"), max_length=100, blank=True)
    address = models.CharField(_("Address"), max_length=300, blank=True)
    phone = models.CharField(_("Phone"), max_length=40, blank=True)
    website = models.URLField(_("Website"), blank=True)
    registration_number = models.CharField(
        _("Registration number"),
        max_length=40,
        blank=True,
        help_text=_("Chinese firms: the 18-character unified social credit code (USCC)."),
    )
    customs_code = models.CharField(
        _("Customs registration code"),
        max_length=10,
        blank=True,
        help_text=_("Chinese exporters: the 10-character code registered with customs."),
    )
    registration_document = models.FileField(
        _("Business licence or registration certificate"),
        upload_to=safe_upload_path("companies/registration"),
        storage=private_storage,
        validators=[UploadValidator(kinds=("pdf", "png", "jpeg"))],
        blank=True,
    )
    verification_status = models.CharField(
        _("Verification"),
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.UNVERIFIED,
    )
    verification_reason = models.TextField(_("Reason for the decision"), blank=True)
    verified_at = models.DateTimeField(_("Decided at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Company")
        verbose_name_plural = _("Companies")
        ordering = ("name", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("country", "registration_number"),
                condition=~Q(registration_number=""),
                name="company_unique_registration_number",
            ),
            models.CheckConstraint(condition=Q(kind__in=CompanyKind.values), name="company_kind_valid"),
            models.CheckConstraint(
                condition=Q(verification_status__in=VerificationStatus.values),
                name="company_verification_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED

    @property
    def needs_verification(self) -> bool:
        # Buyers can trade without verification; suppliers and firms cannot.
        return self.kind != CompanyKind.BUYER


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class Membership(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("Role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Membership")
        ordering = ("company", "-role", "user__email")

    def __str__(self) -> str:
        return f"{self.user} @ {self.company} ({self.role})"

    @property
    def is_admin(self) -> bool:
        return self.role == MembershipRole.ADMIN


class SupplierAuthorisation(models.Model):
    """A supplier lets a trade-service firm act for it (customs, logistics, orders)."""

    supplier = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="authorisations_granted")
    firm = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="authorisations_received")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Authorisation of a trade-service firm")
        ordering = ("-granted_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=("supplier", "firm"),
                condition=Q(revoked_at__isnull=True),
                name="one_active_authorisation_per_firm",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.firm} acts for {self.supplier}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
