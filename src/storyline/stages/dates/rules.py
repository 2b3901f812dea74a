"""Calendar rules of the dates stage: a recognised time expression's parts → an ISO date at its precision.

Everything here is plain date arithmetic against the publication date (``base``), chosen by the tense of
the clause the expression sits in. dateparser (``RELATIVE_BASE``) is used for what it gets right — counted
offsets ("three weeks ago") and explicit dates in any format; the rest is written out here because
dateparser gets it wrong for news: with ``PREFER_DATES_FROM="past"`` it sends a bare weekday equal to the
base day a week back, reads "Sunday night" as a clock time, ignores tense for "November 1" (it picks last
November in a sentence about the future) and has no seasons, ranges or vague counts ("a few days ago").
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

PAST, PRESENT, FUTURE = "past", "present", "future"
PRESENT_LOOKAHEAD = timedelta(days=60)
# How far back a past clause may send a yearless date before the nearer date ahead wins: news names a
# date of the last year with its year, so "payable Dec. 7", "extended to Nov. 16" in late October, in a
# past clause, are the coming ones (TimeBank: 14 yearless dates sent a year back by a past verb).
PAST_REACH = timedelta(days=183)
# How far back a future clause may send a yearless date rather than a year ahead: a wire filed overnight
# still tells "by Jan. 14" in the future in its Jan. 15 edition (AQUAINT), and news names a date a year
# away with its year.
FUTURE_LOOKBACK = timedelta(days=7)

# dateparser's period names → our precision names; "time" (a clock time) has no day we can trust.
DATEPARSER_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised value: an ISO string at ``precision`` or None when it cannot be known."""

    date: str | None
    precision: str  # day | week | month | season | year | range | unknown
    type: str = "DATE"  # TimeML's TIMEX3 type; a DURATION, a SET or a reference has no ``date``
    value: str | None = None  # TimeML's value where ``date`` does not say it ("P3Y", "PRESENT_REF")


UNKNOWN = Resolved(None, "unknown")
UNKNOWN_TIME = Resolved(None, "unknown", "TIME")  # a time of day whose day is not yet known


# --- formatting -----------------------------------------------------------------------------------------


def as_day(day: date) -> Resolved:
    return Resolved(day.isoformat(), "day")


def as_week(day: date) -> Resolved:
    iso_year, iso_week, _ = day.isocalendar()
    return Resolved(f"{iso_year:04d}-W{iso_week:02d}", "week")


