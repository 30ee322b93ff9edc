"""Hooks higher apps register to act on a company's sign-up without accounts importing them.

Accounts sits below the catalogue, so it cannot create a supplier's Oscar ``Partner`` itself:
the supplier portal registers that in its ``AppConfig.ready()``. Hooks run inside the sign-up
transaction, so a failing hook undoes the sign-up.
"""

from collections.abc import Callable

from marketplace.accounts.models import Company, User

CompanyRegisteredHook = Callable[..., None]

_company_registered: list[CompanyRegisteredHook] = []


def on_company_registered(hook: CompanyRegisteredHook) -> CompanyRegisteredHook:
    """Call ``hook(company=, user=)`` for every new company (usable as a decorator)."""
    if hook not in _company_registered:
        _company_registered.append(hook)
    return hook


def company_registered(*, company: Company, user: User) -> None:
    for hook in _company_registered:
        hook(company=company, user=user)
