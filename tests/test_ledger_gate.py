"""``eval/ledger.py --gate-cosines`` measures the keyed links' gate: each keyed candidate pair of the gold's
claims, by how strongly the keys agree and by whether the two answer one gold question."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from factories import make_claim

from eval.ledger_gate import ONE_CLASS, ONE_ENTITY, ONE_PREDICATE, GatePair, gate_pairs, pair_kind, passing
from eval.ledger_metrics import GoldSentence
from storyline.records import Brief, Claim
from storyline.stages.ledger.propositions import PropositionKey


def test_a_pair_is_kinded_by_how_strongly_its_keys_agree() -> None:
    envoy = PropositionKey(frozenset({"prosecut"}), frozenset({"@envoy", "~dane"}))
    assert pair_kind(envoy, PropositionKey(frozenset({"prosecut"}), frozenset({"@envoy"}))) == ONE_ENTITY
    # a surname alone, or a pronoun on one side, is no resolved entity in common
    assert pair_kind(envoy, PropositionKey(frozenset({"prosecut"}), frozenset({"~dane"}))) == ONE_PREDICATE
    assert pair_kind(envoy, PropositionKey(frozenset({"prosecut"}), frozenset())) == ONE_PREDICATE
    assert pair_kind(envoy, PropositionKey(frozenset({"charg"}), frozenset({"@envoy"}))) == ONE_CLASS


def test_a_floor_passes_the_pairs_at_or_above_it_by_label() -> None:
    pairs = [
        GatePair(ONE_ENTITY, True, 0.7),
        GatePair(ONE_ENTITY, True, 0.5),
        GatePair(ONE_ENTITY, False, 0.55),
    ]
    assert passing(pairs, 0.5) == {True: 2, False: 1}
    assert passing(pairs, 0.6) == {True: 1, False: 0}


def keyed(text: str, verb: str, article: str) -> Claim:
    """A statement, the whole of ``article``, whose one top-level finite verb is the first ``verb``."""
    return make_claim(
        text, article=article, id=article, speaker_text="Someone", finite_verbs=(text.index(verb),)
    )


def test_keyed_candidates_of_the_gold_claims_are_labelled_by_gold_question_with_their_cosine() -> None:
    claims = (
        keyed("the ministry would not prosecute the envoy", "prosecute", "a"),
        keyed("the ministry will prosecute the envoy", "prosecute", "b"),
        keyed("they prosecuted a cook for stealing bread", "prosecuted", "c"),
        keyed("the envoy was careless with the cables", "was", "d"),  # no candidate: another predicate
    )
    gold = [
        GoldSentence("a", 0, 10, "prosecuted", "deny", "someone"),
        GoldSentence("b", 0, 10, "prosecuted", "affirm", "someone"),
        GoldSentence("c", 0, 10, "cook", "affirm", "someone"),
        GoldSentence("d", 0, 10, "careless", "affirm", "someone"),
    ]

    def encoder(batch: Sequence[str]) -> np.ndarray:  # a stand-in: the cook apart from the envoy
        return np.array([[0.0, 1.0] if "cook" in text else [1.0, 0.0] for text in batch])

    pairs = gate_pairs(Brief(articles=(), claims=claims), gold, encoder)
    assert sorted((pair.same_question, pair.cosine) for pair in pairs) == [
        (False, 0.0),
        (False, 0.0),
        (True, 1.0),
    ]
    assert {pair.kind for pair in pairs} == {ONE_PREDICATE}
