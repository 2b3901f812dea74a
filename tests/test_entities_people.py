"""Whole and short forms of a person's name in one article (``stages/entities/people.py``), on mentions
built by hand: which tags the small model gives a Mongolian name varies from text to text."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.people import patronymic_names

TEXT = (
    "Lkhagvyn Sarangerel, the deputy governor, toured Brooklyn Heights, Roslyn Harbor "
    "and the Brooklyn Museum. "
    "Governor Tumuriin Ganzorig spoke. Kathryn Moss Fund staff and Batyn Erdene waited."
)


def tagged(surface: str, label: str) -> Mention:
    start = TEXT.index(surface)
    return Mention("a", start, start + len(surface), surface, label)


def people(names: list[Mention]) -> set[str]:
    return {m.text for m in patronymic_names(TEXT, names, entity_lexicon()) if m.label == "PERSON"}


def test_a_patronymic_and_a_given_name_of_which_one_word_is_tagged_are_one_persons_name() -> None:
    """Issue #17: "Lkhagvyn" tagged an organisation, "Ganzorig" (after a title) a person of its own."""
    found = people([tagged("Lkhagvyn", "ORG"), tagged("Ganzorig", "PERSON")])
    assert found == {"Lkhagvyn Sarangerel", "Tumuriin Ganzorig"}


def test_a_two_word_name_tagged_whole_or_not_at_all_or_without_a_patronymic_is_left_alone() -> None:
    names = [
        tagged("Brooklyn Heights", "GPE"),  # an English "-yn": NER saw a place
        tagged("Brooklyn Museum", "ORG"),  # and here an organisation's name
        tagged("Kathryn Moss Fund", "ORG"),  # three capitalised words: no patronymic name
        tagged("Moss", "ORG"),
        tagged("Roslyn", "GPE"),  # a part tagged a place
    ]
    # "Batyn Erdene" is untagged: left to the collection (recovery), which knows other articles' names.
    assert people(names) == set()
    assert patronymic_names(TEXT, names, entity_lexicon()) == names
