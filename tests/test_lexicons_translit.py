"""Each row of the transliteration and given-name tables, tested on its own example."""

import re

import pytest

from storyline.lexicons import load_lexicon
from storyline.stages.entities.lexicon import fold_name
from storyline.stages.entities.transliteration import (
    english_variant,
    given_name_rows,
    readings,
    rewrite,
    transliteration_tables,
)

ROWS = load_lexicon("transliteration")["rows"]
GIVEN_NAMES = load_lexicon("given_names")["rows"]


def folded(word: str) -> str:
    return re.sub(r"[^a-z]", "", fold_name(word))


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['language']}:{row['pattern']}")
def test_each_letter_row_reads_its_example_as_the_english_name(row: dict[str, str]) -> None:
    tables = transliteration_tables()
    example = folded(row["example"])
    assert re.search(row["pattern"], example), "the example must hold the row's spelling"
    reading = english_variant(rewrite(example, row["language"], tables), tables)
    assert reading == english_variant(folded(row["english_example"]), tables)
    assert reading in readings(example)


@pytest.mark.parametrize("forms", GIVEN_NAMES, ids=lambda forms: forms[0])
def test_each_given_name_row_holds_all_its_forms_and_only_them(forms: list[str]) -> None:
    row = GIVEN_NAMES.index(forms)
    for form in forms:
        assert given_name_rows(folded(form)) == {row}, form


def test_names_of_different_people_do_not_read_alike() -> None:
    assert not readings("kovalenko") & readings("kravchenko")
    assert not readings("shoigu") & readings("sergeyev")
    assert given_name_rows("john") == frozenset()


# Names none of the rows was written from, each in English and as German, Polish or French papers print it:
# the rows must be general correspondences, not the spellings of the names they were written for.
OTHER_NAMES = [
    ("Shevardnadze", "Schewardnadse", "Szewardnadze", "Chevardnadze"),
    ("Zhvania", "Schwania", "Żwania"),
    ("Saakashvili", "Saakaschwili", "Saakaszwili", "Saakachvili"),
    ("Kharchilava", "Chartschilawa", "Charczilawa"),
    ("Dzhokhar", "Dschochar", "Dżochar", "Djokhar"),
    ("Zhukov", "Schukow", "Żukow", "Joukov"),
    ("Jong", "Dschong", "Dzong"),
    ("Khalid", "Chalid"),
]


@pytest.mark.parametrize("forms", OTHER_NAMES, ids=lambda forms: forms[0])
def test_other_names_read_alike_in_every_romanisation(forms: tuple[str, ...]) -> None:
    english = readings(folded(forms[0]))
    for form in forms[1:]:
        assert readings(folded(form)) & english, form


def test_letters_whose_diacritic_marks_another_sound_keep_it_when_folded() -> None:
    assert fold_name("Nino Dżaparidze") == "nino dzhaparidze"
    assert fold_name("Šuškevič") == "shushkevich"
    assert fold_name("Budánov") == "budanov"
