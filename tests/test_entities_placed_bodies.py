"""State bodies named by place and level in lower case (``entities.placed_bodies``)."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.placed_bodies import placed_state_bodies


def test_a_place_a_level_and_a_state_body_are_one_organisation() -> None:
    text = (
        "The head of the Tash-Kumyr regional police department, Ivan Petrov, said. "
        "The Osh city prosecutor's office"
    )
    names = [Mention("a", 16, 26, "Tash-Kumyr", "GPE"), Mention("a", 55, 66, "Ivan Petrov", "PERSON")]
    found = placed_state_bodies(text, "a", names, entity_lexicon())
    assert [(m.text, m.label) for m in found] == [
        ("Tash-Kumyr regional police department", "ORG"),
        ("Ivan Petrov", "PERSON"),
        ("Osh city prosecutor's office", "ORG"),
    ]


def test_other_lower_case_words_after_a_place_are_no_body() -> None:
    text = "The Osh city council met. The regional police said. Kant regional hospital"
    names = [Mention("a", 4, 7, "Osh", "GPE")]
    assert placed_state_bodies(text, "a", names, entity_lexicon()) == names


def test_a_swiss_canton_names_its_police_and_prosecutor_in_lower_case() -> None:
    """A canton is a level of state as a region is: "Ticino cantonal police" is the canton's police force,
    not the place Ticino (issue #17, generalise avalanche)."""
    text = "Two climbers fell, Ticino cantonal police said. The Zug cantonal prosecutor's office acts."
    names = [Mention("a", 19, 25, "Ticino", "GPE"), Mention("a", 52, 55, "Zug", "GPE")]
    found = placed_state_bodies(text, "a", names, entity_lexicon())
    assert [(m.text, m.label) for m in found] == [
        ("Ticino cantonal police", "ORG"),
        ("Zug cantonal prosecutor's office", "ORG"),
    ]
