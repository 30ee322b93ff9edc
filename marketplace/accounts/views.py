from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_class

from marketplace.accounts import selectors, services, tokens
from marketplace.accounts.forms import (
    AddMemberForm,
    AuthoriseFirmForm,
    ResubmitRegistrationForm,
    SignupForm,
    VerificationDecisionForm,
)
from marketplace.accounts.models import CompanyKind, VerificationStatus
from marketplace.core.uploads import attachment_response
from marketplace.core.views import add_errors, operator_required

AccountAuthView = get_class("customer.views", "AccountAuthView")


class LoginView(AccountAuthView):
    """Oscar's login page without its registration half: accounts open with a company."""

    def post(self, request, *args, **kwargs):
        if "login_submit" not in request.POST:
            return HttpResponseBadRequest(_("Register your company through the sign-up page."))
        return super().post(request, *args, **kwargs)


def signup_choice(request):
    return render(request, "accounts/signup_choice.html", {"kinds": CompanyKind})


def signup(request, kind: str):
    if kind not in CompanyKind.values:
        raise Http404
    if request.user.is_authenticated:
        messages.info(request, _("You already have an account."))
        return redirect("accounts:company")
    form = SignupForm(
        request.POST or None, request.FILES or None, kind=kind, initial={"language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.register_company(
                kind=kind,
                details=form.company_details(),
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                language=form.cleaned_data["language"],
                registration_document=form.cleaned_data.get("registration_document"),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            # The same answer whether or not the address already had an account.
            return redirect("accounts:signup-sent")
    return render(request, "accounts/signup.html", {"form": form, "kind": CompanyKind(kind)})


def signup_sent(request):
    return render(request, "accounts/signup_sent.html")


def confirm_email(request, uidb64: str, token: str):
    """The link from the sign-up email: a page with a button, which confirms and logs in.

    Confirming on POST rather than on opening the link: mail scanners open links to check them,
    which would use up the one-time link, and a page elsewhere could log a visitor's browser
    into an account it registered itself.
    """
    user = tokens.user_to_confirm(uidb64=uidb64, token=token)
    if user is None:
        return _refused_link(request)
    if request.method != "POST":
        return render(request, "accounts/confirm_email.html", {"valid": True, "account": user})
    try:
        user = services.confirm_email(user=user)
    except ValidationError:  # a second click got here first
        return _refused_link(request)
    login(request, user, backend="oscar.apps.customer.auth_backends.EmailBackend")
    if user.company is not None and user.company.needs_verification:
        messages.success(
            request, _("Welcome! Your company is registered; an operator will verify it shortly.")
        )
    else:
        messages.success(request, _("Welcome! Your company is registered."))
    return redirect("accounts:company")


def _refused_link(request):
    return render(request, "accounts/confirm_email.html", {"valid": False}, status=400)


def _company_page(request, membership, resubmit_form=None, status: int = 200):
    company = membership.company
    if resubmit_form is None:
        resubmit_form = ResubmitRegistrationForm(
            initial={"registration_number": company.registration_number, "customs_code": company.customs_code}
        )
    return render(
        request,
        "accounts/company_detail.html",
        {
            "company": company,
            "membership": membership,
            "resubmit_form": resubmit_form,
            "members": selectors.members_of(company=company),
            "authorisations": selectors.active_authorisations_for(company=company),
        },
        status=status,
    )


@login_required
def company_detail(request):
    membership = selectors.membership_of(user=request.user)
    if membership is None:
        return render(request, "accounts/no_company.html")
    return _company_page(request, membership)


@login_required
@require_POST
def resubmit_registration(request):
    membership = selectors.membership_of(user=request.user)
    if membership is None or not membership.is_admin:
        raise PermissionDenied
    form = ResubmitRegistrationForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.resubmit_registration(company=membership.company, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your registration is back in our operators' queue."))
            return redirect("accounts:company")
    return _company_page(request, membership, resubmit_form=form, status=400)


@login_required
def company_document(request, pk: int):
    company = get_object_or_404(selectors.companies_visible_to(user=request.user), pk=pk)
    if not company.registration_document:
        raise Http404
    return attachment_response(company.registration_document)


@login_required
def add_member(request):
    membership = selectors.membership_of(user=request.user)
    if membership is None or not membership.is_admin:
        raise PermissionDenied
    form = AddMemberForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_member(company=membership.company, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(email)s was added and will get an email to set a password.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("accounts:company")
    return render(request, "accounts/member_form.html", {"form": form, "company": membership.company})


@login_required
def authorisations(request):
    membership = selectors.membership_of(user=request.user)
    if membership is None or membership.company.kind == CompanyKind.BUYER:
        raise PermissionDenied
    company = membership.company
    form = None
    if company.kind == CompanyKind.SUPPLIER and membership.is_admin:
        form = AuthoriseFirmForm(request.POST or None, firms=selectors.firms_available_to(supplier=company))
        if request.method == "POST" and form.is_valid():
            try:
                services.authorise_firm(supplier=company, firm=form.cleaned_data["firm"], by=request.user)
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            else:
                messages.success(
                    request,
                    _("%(firm)s may now act for %(supplier)s.")
                    % {"firm": form.cleaned_data["firm"].name, "supplier": company.name},
                )
                return redirect("accounts:authorisations")
    return render(
        request,
        "accounts/authorisations.html",
        {
            "company": company,
            "is_admin": membership.is_admin,
            "form": form,
            "authorisations": selectors.authorisations_visible_to(user=request.user).filter(
                **({"supplier": company} if company.kind == CompanyKind.SUPPLIER else {"firm": company})
            ),
        },
    )


@login_required
@require_POST
def revoke_authorisation(request, pk: int):
    authorisation = get_object_or_404(selectors.authorisations_visible_to(user=request.user), pk=pk)
    try:
        services.revoke_authorisation(authorisation=authorisation, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(
            request, _("%(firm)s may no longer act for you.") % {"firm": authorisation.firm.name}
        )
    return redirect("accounts:authorisations")


@operator_required
def operator_companies(request):
    status = request.GET.get("status", VerificationStatus.UNVERIFIED)
    if status not in VerificationStatus.values:
        status = ""
    companies = selectors.companies_for_review(user=request.user, status=status or None)
    page = Paginator(companies, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/operator_companies.html",
        {"page_obj": page, "status": status, "statuses": VerificationStatus},
    )


@operator_required
def operator_company(request, pk: int):
    company = get_object_or_404(selectors.companies_for_review(user=request.user), pk=pk)
    allowed = services.VERIFICATION_TRANSITIONS[VerificationStatus(company.verification_status)]
    form = VerificationDecisionForm(request.POST or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_verification(company=company, operator=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(company)s is now %(status)s.")
                % {
                    "company": company.name,
                    "status": VerificationStatus(form.cleaned_data["decision"]).label.lower(),
                },
            )
            return redirect("accounts:operator-companies")
    return render(
        request,
        "accounts/operator_company.html",
        {"company": company, "form": form, "members": selectors.members_of(company=company)},
    )
