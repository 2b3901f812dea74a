"""Whether a hedged claim's figure is itself hedged, or stated in a clause of its own (``asserted_figures``).

The claims stage reads a claim's modality on its main predicate: "He could fare well on Super Tuesday, when
15 states will hold elections" is hedged ("could"). But the figure stands in a relative clause with its own
finite verb ("when 15 states will hold …"), which the hedge does not reach: the outlet states that 15 states
vote, it only allows that he could fare well. A value question weighs the figure, so such a claim asserts it
(issue #14: PolNeAR iowa showed the Times' 15 Super Tuesday states "unconfirmed, only hedged support").
Only a relative clause ("relcl") or an adverbial clause a subordinator of fact opens ("when", "because":
``FACT_SUBORDINATORS``) counts; a conditional ("if 15 states vote") or a complement clause ("may say that 15
states vote") stays under the hedge, and a clause with a hedge of its own ("when 15 states may vote") stays
hedged (``claims.predicate_modality`` read on that clause).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from storyline.records import Claim, Position
from storyline.stages.claims import claim_lexicon, predicate_modality
from storyline.stages.nlp import load_nlp

# Subordinators that open an adverbial clause of fact, not a condition ("if", "unless") or a purpose ("so
# that"): a closed class of English, listed by hand.
FACT_SUBORDINATORS = frozenset({"when", "where", "while", "because", "since", "as", "after"})
# Dependency labels of a clause the main predicate's hedge does not reach (given a subordinator of fact).
RELATIVE, ADVERBIAL = "relcl", "advcl"


@lru_cache(maxsize=4096)
def _parsed(text: str) -> Doc:
    return load_nlp()(text)


def figure_clause_asserted(claim: Claim, value: float) -> bool:
    """Whether every figure of ``value`` in the hedged ``claim`` stands in a relative or factual adverbial
    clause that no hedge of its own governs (module doc); False for a claim that is not hedged."""
    figures = [q for q in claim.quantities if q.value == value]
    if claim.modality != "hedged" or not figures:
        return False
    doc = _parsed(claim.text)
    return all(_own_clause_asserted(doc, quantity.start - claim.start) for quantity in figures)


def _own_clause_asserted(doc: Doc, offset: int) -> bool:
    """Whether the token at character ``offset`` lies in an unhedged relative or factual adverbial clause."""
    token = next((t for t in doc if t.idx <= offset < t.idx + max(len(t.text), 1)), None)
    while token is not None and token.dep_ != "ROOT":
        if token.dep_ == RELATIVE or (
            token.dep_ == ADVERBIAL
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in FACT_SUBORDINATORS for c in token.children)
        ):
            clause = doc[token.left_edge.i : token.right_edge.i + 1]
            return predicate_modality(clause, claim_lexicon()) == "asserted"
        token = token.head
    return False


def asserted_figures(positions: Sequence[Position], claims: Sequence[Claim]) -> list[Claim]:
    """The claims, each hedged one whose value position's figures it states in a clause of their own
    (``figure_clause_asserted``) read as asserted."""
    values = {claim_id: p.value for p in positions if p.value is not None for claim_id in p.claims}
    return [
        replace(claim, modality="asserted")
        if claim.id in values and figure_clause_asserted(claim, values[claim.id] or 0.0)
        else claim
        for claim in claims
    ]
