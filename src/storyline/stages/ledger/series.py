"""A quantity question answered by one source over successive dates: a series, not a contest (issue #17).

A toll that one governor gives as 38 on one day and 44 the next is the count moving, not two sides of a
dispute. ``series_status`` reads a question's positions as a series (value by date, with the latest value)
only when every sign says so, and otherwise leaves the status to ``ledger.status`` (precision first: a
confident "series" over what is really a disagreement would hide it):

- the question has ONE independent source (``ledger.sources``: a speaker however many outlets repeat them,
  relays counted as the source relayed); a second source giving any value keeps the question contested;
- every position is a value (no "deny" / "unconfirmed" side) dated by ``Position.earliest``;
- no two positions share a date (one source giving two values on one day is a correction or a misread, not
  a series), and there are at least two of them;
- ordered by date, the values move one way only (a toll rising, or a count of missing falling).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from storyline.records import Position, QuestionStatus


def _day(iso: str) -> date | None:
    """The calendar day of an ISO date or timestamp ("2026-05-10", "2026-05-10T08:00:00Z"); None if unread."""
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _dated(positions: Sequence[Position]) -> list[tuple[date, float]] | None:
    """(day, value) per position in date order, or None unless every position is a value on its own day."""
    dated: list[tuple[date, float]] = []
    for position in positions:
        day = _day(position.earliest) if position.earliest else None
        if position.value is None or position.stance is not None or day is None:
            return None
        dated.append((day, position.value))
    dated.sort()
    if len(dated) < 2 or len({day for day, _ in dated}) < len(dated):
        return None
    return dated


def _direction(values: Sequence[float]) -> str | None:
    """Rose or fell: "rose" ("fell") when each value is above (below) the one before, else None."""
    steps = list(pairwise(values))
    if all(later > earlier for earlier, later in steps):
        return "rose"
    if all(later < earlier for earlier, later in steps):
        return "fell"
    return None


def _when(day: date, years: int) -> str:
    # the year only where the series spans more than one: "10 May", "30 Dec 2025"
    return f"{day.day} {day:%b} {day.year}" if years > 1 else f"{day.day} {day:%b}"


def series_status(positions: Sequence[Position], source: str) -> tuple[QuestionStatus, str] | None:
    """("series", reason) when ``positions`` are one source's values over successive dates, else None.

    The caller has established that the question has one independent source and names it (``source``); the
    reason reads "rose from 38 (10 May) to 44 (11 May), per José Ángel Ferreyra; latest 44"."""
    dated = _dated(positions)
    if dated is None:
        return None
    direction = _direction([value for _, value in dated])
    if direction is None:
        return None
    years = len({day.year for day, _ in dated})
    steps = " to ".join(f"{value:,g} ({_when(day, years)})" for day, value in dated)
    return "series", f"{direction} from {steps}, per {source}; latest {dated[-1][1]:,g}"