def as_month(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month")


def as_year(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year")


def as_season(year: int, code: str) -> Resolved:
    """TimeML's season notation ("2023-SU"): ISO 8601 has none."""
    return Resolved(f"{year:04d}-{code}", "season")


def as_range(first_year: int, last_year: int) -> Resolved:
    """An ISO 8601 interval of years ("2011/2018"), or nothing when the text runs backwards."""
    if last_year < first_year:
        return UNKNOWN
    return Resolved(f"{first_year:04d}/{last_year:04d}", "range")


def parse_publication_date(published: str | None) -> date | None:
    """The publication date as a ``date`` (a timestamp keeps its day); None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# A publication date inferred without its year ("--10-18") is placed in this year for arithmetic, and the
# year is dropped from the results again (``without_year``). Not a leap year: "yesterday" on "--03-01" is
# "--02-28" — the likelier of the two — and only a base of "--02-29" itself needs the leap year.
PARTIAL_BASE_YEAR = 2001
PARTIAL_LEAP_YEAR = 2000


def parse_partial_publication_day(published: str | None) -> date | None:
    """A yearless publication day ("--10-18") placed in PARTIAL_BASE_YEAR; None for anything else."""
    if not published or not published.startswith("--") or len(published) != len("--10-18"):
        return None
    try:
        month, day = int(published[2:4]), int(published[5:7])
    except ValueError:
        return None
    year = PARTIAL_LEAP_YEAR if (month, day) == (2, 29) else PARTIAL_BASE_YEAR
    return date(year, month, day) if valid_day(year, month, day) else None


def without_year(resolved: Resolved | None) -> Resolved | None:
    """A value computed on a yearless base, with the stand-in year dropped: days and months keep their
    month and day ("--10-17", "--10"); weeks, years and seasons depend on the year and become unknown."""
    if resolved is None or resolved.date is None:
        return resolved
    if resolved.precision == "day":
        return Resolved(f"--{resolved.date[5:10]}", "day")
    if resolved.precision == "month":
        return Resolved(f"--{resolved.date[5:7]}", "month")
    return UNKNOWN


# --- month, day and year ---------------------------------------------------------------------------------


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def pick_by_tense(
    candidates: list[date],
    base: date,
    tense: str,
    event_day: bool = False,
    lookahead: timedelta = PRESENT_LOOKAHEAD,
) -> date | None:
    """Of the dates a yearless expression could mean, the one the tense points at: past → the latest not
    after ``base``; future → the earliest not before it, unless that is more than PAST_REACH ahead and one
    lies at most FUTURE_LOOKBACK before it; present → the latest not more than ``lookahead`` after it (news
    reports look back; when a present-tense clause looks ahead — "is expected in December" — it is to the
    coming weeks, not to most of a year away). A past clause looks ahead too when a date lies at most
    PRESENT_LOOKAHEAD ahead and the past one more than PAST_REACH back — unless the date is the past
    event's own day (``event_day``: "on October 13, he said")."""
    later = [day for day in candidates if day >= base]
    if tense == FUTURE:
        just_past = [day for day in candidates if base - FUTURE_LOOKBACK <= day < base]
        if just_past and (not later or min(later) - base > PAST_REACH):
            return max(just_past)
        return min(later) if later else None
    limit = base if tense == PAST else base + lookahead
    earlier = [day for day in candidates if day <= limit]
    chosen = max(earlier) if earlier else None
    near_ahead = [day for day in later if day - base <= PRESENT_LOOKAHEAD]
    if chosen is not None and near_ahead and base - chosen > PAST_REACH and not event_day:
        return min(near_ahead)
    return chosen


def resolve_month_day(
    month: int,
    day: int,
    year: int | None,
    base: date | None,
    tense: str,
    weekday: int | None = None,
    event_day: bool = False,
) -> Resolved:
    """Month and day: "October 18", "Oct. 18, 2024", "Friday, Oct. 18". A weekday named beside the date
    picks the year in which the date falls on it, before the tense is asked; ``event_day``: see
    ``pick_by_tense``."""
    if year is not None:
        return as_day(date(year, month, day)) if valid_day(year, month, day) else UNKNOWN
    if base is None:  # the year is unknown, and guessing one would put the event on the wrong timeline
        return Resolved(f"--{month:02d}-{day:02d}", "day") if valid_day(2000, month, day) else UNKNOWN
    candidates = [
        date(y, month, day) for y in range(base.year - 1, base.year + 2) if valid_day(y, month, day)
    ]
    on_weekday = [candidate for candidate in candidates if candidate.isoweekday() == weekday]
    chosen = on_weekday[0] if len(on_weekday) == 1 else pick_by_tense(candidates, base, tense, event_day)
    return as_day(chosen) if chosen else UNKNOWN


# How far ahead a present clause may send a day of the month ("the 28th" in a present clause on the 25th is
# this month's; "the 3rd" the coming one's): the weeks a report looks ahead, not the next month's end
DAY_OF_MONTH_LOOKAHEAD = timedelta(days=14)


def resolve_day_of_month(day: int, base: date | None, tense: str) -> Resolved:
    """A day of the month named alone ("on the 24th", "the night of the 21st"): that day of the
    publication month, or of the month before or after it, as the tense points (``pick_by_tense``);
    unknown without a publication date, since no month is named."""
    if base is None:
        return UNKNOWN
    months = [shift_month(base.year, base.month, step) for step in (-1, 0, 1)]
    candidates = [date(year, month, day) for year, month in months if valid_day(year, month, day)]
    chosen = pick_by_tense(candidates, base, tense, event_day=True, lookahead=DAY_OF_MONTH_LOOKAHEAD)
    return as_day(chosen) if chosen else UNKNOWN


def resolve_month(month: int, year: int | None, shift: int | None, base: date | None, tense: str) -> Resolved:
    """A month: "June 2023", "in June", "last June", "late February"."""
    if year is not None:
        return as_month(year, month)
    if base is None:
        return Resolved(f"--{month:02d}", "month")
    if shift == 0:
        return as_month(base.year, month)
    this_month = date(base.year, base.month, 1)
    starts = [date(y, month, 1) for y in range(base.year - 1, base.year + 2)]
    if shift is not None:  # "last June" is a June before the current month; "next June" one after it
        chosen = (
            max(d for d in starts if d < this_month)
            if shift < 0
            else min(d for d in starts if d > this_month)
        )
        return as_month(chosen.year, chosen.month)
    # months are compared by their first days: "in May" on March 29 is as near as the coming weeks
    chosen_start = pick_by_tense(starts, this_month, tense, lookahead=PRESENT_LOOKAHEAD + (base - this_month))
    return as_month(chosen_start.year, chosen_start.month) if chosen_start else UNKNOWN


def resolve_quarter(quarter: int, year: int | None, base: date | None, tense: str) -> Resolved:
    """A quarter, "the third quarter (of 1989)", → the months it spans as an ISO interval
    ("1989-07/1989-09")."""
    if year is None:
        if base is None:
            return UNKNOWN
        # a quarter without its year is one of the publication year: earnings news reports the past
        # quarter in future clauses too ("third-quarter results will be announced"); picking by tense
        # sent 8 of TimeBank's yearless quarters into the wrong year
        year = base.year
    return as_quarter(year, quarter)


def as_quarter(year: int, quarter: int) -> Resolved:
    first_month = 3 * quarter - 2
    return Resolved(f"{year:04d}-{first_month:02d}/{year:04d}-{first_month + 2:02d}", "range")


def resolve_latest_quarter(base: date | None) -> Resolved:
    """ "the quarter", "the latest quarter" → the last quarter ended before the publication date: the one a
    company reports on."""
    if base is None:
        return UNKNOWN
    year, month = shift_month(base.year, base.month, -3)
    return as_quarter(year, (month - 1) // 3 + 1)


def resolve_reported_year(base: date | None) -> Resolved:
    """ "for the full year" → the year a company reports on: the one holding the last quarter ended before
    the publication date (the publication year from April on; the year before in its first quarter)."""
    if base is None:
        return UNKNOWN
    return as_year(shift_month(base.year, base.month, -3)[0])


def resolve_year_range(first: int, last: int) -> Resolved:
    if last < 100:  # "1950-53": the second year shares the first one's century
        last += first - first % 100
    return as_range(first, last)


def resolve_decade(decade_start: int) -> Resolved:
    return as_range(decade_start, decade_start + 9)


# --- weekdays and named days ----------------------------------------------------------------------------


def resolve_weekday(weekday: int, shift: int | None, base: date | None, tense: str) -> Resolved:
    """A weekday: "on Friday", "this Thursday", "last Monday", "Sunday night" (ISO weekday, Monday = 1);
    ``shift`` is -1 for "last", 0 for "this", +1 for "next", None for a bare name.

    A bare weekday in a past (or present: news headlines narrate the past in the present) clause is the
    latest such day on or before the publication date — a Friday report saying "on Friday" means that day;
    in a future clause it is the first such day on or after it ("will meet Thursday" in Thursday's paper
    is that day). "last"/"next" always move off the publication day."""
    if base is None:
        return UNKNOWN
    days_back = (base.isoweekday() - weekday) % 7
    days_ahead = (weekday - base.isoweekday()) % 7
    if shift == 0 and tense == PRESENT:  # "this Thursday": the Thursday of the publication date's week
        return as_day(base + timedelta(days=weekday - base.isoweekday()))
    # with a tense, "this Sunday" is the nearest Sunday that way ("affirmed this Sunday" in Monday's paper)
    if shift is not None and shift < 0:
        return as_day(base - timedelta(days=days_back or 7))
    if shift is not None and shift > 0:
        return as_day(base + timedelta(days=days_ahead or 7))
    if tense == FUTURE:
        return as_day(base + timedelta(days=days_ahead))
    return as_day(base - timedelta(days=days_back))


# How near its turn a year "the new year" names: in the last quarter the coming year, in the first two
# months the one just begun; between them it could be either, and is left unknown.
NEW_YEAR_AHEAD_FROM_MONTH = 10
NEW_YEAR_BEGUN_UNTIL_MONTH = 2


def resolve_new_year(base: date | None) -> Resolved:
    """ "the new year" ("will not manage it before the new year"): the year about to begin, or just begun."""
    if base is None:
        return UNKNOWN
    if base.month >= NEW_YEAR_AHEAD_FROM_MONTH:
        return as_year(base.year + 1)
    if base.month <= NEW_YEAR_BEGUN_UNTIL_MONTH:
        return as_year(base.year)
    return UNKNOWN


def resolve_weekend(shift: int | None, base: date | None, tense: str) -> Resolved:
    """A weekend ("the weekend", "all weekend", "last weekend") → the ISO week holding its Saturday. A
    bare weekend is the one just past, or in a future clause the coming (or current) one."""
    if base is None:
        return UNKNOWN
    in_weekend = base.isoweekday() >= 6
    saturday_back = base - timedelta(days=(base.isoweekday() - 6) % 7)
    saturday_ahead = base + timedelta(days=(6 - base.isoweekday()) % 7)
    if shift is not None and shift < 0:
        saturday = saturday_back - timedelta(weeks=1) if in_weekend else saturday_back
    elif shift is not None and shift > 0:
        saturday = saturday_ahead + timedelta(weeks=1) if base.isoweekday() == 6 else saturday_ahead
    elif tense == FUTURE and not in_weekend:
        saturday = saturday_ahead
    else:
        saturday = saturday_back
    return as_week(saturday)


def resolve_relative_day(offset_days: int, base: date | None) -> Resolved:
    """A named day: "yesterday", "today", "tomorrow", "last night"."""
    return as_day(base + timedelta(days=offset_days)) if base else UNKNOWN


def resolve_overnight(base: date | None, tense: str) -> Resolved:
    """ "overnight" without its day: the night before the publication day, dated by its evening ("were
    detained overnight"); in a future clause the coming night, the publication day's."""
    if base is None:
        return UNKNOWN
    return as_day(base if tense == FUTURE else base - timedelta(days=1))


# --- units shifted from the publication date -----------------------------------------------------------


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def resolve_shifted_unit(unit: str, step: int, base: date | None) -> Resolved:
    """A shifted unit: "last week", "this month", "next year", "late last week" (the modifier keeps the
    value)."""
    if base is None:
        return UNKNOWN
    if unit in ("week", "weekend"):
        return as_week(base + timedelta(weeks=step))
    if unit == "month":
        return as_month(*shift_month(base.year, base.month, step))
    if unit == "year":
        return as_year(base.year + step)
    if unit == "quarter":
        year, month = shift_month(base.year, base.month, 3 * step)
        return as_quarter(year, (month - 1) // 3 + 1)
    if unit == "day":
        return as_day(base + timedelta(days=step))
    return UNKNOWN


COARSER = {"day": "week", "week": "month", "month": "year", "quarter": "year", "year": "unknown"}


def resolve_ago(count: int, unit: str, vague: bool, base: date | None) -> Resolved:
    """A counted offset: "three weeks ago" (dateparser counts back), "a decade ago" (its year); "a few days
    ago" one unit coarser, since no day was named."""
    if base is None:
        return UNKNOWN
    if unit == "decade":  # dateparser counts no decades; "a decade ago" is the year ten back (TimeML)
        return UNKNOWN if vague else as_year(base.year - 10 * count)
    found = dateparser_date(f"{count} {unit}s ago", base, PAST)
    if found is None:
        return UNKNOWN
    return at_precision(found[0], COARSER[unit] if vague else unit)


def resolve_recent(unit: str, base: date | None) -> Resolved:
    """Recent periods: "in recent days" → the publication week; "in recent weeks" → its month; "in recent
    months" → its year."""
    return at_precision(base, COARSER[unit]) if base else UNKNOWN


# --- seasons --------------------------------------------------------------------------------------------


def resolve_season(
    code: str, first_month: int, shift: int | None, year: int | None, base: date | None, tense: str
) -> Resolved:
    """A season: "the summer of 2023", "this summer", "last winter", "in the spring" (three months)."""
    if year is not None:
        return as_season(year, code)
    if base is None:
        return UNKNOWN
    starts = [date(y, first_month, 1) for y in range(base.year - 2, base.year + 2)]
    ends = {start: date(*shift_month(start.year, start.month, 3), 1) for start in starts}
    current = [start for start in starts if start <= base < ends[start]]
    if shift == 0:
        # "this winter" in January is the winter that began last December; "this summer" in November the
        # one just past, in March the one to come: the summer of the publication year
        chosen = current[0] if current else date(base.year, first_month, 1)
    elif shift is not None and shift < 0:
        chosen = max(start for start in starts if ends[start] <= base)
    elif (shift is not None and shift > 0) or tense == FUTURE:
        chosen = min(start for start in starts if start > base)
    else:
        chosen = max(start for start in starts if start <= base)
    return as_season(chosen.year, code)


# --- dateparser -----------------------------------------------------------------------------------------

DATEPARSER_PREFERENCE = {PAST: "past", FUTURE: "future", PRESENT: "current_period"}


@lru_cache(maxsize=256)
def dateparser_for(base: date, tense: str) -> DateDataParser:
    """One parser per base date and tense (building one costs far more than a parse)."""
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": DATEPARSER_PREFERENCE[tense],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def dateparser_date(text: str, base: date, tense: str) -> tuple[date, str] | None:
    """dateparser's reading of ``text`` and the precision it reports; None when it has none, or only a
    clock time (a time of day without a day is not a point we can place)."""
    data = dateparser_for(base, tense).get_date_data(text)
    precision = DATEPARSER_PRECISION.get(data.period or "")
    if data.date_obj is None or precision is None:
        return None
    return data.date_obj.date(), precision


def parse_with_dateparser(text: str, base: date, tense: str) -> Resolved:
    found = dateparser_date(text, base, tense)
    return at_precision(*found) if found else UNKNOWN


def at_precision(day: date, precision: str) -> Resolved:
    """``day`` written at ``precision`` (the day stands for the week, month or year around it)."""
    if precision == "day":
        return as_day(day)
    if precision == "week":
        return as_week(day)
    if precision == "month":
        return as_month(day.year, day.month)
    if precision == "year":
        return as_year(day.year)
    return UNKNOWN
