"""Properties every parser must keep on any input, shared by ``tests/test_fuzz.py`` (a few examples, in CI)
and the long runs in this folder (minutes per parser, outside CI).

Each ``check_*`` takes one generated input, runs the parser, and asserts: no exception, and every offset it
returns slices the text to the surface string it reports. Strategies mix arbitrary Unicode with news-like
pieces (cue verbs, quote marks, numbers, dates, credit lines), because uniformly random text rarely reaches
the deeper branches of a rule-based parser.
"""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import strategies as st

from storyline.records import Article, ParsedArticle, SkippedInput
from storyline.stages import claims, clean, dates, entities, language, nlp, quantities
from storyline.stages.clean.article import repair_text
from storyline.stages.ingest.formats import ArticleFields, read_format
from storyline.stages.ingest.inputs import article_from_text

# Pieces that steer generated text into the parsers' rules: attribution cues, quote marks and dashes,
# numbers in words and digits, units, dates and weekdays, credit and boilerplate lines, other scripts.
NEWS_PIECES = (
    "said",
    "told reporters",
    "denied",
    "according to",
    "claimed",
    "reportedly",
    "did not confirm",
    "He",
    "She",
    "The minister",
    "Ana Petrova",
    "NATO",
    "the Ministry of Defence",
    "“",
    "”",
    '"',
    "„",
    "«",
    "»",
    "– ",
    "—",
    ": ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "about",
    "more than",
    "11,000",
    "3.5",
    "two thousand",
    "dozens of",
    "hundreds",
    "1 000",
    "$4 billion",
    "40%",
    "troops",
    "km",
    "people",
    "on Friday",
    "last week",
    "Sunday night",
    "November 1",
    "in 2024",
    "the 1990s",
    "two days ago",
    "by the end of the year",
    "Q3",
    "spring",
    "Source: Reuters",
    "Via LRT",
    "Subscribe to our newsletter",
    "Photo: AP",
    "#news #war",
    "Read more:",
    "Москва заявила",
    "한국 정부는",
    "قالت الوزارة",
    "Zürich",
    "\u200b",
    "\x00",
    "\ufeff",
)

news_text = st.lists(st.one_of(st.sampled_from(NEWS_PIECES), st.text(max_size=12)), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=400), news_text)
published = st.one_of(st.none(), st.sampled_from(["2024-10-18", "2023-02-29", "1999-12-31", "2031-01-01"]))


def _assert_slices(text: str, spans: Iterable[tuple[int, int, str]], what: str) -> None:
    for start, end, surface in spans:
        assert 0 <= start <= end <= len(text), f"{what} offsets {start}:{end} outside the text"
        assert text[start:end] == surface, f"{what} {surface!r} != text[{start}:{end}]"


def check_clean(text: str) -> None:
    """clean + language: kept lines are lines of the repaired input; foreign fragments slice the text."""
    cleaned = clean.clean_article(Article(id="fuzz", text=text))
    repaired_lines = {line.rstrip() for line in repair_text(text).split("\n")}
    for line in cleaned.text.split("\n") if cleaned.text else ():
        assert line in repaired_lines, f"cleaned line {line!r} is not a line of the input"
    for removed in cleaned.removed:
        assert removed.reason, "a removed line needs a reason"
    detected = language.detect_languages(cleaned)
    _assert_slices(
        detected.text, ((f.start, f.end, f.text) for f in detected.foreign_fragments), "foreign fragment"
    )


def parse(text: str, published_on: str | None = None) -> ParsedArticle:
    """The article as the pipeline would parse it: cleaned, languages detected, one spaCy parse."""
    article = language.detect_languages(
        clean.clean_article(Article(id="fuzz", text=text, published=published_on))
    )
    return ParsedArticle(article=article, doc=nlp.load_nlp()(article.text))


def check_quantities(text: str) -> None:
    """Every quantity's number lies inside the window asked for and its offsets slice the text."""
    doc = nlp.load_nlp()(text)
    window_start, window_end = len(text) // 4, len(text)
    for quantity in quantities.find_quantities(doc, window_start, window_end):
        _assert_slices(text, [(quantity.start, quantity.end, quantity.text)], "quantity")
        assert quantity.value == quantity.value, "a quantity's value is NaN"


def check_dates(text: str, published_on: str | None) -> None:
    parsed = parse(text, published_on)
    found = dates.find_time_expressions(parsed)
    _assert_slices(parsed.article.text, ((t.start, t.end, t.text) for t in found), "time expression")
    for expression in found:
        assert expression.precision, "a time expression needs a precision"


def check_claims(text: str, published_on: str | None) -> None:
    """Claims, their cues, speakers, quantities and times, and the mentions: all slice the cleaned text."""
    parsed = parse(text, published_on)
    body = parsed.article.text
    mentions = entities.extract_mentions(parsed)
    _assert_slices(body, ((m.start, m.end, m.text) for m in mentions), "mention")
    for claim in claims.extract_claims(parsed, dates.find_time_expressions(parsed)):
        _assert_slices(body, [(claim.start, claim.end, claim.text)], "claim")
        assert body[claim.cue_start : claim.cue_end] == claim.cue or not claim.cue, "claim cue"
        if claim.speaker_start is not None and claim.speaker_end is not None:
            _assert_slices(
                body, [(claim.speaker_start, claim.speaker_end, claim.speaker_text or "")], "speaker"
            )
        _assert_slices(body, ((q.start, q.end, q.text) for q in claim.quantities), "claim quantity")
        _assert_slices(body, ((t.start, t.end, t.text) for t in claim.times), "claim time")


INGEST_FORMATS = ("text", "markdown", "html", "feed", "jsonl")
# Starts that lead random bytes into each reader's deeper branches.
INGEST_PREFIXES = (
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"<!DOCTYPE html><html><head><title>T</title></head><body><article><p>",
    b'{"text": "',
    b"# Heading\n\n* item\n\n",
)
ingest_bytes = st.tuples(
    st.sampled_from(INGEST_FORMATS),
    st.sampled_from(INGEST_PREFIXES),
    st.one_of(st.binary(max_size=800), any_text.map(lambda text: text.encode("utf-8", "surrogatepass"))),
)


def check_ingest(case: tuple[str, bytes, bytes]) -> None:
    """Every reader on any bytes: only fields with text, or a one-line skip naming the source."""
    input_format, prefix, body = case
    for item in read_format(input_format, prefix + body, "fuzz-input"):
        if isinstance(item, SkippedInput):
            assert item.source == "fuzz-input" and "\n" not in str(item), f"skip message {item}"
        else:
            # Text may be empty (Markdown that was all markup): ingest skips it as "no article text".
            assert isinstance(item, ArticleFields) and isinstance(item.text, str)
            if item.text.strip():
                article = article_from_text(item.text, source="fuzz-input", published=item.published)
                assert article.published is None or len(article.published) == 10, "published not ISO"
