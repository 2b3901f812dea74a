"""Publication dates inferred from the text, for articles whose metadata gives none.

The evidence is what the text states on its own — dates read with no publication date, so "yesterday" and
"on Friday" say nothing — and the tense of the clause each sits in. A date told as past bounds the
publication date from below, one told as future from above. The inferred date is the newest past date —
never later, so never a date in the future of the newest evidence, and never the day the tool runs — and the
window runs from it to the earliest future date after it. The year is only as known as the text makes it:
when no fully dated past mention gives one, the dates keep month and day ("--10-18") and the evidence says
that the year is unknown.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.records import Article, ParsedArticle
from storyline.stages.dates.expressions import LocatedTime, find_stated_times
from storyline.stages.dates.patterns import time_lexicon
from storyline.stages.dates.rules import FUTURE, PARTIAL_BASE_YEAR, PAST, PRESENT, shift_month

# Values that can bound a publication date: a day or a month, with or without its year.
BOUND_VALUE = re.compile(r"(?P<year>\d{4}|-)-(?P<month>\d\d)(?:-(?P<day>\d\d))?")
# Years in any stated value ("2011/2018", "2023-SU", "2018"): a past one is a floor for an unknown year.
YEAR_IN_VALUE = re.compile(r"\b\d{4}\b")
YEAR_DAYS = 365
OPEN_END = ".."  # ISO 8601-2's open end of an interval


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A time expression as stated in the text and the tense of its clause."""

    text: str
    date: str
    precision: str
    tense: str


@dataclass(frozen=True, slots=True)
class Bound:
    """A stated day or month placed on the calendar: its first and last day (in PARTIAL_BASE_YEAR when the
    year is unknown) and the value as stated."""

    stated: StatedDate
    first: date
    last: date
    year_known: bool

    def value(self) -> str:
        """The value at its precision, with the year where it is known."""
        year = f"{self.first.year:04d}" if self.year_known else "-"
        if self.stated.precision == "day":
            return f"{year}-{self.first.month:02d}-{self.first.day:02d}"
        return f"{year}-{self.first.month:02d}"


@dataclass(frozen=True, slots=True)
class PublicationInference:
    published: str | None  # the newest past date, at its precision; None when nothing bounds it from below
    window: str | None  # ISO 8601 interval holding the publication date
    evidence: str


def infer_publication_date(
    parsed: ParsedArticle, located_times: Sequence[LocatedTime] | None = None
) -> Article:
    """The article with its publication date inferred from the text when its metadata gave none (marked
    ``published_inferred``, with the evidence and the window); unchanged when it has one.
    ``located_times``: the article's ``locate_time_expressions``, when the caller has them already."""
    article = parsed.article
    if article.published:
        return article
    stated = [
        StatedDate(time.text, time.date, time.precision, tense)
        for time, tense in find_stated_times(parsed, located_times)
        if time.date is not None
    ]
    inference = infer_from_stated_dates(stated)
    return dataclasses.replace(
        article,
        published=inference.published,
        published_inferred=inference.published is not None,
        published_evidence=inference.evidence,
        published_window=inference.window,
    )


def infer_from_stated_dates(stated: Sequence[StatedDate]) -> PublicationInference:
    """The publication date the stated dates allow (see the module's docstring)."""
    anchor = year_anchor(stated)
    past = [bound for s in stated if s.tense == PAST and (bound := place(s, anchor, after=None))]
    newest = newest_bound(past, year_known=anchor is not None)
    future = [
        bound
        for s in stated
        if points_ahead(s) and (bound := place(s, anchor, after=newest.first if newest else None))
    ]
    earliest_future = earliest_bound_after(future, newest)
    window_start = newest.value() if newest else OPEN_END
    window_end = earliest_future.value() if earliest_future else OPEN_END
    window = None if newest is None and earliest_future is None else f"{window_start}/{window_end}"
    return PublicationInference(
        published=newest.value() if newest else None,
        window=window,
        evidence=describe(newest, earliest_future, anchor, year_floor(stated)),
    )


def points_ahead(stated: StatedDate) -> bool:
    if stated.tense == FUTURE:
        return True
    text = " ".join(stated.text.lower().split())
    markers = time_lexicon().forward_markers
    return stated.tense == PRESENT and text.startswith(tuple(f"{marker} " for marker in markers))


# --- placing stated dates on the calendar ---------------------------------------------------------------


