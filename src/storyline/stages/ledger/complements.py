"""Where a statement framed by a verb of saying, thinking or framing asserts its proposition: the clause
complement ("I think that the system is being rigged": rigged, not think).

The worker notes a content's top-level finite verbs (``Claim.finite_verbs``); a quote opening with "I think"
or "they argue that" has that verb as its only top-level one, so the proposition keys read "think" (vacuous:
no key) or "argue" (a predicate nobody else's claim shares) and the statement meets none of the claims it
answers. A top verb of the lexicon's ``complement_verbs`` (``propositions``) stands here for the finite verb
of its clause complement, found in a parse of the content alone: only contents whose top verb is one of these
are parsed (a few per story), once each. The reading of the content alone is enough here: the complement of
a verb of the content lies inside the content.

Two complements are followed, both finite (a non-finite one, "shows Clinton leading", asserts no clause of
its own): the verb's clause complement ("argue that there is precedent") and the clause a noun of its
prepositional phrase holds ("flies in the face of the fact that these emails were unmarked"). A complement
that is itself such a verb is followed again ("he said she thought …").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.claims.finite import is_finite
from storyline.stages.ledger.grouping import WORD

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLAUSE_COMPLEMENTS = frozenset({"ccomp", "acl"})  # "argue that …"; the noun's "the fact that …"
PHRASE_LINKS = frozenset({"prep", "pobj"})  # "in the face of the fact": the way to the noun
MARKERS = frozenset({"that", "whether"})  # a noun's clause is its content, not a relative clause, after these
MAX_DEPTH = 3  # complements followed: "he said she thought they had lied"


@cache
def _complement_verbs() -> frozenset[str]:
    return frozenset(load_lexicon("propositions")["complement_verbs"])


def keyed_offsets(claim: Claim) -> tuple[int, ...]:
    """The content's top-level finite verbs (``Claim.finite_verbs``), each of saying, thinking or framing
    standing as the finite verb of its clause complement (offsets from the content's start)."""
    return tuple(complement_offset(claim.text, offset) for offset in claim.finite_verbs or ())


def subject_span(claim: Claim) -> tuple[int, int] | None:
    """Where the subject of the content's first keyed verb lies (offsets from the content's start): before
    its first top-level finite verb, or, when that verb frames a clause, between it and the clause's verb
    ("I think that the system is being rigged": the system, not I). None without a finite verb."""
    if not claim.finite_verbs:
        return None
    top = claim.finite_verbs[0]
    keyed = complement_offset(claim.text, top)
    return (0, top) if keyed == top else (top, keyed)


def complement_offset(text: str, offset: int) -> int:
    """The offset of the finite verb whose clause the verb at ``offset`` frames, or ``offset`` itself when
    that verb is no verb of saying, thinking or framing, or frames no finite clause."""
    for _ in range(MAX_DEPTH):
        word = WORD.match(text, offset)
        if word is None or word.group().lower() not in _complement_verbs():
            return offset
        token = next((token for token in _parsed(text) if token.idx == offset), None)
        complement = next(_finite_complements(token), None) if token is not None else None
        if complement is None:
            return offset
        offset = complement.idx
    return offset


def _finite_complements(verb: Token) -> Iterator[Token]:
    """The finite clause complements of ``verb``, and of the nouns its prepositional phrases reach."""
    for child in verb.children:
        if child.dep_ == "ccomp" and is_finite(child):
            yield child
        elif child.dep_ in PHRASE_LINKS:
            yield from _noun_clauses(child)


def _noun_clauses(token: Token) -> Iterator[Token]:
    for child in token.children:
        marked = any(mark.dep_ == "mark" and mark.lower_ in MARKERS for mark in child.children)
        if child.dep_ in CLAUSE_COMPLEMENTS and marked and is_finite(child):
            yield child
        elif child.dep_ in PHRASE_LINKS:
            yield from _noun_clauses(child)


@lru_cache(maxsize=4096)
def _parsed(text: str) -> Doc:
    """The content parsed alone, once (the pipeline's model, loaded once per process)."""
    from storyline.stages.nlp import load_nlp

    return load_nlp()(text)
