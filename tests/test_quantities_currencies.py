"""A figure in a local currency is money, never a count (``quantities.currencies``, issue #17): the names
come from CLDR through Babel, so a currency no one listed by hand is read as one."""

from __future__ import annotations

import pytest

from storyline.records import Quantity
from storyline.stages.quantities import number_type
from storyline.stages.quantities.currencies import is_currency


def figure(text: str, value: float, unit: str) -> Quantity:
    return Quantity(value=value, unit=unit, approx=False, text=text, start=0, end=len(text))


@pytest.mark.parametrize("unit", ["lari", "tenge", "hryvnias", "zloty", "rupee", "rouble", "Baht", "shekel"])
def test_a_local_currency_is_money(unit: str) -> None:
    assert is_currency(unit)
    assert number_type(figure(f"50 million {unit}", 50e6, unit)) == "money"


@pytest.mark.parametrize("unit", ["miner", "pound", "mark", "gold", "personnel", "won", "unit"])
def test_a_noun_that_is_more_often_no_currency_stays_a_count(unit: str) -> None:
    assert not is_currency(unit)
    assert number_type(figure(f"5 {unit}", 5, unit)) == "count"


def test_the_currency_classes_stay_money() -> None:
    assert number_type(figure("$5 million", 5e6, "USD")) == "money"
