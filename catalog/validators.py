"""Codes on product master data: tariff, dangerous-goods and vehicle identifiers.

Patterns use `fullmatch` and `[0-9]`, not `^...$` and `\\d`: `$` lets a trailing newline
through, and `\\d` accepts full-width and other non-ASCII digits, which customs refuses.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# CAS registry number: 2-7 digits, 2 digits, 1 check digit.
CAS_PATTERN = re.compile(r"[0-9]{2,7}-[0-9]{2}-[0-9]")
# UN number of a dangerous good, written as on the transport documents.
UN_NUMBER_PATTERN = re.compile(r"UN[0-9]{4}")
# China's HS code: 8-digit tariff number plus 2 digits of the statistical subheading.
HS_CODE_PATTERN = re.compile(r"[0-9]{10}")
PACKING_GROUPS = ("I", "II", "III")
# UN Model Regulations classes, and divisions where a class has them.
TRANSPORT_CLASSES = (
    *("1.1", "1.2", "1.3", "1.4", "1.5", "1.6"),
    *("2.1", "2.2", "2.3"),
    "3",
    *("4.1", "4.2", "4.3"),
    *("5.1", "5.2"),
    *("6.1", "6.2"),
    "7",
    "8",
    "9",
)
# ISO 3779 / GB 16735: 17 characters without I, O and Q (mistaken for 1 and 0); the 9th is a
# check character over all 17, with these values and weights, modulo 11 (10 is written X).
VIN_PATTERN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
VIN_TRANSLITERATION = {
    **{str(digit): digit for digit in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_CHECK_POSITION = 8  # 0-based: the 9th character


def cas_check_digit(digits: str) -> int:
    """Check digit of a CAS number from its other digits (hyphens removed, check digit excluded)."""
    return sum(position * int(digit) for position, digit in enumerate(reversed(digits), start=1)) % 10


def validate_cas_number(value: str) -> None:
    if not CAS_PATTERN.fullmatch(value):
        raise ValidationError(
            _("A CAS number has the form 67-56-1: 2 to 7 digits, a hyphen, 2 digits, a hyphen, 1 digit."),
            code="cas_format",
        )
    expected = cas_check_digit(value[:-2].replace("-", ""))
    if expected != int(value[-1]):
        raise ValidationError(
            _("CAS %(value)s: the check digit should be %(expected)s."),
            code="cas_checksum",
            params={"value": value, "expected": expected},
        )


def validate_un_number(value: str) -> None:
    if not UN_NUMBER_PATTERN.fullmatch(value):
        raise ValidationError(
            _("A UN number is UN followed by 4 digits, for example UN1230."),
            code="un_format",
        )


def validate_hs_code(value: str) -> None:
    if not HS_CODE_PATTERN.fullmatch(value):
        raise ValidationError(
            _("A China HS code has 10 digits, for example 2905110000."),
            code="hs_format",
        )


def validate_packing_group(value: str) -> None:
    if value not in PACKING_GROUPS:
        raise ValidationError(
            _("The packing group is I, II or III."),
            code="packing_group",
        )


def validate_transport_class(value: str) -> None:
    if value not in TRANSPORT_CLASSES:
        raise ValidationError(
            _("%(value)s is not a dangerous-goods class or division: use for example 3, 6.1 or 1.4."),
            code="transport_class",
            params={"value": value},
        )


def vin_check_digit(vin: str) -> str:
    """Check character of a 17-character VIN; the character at the 9th position does not count."""
    total = sum(VIN_TRANSLITERATION[char] * weight for char, weight in zip(vin, VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def validate_vin(value: str) -> None:
    """VIN: format, and the check character that GB 16735 requires on vehicles made in China."""
    if not VIN_PATTERN.fullmatch(value):
        raise ValidationError(
            _("A VIN has 17 characters: digits and capital letters except I, O and Q."),
            code="vin_format",
        )
    expected = vin_check_digit(value)
    if value[VIN_CHECK_POSITION] != expected:
        raise ValidationError(
            _("VIN %(value)s: the 9th character (check digit) should be %(expected)s."),
            code="vin_checksum",
            params={"value": value, "expected": expected},
        )
