"""Word-numbers the tagger reads as proper nouns because they open a sentence, and plural nouns it reads as
verbs after a number (``quantities.numbers``, ``quantities.find``)."""

from __future__ import annotations

import pytest

from storyline.records import Quantity
from storyline.stages.nlp import load_nlp
from storyline.stages.quantities import find_quantities


def _quantities(text: str) -> list[Quantity]:
    return find_quantities(load_nlp()(text), 0, len(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("New figures came.\n\nEleven inmates remain at large, the ministry said.", 11, "inmate"),
        ("JALAL-ABAD — Fifty-two inmates escaped early on Monday after a riot.", 52, "inmate"),
    ],
)
def test_a_word_number_opening_a_sentence_is_a_count(text: str, value: float, unit: str) -> None:
    found = [(q.value, q.unit) for q in _quantities(text)]
    assert (value, unit) in found


def test_a_capitalised_number_word_inside_a_name_is_no_count() -> None:
    assert not [q for q in _quantities("Leaders of the Group of Seven met in Rome.") if q.value == 7]
