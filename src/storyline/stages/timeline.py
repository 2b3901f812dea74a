"""The timeline stage: a story's dated events, in order, each linked to its claims and articles.

An event is a claim whose content carries a resolved time expression (the entry's text is the claim's
content), or a resolved time expression outside every claim (the entry's text is the sentence around it).
Both are verbatim spans of the cleaned text, and each entry cites them as sources (article, start, end).
Reports of the same event from several articles — same date, similar wording — become one entry listing
every source, claim and article. A date that rests on an inferred publication date is marked so (the dates
stage decides which do); yearless dates ("--10-18") sort within the story's most common year, or among
themselves by month and day when no date in the story has a year.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from rapidfuzz import fuzz

from storyline.config import DEFAULT_SETTINGS, TimelineSettings
from storyline.lexicons import load_lexicon
from storyline.records import Article, ArticleAnalysis, Claim, Story, TimeExpr, TimelineEntry, TimelineSource

# A sentence ends at . ! or ? (and closing quotes or brackets) before a capital or an opening quote, or at a
# line break; a full stop after a single capital is an initial or an abbreviation ("U.S.", "J. Smith").
SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"'”’)\]]*\s+(?=[A-Z\"“‘'(\[])|\n")

DATE_FORMATS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"),
    re.compile(r"(?P<year>\d{4})-W(?P<week>\d\d)"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)(?:/.*)?"),
    re.compile(r"(?P<year>\d{4})-(?P<season>SP|SU|FA|WI)"),
    re.compile(r"(?P<year>\d{4})(?:/.*)?"),
    re.compile(r"--(?P<month>\d\d)(?:-(?P<day>\d\d))?"),
)


@dataclass(frozen=True, slots=True)
class Event:
    """One dated report before merging: where it stands in the story's reading order."""

    date: str
    precision: str
    text: str
    source: TimelineSource
    article_order: int


def build_timeline(
    story: Story,
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[Claim],
    settings: TimelineSettings = DEFAULT_SETTINGS.timeline,
) -> tuple[TimelineEntry, ...]:
    """The story's events ordered by date (partial dates by month and day, unknown last; ties in article
    order), with reports of the same event merged."""
    analysis_by_id = {analysis.article.id: analysis for analysis in analyses}
    claims_by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        claims_by_article[claim.article].append(claim)
    events = [
        event
        for order, article_id in enumerate(story.articles)
        if article_id in analysis_by_id
        for event in article_events(analysis_by_id[article_id], claims_by_article[article_id], order)
    ]
    partial_year = most_common_year(events)
    events.sort(
        key=lambda event: (date_sort_key(event.date, partial_year), event.article_order, event.source.start)
    )
    return tuple(merge_same_events(events, settings.same_event_similarity))


def article_events(analysis: ArticleAnalysis, claims: Sequence[Claim], order: int) -> Iterator[Event]:
    """Claims carrying a resolved time, then resolved times outside every claim (by their sentence)."""
    article = analysis.article
    placed: set[tuple[int, int]] = set()
    for claim in sorted(claims, key=lambda c: c.start):
        inside = [t for t in analysis.times if claim.start <= t.start and t.end <= claim.end]
        for time in unique_times((*claim.times, *inside)):
            placed.add((time.start, time.end))
            if time.date is not None:
                yield make_event(time, article, (claim.start, claim.end), claim.id, order)
    for time in analysis.times:
        if time.date is None or (time.start, time.end) in placed:
            continue
        yield make_event(time, article, sentence_around(article.text, time.start, time.end), None, order)


def unique_times(times: Sequence[TimeExpr]) -> list[TimeExpr]:
    return list({(time.start, time.end): time for time in times}.values())


