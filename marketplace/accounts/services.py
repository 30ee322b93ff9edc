"""Writes and rules for companies, memberships, verification and firm authorisations."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from marketplace.accounts import hooks
from marketplace.accounts.models import (
    Company,
    CompanyKind,
    Membership,
    MembershipRole,
    SupplierAuthorisation,
    VerificationStatus,
)
from marketplace.accounts.tokens import confirmation_path
from marketplace.accounts.validators import validate_customs_code, validate_uscc
from marketplace.core.services import notify, record_event

User = get_user_model()


@dataclass(frozen=True)
class CompanyDetails:
    name: str
    country: str
    city: str = ""
    address: str = ""
    phone: str = ""
    website: str = ""
    registration_number: str = ""
    customs_code: str = ""


def validate_registration(*, kind: str, details: CompanyDetails) -> None:
    """Chinese suppliers and firms need a valid USCC; a customs code, when given, is checked."""
    errors = {}
    if details.country == "CN" and kind != CompanyKind.BUYER:
        if not details.registration_number:
            errors["registration_number"] = _(
                "Chinese suppliers and trade-service firms must give their unified social credit code."
            )
        else:
            try:
                validate_uscc(details.registration_number)
            except ValidationError as error:
                errors["registration_number"] = error.messages
    if details.customs_code:
        try:
            validate_customs_code(details.customs_code)
        except ValidationError as error:
            errors["customs_code"] = error.messages
    if errors:
        raise ValidationError(errors)


def register_company(
    *,
    kind: str,
    details: CompanyDetails,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    language: str = "en",
    registration_document: UploadedFile | None = None,
) -> Membership | None:
    """Sign-up: a company with its first user as administrator, who must confirm their email.

    The user cannot log in until they open the confirmation link emailed to them
    (``confirm_email``). An address that already has an account gets nothing created and None
    back; its owner is emailed instead. The sign-up page answers both alike, so it does not tell
    anyone which addresses are registered. Suppliers get an Oscar partner (through the sign-up
    hook); suppliers and firms start unverified and operators are told there is a company to
    review.
    """
    validate_registration(kind=kind, details=details)
    try:
        with transaction.atomic():
            # Before the email check, so this error shows whether or not the address is known.
            _refuse_registered_number(details)
            # Checked inside the transaction; the unique constraints catch a concurrent twin.
            owner = User.objects.filter(email__iexact=email).first()
            if owner is not None:
                make_password(password)  # as slow as creating the account, so timing tells nothing
                _tell_owner_of_another_signup(owner)
                return None
            company = Company.objects.create(
                kind=kind, registration_document=registration_document or "", **vars(details)
            )
            # Inactive until the address is confirmed: every login (Oscar's backend) refuses it.
            user = User(
                email=User.objects.normalize_email(email),
                first_name=first_name,
                last_name=last_name,
                language=language,
                is_active=False,
                email_confirmed=False,
            )
            user.set_password(password)
            user.save()
            membership = Membership.objects.create(user=user, company=company, role=MembershipRole.ADMIN)
            hooks.company_registered(company=company, user=user)
            record_event(actor=user, subject=company, verb="company.registered", data={"kind": kind})
            _tell_operators_of_company_to_review(company)
            notify(
                recipient=user,
                template="accounts/confirm_email",
                context={"company_name": company.name, "confirm_path": confirmation_path(user)},
            )
    except IntegrityError as error:
        raise _duplicate_error(error) from error
    return membership


def _refuse_registered_number(details: CompanyDetails) -> None:
    if not details.registration_number:
        return
    number = {"country": details.country, "registration_number": details.registration_number}
    if Company.objects.filter(**number).exists():
        raise ValidationError({"registration_number": _registered_number_message()})


def _registered_number_message() -> str:
    return _("A company with this registration number is already registered.")


def _tell_owner_of_another_signup(owner: User) -> None:
    """Someone signed up with an address that has an account: tell its owner, change nothing."""
    context = {"login_path": reverse("customer:login"), "reset_path": reverse("password-reset")}
    membership = Membership.objects.filter(user=owner).select_related("company").first()
    if not owner.email_confirmed and membership is not None:
        # Most likely the owner lost the first email: send a fresh link.
        context.update(company_name=membership.company.name, confirm_path=confirmation_path(owner))
    notify(recipient=owner, template="accounts/signup_attempted", context=context)


def confirm_email(*, user: User) -> User:
    """The owner of the address opened their confirmation link: the account can log in now."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.email_confirmed:
            raise ValidationError(_("This account is already confirmed."))
        user.email_confirmed = True
        user.is_active = True
        user.save(update_fields=["email_confirmed", "is_active"])
        membership = Membership.objects.filter(user=user).select_related("company").first()
        if membership is not None:
            record_event(actor=user, subject=membership.company, verb="account.confirmed")
    return user


