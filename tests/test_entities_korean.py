"""Korean names across romanisations (``stages/entities/korean.py``, ``lexicons/korean_names.toml``): each
table row on its own example, and resolution on invented names."""

from __future__ import annotations

import re

import pytest

from storyline.lexicons import load_lexicon
from storyline.records import Entity, Mention
from storyline.stages.entities.korean import korean_readings, korean_surname_row, skeleton
from storyline.stages.entities.lexicon import fold_name
from storyline.stages.entities.resolve import resolve_entities

DATA = load_lexicon("korean_names")


def letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", fold_name(name))


def reading(name: str) -> frozenset[tuple[str, str]]:
    return korean_readings(fold_name(name).split())


@pytest.mark.parametrize("row", DATA["rows"], ids=lambda row: row["pattern"])
def test_each_rewrite_row_gives_its_example_the_skeleton_of_the_english_spelling(row: dict[str, str]) -> None:
    example = letters(row["example"])
    assert re.search(row["pattern"], example), "the example must hold the row's spelling"
    assert skeleton(example) == skeleton(letters(row["english_example"]))


@pytest.mark.parametrize("spellings", DATA["surnames"], ids=lambda spellings: spellings[0])
def test_each_surname_row_holds_all_its_spellings_and_only_them(spellings: list[str]) -> None:
    row = DATA["surnames"].index(spellings)
    for spelling in spellings:
        assert korean_surname_row(letters(spelling)) == row, spelling


def test_german_french_and_scholarly_spellings_of_one_name_read_alike() -> None:
    english = reading("Kang Ji-hoon")
    assert english
    for variant in ("Kang Jihoon", "Kang Dschi-hun", "Kang Dji-houn", "Ji-hoon Kang", "Kang Chi-hun"):
        assert reading(variant) & english, variant
    assert reading("Tschoi Dae-sik") & reading("Ch'oe T'ae-sik") & reading("Tchoï Dae-sik")


def test_other_given_names_or_other_surnames_read_apart() -> None:
    assert not reading("Kim Su-bin") & reading("Kim Da-eun")
    assert not reading("Kim Su-bin") & reading("Lee Su-bin")
    assert not reading("John Park")  # one Western given name: not read as Korean
    assert not reading("Maximilian Bartholomew Kim")  # given names too long for two syllables


def groups(entities: list[Entity]) -> set[frozenset[str]]:
    return {frozenset(m.text for m in entity.mentions) for entity in entities}


def mentions(*surfaces: tuple[str, str, str]) -> list[Mention]:
    return [
        Mention(article, 10 * n, 10 * n + len(surface), surface, label)
        for n, (article, surface, label) in enumerate(surfaces)
    ]


def test_one_korean_name_in_three_romanisations_and_its_lone_surnames_are_one_person() -> None:
    shared = [("Busan Port Authority", "ORG"), ("Hanbit Ferries", "ORG"), ("Ulsan", "GPE")]
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Kang Ji-hoon", "PERSON"),
                ("a", "Kang", "PERSON"),
                *[("a", s, label) for s, label in shared],
                ("b", "Dji-houn Kang", "PERSON"),
                ("b", "Kang", "ORG"),  # the small model's tag does not make a surname an organisation
                *[("b", s, label) for s, label in shared],
                ("c", "Kang Dschi-hun", "PERSON"),
                *[("c", s, label) for s, label in shared],
            )
        )
    )
    kang = next(group for group in found if "Kang Ji-hoon" in group)
    assert {"Dji-houn Kang", "Kang Dschi-hun", "Kang"} <= kang


def test_two_people_of_one_surname_stay_apart_and_their_lone_surname_joins_neither() -> None:
    found = groups(
        resolve_entities(
            mentions(
                ("a", "Kim Su-bin", "PERSON"),
                ("a", "Kim Da-eun", "PERSON"),
                ("a", "Kim", "PERSON"),
                ("b", "Gim Su-bin", "PERSON"),
            )
        )
    )
    assert frozenset({"Kim Da-eun"}) in found
    assert not any({"Kim Su-bin", "Kim Da-eun"} <= group for group in found)
    assert not any("Kim" in group and len(group) > 1 for group in found)
