"""The stems predicates are compared by (``ledger.proposition_stems``): inflections, irregular forms and
synonym sets meeting on one stem, and content words read as stems.
"""

from __future__ import annotations

from storyline.stages.ledger.grouping import content_words
from storyline.stages.ledger.proposition_stems import (
    nominal_stems,
    noun_lemma,
    predicate_stem,
    predicate_stems,
)


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


def test_a_noun_in_ing_names_the_act_of_its_verb_when_the_lemmatizer_knows_the_verb() -> None:
    assert predicate_stem("met") in nominal_stems("meetings")
    assert predicate_stem("file") in nominal_stems("filing")
    assert predicate_stem("shop") in nominal_stems("shopping")
    assert not nominal_stems("morning")  # no verb "morn": a noun in "-ing" that names no act
    assert not nominal_stems("thing")


def test_a_plural_nominalisation_names_its_verb_as_the_singular_does() -> None:
    assert predicate_stem("recommend") in nominal_stems("recommendations")
    assert nominal_stems("recommendations") == nominal_stems("recommendation")


def test_an_adjective_of_a_quality_meets_the_noun_it_is_made_of() -> None:
    assert predicate_stem("fraud") in nominal_stems("fraudulent")
    assert predicate_stem("danger") in nominal_stems("dangerous")
    assert predicate_stem("harm") in nominal_stems("harmful")
    assert predicate_stem("fury") in nominal_stems("furious")
    assert not nominal_stems("serious")  # no noun "seri": the ending is no suffix here
    assert not nominal_stems("previous")


def test_a_nominal_ending_names_a_verb_only_when_the_lemmatizer_knows_it() -> None:
    # "-ial" → "-y" reads "denial" as "deny"; "special" and "official" are adjectives naming no act
    assert nominal_stems("denial") == {"deny"}
    assert nominal_stems("special") == frozenset()
    assert nominal_stems("official") == frozenset()
    # the verb a noun names is its base form, not read through the irregular past "found" → find
    assert "find" not in nominal_stems("foundation")


def test_a_regular_verb_is_stemmed_from_its_lemma() -> None:
    # the crude stem cuts "flies" to "fli"; the lemmatizer's rules give "fly"
    assert predicate_stem("flies") == predicate_stem("fly") == "fly"
    assert predicate_stem("hoped") == predicate_stem("hoping") == predicate_stem("hope")


def test_a_noun_lemma_meets_its_plural() -> None:
    assert noun_lemma("averages") == noun_lemma("average") == "average"
    assert noun_lemma("children") == "child"
    assert noun_lemma("referees") == "referee"