def _duplicate_error(error: IntegrityError) -> ValidationError:
    """Name the field a unique constraint refused, so the form can show it."""
    if "company_unique_registration_number" in str(error):
        return ValidationError({"registration_number": _registered_number_message()})
    # Only a sign-up racing another for the same address gets here.
    return ValidationError({"email": _("An account with this email address already exists.")})


def _tell_operators_of_company_to_review(company: Company) -> None:
    if not company.needs_verification:
        return
    # The kind goes raw: each operator's email translates it into their own language.
    context = {
        "company_name": company.name,
        "kind": company.kind,
        "review_path": reverse("accounts:operator-company", args=[company.pk]),
    }
    for operator in User.objects.filter(is_staff=True, is_active=True):
        notify(recipient=operator, template="accounts/company_to_review", context=context)


# Which decisions an operator may take from each state.
VERIFICATION_TRANSITIONS = {
    VerificationStatus.UNVERIFIED: {VerificationStatus.VERIFIED, VerificationStatus.REJECTED},
    VerificationStatus.REJECTED: {VerificationStatus.VERIFIED},
    VerificationStatus.VERIFIED: {VerificationStatus.REJECTED},
}


def decide_verification(*, company: Company, operator: User, decision: str, reason: str = "") -> Company:
    """An operator verifies or rejects a company; the reason is recorded and sent to it."""
    if not operator.is_staff:
        raise PermissionDenied(_("Only operators can verify companies."))
    reason = reason.strip()
    with transaction.atomic():
        company = Company.objects.select_for_update().get(pk=company.pk)
        current = VerificationStatus(company.verification_status)
        if decision not in VERIFICATION_TRANSITIONS[current]:
            raise ValidationError(
                _("A company that is %(current)s cannot be %(decision)s.")
                % {"current": current.label.lower(), "decision": VerificationStatus(decision).label.lower()}
            )
        if decision == VerificationStatus.REJECTED and not reason:
            raise ValidationError({"reason": _("Give the reason for the rejection.")})
        company.verification_status = decision
        company.verification_reason = reason
        company.verified_at = timezone.now()
        company.verified_by = operator
        company.save(
            update_fields=["verification_status", "verification_reason", "verified_at", "verified_by"]
        )
        record_event(
            actor=operator,
            subject=company,
            verb=f"company.{decision}",
            data={"from": current.value, "to": decision, "reason": reason},
        )
        for membership in company.memberships.select_related("user"):
            notify(
                recipient=membership.user,
                template=f"accounts/company_{decision}",
                context={"company_name": company.name, "reason": reason},
            )
    return company


def add_member(
    *,
    company: Company,
    by: User,
    email: str,
    first_name: str = "",
    last_name: str = "",
    role: str = MembershipRole.MEMBER,
    language: str = "en",
) -> Membership:
    """A company administrator adds a colleague, who gets an email to set a password."""
    _require_admin(company=company, user=by)
    try:
        with transaction.atomic():
            if User.objects.filter(email__iexact=email).exists():
                raise ValidationError({"email": _("This person already has an account.")})
            membership = _create_member(
                company=company,
                by=by,
                email=email,
                first_name=first_name,
                last_name=last_name,
                role=role,
                language=language,
            )
    except IntegrityError as error:
        raise ValidationError({"email": _("This person already has an account.")}) from error
    return membership


