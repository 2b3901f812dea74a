"""Where a claim's content has its own finite verbs, read from the article's parse in the worker.

The ledger lists a proposition only when the content it is worded from states a clause with a finite verb
("Clinton will win", not "Clinton to win Monday's debate" nor "the email issue", ``ledger.evidence``). It
used to parse each label's content again in the main process, after every article (issue #20); the worker
has the whole article parsed already, so it notes here, per claim, the offsets (from the content's start)
of the content's top-level verbs that are finite — a verb of the content whose head lies outside it (or
that heads its sentence), itself finite or with a finite auxiliary. The ledger cuts the content to its
label's first clause and asks whether one of these lies before the cut: a lookup, not a parse.

The reading is the full article's, not that of the content parsed alone: "if he wins the debate, …" is a
conditional inside a larger sentence (no top-level verb of its own) where the content alone read "wins" as
its root.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from storyline.records import Claim
from storyline.stages.claims.speech_acts import FINITE_TAGS

AUXILIARIES = frozenset({"aux", "auxpass"})


def with_finite_verbs(doc: Doc, claims: Iterable[Claim]) -> list[Claim]:
    """``claims`` with ``finite_verbs`` filled from ``doc``, the parse of the article they come from."""
    return [
        dataclasses.replace(claim, finite_verbs=finite_verbs(doc, claim.start, claim.end)) for claim in claims
    ]


def finite_verbs(doc: Doc, start: int, end: int) -> tuple[int, ...]:
    """Offsets from ``start`` of the finite top-level verbs of characters ``start``–``end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    inside = [token for token in span if start <= token.idx < end]
    # (a Token is made anew on each access, so a root is found by its index, not by identity)
    tops = [token for token in inside if token.head.i == token.i or not start <= token.head.idx < end]
    return tuple(token.idx - start for token in tops if is_finite(token))


def is_finite(verb: Token) -> bool:
    """The verb or one of its auxiliaries is finite (as ``ledger.evidence`` read a sentence's root)."""
    verbs = [verb, *(child for child in verb.children if child.dep_ in AUXILIARIES)]
    return any(token.tag_ in FINITE_TAGS or "VerbForm=Fin" in str(token.morph) for token in verbs)
