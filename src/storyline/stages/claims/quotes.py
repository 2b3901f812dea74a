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
# Two apostrophes as a quote mark, opening and closing alike (''…''): the typewriter style of the New York
# Times texts in PolNeAR (116 of its 840 train articles). A lone apostrophe never pairs (see above).
DOUBLED_MARK = "''"
QUOTE_MARKS = frozenset('“”„«»"‘’')
# A paragraph break ends every open quote: a quote left open there is a typo or a multi-paragraph quote,
# and pairing across it would swallow the narration between.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# What may stand before an opening straight mark (besides a space) and after a closing one: read where a
# paragraph mixes straight and curly marks (``_directed_marks``).
OPENING_CONTEXT = frozenset("([{—–-:")
CLOSING_CONTEXT = frozenset(".,;:!?)]}—–-…")
# A quotation in single marks, as headlines write them ("Ryan calls Trump line 'racist,' but backs him",
# "Calls Trump's Putin Remarks ‘Troubling.’"): an opening mark after a space or a line's start and before a
# letter, a closing one after the words and before a space, punctuation or the line's end; on one line, and
# short. Read on headline lines only (``_headline_single_quotes``).
HEADLINE_SINGLE = re.compile(
    r"(?:^|(?<=[\s(]))['‘](?=[A-Za-z])(?P<inner>[^'‘’\n]{1,80}?[^\s'‘’])['’](?=[\s.,;:!?]|$)", re.M
)
# A headline and its deck: the first paragraph's first lines, each no longer than a headline runs (the
# longest of the 46 first lines of the 42 PolNeAR development-story articles is 93 characters).
HEADLINE_LINES, HEADLINE_LENGTH = 2, 200
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
    # paired on a copy whose marks mixed in a paragraph are directed (same offsets, same length)
    text = _directed_marks(text)
    found: list[QuoteSpan] = _headline_single_quotes(text)
    paragraph_start = 0
    for paragraph_break in PARAGRAPH_BREAK.finditer(text):
        opening = text[paragraph_break.end() : paragraph_break.end() + len(DOUBLED_MARK)]
        found.extend(_pair_in_paragraph(text, paragraph_start, paragraph_break.start(), opening))
        paragraph_start = paragraph_break.end()
    found.extend(_pair_in_paragraph(text, paragraph_start, len(text)))
    return found


def _headline_single_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in single marks on the article's headline lines: headlines quote in single marks, and
    unpaired, "calls Trump line 'racist'" stood as an act (no quoted label, ``claims.labels``) and the
    sentence as no claim (PolNeAR curiel-trump-university, issue #14; 13 of the 42 development-story
    articles quote so in their headlines). In body text a single mark is too often an apostrophe to pair,
    and there double marks quote."""
    first_break = PARAGRAPH_BREAK.search(text)
    paragraph_end = first_break.start() if first_break else len(text)
    found = []
    line_start = 0
    for _ in range(HEADLINE_LINES):
        line_end = text.find("\n", line_start, paragraph_end)
        line_end = paragraph_end if line_end == -1 else line_end
        if line_end - line_start > HEADLINE_LENGTH:
            break  # body text run into the first paragraph, not a headline
        for match in HEADLINE_SINGLE.finditer(text, line_start, line_end):
            inner_start, inner_end = trim_span(text, match.start("inner"), match.end("inner"))
            if inner_start < inner_end:
                found.append(QuoteSpan(match.start(), match.end(), inner_start, inner_end, "marks"))
        if line_end >= paragraph_end:
            break
        line_start = line_end + 1
    return found


def _directed_marks(text: str) -> str:
    """``text`` with each straight double mark of a paragraph that also holds curly ones replaced by the
    curly mark its place says it is: one opening a word after a space or a paragraph's start opens (“), one
    closing a word before a space, punctuation or the end closes (”). Some outlets mix the two in one
    quotation (PolNeAR politico: “I fundamentally disagree," said … "The bottom line is …”); paired by
    style, the straight marks closed each other across the narration between, and the curly pair swallowed
    the paragraph, the speaker's second quotation with it. A mark between two words stays straight, and so
    do all of a paragraph whose marks, directed, leave an opening unpaired (``_unclosed``)."""
    marks = list(text)
    paragraph_start = 0
    for paragraph_end in [*(m.start() for m in PARAGRAPH_BREAK.finditer(text)), len(text)]:
        paragraph = text[paragraph_start:paragraph_end]
        if STRAIGHT_MARK in paragraph and any(mark in paragraph for mark in "“”"):
            directed = [
                offset for offset in range(paragraph_start, paragraph_end) if text[offset] == STRAIGHT_MARK
            ]
            for offset in directed:
                marks[offset] = _direction(text, offset, paragraph_start, paragraph_end)
            if _unclosed(marks, paragraph_start, paragraph_end):
                for offset in directed:
                    marks[offset] = STRAIGHT_MARK
        paragraph_start = paragraph_end
    return "".join(marks)


def _unclosed(marks: list[str], start: int, end: int) -> list[int]:
    """The opening curly marks of ``marks[start:end]`` that no closing mark pairs. A paragraph directed so
    keeps its straight marks as they were: an opening read where none closes (a transcript's quotation run
    over paragraphs, "PENCE: … “Shark Tank.” …"), or a curly one left open, would hold the quotations after
    it as nested ones, which pairing by style kept."""
    opened: list[int] = []
    for offset in range(start, end):
        if marks[offset] == "“":
            opened.append(offset)
        elif marks[offset] == "”" and opened:
            opened.pop()
    return opened


def _direction(text: str, offset: int, start: int, end: int) -> str:
    before = text[offset - 1] if offset > start else " "
    after = text[offset + 1] if offset + 1 < end else " "
    if (before.isspace() or before in OPENING_CONTEXT) and not after.isspace():
        return "“"
    if not before.isspace() and (after.isspace() or after in CLOSING_CONTEXT):
        return "”"
    return STRAIGHT_MARK


def _continued_open(text: str, opened_at: int | None, end: int, next_opening: str) -> list[QuoteSpan]:
    """A quotation left open at its paragraph's end when the next paragraph opens on the same mark: the
    convention of a quotation that runs over paragraphs (no closing mark until its last paragraph, an opening
    mark on each), as the New York Times writes it (PolNeAR curiel: "''The American justice system … that
    standard.¶''I do not feel …''"). Its part in this paragraph is a quotation to its end; any other open
    mark at a paragraph break is still a typo, and stays unpaired, and so does one with any quote mark after
    it in its paragraph (marks mixed so that ``_directed_marks`` left them as they were)."""
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
        if char == STRAIGHT_MARK:
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