def _create_member(*, company, by, email, first_name, last_name, role, language) -> Membership:
    user = User.objects.create_user(
        email=email, password=None, first_name=first_name, last_name=last_name, language=language
    )
    membership = Membership.objects.create(user=user, company=company, role=role)
    if company.kind == CompanyKind.SUPPLIER:
        company.partner.users.add(user)
    record_event(actor=by, subject=company, verb="member.added", data={"email": email, "role": role})
    notify(
        recipient=user,
        template="accounts/member_invited",
        context={
            "company_name": company.name,
            "invited_by": by.get_full_name() or by.email,
            "set_password_path": reverse(
                "password-reset-confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            ),
        },
    )
    return membership


def resubmit_registration(
    *,
    company: Company,
    by: User,
    note: str,
    registration_number: str = "",
    customs_code: str = "",
    registration_document: UploadedFile | None = None,
) -> Company:
    """A rejected company corrects its registration and goes back to the review queue."""
    _require_admin(company=company, user=by)
    details = CompanyDetails(
        name=company.name,
        country=company.country,
        registration_number=registration_number or company.registration_number,
        customs_code=customs_code or company.customs_code,
    )
    validate_registration(kind=company.kind, details=details)
    try:
        with transaction.atomic():
            company = Company.objects.select_for_update().get(pk=company.pk)
            if company.verification_status != VerificationStatus.REJECTED:
                raise ValidationError(_("Only a rejected registration can be sent for review again."))
            company.registration_number = details.registration_number
            company.customs_code = details.customs_code
            if registration_document:
                company.registration_document = registration_document
            company.verification_status = VerificationStatus.UNVERIFIED
            company.save()
            record_event(actor=by, subject=company, verb="company.resubmitted", data={"reason": note})
            _tell_operators_of_company_to_review(company)
    except IntegrityError as error:
        raise _duplicate_error(error) from error
    return company


def authorise_firm(*, supplier: Company, firm: Company, by: User) -> SupplierAuthorisation:
    """A supplier lets a verified trade-service firm act for it."""
    _require_admin(company=supplier, user=by)
    if supplier.kind != CompanyKind.SUPPLIER:
        raise ValidationError(_("Only suppliers can authorise a trade-service firm."))
    if firm.kind != CompanyKind.SERVICE_FIRM or not firm.is_verified:
        raise ValidationError(_("Only verified trade-service firms can be authorised."))
    try:
        with transaction.atomic():
            authorisation = SupplierAuthorisation.objects.create(supplier=supplier, firm=firm, granted_by=by)
            record_event(
                actor=by,
                subject=supplier,
                verb="firm.authorised",
                data={"firm": firm.name, "firm_id": firm.pk},
            )
            record_event(
                actor=by,
                subject=firm,
                verb="supplier.authorised_us",
                data={"supplier": supplier.name, "supplier_id": supplier.pk},
            )
    except IntegrityError as error:
        raise ValidationError(_("%(firm)s is already authorised.") % {"firm": firm.name}) from error
    return authorisation


def revoke_authorisation(*, authorisation: SupplierAuthorisation, by: User) -> SupplierAuthorisation:
    _require_admin(company=authorisation.supplier, user=by)
    with transaction.atomic():
        authorisation = SupplierAuthorisation.objects.select_for_update().get(pk=authorisation.pk)
        if authorisation.revoked_at is not None:
            raise ValidationError(_("This authorisation was already revoked."))
        authorisation.revoked_at = timezone.now()
        authorisation.revoked_by = by
        authorisation.save(update_fields=["revoked_at", "revoked_by"])
        record_event(
            actor=by,
            subject=authorisation.supplier,
            verb="firm.revoked",
            data={"firm": authorisation.firm.name, "firm_id": authorisation.firm_id},
        )
        record_event(
            actor=by,
            subject=authorisation.firm,
            verb="supplier.revoked_us",
            data={"supplier": authorisation.supplier.name, "supplier_id": authorisation.supplier_id},
        )
    return authorisation


def _require_admin(*, company: Company, user) -> None:
    membership = getattr(user, "membership", None)
    if membership is None or membership.company_id != company.pk or not membership.is_admin:
        raise PermissionDenied(
            _("Only an administrator of %(company)s can do this.") % {"company": company.name}
        )