def year_anchor(stated: Sequence[StatedDate]) -> StatedDate | None:
    """The newest past day or month stated with its year: yearless dates take its year. A bare year, a
    season or a range is too coarse to say which year "October 18" falls in."""
    dated = [
        s
        for s in stated
        if s.tense == PAST and (found := BOUND_VALUE.fullmatch(s.date)) and found["year"] != "-"
    ]
    return max(dated, key=lambda s: s.date) if dated else None


def place(stated: StatedDate, anchor: StatedDate | None, after: date | None) -> Bound | None:
    """``stated`` as a Bound, or None when it is not a day or a month. With an anchor, a yearless date
    takes the anchor's year — the next one if it would fall before ``after`` (a future date named after
    the newest past one); without an anchor every date is placed yearless, its stated year dropped, so
    that all bounds compare on one month-day circle."""
    found = BOUND_VALUE.fullmatch(stated.date)
    if stated.precision not in ("day", "month") or found is None:
        return None
    month = int(found["month"])
    day = int(found["day"]) if found["day"] else 1
    if anchor is None:
        return month_day_bound(stated, PARTIAL_BASE_YEAR, month, day, year_known=False)
    year = int(found["year"]) if found["year"] != "-" else int(anchor.date[:4])
    bound = month_day_bound(stated, year, month, day, year_known=True)
    if found["year"] == "-" and bound is not None and after is not None and bound.last < after:
        return month_day_bound(stated, year + 1, month, day, year_known=True)
    return bound


def month_day_bound(stated: StatedDate, year: int, month: int, day: int, year_known: bool) -> Bound | None:
    try:
        first = date(year, month, day)
    except ValueError:  # "--02-29" in a year without one
        return None
    if stated.precision == "day":
        return Bound(stated, first, first, year_known)
    next_year, next_month = shift_month(year, month, 1)
    return Bound(stated, first, date(next_year, next_month, 1) - timedelta(days=1), year_known)


def newest_bound(bounds: Sequence[Bound], year_known: bool) -> Bound | None:
    """The newest of the past bounds. Yearless ones lie on a circle (December 28 may precede January 3):
    the newest is the one before the widest gap between consecutive dates, where the year must turn."""
    if not bounds:
        return None
    ordered = sorted(bounds, key=lambda bound: (bound.first, bound.last))
    if year_known or len(ordered) == 1:
        return ordered[-1]
    gaps = [
        ((ordered[(i + 1) % len(ordered)].first - bound.first).days % YEAR_DAYS, i)
        for i, bound in enumerate(ordered)
    ]
    return ordered[max(gaps)[1]]


def earliest_bound_after(bounds: Sequence[Bound], newest: Bound | None) -> Bound | None:
    """The future bound whose end comes first after the newest past date (on the circle when yearless);
    one that ends before it contradicts the past evidence and is left out."""
    if newest is None:
        return min(bounds, key=lambda bound: bound.last) if bounds else None
    if newest.year_known:
        later = [bound for bound in bounds if bound.last >= newest.first]
        return min(later, key=lambda bound: bound.last) if later else None
    return min(bounds, key=lambda bound: (bound.last - newest.first).days % YEAR_DAYS, default=None)


def year_floor(stated: Sequence[StatedDate]) -> int | None:
    """The latest year any past expression names ("from 2011 to 2018", "the summer of 2023")."""
    years = [int(year) for s in stated if s.tense == PAST for year in YEAR_IN_VALUE.findall(s.date)]
    return max(years) if years else None


# --- evidence -------------------------------------------------------------------------------------------


def describe(
    newest: Bound | None, earliest_future: Bound | None, anchor: StatedDate | None, floor: int | None
) -> str:
    """The evidence in words: 'mentions "October 18" as past and "as early as November 1" as future; the
    year is unknown (2023 or later)'."""
    parts = []
    if newest is not None:
        parts.append(f"“{newest.stated.text}” as past")
    if earliest_future is not None:
        parts.append(f"“{earliest_future.stated.text}” as future")
    if not parts:
        return "no date stated as past or future in the text; the publication date is unknown"
    sentence = "mentions " + " and ".join(parts)
    if newest is None:
        sentence += "; nothing stated as past bounds it from below, so no date is given"
    if anchor is None:
        return sentence + "; the year is unknown" + (f" ({floor} or later)" if floor else "")
    if newest is not None and newest.stated is not anchor:
        sentence += f"; the year is that of “{anchor.text}”"
    return sentence
