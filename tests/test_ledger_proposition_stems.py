"""The stems predicates are compared by (``ledger.proposition_stems``): inflections, irregular forms and
synonym sets meeting on one stem, and content words read as stems.
"""

from __future__ import annotations

from storyline.stages.ledger.grouping import content_words
from storyline.stages.ledger.proposition_stems import nominal_stems, predicate_stem, predicate_stems


def test_synonyms_of_one_set_meet_on_one_stem() -> None:
    assert predicate_stem("indicted") == predicate_stem("prosecute")
    assert predicate_stem("probed") == predicate_stem("investigating")
    assert predicate_stem("indictment") != predicate_stem(
        "prosecute"
    )  # the noun meets it as a nominalisation
    assert predicate_stem("prosecute") in nominal_stems("indictment")


def test_a_stem_ending_in_s_meets_its_predicate_among_the_content_words() -> None:
    # "releasing" stems to "releas": stemmed again it lost its "s" and met no "he won't release them"
    assert predicate_stem("release") in predicate_stems(content_words("nothing stops his releasing them"))
    assert predicate_stem("discussed") in predicate_stems(content_words("they are discussing the levy"))


def test_inflections_and_irregular_forms_meet_on_one_stem() -> None:
    assert predicate_stem("prosecuted") == predicate_stem("prosecute") == predicate_stem("prosecuting")
    assert predicate_stem("sent") == predicate_stem("send")
    assert predicate_stem("met") == predicate_stem("meets")
    assert predicate_stem("carelessness") == predicate_stem("careless")
