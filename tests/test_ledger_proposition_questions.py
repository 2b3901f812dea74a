"""A proposition asked as a question (``ledger.proposition_questions``), on sentences written for it."""

from __future__ import annotations

from factories import make_claim

from storyline.records import Claim
from storyline.stages.ledger.proposition_questions import affirming_first


def claim(text: str, verb: str, id: str) -> Claim:
    """A claim whose content's top-level finite verb is the first occurrence of ``verb``."""
    return make_claim(text, id=id, speaker_text="Someone", finite_verbs=(text.index(verb),))


def test_a_label_of_both_sides_is_worded_from_the_affirming_side() -> None:
    denial = claim("she neither sent nor received cables marked secret", "sent", id="c1")
    finding = claim("she did receive some cables with secret markings", "did", id="c2")
    assert affirming_first([denial, finding], [0, 1]) == [1, 0]
    # one side only: the central order stands
    assert affirming_first([finding, finding], [1, 0]) == [1, 0]
