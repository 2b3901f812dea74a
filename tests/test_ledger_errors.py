"""The together-errors of ``eval/ledger.py --errors`` are classified by the first loss, and never shown for a
held-out story."""

from __future__ import annotations

import pytest
from factories import make_claim, make_position, make_question

from eval.ledger_errors import (
    ARGUMENTS_CONFLICT,
    KEYED,
    NO_CLAIM,
    NO_KEY,
    NOT_IN_LEDGER,
    OTHER_PREDICATES,
    OTHER_QUESTION,
    OTHER_STORY,
    UNDER_THE_GATE,
    UNPLACED,
    WRONG_STATUS,
    KeyReader,
    apart_errors,
    key_stage,
    pair_key_stage,
    print_errors,
    speaker_error_class,
    status_errors,
    together_errors,
)
from eval.ledger_metrics import GoldSentence, Predicted
from storyline.records import Brief, Claim


def sentence(start: int, question: str = "q") -> GoldSentence:
    return GoldSentence("a", start, start + 5, question, "affirm", "someone")


def test_each_pair_of_one_question_sharing_no_ledger_question_is_classified_by_its_first_loss() -> None:
    gold = [sentence(0), sentence(10), sentence(20), sentence(30), sentence(40), sentence(50, "other")]
    predicted = [
        Predicted(True, "x", frozenset({("q1", 0)})),
        Predicted(True, "x", frozenset({("q1", 0)})),  # together with 0: no error
        Predicted(True, "x", frozenset({("q2", 0)})),  # in the ledger, another question
        Predicted(True, "x", frozenset()),  # claimed, in no question
        Predicted(False, None, frozenset()),  # no claim
        Predicted(True, "x", frozenset()),  # another gold question: never a together pair
    ]
    errors = {(i, j): kind for i, j, kind in together_errors(gold, predicted)}
    assert (0, 1) not in errors
    assert errors[0, 2] == OTHER_QUESTION
    assert errors[0, 3] == NOT_IN_LEDGER and errors[2, 3] == NOT_IN_LEDGER
    assert errors[0, 4] == NO_CLAIM and errors[3, 4] == NO_CLAIM
    assert not any(5 in pair for pair in errors)


def test_a_held_out_story_is_refused() -> None:
    with pytest.raises(ValueError, match="held out"):
        print_errors({"story": "kept-back", "held_out": True}, Brief(articles=()), [], [])


def test_a_pair_whose_articles_are_in_two_stories_is_story_clusterings_loss() -> None:
    gold = [sentence(0), GoldSentence("b", 0, 5, "q", "affirm", "someone")]
    predicted = [Predicted(True, "x", frozenset()), Predicted(True, "x", frozenset())]
    assert together_errors(gold, predicted, {"a": "s1", "b": "s2"}) == [(0, 1, OTHER_STORY)]
    assert together_errors(gold, predicted, {"a": "s1", "b": "s1"}) == [(0, 1, NOT_IN_LEDGER)]
    unclaimed = [Predicted(False, None, frozenset()), predicted[1]]
    assert together_errors(gold, unclaimed, {"a": "s1", "b": "s2"}) == [(0, 1, NO_CLAIM)]


def test_status_errors_tell_an_unplaced_question_from_a_wrong_status() -> None:
    gold = [sentence(0, "held"), sentence(10, "held"), sentence(20, "lost"), sentence(30, "right")]
    predicted = [
        Predicted(True, "x", frozenset({("q1", 0)})),
        Predicted(True, "x", frozenset({("q1", 0)})),
        Predicted(True, "x", frozenset()),
        Predicted(True, "x", frozenset({("q2", 0)})),
    ]
    questions = {
        "q1": make_question("Was it?", make_position("c1"), id="q1", status="contested"),
        "q2": make_question("Is it?", make_position("c2"), id="q2"),
    }
    wanted = {"held": "denied", "lost": "single-source", "right": "single-source"}
    found = status_errors(gold, predicted, wanted, questions)
    assert [(key, kind) for key, kind, _question in found] == [("held", WRONG_STATUS), ("lost", UNPLACED)]
    assert found[0][2] is questions["q1"]


def test_speaker_errors_are_classed_by_whose_voice_was_wanted() -> None:
    assert speaker_error_class("politico", "The agency") == "outlet wanted"
    assert speaker_error_class("Mike Pence", None) == "outlet given"
    assert speaker_error_class("James Comey", "Clinton") == "other speaker"
    assert speaker_error_class("James Comey", "Comey") is None
    assert speaker_error_class("politico", None) is None


def test_pairs_of_different_gold_questions_in_one_ledger_question_are_apart_errors() -> None:
    gold = [sentence(0, "q"), sentence(10, "other"), sentence(20, "third"), sentence(30, "third")]
    predicted = [
        Predicted(True, "x", frozenset({("q1", 0)})),
        Predicted(True, "x", frozenset({("q1", 1)})),  # another gold question in q1: an error
        Predicted(True, "x", frozenset({("q2", 0)})),
        Predicted(True, "x", frozenset({("q2", 0)})),  # one gold question together: no error
    ]
    assert apart_errors(gold, predicted) == [(0, 1, "q1")]
    # a sentence gold for both questions ("leads by 43 percent to 38 percent") is no pair of them
    both = [*gold, sentence(0, "other")]
    assert apart_errors(both, [*predicted, predicted[0]]) == []


def keyed(text: str, verb: str, article: str = "a", id: str = "c1") -> Claim:
    """A claim whose content's one top-level finite verb is the first occurrence of ``verb``."""
    return make_claim(text, article=article, id=id, speaker_text="Someone", finite_verbs=(text.index(verb),))


def test_a_pair_lost_in_the_ledger_is_classed_by_how_far_its_claims_got_through_the_keys() -> None:
    reader = KeyReader(spans={}, persons={})  # no encoder: the gate is the word-overlap floor
    refusal = keyed("the ministry would not prosecute the envoy", "prosecute")
    assert key_stage(refusal, make_claim("the envoy to face charges", id="c2"), reader) == NO_KEY
    careless = keyed("the envoy was careless with the cables", "was", id="c2")
    assert key_stage(refusal, careless, reader) == OTHER_PREDICATES
    decision = keyed("the ministry will prosecute the envoy", "prosecute", id="c2")
    assert key_stage(refusal, decision, reader) == KEYED
    # one predicate, little else in common: the gate keeps them apart
    theft = "they prosecuted a cook in a village near the harbour last spring for stealing bread and cheese"
    assert key_stage(refusal, keyed(theft, "prosecuted", id="c2"), reader) == UNDER_THE_GATE
    # of the furthest pair of claims of two sentences
    assert pair_key_stage([refusal], [careless, decision], reader) == KEYED
    assert pair_key_stage([refusal], [], reader) == NO_KEY


def test_subjects_naming_different_entities_are_an_arguments_conflict() -> None:
    first = keyed("Seoul may send troops to the border", "send")
    second = keyed("Pyongyang sent troops to the border", "sent", article="b", id="c2")
    reader = KeyReader(spans={"a": [(0, 5, "seoul")], "b": [(0, 9, "pyongyang")]}, persons={})
    assert key_stage(first, second, reader) == ARGUMENTS_CONFLICT
