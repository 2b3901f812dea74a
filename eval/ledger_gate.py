"""Where the keyed links' cosine gate could sit: the masked-content cosines of keyed candidate pairs of the
real-news ledger gold, same gold question against other gold questions.

``python eval/ledger.py --corpus polnear --gate-cosines [--cache DIR]`` prints, pooled over the development
stories only (the held-out story is never read: a floor chosen on it would be tuned on it), each pair of
claims of two gold sentences that the proposition keys make a candidate (``ledger.proposition_links
.keyed_candidates``), split by how strongly the keys agree (``pair_kind``) and by whether the two sentences
answer one gold question, with the MiniLM cosine of their masked contents (what ``finish_keyed`` gates on).
Under it, for each floor, how many same-question and other-question pairs would pass: a floor is worth
moving only where the two lists separate. Pairs are read over every gold sentence of a story, whatever
story clustering did, so the gate is measured alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from eval.ledger_errors import KeyReader
from eval.ledger_metrics import GoldSentence, claims_of
from storyline.embeddings import Embedder
from storyline.records import Brief, Claim
from storyline.stages.ledger.proposition_links import keyed_candidates
from storyline.stages.ledger.propositions import PropositionKey

ONE_ENTITY, ONE_PREDICATE, ONE_CLASS = "one predicate, one named entity", "one predicate", "one class"
PAIR_KINDS = (ONE_ENTITY, ONE_PREDICATE, ONE_CLASS)
FLOORS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


@dataclass(frozen=True, slots=True)
class GatePair:
    kind: str  # ``PAIR_KINDS``
    same_question: bool
    cosine: float


def pair_kind(first: PropositionKey, second: PropositionKey) -> str:
    """``one predicate, one named entity`` (a shared predicate, a shared resolved entity among the
    arguments), ``one predicate`` (the entity only on one side, or a surname alone) or ``one class`` (other
    predicates of one class: ``class_candidates``)."""
    if not first.predicates & second.predicates:
        return ONE_CLASS
    named = {argument for argument in first.arguments & second.arguments if argument.startswith("@")}
    return ONE_ENTITY if named else ONE_PREDICATE


def gate_pairs(brief: Brief, gold: Sequence[GoldSentence], encoder: Embedder) -> list[GatePair]:
    """Each keyed candidate pair of claims of the story's gold sentences, once, with its masked cosine; a
    claim covering sentences of several questions is of one question with each."""
    reader = KeyReader.of(brief, encoder)
    questions: dict[str, set[str]] = {}
    claims: dict[str, Claim] = {}
    for sentence in gold:
        for claim in claims_of(sentence, brief.claims):
            questions.setdefault(claim.id, set()).add(sentence.question)
            claims[claim.id] = claim
    keys = {claim_id: reader.key(claim) for claim_id, claim in claims.items()}
    words = {claim_id: reader.words(claim) for claim_id, claim in claims.items()}
    candidates = []
    ordered = sorted(claims)
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            first_key, second_key = keys[first], keys[second]
            if (
                first_key
                and second_key
                and keyed_candidates([first_key, second_key], [words[first], words[second]])
            ):
                candidates.append((first, second, pair_kind(first_key, second_key)))
    if not candidates:
        return []
    texts = sorted({claim_id for first, second, _kind in candidates for claim_id in (first, second)})
    vectors = encoder([reader.masked(claims[claim_id]) for claim_id in texts])
    row = {claim_id: position for position, claim_id in enumerate(texts)}
    return [
        GatePair(
            kind,
            bool(questions[first] & questions[second]),
            float(np.dot(vectors[row[first]], vectors[row[second]])),
        )
        for first, second, kind in candidates
    ]


def passing(pairs: Sequence[GatePair], floor: float) -> Mapping[bool, int]:
    """Same-question (True) and other-question (False) pairs at or above ``floor``."""
    return {
        same: sum(1 for pair in pairs if pair.same_question == same and pair.cosine >= floor)
        for same in (True, False)
    }


def print_gate(pairs: Sequence[GatePair]) -> None:
    print(f"== keyed candidate pairs of the development stories' gold sentences: {len(pairs)}")
    for kind in PAIR_KINDS:
        of_kind = [pair for pair in pairs if pair.kind == kind]
        for same, label in ((True, "same question"), (False, "other question")):
            cosines = sorted(round(pair.cosine, 2) for pair in of_kind if pair.same_question == same)
            print(f"  {kind:<32} {label:<15} {len(cosines):3}  {cosines}")
        counts = "  ".join(
            f"{floor:.2f}: {(n := passing(of_kind, floor))[True]}/{n[False]}" for floor in FLOORS
        )
        print(f"  {'':<32} same/other at or above  {counts}")
