"""Spans of a learned attribution: the cue's anchor token, and the content around the heads the content
model chose, drawn as PolNeAR marks contents (measured on PolNeAR train articles 0–149, issue #16): the
preposition a cue governs goes with the cue ("voted for | the bill"), and with nobody named as the source,
the content runs from the cue's subject over the cue ("Pigs are considered unclean")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyline.stages.claims.spans import CharSpan, token_span
from storyline.stages.claims.speakers import SUBJECT_DEPS

EMPTY_SPEAKERS = frozenset({"it", "there", "this", "that"})


def run_anchor(run: Sequence[Token]) -> Token:
    """The token of a cue run whose head lies outside it (the first such)."""
    indexes = {token.i for token in run}
    return next((t for t in run if t.head.i not in indexes or t.head.i == t.i), run[0])


def content_from_heads(heads: Sequence[Token], run: Sequence[Token], source: Token | None) -> CharSpan | None:
    """The subtrees of the content heads (the best first) without the cue's or the source's subtree, as one
    run of tokens around the best head."""
    head = heads[0]
    removed = {token.i for token in run}
    top = run_anchor(run)
    if top.i != head.i and head.is_ancestor(top):
        removed |= {token.i for token in top.subtree}
    if source is not None and source.i != head.i and head.is_ancestor(source):
        removed |= {token.i for token in source.subtree}
    if source is not None:
        removed.add(source.i)
    kept = {token.i for member in heads for token in member.subtree if token.i not in removed}
    start = end = head.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    doc = head.doc
    while start < end and _is_governed_lead(doc[start], kept):
        start += 1
    return token_span(doc[start : end + 1])


def _is_governed_lead(token: Token, kept: set[int]) -> bool:
    """A preposition the cue governs ("voted for X", "spoke on his support for Y"): PolNeAR's content is
    its object, the preposition goes with the cue."""
    return token.pos_ == "ADP" and token.dep_ == "prep" and token.head.i not in kept


def with_raised_subject(text: str, anchor: Token, content: CharSpan) -> CharSpan:
    """ "Pigs are considered unclean", "his supporters seemed unperturbed": with nobody named as the
    source, the cue's subject is what the content is said of, and PolNeAR's content runs from it over the
    cue. The claim's kind stays that of the complement alone."""
    subjects = [
        c
        for c in anchor.children
        if c.dep_ in SUBJECT_DEPS and c.i < anchor.i and c.lower_ not in EMPTY_SPEAKERS
    ]
    if not subjects or content[0] < anchor.idx or subjects[0].tag_ in ("WP", "WDT"):
        return content
    start = subjects[0].left_edge.idx
    return content if "\n" in text[start : content[0]] else (start, content[1])
