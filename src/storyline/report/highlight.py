"""Cut an article's text into a flat run of open / text / close tokens for the spans to highlight.

Claims, speakers, cues and foreign fragments overlap freely (a speaker inside another claim's content, two
claims crossing), but markup must nest. Where a span would cross one still open, the inner elements are
closed and reopened as continuations, so every element nests and the text of a span's fragments, joined,
is exactly ``text[start:end]``. The first fragment carries the span's anchor. Tokens hold plain text; the
template escapes it, so no user text ever reaches the page unescaped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

# Which element goes outside when two spans start and end together: the claim's <mark> holds the rest.
NESTING_ORDER = {"claim": 0, "foreign": 1, "speaker": 2, "cue": 3}


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str  # a key of NESTING_ORDER
    key: str = ""  # claim id (the anchor) for claims, the language code for foreign fragments
    variant: str = ""  # the claim's modality, for its colour
    title: str = ""  # shown on hover


@dataclass(frozen=True, slots=True)
class Token:
    kind: Literal["open", "text", "close"]
    text: str = ""
    highlight: Highlight | None = None
    first: bool = False  # an "open" that starts the span (not a continuation after a crossing span)


def tokenize(text: str, highlights: Iterable[Highlight]) -> list[Token]:
    """The text as tokens with every non-empty highlight opened and closed around its characters."""
    spans = sorted({h for h in highlights if h.start < h.end}, key=_opening_order)
    for span in spans:
        if span.start < 0 or span.end > len(text):
            raise ValueError(
                f"{span.kind} span {span.start}..{span.end} ({span.key or span.title!r}) lies outside "
                f"the text ({len(text)} characters)"
            )
    starting_at: dict[int, list[Highlight]] = defaultdict(list)
    for span in spans:
        starting_at[span.start].append(span)
    boundaries = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})

    tokens: list[Token] = []
    open_stack: list[Highlight] = []
    for position, next_position in pairwise(boundaries):
        continuing = _close_spans_ending_at(position, open_stack, tokens)
        _open_spans(continuing, starting_at[position], open_stack, tokens)
        tokens.append(Token("text", text[position:next_position]))
    _close_spans_ending_at(len(text), open_stack, tokens)
    return tokens


def _opening_order(span: Highlight) -> tuple[int, int, int]:
    # Longer spans open first, so they enclose the shorter ones that start with them.
    return (span.start, -span.end, NESTING_ORDER.get(span.kind, len(NESTING_ORDER)))


def _close_spans_ending_at(
    position: int, open_stack: list[Highlight], tokens: list[Token]
) -> list[Highlight]:
    """Close the spans ending here; any still-open span above them in the stack is closed too and
    returned, to be reopened as a continuation."""
    deepest = next((depth for depth, span in enumerate(open_stack) if span.end == position), None)
    if deepest is None:
        return []
    continuing = []
    while len(open_stack) > deepest:
        span = open_stack.pop()
        tokens.append(Token("close", highlight=span))
        if span.end != position:
            continuing.append(span)
    return continuing


def _open_spans(
    continuing: list[Highlight], starting: list[Highlight], open_stack: list[Highlight], tokens: list[Token]
) -> None:
    is_new = {span: True for span in starting} | {span: False for span in continuing}
    for span in sorted(
        is_new, key=lambda span: (-span.end, NESTING_ORDER.get(span.kind, len(NESTING_ORDER)))
    ):
        open_stack.append(span)
        tokens.append(Token("open", highlight=span, first=is_new[span]))
