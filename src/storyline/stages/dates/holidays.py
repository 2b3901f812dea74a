"""Named days ("Thanksgiving", "Easter week", "Election Day", "last Christmas") → the day they fall on.

The names and their rules are data (``lexicons/time_expressions.toml`` [holidays]); the calendar arithmetic
is python-dateutil's: ``easter`` for the feasts counted from Easter Sunday, ``relativedelta`` for a weekday
counted in a month ("the fourth Thursday of November"). A name without its year is placed like a yearless
date: by the shift before it ("last Thanksgiving") or the tense of its clause (``rules.pick_by_tense``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday
from dateutil.relativedelta import weekdays as dateutil_weekdays

from storyline.lexicons import load_lexicon
from storyline.stages.dates import rules
from storyline.stages.dates.rules import Resolved

WEEKDAYS: Mapping[str, weekday] = {str(day): day for day in dateutil_weekdays}  # "MO" → MO


@dataclass(frozen=True, slots=True)
class HolidayRule:
    """How a named day falls in a year: a fixed ``month`` and ``day``; ``easter_offset`` days from Easter
    Sunday; or the ``nth`` ``weekday`` counted from ``month``/``day`` (negative: counted back)."""

    month: int = 0
    day: int = 0
    easter_offset: int | None = None
    weekday: str | None = None
    nth: int = 0

    def in_year(self, year: int) -> date:
        if self.easter_offset is not None:
            return easter(year) + timedelta(days=self.easter_offset)
        if self.weekday is not None:
            return date(year, self.month, self.day) + relativedelta(weekday=WEEKDAYS[self.weekday](self.nth))
        return date(year, self.month, self.day)

    @property
    def fixed(self) -> bool:
        return self.easter_offset is None and self.weekday is None


@lru_cache(maxsize=1)
def holiday_rules() -> dict[str, HolidayRule]:
    """Each named day as written ("Thanksgiving Day") → its rule."""
    raw = load_lexicon("time_expressions")["holidays"]
    found = {name: HolidayRule(month, day) for name, (month, day) in raw["fixed"].items()}
    found |= {name: HolidayRule(easter_offset=offset) for name, offset in raw["easter"].items()}
    found |= {
        name: HolidayRule(month, day, weekday=weekday_name, nth=nth)
        for name, (month, day, weekday_name, nth) in raw["counted_weekday"].items()
    }
    return found


def holiday_names() -> str:
    """The names as a regex alternation, longest first, case as written (a straight or curly apostrophe)."""
    names = sorted(holiday_rules(), key=len, reverse=True)
    return (
        "(?:" + "|".join(re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+") for name in names) + ")"
    )


def rule_for(name: str) -> HolidayRule:
    return holiday_rules()[" ".join(name.replace("’", "'").split())]


def resolve_holiday(
    rule: HolidayRule, shift: int | None, year: int | None, base: date | None, tense: str, week: bool
) -> Resolved:
    """The named day (its ISO week for "Easter week"): in ``year`` when the text names one; else "last"
    is the latest before the publication date, "next" the first after it, "this" the one of its year, and
    a bare name the one the clause's tense points at."""
    if year is None and base is None:
        # the year is unknown: a fixed day keeps its month and day, as a yearless date does
        if rule.fixed and not week:
            return Resolved(f"--{rule.month:02d}-{rule.day:02d}", "day")
        return rules.UNKNOWN
    if year is not None:
        chosen: date | None = rule.in_year(year)
    else:
        assert base is not None
        chosen = day_near(rule, shift, base, tense)
    if chosen is None:
        return rules.UNKNOWN
    return rules.as_week(chosen) if week else rules.as_day(chosen)


def day_near(rule: HolidayRule, shift: int | None, base: date, tense: str) -> date | None:
    candidates = [rule.in_year(year) for year in range(base.year - 1, base.year + 2)]
    if shift is not None and shift < 0:
        return max(day for day in candidates if day < base)
    if shift is not None and shift > 0:
        return min(day for day in candidates if day > base)
    if shift == 0:
        return rule.in_year(base.year)
    return rules.pick_by_tense(candidates, base, tense)
