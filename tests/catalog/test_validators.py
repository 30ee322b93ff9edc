import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from catalog.validators import (
    VIN_CHECK_POSITION,
    cas_check_digit,
    validate_cas_number,
    validate_hs_code,
    validate_packing_group,
    validate_transport_class,
    validate_un_number,
    validate_vin,
    vin_check_digit,
)

VIN_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
VIN_CHECK_CHARACTERS = "0123456789X"


def refusal_of(validator, value) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        validator(value)
    return error.value


# CAS numbers


@pytest.mark.parametrize(
    ("value", "check_digit"),
    [
        ("67-56-1", 1),  # methanol
        ("7732-18-5", 5),  # water
        ("1310-73-2", 2),  # caustic soda
        ("7440-44-0", 0),  # carbon: the check digit can be 0
    ],
)
def test_a_published_cas_number_passes(value, check_digit):
    validate_cas_number(value)
    assert cas_check_digit(value[:-2].replace("-", "")) == check_digit


def test_the_cas_check_digit_weights_digits_by_position_from_the_right():
    # 67-56: 6*1 + 5*2 + 7*3 + 6*4 = 61
    assert cas_check_digit("6756") == 1


@pytest.mark.parametrize(
    "value",
    [
        "6-56-1",  # first part has 1 digit
        "12345678-56-1",  # first part has 8 digits
        "67-5-1",
        "67-56-12",
        "67561",
        "67 56 1",
        "67-56-1\n",
        "CAS 67-56-1",
        "٦٧-٥٦-١",  # Arabic-Indic digits
        "６７-５６-１",  # full-width digits
        "",
    ],
)
def test_a_malformed_cas_number_is_refused(value):
    assert refusal_of(validate_cas_number, value).code == "cas_format"


def test_a_cas_number_with_a_wrong_check_digit_is_refused_naming_the_right_one():
    error = refusal_of(validate_cas_number, "67-56-2")

    assert error.code == "cas_checksum"
    assert error.messages == ["CAS 67-56-2: the check digit should be 1."]


cas_bodies = st.tuples(
    st.text(alphabet="0123456789", min_size=2, max_size=7),
    st.text(alphabet="0123456789", min_size=2, max_size=2),
)


@given(cas_bodies)
def test_any_cas_number_with_its_computed_check_digit_passes(body):
    first, second = body

    validate_cas_number(f"{first}-{second}-{cas_check_digit(first + second)}")


@given(cas_bodies, st.integers(min_value=1, max_value=9))
def test_any_other_cas_check_digit_is_refused(body, offset):
    first, second = body
    expected = cas_check_digit(first + second)
    wrong = (expected + offset) % 10

    error = refusal_of(validate_cas_number, f"{first}-{second}-{wrong}")

    assert error.code == "cas_checksum"
    assert f"should be {expected}." in error.messages[0]


# UN numbers, packing groups, transport classes


@pytest.mark.parametrize("value", ["UN1230", "UN3480", "UN3481", "UN3556", "UN0004"])
def test_a_un_number_passes(value):
    validate_un_number(value)


@pytest.mark.parametrize(
    "value", ["1230", "UN 1230", "un1230", "UN123", "UN12300", "UN1230\n", "UN１２３０", ""]
)
def test_a_malformed_un_number_is_refused_with_an_example(value):
    error = refusal_of(validate_un_number, value)

    assert error.code == "un_format"
    assert "UN1230" in error.messages[0]


@pytest.mark.parametrize("value", ["I", "II", "III"])
def test_a_packing_group_passes(value):
    validate_packing_group(value)


@pytest.mark.parametrize("value", ["IV", "1", "2", "ii", "PG II", " II", ""])
def test_any_other_packing_group_is_refused(value):
    assert refusal_of(validate_packing_group, value).code == "packing_group"


