"""Readers' letters: a page of letters to the editor speaks in its writers' voices, not the outlet's.

A letters page prints each letter as a few paragraphs closed by a line holding the writer's name alone
("Martin Litwak."), often followed by a line of the town ("Olympia, Wash."). What such a letter states with no
one it attributes to is the writer's statement, not the outlet's narration (PolNeAR curiel, issue #14: the
ledger gold gives every unattributed sentence of a USA Today letters page to the letter's signer, and the
brief counted the outlet as a voice of its own beside the Post's reports).

A signature is a line that is one PERSON entity of two to four words and nothing else but a closing full
stop; a page counts as letters only when at least two lines are signatures (one name alone at an article's
end may be a credit or a heading), and a live blog's unpunctuated author lines ("Amanda Terkel") are no
signatures. A letter is the run of prose paragraphs right above its signature: a short line (a heading such
as "LETTERS." or "FACEBOOK.", a town, the signature before) ends it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from storyline.records import Claim
from storyline.stages.claims.spans import CharSpan

# Fewer words than this make a line a heading, a town or a signature rather than a letter's paragraph.
MIN_PARAGRAPH_WORDS = 6
SIGNATURE_WORDS = range(2, 5)
MIN_SIGNATURES = 2


def with_letter_writers(doc: Doc, text: str, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with each outlet-voice claim inside a signed letter given the letter's signer as speaker
    (an empty cue still: the writer states it in the letter itself) and marked as a letter's
    (``Claim.signed``: the ledger counts no reader as a source). ``text``: the doc's text, read once by
    the caller (Doc.text joins every token again at each read)."""
    letters = signed_letters(doc, text)
    if not letters:
        return list(claims)
    return [_signed(text, claim, letters) for claim in claims]


def signed_letters(doc: Doc, text: str) -> list[tuple[CharSpan, CharSpan]]:
    """(the letter's span, the signer's name) for each signed letter of a letters page; none elsewhere.
    ``text``: the doc's text."""
    lines = text_lines(text)
    signatures = {line: name for line in lines if (name := _signature(doc, text, line)) is not None}
    if len(signatures) < MIN_SIGNATURES:
        return []
    letters = []
    for index, line in enumerate(lines):
        if line not in signatures:
            continue
        first = index
        while first > 0 and _is_paragraph(doc, lines[first - 1]) and lines[first - 1] not in signatures:
            first -= 1
        if first < index:
            letters.append(((lines[first][0], lines[index - 1][1]), signatures[line]))
    return letters


def text_lines(text: str) -> list[CharSpan]:
    """The non-blank lines of the text, as spans without their surrounding whitespace."""
    spans = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            offset = start + line.index(stripped)
            spans.append((offset, offset + len(stripped)))
        start += len(line) + 1
    return spans


def _signature(doc: Doc, text: str, line: CharSpan) -> CharSpan | None:
    """The name of a line of the doc's ``text`` that is a person's name alone, closed by a full stop."""
    if not text[line[0] : line[1]].endswith("."):
        return None
    span = doc.char_span(line[0], line[1] - 1, alignment_mode="strict")
    if span is None or len(span) not in SIGNATURE_WORDS:
        return None
    return (line[0], line[1] - 1) if _one_person(span) else None


def _one_person(span: Span) -> bool:
    return any(
        ent.label_ == "PERSON" and ent.start == span.start and ent.end == span.end for ent in span.doc.ents
    ) and all(token.is_title or not token.is_alpha for token in span)  # "H.", "Fraga-Rosenfeld"


def _is_paragraph(doc: Doc, line: CharSpan) -> bool:
    span = doc.char_span(*line, alignment_mode="expand")
    return span is not None and sum(token.is_alpha for token in span) >= MIN_PARAGRAPH_WORDS


def _signed(text: str, claim: Claim, letters: list[tuple[CharSpan, CharSpan]]) -> Claim:
    if not claim.outlet_voice:
        return claim
    for (start, end), (name_start, name_end) in letters:
        if start <= claim.start and claim.end <= end:
            return dataclasses.replace(
                claim,
                speaker_text=text[name_start:name_end],
                speaker_start=name_start,
                speaker_end=name_end,
                signed="letter",
            )
    return claim
