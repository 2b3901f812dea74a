"""The ledger's English plurals and singulars (``stages/ledger/plurals.py``)."""

from __future__ import annotations

from storyline.stages.ledger.plurals import is_plural_of, plural, singular


def test_plurals_follow_the_regular_suffix_rules() -> None:
    assert [plural(noun) for noun in ("facility", "day", "boat", "people", "tonnes")] == [
        "facilities",
        "days",
        "boats",
        "people",
        "tonnes",
    ]
    # after a hissing sound: "es"
    assert [plural(noun) for noun in ("branch", "box", "dish")] == ["branches", "boxes", "dishes"]


def test_singulars_undo_ies_and_s() -> None:
    assert [singular(noun) for noun in ("families", "cases", "workers")] == ["family", "case", "worker"]


def test_a_word_is_a_plural_of_its_singular_by_s_es_or_ies() -> None:
    assert is_plural_of("posts", "post") and is_plural_of("boxes", "box")
    assert is_plural_of("facilities", "facility") and is_plural_of("post", "post")
    assert not is_plural_of("poster", "post") and not is_plural_of("facilities", "facilit")