@pytest.mark.parametrize(
    "value",
    [
        *("1.1", "1.2", "1.3", "1.4", "1.5", "1.6"),
        *("2.1", "2.2", "2.3", "3", "4.1", "4.2", "4.3", "5.1", "5.2", "6.1", "6.2", "7", "8", "9"),
    ],
)
def test_a_dangerous_goods_class_or_division_passes(value):
    validate_transport_class(value)


@pytest.mark.parametrize(
    "value",
    [
        "1",  # class 1 is always given with its division
        "1.7",
        "2",
        "2.4",
        "3.1",
        "6.3",
        "10",
        "0",
        "1.4S",  # compatibility group is a separate field
        "6,1",
        "Class 3",
        "",
    ],
)
def test_any_other_transport_class_is_refused(value):
    error = refusal_of(validate_transport_class, value)

    assert error.code == "transport_class"
    assert error.messages[0].startswith(f"{value} is not a dangerous-goods class or division")


# HS codes


@pytest.mark.parametrize("value", ["2905110000", "8703801090", "0000000000"])
def test_a_ten_digit_hs_code_passes(value):
    validate_hs_code(value)


@pytest.mark.parametrize(
    "value",
    [
        "29051100",
        "290511000",
        "29051100001",
        "2905.11.0000",
        "290511000A",
        "2905110000\n",
        "２９０５１１００００",
        "",
    ],
)
def test_a_malformed_hs_code_is_refused(value):
    error = refusal_of(validate_hs_code, value)

    assert error.code == "hs_format"
    assert "10 digits" in error.messages[0]


# VINs


def test_the_vin_check_digit_of_the_published_example_is_x():
    # The widely published worked example (Wikipedia, "VIN"): the weighted sum is 351,
    # and 351 mod 11 = 10, written X.
    assert vin_check_digit("1M8GDM9AXKP042788") == "X"


@pytest.mark.parametrize("value", ["1M8GDM9AXKP042788", "11111111111111111"])
def test_a_vin_with_its_check_digit_passes(value):
    validate_vin(value)


@pytest.mark.parametrize(
    "value",
    [
        "1M8GDM9AXKP04278",  # 16 characters
        "1M8GDM9AXKP0427880",  # 18 characters
        "1M8GDM9AXKP04278I",  # I, O and Q are not used
        "1M8GDM9AXKP04278O",
        "1M8GDM9AXKP04278Q",
        "1m8gdm9axkp042788",  # lower case
        "1M8GDM9AX KP04278",
        "1M8GDM9AXKP042788\n",
        "",
    ],
)
def test_a_malformed_vin_is_refused(value):
    error = refusal_of(validate_vin, value)

    assert error.code == "vin_format"
    assert "except I, O and Q" in error.messages[0]


def test_a_vin_with_a_wrong_check_digit_is_refused_naming_the_right_one():
    error = refusal_of(validate_vin, "1M8GDM9A1KP042788")

    assert error.code == "vin_checksum"
    assert error.messages == ["VIN 1M8GDM9A1KP042788: the 9th character (check digit) should be X."]


def with_check_digit(sixteen: str, check: str) -> str:
    return sixteen[:VIN_CHECK_POSITION] + check + sixteen[VIN_CHECK_POSITION:]


vin_bodies = st.text(alphabet=VIN_ALPHABET, min_size=16, max_size=16)


@given(vin_bodies)
def test_any_vin_with_its_computed_check_digit_passes(sixteen):
    # The 9th character has weight 0, so any placeholder gives the same check digit.
    check = vin_check_digit(with_check_digit(sixteen, "0"))

    validate_vin(with_check_digit(sixteen, check))


@given(vin_bodies, st.integers(min_value=1, max_value=10))
def test_any_other_vin_check_digit_is_refused(sixteen, offset):
    expected = vin_check_digit(with_check_digit(sixteen, "0"))
    wrong = VIN_CHECK_CHARACTERS[(VIN_CHECK_CHARACTERS.index(expected) + offset) % 11]

    error = refusal_of(validate_vin, with_check_digit(sixteen, wrong))

    assert error.code == "vin_checksum"
    assert f"should be {expected}." in error.messages[0]
