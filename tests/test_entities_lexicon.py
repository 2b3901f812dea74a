"""The entities lexicon's typed view (``stages/entities/lexicon.py``): each word list of
``lexicons/entities.toml`` that a rule reads arrives whole, in the form the rule compares."""

from __future__ import annotations

import pytest

from storyline.lexicons import load_lexicon
from storyline.stages.entities.lexicon import entity_lexicon, is_acronym, words_match
from storyline.stages.entities.resolve import resolve_entities
from tests.test_entities_bodies import entity_of, ferry_reports

# The armed-group sections (read by ``stages/entities/groups.py``) and a word each must hold: the word the
# rule was written for ("a separatist faction", "the militants", "… Liberation Front", "a rival faction").
GROUP_SECTIONS = {
    "group_heads": "faction",
    "armed_kind_words": "separatist",
    "armed_member_plurals": "militants",
    "armed_name_words": "liberation",
    "other_group_words": "rival",
}


@pytest.mark.parametrize("section", sorted(GROUP_SECTIONS))
def test_group_word_lists_load_whole_and_in_lower_case(section: str) -> None:
    words = load_lexicon("entities")[section]
    loaded = getattr(entity_lexicon(), section)
    assert loaded == frozenset(words)
    assert GROUP_SECTIONS[section] in loaded
    # the rules compare lemmas, folded names and lower-case plurals as written: an entry in capitals
    # would never match
    assert all(word == word.lower() for word in loaded), section


@pytest.mark.parametrize(
    ("word", "acronym"),
    [
        ("IAC", True),
        ("KChS", True),
        ("VTsIOM", True),
        ("AT&T", True),
        ("PhD", False),
        ("DoD", False),
        ("McCain", False),
        ("OpenAI", False),
        ("A", False),
        ("Kuhiston", False),
    ],
)
def test_an_acronym_is_capitals_or_a_romanised_one_with_a_cyrillic_digraph(word: str, acronym: bool) -> None:
    assert is_acronym(word) is acronym


def test_two_heads_of_bodies_sharing_a_prefix_are_two_words() -> None:
    """Issue #17: "the commission" of a report is not its "committee"; spellings and demonyms still meet."""
    assert not words_match("commission", "committee")
    assert words_match("organisation", "organization")
    assert words_match("Lithuania", "Lithuanian")


# A description written twice in a story, one word of function before each head, is a body of its own
# (``stages/entities/bodies.py``): one description per head noun class of ``recurring_body_heads``.
RECURRING_BODIES = {
    "service": "the border service",
    "brigade": "the fire brigade",
    "guard": "the coast guard",
    "police": "the border police",
    "authority": "the road authority",
    "ministry": "the health ministry",
}


def test_every_recurring_body_head_has_its_row() -> None:
    assert set(entity_lexicon().recurring_body_heads) == set(RECURRING_BODIES)


@pytest.mark.parametrize("head", sorted(RECURRING_BODIES))
def test_a_recurring_body_head_names_a_body_written_twice(head: str) -> None:
    description = RECURRING_BODIES[head]
    found = resolve_entities(ferry_reports(("a", description), ("b", description.capitalize())))
    body = entity_of(found, description.removeprefix("the "))
    assert body is not None and body.type == "ORG" and len(body.mentions) == 2


@pytest.mark.parametrize(
    ("name", "business"),
    [("Velsund Cement Works", True), ("Velsund Air", True), ("Air", False), ("Velsund Pilots' Union", False)],
)
def test_a_business_name_head_makes_a_name_a_business(name: str, business: bool) -> None:
    from storyline.stages.entities.businesses import names_a_business

    assert names_a_business(name, entity_lexicon()) is business
