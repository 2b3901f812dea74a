"""The deletion index finds near spellings of a surname and nothing that merely shares a sound."""

from storyline.stages.entities.index import SimilarWords


def test_one_edit_spellings_are_found() -> None:
    index = SimilarWords(["zelensky", "budanov", "rutte"], min_ratio=85.0)
    for spelling in ("zelenskyy", "zelenskiy", "zelensky"):
        assert index.similar(spelling) == {"zelensky"}, spelling
    assert index.similar("budanof") == {"budanov"}


def test_a_near_spelling_with_another_sound_is_not_merged() -> None:
    # "y" before a vowel is a consonant to Metaphone: one edit apart, but the sound test keeps them apart,
    # as blocking by sound did before the index existed.
    index = SimilarWords(["zelensky"], min_ratio=85.0)
    assert index.similar("zelenskyi") == set()


def test_a_word_is_its_own_match_and_unrelated_words_are_not() -> None:
    index = SimilarWords(["kim", "kin", "moon"], min_ratio=85.0)
    assert index.similar("kim") == {"kim"}
    assert index.similar("lee") == set()


def test_same_sound_but_two_edits_apart_is_not_a_candidate() -> None:
    # "nausėda" and "landsbergis" share nothing; "petrova"/"petrenko" share a prefix but are two people.
    index = SimilarWords(["landsbergis", "petrova"], min_ratio=85.0)
    assert index.similar("nauseda") == set()
    assert index.similar("petrenko") == set()
