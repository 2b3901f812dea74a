"""The one umbrella noun a coordination of kinds counts under (``ledger.umbrellas``); the kinds read after
a figure's noun are tested with the counts they make in ``test_ledger_kinds``."""

from __future__ import annotations

from storyline.stages.ledger.umbrellas import umbrella_covering

SCHOOLS_AND_KINDERGARTENS = [("school",), ("kindergarten",)]


def test_the_umbrella_is_one_the_story_counts_in() -> None:
    assert umbrella_covering(SCHOOLS_AND_KINDERGARTENS, {"facility", "school"}) == "facility"
    # a story that counts no facilities: the kinds keep their own noun
    assert umbrella_covering(SCHOOLS_AND_KINDERGARTENS, {"school"}) is None


def test_two_umbrellas_covering_the_kinds_name_neither() -> None:
    # schools are facilities and buildings both: counted in both nouns, the coordination cannot say which
    assert umbrella_covering([("school",)], {"facility", "building"}) is None
    # a kind one umbrella alone covers settles it
    assert umbrella_covering([("school",), ("clinic",)], {"facility", "building"}) == "facility"
