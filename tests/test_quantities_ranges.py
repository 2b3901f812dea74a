"""A range is one answer, not two figures (issue #14): its ends stay out of the quantities, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from storyline.stages.nlp import load_nlp
from storyline.stages.quantities import find_quantities


def values_in(text: str) -> list[float]:
    return [quantity.value for quantity in find_quantities(load_nlp()(text), 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "He said the fence would be 35 to 45 feet high.",
        "The governor said the dam could be 40 to 50 feet tall.",
        "Heights range from 40 to 50 feet along the river.",
        "The bridge will cost between $8 billion and $12 billion, she said.",
        "The bridge will cost 8-12 billion dollars, she said.",
        "The bridge will cost $8-12 billion, she said.",
        "Between 300 and 400 people marched in the city.",
        "Some 300 to 400 people marched in the city.",
        "Between two and three thousand people marched.",
    ],
)
def test_neither_end_of_a_range_is_a_quantity(text: str) -> None:
    assert values_in(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # two values of a change, not a range (quantities.changes)
        ("The number of stations awaiting a recount fell from 46 to 31 and then to 12.", [46, 31, 12]),
        ("Support rose from 40 to 50 percent.", [40, 50]),
        # two figures of two things, each a quantity of its own
        ("The tower would be 35 feet high, and the fence 45 feet.", [35, 45]),
        # a sum given to a count is no range: the "range" would run downwards
        ("The foundation gave $1 million to 200 charities.", [1_000_000, 200]),
        # a dash with spaces is a break in the sentence, no range
        ("He said 12 - 5 of them children - were hurt.", [12, 5]),
    ],
)
def test_numbers_that_are_no_range_stay_quantities(text: str, values: list[float]) -> None:
    assert values_in(text) == values


def test_a_tally_written_high_first_is_no_range() -> None:
    """ "leads 46 to 42 percent": a poll's two shares, the higher first, both kept as they were."""
    assert values_in("The mayor leads her rival 46 to 42 percent in the poll.") == [46, 42]
