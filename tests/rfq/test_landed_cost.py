"""Landed cost per Incoterm group, on worked examples (per tonne, USD).

Assumptions: freight 40, insurance 0.5 % of the CIF value, destination charges 5, duty 5 %
on the CIF value.
"""

from decimal import Decimal

import pytest

from rfq.landed_cost import Assumptions, landed_cost

ASSUMPTIONS = Assumptions(
    mode="rail",
    freight_per_unit=Decimal(40),
    insurance_percent=Decimal("0.5"),
    destination_charges_per_unit=Decimal(5),
    duty_percent=Decimal(5),
)


@pytest.mark.parametrize(
    ("incoterm", "price", "expected"),
    [
        # E/F: 280 + freight 40 + insurance 0.5 % × 320 = 1.60 + destination 5
        #      + duty 5 % × 321.60 = 16.08 → 342.68
        (
            "EXW",
            "280",
            {"group": "E/F", "freight": "40", "insurance": "1.6", "duty": "16.08", "per_unit": "342.68"},
        ),
        (
            "FCA",
            "280",
            {"group": "E/F", "freight": "40", "insurance": "1.6", "duty": "16.08", "per_unit": "342.68"},
        ),
        # C without insurance: 320 + insurance 1.60 + destination 5 + duty 5 % × 321.60 → 342.68
        (
            "CPT",
            "320",
            {"group": "C", "freight": "0", "insurance": "1.6", "duty": "16.08", "per_unit": "342.68"},
        ),
        # C with insurance: 321.60 + destination 5 + duty 16.08 → 342.68
        (
            "CIP",
            "321.60",
            {"group": "C", "freight": "0", "insurance": "0", "duty": "16.08", "per_unit": "342.68"},
        ),
        # D, duty unpaid: 330 + duty 5 % × 330 = 16.50 → 346.50
        ("DAP", "330", {"group": "D", "freight": "0", "insurance": "0", "duty": "16.5", "per_unit": "346.5"}),
        # D, duty paid: nothing added
        ("DDP", "350", {"group": "D", "freight": "0", "insurance": "0", "duty": "0", "per_unit": "350"}),
    ],
)
def test_landed_cost_by_incoterm_group(incoterm, price, expected):
    cost = landed_cost(incoterm_code=incoterm, unit_price=Decimal(price), assumptions=ASSUMPTIONS)

    assert cost.group == expected["group"]
    assert cost.freight == Decimal(expected["freight"])
    assert cost.insurance == Decimal(expected["insurance"])
    assert cost.duty == Decimal(expected["duty"])
    assert cost.per_unit == Decimal(expected["per_unit"])


def test_the_total_is_per_unit_times_quantity():
    cost = landed_cost(incoterm_code="FOB", unit_price=Decimal("280"), assumptions=ASSUMPTIONS)
    assert cost.total(Decimal(100)) == Decimal("34268.00")
    assert cost.destination_charges == Decimal(5)


def test_defaults_come_from_settings(settings):
    settings.RFQ_LANDED_COST_DEFAULTS = {
        "mode": "rail",
        "freight_per_unit": {"rail": "60", "sea": "35"},
        "insurance_percent": "0.3",
        "destination_charges_per_unit": "4",
        "duty_percent": {"RU": "7", "default": "5"},
    }
    ru = Assumptions.defaults(destination_country="RU", mode="sea")
    assert (ru.freight_per_unit, ru.insurance_percent, ru.duty_percent) == (Decimal(35), Decimal("0.3"), 7)
    assert Assumptions.defaults(destination_country="MN").duty_percent == 5


def test_round_percentages_read_as_numbers():
    from rfq.models import Quote

    quote = Quote(
        payment_schedule=[{"percent": "30.00", "label": "Deposit"}, {"percent": "70", "label": "Balance"}]
    )

    assert "3E+1" not in quote.schedule_label and "30 % Deposit" in quote.schedule_label
