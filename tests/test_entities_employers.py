"""One name, two employers (stages/entities/employers.py)."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.employers import read_role, split_by_employer
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.resolve import resolve_entities

PLACES = frozenset({"greece", "greek"})


def _is_place(word: str) -> bool:
    return word in PLACES


def _named(article: str, role: str | None, name: str = "Nikos Papadakis") -> Mention:
    return Mention(article, 0, len(name), name, "PERSON", role=role)


def test_a_role_names_its_title_and_the_body_by_a_modified_head() -> None:
    reading = read_role("the spokesman for the coast guard", entity_lexicon(), _is_place)
    assert reading is not None
    assert reading.titles == {"spokesman"}
    assert reading.employers == {"coast", "guard"}


def test_a_possessive_a_bare_head_or_a_place_names_no_employer() -> None:
    lexicon = entity_lexicon()
    assert read_role("the agency's spokeswoman", lexicon, _is_place) is None
    assert read_role("the chairman of the commission", lexicon, _is_place) is None
    assert read_role("the spokesman of the Greek Ministry of Health", lexicon, _is_place) is None
    assert read_role("the prosecutor leading the criminal inquiry", lexicon, _is_place) is None


def test_one_title_for_two_bodies_is_two_people() -> None:
    group = [
        _named("a", "coast guard spokesman"),
        _named("b", "the spokesman of the fire service"),
        _named("c", "the fire brigade spokesman"),
        _named("c", None, "Papadakis"),
    ]
    parts = split_by_employer(group, entity_lexicon(), _is_place)
    assert sorted(sorted({m.article for m in part}) for part in parts) == [["a"], ["b", "c"]]
    assert any(len(part) == 3 for part in parts)  # the lone surname stays with its article's name


def test_bodies_sharing_a_word_or_different_titles_stay_one_person() -> None:
    lexicon = entity_lexicon()
    one_body = [_named("a", "the fire service spokesman"), _named("b", "spokesman of the fire brigade")]
    assert len(split_by_employer(one_body, lexicon, _is_place)) == 1
    two_titles = [_named("a", "coast guard spokesman"), _named("b", "fire service director")]
    assert len(split_by_employer(two_titles, lexicon, _is_place)) == 1
    no_reading = [_named("a", "coast guard spokesman"), _named("b", "the spokesman")]
    assert len(split_by_employer(no_reading, lexicon, _is_place)) == 1


def test_resolution_keeps_two_spokesmen_of_one_name_apart() -> None:
    mentions = [_named("a", "coast guard spokesman"), _named("b", "the spokesman of the fire service")]
    assert len([e for e in resolve_entities(mentions) if e.type == "PERSON"]) == 2
    same = [_named("a", "fire service spokesman"), _named("b", "the spokesman of the fire service")]
    assert len([e for e in resolve_entities(same) if e.type == "PERSON"]) == 1