def make_event(
    time: TimeExpr, article: Article, span: tuple[int, int], claim_id: str | None, order: int
) -> Event:
    assert time.date is not None
    start, end = span
    source = TimelineSource(article.id, start, end, claim_id, time.inferred)
    return Event(time.date, time.precision, article.text[start:end], source, order)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``, without its surrounding white space."""
    sentence_start = 0
    for boundary in SENTENCE_END.finditer(text, 0, start):
        sentence_start = boundary.end()
    following = SENTENCE_END.search(text, end)
    if following is None:
        sentence_end = len(text)
    else:
        sentence_end = following.start() if following.group(0) == "\n" else following.end()
    while sentence_start < start and text[sentence_start].isspace():
        sentence_start += 1
    while sentence_end > end and text[sentence_end - 1].isspace():
        sentence_end -= 1
    return sentence_start, sentence_end


# --- ordering -------------------------------------------------------------------------------------------


def date_sort_key(value: str, partial_year: int | None) -> tuple[int, int]:
    """(0, first day as an ordinal) for a readable date; partial dates ("--10-18") take ``partial_year``
    (or follow every full date when there is none); (1, 0) for anything else, which goes last."""
    first_day = first_day_of(value, partial_year)
    return (0, first_day.toordinal()) if first_day else (1, 0)


def first_day_of(value: str, partial_year: int | None) -> date | None:
    for pattern in DATE_FORMATS:
        found = pattern.fullmatch(value)
        if found is None:
            continue
        parts = found.groupdict()
        if parts.get("week"):
            return date.fromisocalendar(int(parts["year"]), int(parts["week"]), 1)
        month = (
            int(parts["month"])
            if parts.get("month")
            else _season_first_month().get(parts.get("season") or "", 1)
        )
        day = int(parts["day"]) if parts.get("day") else 1
        year = int(parts["year"]) if parts.get("year") else (partial_year or date.max.year)
        try:
            return date(year, month, day)
        except ValueError:  # "--02-29" in a year that has none
            return date(year, month, 28)
    return None


# Precisions close enough to the story's own time to lend their year to yearless dates; a range ("from
# 2011 to 2018"), a season or a year named as background does not.
YEAR_LENDING_PRECISIONS = frozenset({"day", "week", "month"})


def most_common_year(events: Sequence[Event]) -> int | None:
    years = Counter(
        int(event.date[:4])
        for event in events
        if event.date[:4].isdigit() and event.precision in YEAR_LENDING_PRECISIONS
    )
    return years.most_common(1)[0][0] if years else None


# --- merging --------------------------------------------------------------------------------------------


@cache
def _season_first_month() -> dict[str, int]:
    """TimeML season code → its first month, from the dates stage's lexicon ("SP" → 3)."""
    return {code: month for code, month in load_lexicon("time_expressions")["seasons"].values()}


def merge_same_events(events: Sequence[Event], same_event_similarity: int) -> list[TimelineEntry]:
    """Events in order; one with the date of an earlier entry and similar text joins that entry."""
    # An entry is the first event of its kind with the sources of all of them, made once they are all
    # gathered: remade at each join, an entry that many reports repeat cost time quadratic in its sources.
    firsts: list[Event] = []
    sources: list[list[TimelineSource]] = []
    index_by_date: dict[str, list[int]] = defaultdict(list)
    for event in events:
        match = next(
            (
                i
                for i in index_by_date[event.date]
                if fuzz.token_set_ratio(firsts[i].text, event.text) >= same_event_similarity
            ),
            None,
        )
        if match is None:
            index_by_date[event.date].append(len(firsts))
            firsts.append(event)
            sources.append([event.source])
        else:
            sources[match].append(event.source)
    return [
        entry_of(first.date, first.precision, first.text, tuple(cited))
        for first, cited in zip(firsts, sources, strict=True)
    ]


def entry_of(date: str, precision: str, text: str, sources: tuple[TimelineSource, ...]) -> TimelineEntry:
    """An entry citing ``sources``: inferred only when every report's date is (one report with a given date
    pins the entry)."""
    return TimelineEntry(
        date=date,
        precision=precision,
        text=text,
        claims=tuple(dict.fromkeys(source.claim for source in sources if source.claim is not None)),
        articles=tuple(dict.fromkeys(source.article for source in sources)),
        inferred=all(source.inferred for source in sources),
        sources=sources,
    )
