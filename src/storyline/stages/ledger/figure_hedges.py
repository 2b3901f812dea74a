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

Nor is a figure hedged by a hedge that stands only in another clause or phrase below it: "Ailes had three
brief conversations with Trump about possibly appearing at the debate" states the three conversations, and
"possibly" weighs only the appearing (PolNeAR trump-debate-demands: Fox News's flat count read "unconfirmed,
only hedged support", issue #14). Each hedge word of the claim's text (a hedge adverb, an epistemic modal)
reaches what its head governs (the head's subtree); a figure outside every such subtree is asserted
(``_hedges_miss``). A claim with a hedge phrase ("it is possible"), a hedge on its cue ("reportedly said")
or no hedge word found in its text stays hedged: the hedge is then not one this reading can place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

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
    offsets = [quantity.start - claim.start for quantity in figures]
    if _hedges_miss(doc, claim.cue, offsets):
        return True
    return all(_own_clause_asserted(doc, offset) for offset in offsets)


def _token_at(doc: Doc, offset: int) -> Token | None:
    return next((t for t in doc if t.idx <= offset < t.idx + max(len(t.text), 1)), None)


def _hedges_miss(doc: Doc, cue: str, offsets: Sequence[int]) -> bool:
    """Whether the claim's hedge words all stand in a phrase or clause that holds none of its figures (at
    character ``offsets``): each hedge word reaches its head's subtree ("about possibly appearing": the
    appearing). False when no hedge word is found, when a hedge phrase or a hedged cue may be what hedges,
    or when a figure is not found in the parse."""
    lexicon = claim_lexicon()
    words = [token.lower_ for token in doc if not token.is_punct]
    cue_words = set(cue.lower().split())
    if cue_words & lexicon.hedge_adverbs or any(
        tuple(words[i : i + len(p)]) == p for p in lexicon.hedge_phrases for i in range(len(words))
    ):
        return False
    hedges = [
        token
        for token in doc
        if token.lower_ in lexicon.hedge_adverbs
        or (token.lower_ in lexicon.hedge_modals and token.tag_ == "MD")
    ]
    figures = [_token_at(doc, offset) for offset in offsets]
    if not hedges or any(figure is None for figure in figures):
        return False
    reached = {t.i for hedge in hedges for t in hedge.head.subtree}
    return not any(figure.i in reached for figure in figures if figure is not None)


def _own_clause_asserted(doc: Doc, offset: int) -> bool:
    """Whether the token at character ``offset`` lies in an unhedged relative or factual adverbial clause."""
    token = _token_at(doc, offset)
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
