"""Registration numbers of Chinese firms."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z); the last is a check
# character computed over the first 17 with these weights, modulo 31.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_PATTERN = re.compile(rf"[{USCC_ALPHABET}]{{18}}")
# Customs registration code (海关编码): 4-digit customs area, then 6 letters or digits.
CUSTOMS_CODE_PATTERN = re.compile(r"[0-9]{4}[0-9A-Z]{6}")  # used with fullmatch: no stray newline


def uscc_check_character(first17: str) -> str:
    total = sum(
        USCC_ALPHABET.index(char) * weight for char, weight in zip(first17, USCC_WEIGHTS, strict=True)
    )
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(value: str) -> None:
    """Unified Social Credit Code: format and check character."""
    if not USCC_PATTERN.fullmatch(value):
        raise ValidationError(
            _(
                "A unified social credit code has 18 characters: digits and capital letters "
                "except I, O, S, V and Z."
            ),
            code="uscc_format",
        )
    if uscc_check_character(value[:17]) != value[17]:
        raise ValidationError(
            _("This unified social credit code is not valid: its check character should be %(expected)s."),
            code="uscc_checksum",
            params={"expected": uscc_check_character(value[:17])},
        )


def validate_customs_code(value: str) -> None:
    if not CUSTOMS_CODE_PATTERN.fullmatch(value):
        raise ValidationError(
            _(
                "A customs registration code has 10 characters: 4 digits of the customs area, "
                "then 6 digits or capital letters."
            ),
            code="customs_code_format",
        )
