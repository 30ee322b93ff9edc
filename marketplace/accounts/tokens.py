"""Signed one-time links that confirm a new account's email address."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

User = get_user_model()


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset signer with its own salt and the account's ``email_confirmed``.

    The salt keeps confirmation and password-reset links from standing in for each other;
    ``email_confirmed`` in the signed value makes a link useless once it has been used. Links
    expire after ``PASSWORD_RESET_TIMEOUT`` (three days by default).
    """

    key_salt = "marketplace.accounts.tokens.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.email_confirmed}"


email_confirmation = EmailConfirmationTokenGenerator()


def confirmation_path(user) -> str:
    return reverse(
        "accounts:confirm-email",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": email_confirmation.make_token(user),
        },
    )


def user_to_confirm(*, uidb64: str, token: str):
    """The unconfirmed account a link names, or None for a used, expired or forged link."""
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode(), email_confirmed=False)
    except (ValueError, OverflowError, User.DoesNotExist, ValidationError):
        return None
    return user if email_confirmation.check_token(user, token) else None
