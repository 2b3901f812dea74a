"""The together-errors of ``eval/ledger.py --errors`` are classified by the first loss, and never shown for a
held-out story."""

from __future__ import annotations

import pytest

from eval.ledger_errors import NO_CLAIM, NOT_IN_LEDGER, OTHER_QUESTION, print_errors, together_errors
from eval.ledger_metrics import GoldSentence, Predicted
from storyline.records import Brief


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
