"""Helpers shared by the views of every app: who may see a page, service errors on forms, refused
deletes."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _


def operator_required(view):
    """Operators only: anonymous visitors are sent to log in, everyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def supplier_required(view):
    """Members of a supplier company only; the view gets the company's Oscar partner."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        company = request.user.company
        partner = getattr(company, "partner", None) if company else None
        if partner is None:
            raise PermissionDenied
        return view(request, *args, partner=partner, **kwargs)

    return wrapper


def add_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form fields it names."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


def delete_refusal(error: ProtectedError | RestrictedError) -> str:
    """Why a delete was refused, for a page or an API answer: what still refers to the object."""
    objects = error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects
    kinds = ", ".join(sorted({str(obj._meta.verbose_name_plural) for obj in objects}))
    return _("This cannot be deleted while other records refer to it (%(records)s).") % {"records": kinds}
