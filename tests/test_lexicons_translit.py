"""Each row of the transliteration and given-name tables, tested on its own example."""

import re

import pytest
from unidecode import unidecode

from storyline.lexicons import load_lexicon
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
    return re.sub(r"[^a-z]", "", unidecode(word).lower())


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
