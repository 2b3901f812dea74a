"""What TimeML annotates beyond points in time: durations, frequencies (SET), references to the present,
past and future, and the TimeML notation of the points themselves.

A duration ("for three years") or a frequency ("every week") is no date a timeline can place, and "now" or
"recently" names none: all of them keep ``date`` None, so the stages reading ``date`` (the timeline, the
publication-date inference) pass them by, and carry their TimeML ``type`` and ``value`` ("P3Y", "P1W",
"PRESENT_REF") for whoever wants the expression. The values follow TimeBank's practice where the TimeML
guidelines leave a choice: a counted decade in years ("two decades" → P20Y), "every week" as P1W.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from storyline.records import TimeExpr
from storyline.stages.dates import rules
from storyline.stages.dates.patterns import TimeLexicon, context_patterns
from storyline.stages.dates.rules import Resolved

PAST_REF = Resolved(None, "unknown", "DATE", "PAST_REF")
YEARS_IN = {"DE": 10, "CE": 100}  # a counted decade or century is written in years, as TimeBank does


def duration_value(count: float | None, designator: str) -> str:
    """ "P3Y", "PT24H", "P20Y" for two decades, "PXM" for an unstated count ("several months")."""
    clock = designator.startswith("T")
    letters = designator.removeprefix("T")
    if count is None:
        return f"P{'T' if clock else ''}X{letters}"
    if letters in YEARS_IN:
        count, letters = count * YEARS_IN[letters], "Y"
    amount = int(count) if float(count).is_integer() else count
    return f"P{'T' if clock else ''}{amount}{letters}"


def read_count(text: str | None, lexicon: TimeLexicon) -> float | None:
    """A count as written: "24" → 24, "twenty-four" → 24, "a" → 1; None when the text gives no number
    ("several", "a few", or no count at all: "for years")."""
    if not text:
        return None
    words = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", words):
        return float(words.replace(",", ""))
    if words in lexicon.duration_counts:
        return float(lexicon.duration_counts[words])
    parts = words.split()
    if words in lexicon.vague_counts or not all(part in lexicon.counts for part in parts):
        return None
    return float(sum(lexicon.counts[part] for part in parts))


def duration(designator: str, count: float | None, type_: str = "DURATION") -> Resolved:
    return Resolved(None, "unknown", type_, duration_value(count, designator))


def resolve_duration(
    match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str
) -> Resolved | None:
    designator = lexicon.duration_units[match.group("unit").lower()]
    if designator == "Q" and "-" in match.group(0):  # "three-quarters" is a fraction
        return None
    count_text = match.groupdict().get("count")
    if (
        count_text
        and count_text.lower() in ("a", "an")
        and context_patterns()["rate_before"].search(before_match(match))
    ):
        return None
    count = read_count(count_text, lexicon)
    if "count" not in match.re.groupindex:  # "the past year" is one year; "for years" a number unstated
        count = None if match.group("unit").lower().endswith("s") else 1.0
    return duration(designator, count)


def resolve_set(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    """ "every week" → P1W, "every other week" → P2W, "each Monday" → XXXX-WXX-1, "each July" → XXXX-07."""
    found = match.groupdict()
    if found.get("weekday"):
        return Resolved(None, "unknown", "SET", f"XXXX-WXX-{lexicon.weekday(found['weekday'])}")
    if found.get("month"):
        return Resolved(None, "unknown", "SET", f"XXXX-{lexicon.month(found['month']):02d}")
    count_text = (found.get("count") or "").lower()
    count = 2.0 if count_text == "other" else read_count(count_text, lexicon) or 1.0
    return duration(lexicon.duration_units[found["unit"].lower()], count, "SET")


def resolve_reference(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    phrase = " ".join(match.group("ref").lower().split())
    value = lexicon.references.get(phrase) or lexicon.period_references[phrase]
    return Resolved(None, "unknown", "DATE", value)


def resolve_century(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    """ "the 20th century" → "19": no date a timeline could place, a value TimeML gives."""
    ordinal = int(match.group("ordinal"))
    return Resolved(None, "unknown", "DATE", f"{ordinal - 1:02d}") if ordinal > 0 else rules.UNKNOWN


def before_match(match: re.Match[str]) -> str:
    return match.string[max(0, match.start() - 40) : match.start()]


def read_entity_duration(surface: str, lexicon: TimeLexicon) -> Resolved | None:
    """A spaCy DATE entity that is a duration ("the last few days", "weeks or months"): its first counted
    unit, or None when no unit is named."""
    found = context_patterns()["duration_parts"].search(surface)
    if found is None:
        return None
    unit = found.group("unit").lower()
    count = read_count(found.group("count"), lexicon)
    if found.group("count") is None and not unit.endswith("s"):  # "the year", "the full year"
        count = 1.0
    return duration(lexicon.duration_units[unit], count)


def resolve_latest_quarter(
    match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str
) -> Resolved:
    """ "the quarter", "the latest period": in earnings news, the quarter reported on."""
    return rules.resolve_latest_quarter(base)


def resolve_year_earlier(
    match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str
) -> Resolved:
    """ "the year-earlier quarter", "year-ago": the year before, made a quarter by ``compared_quarter``."""
    return rules.resolve_shifted_unit("year", -1, base)


# Earnings reports compare a quarter with "a year earlier": the same quarter of the year before, when a
# quarter of the publication year was named shortly before (TimeBank annotates 28 of its 58 "a year ago"s
# so). How far back the quarter may be named, in characters: a paragraph or two of an earnings report. On
# TimeBank's value F1: 300 → 0.782, 600 → 0.784, 1500 → 0.785; the shorter keeps unrelated text out.
QUARTER_REACH = 600
QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")


def compared_quarter(resolved: Resolved, base: date, earlier: Sequence[TimeExpr], start: int) -> Resolved:
    """ "a year earlier" after "the third quarter" (1989) → 1988's third quarter; otherwise unchanged."""
    if resolved.precision != "year" or resolved.date != f"{base.year - 1:04d}":
        return resolved
    for expression in reversed(earlier):
        if start - expression.end > QUARTER_REACH:
            break
        quarter = QUARTER_VALUE.fullmatch(expression.value or "")
        # a quarter of the years before is itself a comparison ("the year-ago quarter"), not the anchor
        if quarter and int(quarter.group(1)) >= base.year:
            return rules.as_quarter(int(quarter.group(1)) - 1, int(quarter.group(2)))
    return resolved


PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
ANCHOR_SHIFTS = {
    "that": 0,
    "the same": 0,
    "the following": 1,
    "the previous": -1,
    "the preceding": -1,
    "before": -1,  # "the day before"
    "after": 1,  # "the day after"
}


def resolve_anchored(match: re.Match[str], earlier: Sequence[TimeExpr], now: date | None = None) -> Resolved:
    """ "that year", "the following month", "the previous day", "the same evening" (a part of a day is its
    day): a step from the latest date told before it at that unit or finer (narratives anchor on the last
    date, not on the publication date, as HeidelTime's narrative mode does); unknown when none was told.
    ``now``: the publication day, when the clause reports the present and names no day of its own; a step
    back is then taken from it ("35 are still missing, after 49 the day before" compares with today, not
    with the day told a sentence earlier). A step ahead or none keeps the narrative's date ("arrives on
    Monday and leaves the following day" is a schedule told in the present)."""
    unit = match.group("unit").lower()
    unit = "day" if unit in PARTS_OF_DAY else unit  # "the same evening", "the following morning": its day
    shift = ANCHOR_SHIFTS[" ".join(match.group("anchor").lower().split())]
    if now is not None and shift < 0:
        anchor_date: str | None = now.isoformat()
    else:
        finer = {"year": ("year", "month", "day"), "month": ("month", "day"), "day": ("day",)}[unit]
        anchor = next(
            (t for t in reversed(earlier) if t.precision in finer and (t.date or "")[:4].isdigit()), None
        )
        anchor_date = None if anchor is None else anchor.date
    if anchor_date is None:
        return rules.UNKNOWN
    year = int(anchor_date[:4])
    if unit == "year":
        return rules.as_year(year + shift)
    if unit == "month":
        return rules.as_month(*rules.shift_month(year, int(anchor_date[5:7]), shift))
    return rules.as_day(date.fromisoformat(anchor_date) + timedelta(days=shift))


# --- the TimeML notation of a point ---------------------------------------------------------------------

QUARTER_RANGE = re.compile(r"(\d{4})-(\d\d)/\1-(\d\d)")
DECADE_RANGE = re.compile(r"(\d{3})0/\1(?:9)")


def at_clock_time(resolved: Resolved, match: re.Match[str]) -> Resolved:
    """A day with the clock time the match names before it ("9 a.m. Tuesday" → TIME "…T09:00"); the day
    alone when it names none or the day is unknown."""
    hour = match.groupdict().get("hour")
    if not hour or resolved.date is None:
        return resolved
    hour_of_day = int(hour) % 12 + (12 if match.group("meridiem").lower() == "p" else 0)
    minute = int(match.group("minute") or 0)
    return Resolved(
        resolved.date, resolved.precision, "TIME", f"{resolved.date}T{hour_of_day:02d}:{minute:02d}"
    )


def timeml_value(resolved: Resolved, kind: str) -> str | None:
    """The TimeML value: the one a rule set, else the date in TimeML's notation — a quarter "1989-Q3" where
    the date is its months ("1989-07/1989-09"), a decade "199", a weekend its week with "-WE"."""
    if resolved.value is not None or resolved.date is None:
        return resolved.value
    quarter = QUARTER_RANGE.fullmatch(resolved.date)
    if (
        quarter
        and (int(quarter.group(2)) - 1) % 3 == 0
        and int(quarter.group(3)) == int(quarter.group(2)) + 2
    ):
        return f"{quarter.group(1)}-Q{(int(quarter.group(2)) + 2) // 3}"
    decade = DECADE_RANGE.fullmatch(resolved.date)
    if decade:
        return decade.group(1)
    if kind == "weekend" and resolved.precision == "week":
        return f"{resolved.date}-WE"
    return resolved.date
