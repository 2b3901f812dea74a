"""Quotation spans in article text: paired quote marks and dash-introduced quotes.

Hand-written because no maintained library pairs quote marks over raw text with offsets: news text mixes
straight, curly and low-nine quotes, guillemets and doubled apostrophes, apostrophes look like single
quotes, and translated articles mark speech with a dash ("– I'm sure …, he argues.") instead of quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark → the closing marks that end it. Single quotes are left out on purpose: ’ is also the
# apostrophe ("Korea’s"), so pairing it would cut quotes in the wrong place.
PAIRED_MARKS: dict[str, str] = {"“": "”", "„": "“”", "«": "»"}
STRAIGHT_MARK = '"'
# Closing marks that close an open straight mark when no curly one is open: a closer is never an opener here.
MIXED_CLOSERS = frozenset("”»")
# Two apostrophes as a quote mark, opening and closing alike (''…''): the typewriter style of the New York
# Times texts in PolNeAR (116 of its 840 train articles). A lone apostrophe never pairs (see above).
DOUBLED_MARK = "''"
QUOTE_MARKS = frozenset('“”„«»"‘’')
# A paragraph break ends every open quote: a quote left open there is a typo or a multi-paragraph quote,
# and pairing across it would swallow the narration between.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Speech introduced by a dash, as translated Central and East European news writes it: at the start of a
# line ("– I'm sure …") or after a colon ("Terhas: – I'm sure …"). A hyphen-minus is left out: it starts
# Markdown list items.
DASH_QUOTE = re.compile(r"(?m)(?:^[ \t]*|:[ \t]*)[–—][ \t]+(?=\S)")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` is the quoted text without them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    kind: str  # "marks" | "dash"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """The outermost quotations of ``text`` in order; nested and overlapping ones are dropped."""
    paired = _paired_quotes(text)
    spans = paired + _dash_quotes(text, paired)
    spans.sort(key=lambda span: (span.start, -span.end))
    outermost: list[QuoteSpan] = []
    for span in spans:
        if outermost and span.start < outermost[-1].end:
            continue
        outermost.append(span)
    return outermost


def _paired_quotes(text: str) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    paragraph_start = 0
    for paragraph_break in PARAGRAPH_BREAK.finditer(text):
        opening = text[paragraph_break.end() : paragraph_break.end() + len(DOUBLED_MARK)]
        found.extend(_pair_in_paragraph(text, paragraph_start, paragraph_break.start(), opening))
        paragraph_start = paragraph_break.end()
    found.extend(_pair_in_paragraph(text, paragraph_start, len(text)))
    return found


def _continued_open(text: str, opened_at: int | None, end: int, next_opening: str) -> list[QuoteSpan]:
    """A quotation left open at its paragraph's end when the next paragraph opens on the same mark: the
    convention of a quotation that runs over paragraphs (no closing mark until its last paragraph, an opening
    mark on each), as the New York Times writes it (PolNeAR curiel: "''The American justice system … that
    standard.¶''I do not feel …''"). Its part in this paragraph is a quotation to its end; any other open
    mark at a paragraph break is still a typo, and stays unpaired, and so does one with any quote mark after
    it in its paragraph (marks mixed beyond a pair of one straight and one curly mark)."""
    if opened_at is None:
        return []
    mark = DOUBLED_MARK if text.startswith(DOUBLED_MARK, opened_at) else text[opened_at]
    if not next_opening.startswith(mark) or has_quote_marks(text[opened_at + len(mark) : end]):
        return []
    inner_start, inner_end = trim_span(text, opened_at + len(mark), end)
    return [QuoteSpan(opened_at, end, inner_start, inner_end, "marks")] if inner_start < inner_end else []


def _pair_in_paragraph(text: str, start: int, end: int, next_opening: str = "") -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    open_marks: list[tuple[int, str]] = []  # (offset, expected closers) of curly/guillemet openers
    straight_open: int | None = None
    doubled_open: int | None = None
    offset = start
    while offset < end:
        char = text[offset]
        if text.startswith(DOUBLED_MARK, offset, end):
            # three apostrophes closing a nested single quote close on their last two; opening, on the first
            if doubled_open is not None and text.startswith("'", offset + 2, end):
                offset += 1
            if doubled_open is None:
                doubled_open = offset
            else:
                _add_span(text, doubled_open, offset + len(DOUBLED_MARK), found, len(DOUBLED_MARK))
                doubled_open = None
            offset += len(DOUBLED_MARK)
            continue
        if straight_open is not None and not open_marks and char in MIXED_CLOSERS:
            # "…,” said Daniel Benjamin, … "He is …": a straight opener closed by a curly closer, the marks
            # mixed (PolNeAR orlando, politico); paired with the next straight mark instead, the narration
            # between stood as the quotation and the next one lost its speaker
            _add_span(text, straight_open, offset + 1, found)
            straight_open = None
        elif char == STRAIGHT_MARK and _closes_curly(text, offset, end, open_marks, straight_open):
            # “If we were to start bombing … the threat.": a curly opener closed by a straight mark, no
            # closer of its own left in the paragraph (the marks mixed: PolNeAR orlando, fbi)
            opened_at, _ = open_marks.pop()
            _add_span(text, opened_at, offset + 1, found)
        elif char == STRAIGHT_MARK:
            if straight_open is None:
                straight_open = offset
            else:
                _add_span(text, straight_open, offset + 1, found)
                straight_open = None
        elif open_marks and char in open_marks[-1][1]:
            opened_at, _ = open_marks.pop()
            if not open_marks:  # only the outermost pair is a quotation of its own
                _add_span(text, opened_at, offset + 1, found)
        elif char in PAIRED_MARKS:
            open_marks.append((offset, PAIRED_MARKS[char]))
        # any other closing mark has no opener (a stray, as after a truncated quote) and is ignored
        offset += 1
    left_open = (doubled_open, straight_open, open_marks[0][0] if open_marks else None)
    for left in left_open:
        found.extend(_continued_open(text, left, end, next_opening))
    return found


def _closes_curly(
    text: str, offset: int, end: int, open_marks: list[tuple[int, str]], straight_open: int | None
) -> bool:
    """Whether the straight mark at ``offset`` closes the one curly opener left open: no straight mark is
    open, and no closer of the curly one follows in the paragraph (a straight pair nested in a curly
    quotation, “he called it "a disgrace" today”, leaves the curly closer after it)."""
    if straight_open is not None or len(open_marks) != 1:
        return False
    return not any(closer in text[offset + 1 : end] for closer in open_marks[0][1])


def _add_span(text: str, start: int, end: int, found: list[QuoteSpan], mark_width: int = 1) -> None:
    inner_start, inner_end = trim_span(text, start + mark_width, end - mark_width)
    if inner_start < inner_end:
        found.append(QuoteSpan(start, end, inner_start, inner_end, "marks"))


def _dash_quotes(text: str, paired: list[QuoteSpan]) -> list[QuoteSpan]:
    """A dash quote runs to the end of its line, or to a quotation in marks that opens a new sentence
    there (the narration after a dash quote often goes on to cite another statement in marks)."""
    found: list[QuoteSpan] = []
    for match in DASH_QUOTE.finditer(text):
        line_end = text.find("\n", match.end())
        end = len(text) if line_end == -1 else line_end
        for quote in paired:
            if match.end() < quote.start < end and text[match.end() : quote.start].rstrip().endswith(
                (".", "!", "?")
            ):
                end = quote.start
                break
        inner_start, inner_end = trim_span(text, match.end(), end)
        if inner_start < inner_end:
            found.append(QuoteSpan(match.end(), end, inner_start, inner_end, "dash"))
    return found


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inwards past white space, quote marks and clause punctuation at the edges.

    A final full stop is kept: it belongs to the sentence quoted. A final comma, colon or dash is dropped:
    it belongs to the attribution that follows ("…,” he said").
    """
    edge_chars = " \t\r\n\u00a0" + "".join(QUOTE_MARKS)
    while start < end and (text[start] in edge_chars or text[start] in ",;:–—"):
        start += 1
    while end > start and (text[end - 1] in edge_chars or text[end - 1] in ",;:–—"):
        end -= 1
    return start, end


def inside_quote(quotes: list[QuoteSpan], start: int, end: int) -> QuoteSpan | None:
    """The quotation whose quoted text holds ``start``–``end``, if any."""
    for quote in quotes:
        if quote.inner_start <= start and end <= quote.inner_end:
            return quote
    return None


def has_quote_marks(text: str) -> bool:
    return any(char in QUOTE_MARKS - {"’"} for char in text) or DOUBLED_MARK in text
