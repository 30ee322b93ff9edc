import pytest
from django.core.exceptions import ValidationError

from marketplace.accounts.validators import uscc_check_character, validate_customs_code, validate_uscc

# Published example codes: a valid one and the same with its check character changed.
VALID_USCC = "91350100M000100Y43"


def test_a_valid_uscc_passes():
    validate_uscc(VALID_USCC)
    assert uscc_check_character(VALID_USCC[:17]) == "3"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("91350100M000100Y44", "uscc_checksum"),
        ("91350100M000100Y4", "uscc_format"),  # 17 characters
        ("91350100M000100I43", "uscc_format"),  # I is not in the alphabet
        ("91350100m000100y43", "uscc_format"),  # lower case
    ],
)
def test_an_invalid_uscc_is_refused_with_the_reason(value, code):
    with pytest.raises(ValidationError) as error:
        validate_uscc(value)

    assert error.value.code == code


def test_the_checksum_error_names_the_expected_character():
    with pytest.raises(ValidationError) as error:
        validate_uscc("91350100M000100Y44")

    assert "should be 3" in error.value.messages[0]


@pytest.mark.parametrize("value", ["0702960001", "07029600AB"])
def test_a_customs_code_has_ten_characters_starting_with_the_customs_area(value):
    validate_customs_code(value)


@pytest.mark.parametrize("value", ["070296000", "A702960001", "0702-60001", "07029600011"])
def test_a_malformed_customs_code_is_refused(value):
    with pytest.raises(ValidationError):
        validate_customs_code(value)
