"""Payment schedules split totals exactly, in minor units, for any currency."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketplace.orders.money import from_minor, split_minor, to_minor


@given(
    total=st.integers(min_value=1, max_value=10**15),
    cuts=st.lists(st.integers(min_value=1, max_value=9_999), min_size=0, max_size=4, unique=True),
)
def test_parts_always_sum_to_the_total(total, cuts):
    # Percentages with two decimals that add up to exactly 100.
    bounds = sorted(cuts)
    edges = [0, *bounds, 10_000]
    percents = [Decimal(b - a) / 100 for a, b in zip(edges, edges[1:], strict=False) if b > a]

    parts = split_minor(total, percents)

    assert sum(parts) == total
    assert all(part >= 0 for part in parts)
    for part, percent in zip(parts, percents, strict=True):
        assert abs(Decimal(part) - Decimal(total) * percent / 100) < 1


def test_a_thirty_seventy_split_of_an_odd_amount():
    assert split_minor(100_001, [Decimal(30), Decimal(70)]) == [30_000, 70_001]
    assert split_minor(1, [Decimal(30), Decimal(70)]) == [0, 1]


@pytest.mark.parametrize(
    ("amount", "places", "minor"), [("1234.565", 2, 123457), ("1234.5", 0, 1235), ("0.0015", 3, 2)]
)
def test_amounts_convert_to_minor_units_by_the_currency_exponent(amount, places, minor):
    assert to_minor(Decimal(amount), "XXX", places=places) == minor
    assert from_minor(minor, "XXX", places=places) == Decimal(minor).scaleb(-places)


def test_percentages_must_add_up_to_100():
    with pytest.raises(ValueError):
        split_minor(100, [Decimal(30), Decimal(60)])
