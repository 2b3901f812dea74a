"""Geometry of the timeline chart drawn as inline SVG in the HTML report: one dot per dated entry on a date
axis. Only entries dated to a day are drawn — a month or a week has no single point; the list under the
chart shows every entry. A day without its year ("--10-18") is drawn too: in the year most full dates of the
chart share, or, when no entry has a year, on a month-day axis that says the year is unknown. The template
draws the SVG from these numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from storyline.report.views import TimelineItem

WIDTH = 640
SIDE_MARGIN = 48  # room for the first and last date labels, centred on their ticks
TOP_MARGIN = 12
LABEL_ROOM = 28  # below the axis, for the tick labels
DOT_RADIUS = 5
DOT_GAP = 14  # between dots stacked on one date
MAX_TICKS = 5

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
YEARLESS_DATE = re.compile(r"--(?P<month>\d{2})-(?P<day>\d{2})")
# The stand-in year of a month-day axis: a leap year, so that "--02-29" has a place.
MONTH_DAY_AXIS_YEAR = 2000


@dataclass(frozen=True, slots=True)
class ChartDot:
    x: float
    y: float
    date: str
    text: str
    anchor: str  # the id of the entry in the list below the chart


@dataclass(frozen=True, slots=True)
class ChartTick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    axis_y: float
    axis_left: float
    axis_right: float
    dot_radius: int
    dots: tuple[ChartDot, ...]
    ticks: tuple[ChartTick, ...]
    year_unknown: bool = False  # a month-day axis: no drawn entry has a year


def full_date(item: TimelineItem) -> date | None:
    """The entry's day, or None when its date is coarser than a day or not a calendar date."""
    if item.precision != "day" or not FULL_DATE.fullmatch(item.date):
        return None
    try:
        return date.fromisoformat(item.date)
    except ValueError:  # "2024-02-30": a bad date is left to the list, not drawn
        return None


def yearless_date(item: TimelineItem, year: int) -> date | None:
    """A day-precision entry without its year ("--10-18") placed in ``year``; None for anything else."""
    found = YEARLESS_DATE.fullmatch(item.date) if item.precision == "day" else None
    if found is None:
        return None
    try:
        return date(year, int(found["month"]), int(found["day"]))
    except ValueError:  # "--02-30", or "--02-29" in a common year: left to the list
        return None


def chart_days(items: Sequence[TimelineItem]) -> tuple[list[date | None], bool]:
    """The day each item is drawn on (None: not drawn), and whether the axis is month-day only. Yearless
    days take the most common year of the full dates, as the timeline orders them."""
    full_days = [full_date(item) for item in items]
    years = Counter(day.year for day in full_days if day is not None)
    year_unknown = not years
    year = MONTH_DAY_AXIS_YEAR if year_unknown else years.most_common(1)[0][0]
    days = [full or yearless_date(item, year) for full, item in zip(full_days, items, strict=True)]
    return days, year_unknown


def build_timeline_chart(items: Sequence[TimelineItem], anchors: Sequence[str]) -> TimelineChart | None:
    """The chart for ``items`` (``anchors[i]`` is the list entry of ``items[i]``); None when no entry is
    dated to a day."""
    days, year_unknown = chart_days(items)
    dated = [
        (day, item, anchor) for day, item, anchor in zip(days, items, anchors, strict=True) if day is not None
    ]
    if not dated:
        return None
    first = min(day for day, _, _ in dated)
    last = max(day for day, _, _ in dated)
    span_days = (last - first).days
    axis_left, axis_right = SIDE_MARGIN, WIDTH - SIDE_MARGIN

    def x_of(day: date) -> float:
        if span_days == 0:
            return (axis_left + axis_right) / 2
        return round(axis_left + (axis_right - axis_left) * (day - first).days / span_days, 1)

    highest_stack = max(Counter(day for day, _, _ in dated).values())
    axis_y = TOP_MARGIN + highest_stack * DOT_GAP + DOT_RADIUS
    stacked: Counter[date] = Counter()
    dots = []
    for day, item, anchor in dated:
        y = axis_y - DOT_GAP * (stacked[day] + 1) + DOT_RADIUS
        dots.append(ChartDot(x_of(day), y, item.date, item.text, anchor))
        stacked[day] += 1
    return TimelineChart(
        width=WIDTH,
        height=int(axis_y + LABEL_ROOM),
        axis_y=axis_y,
        axis_left=axis_left,
        axis_right=axis_right,
        dot_radius=DOT_RADIUS,
        dots=tuple(dots),
        ticks=_ticks(first, span_days, x_of, year_unknown),
        year_unknown=year_unknown,
    )


def _ticks(
    first: date, span_days: int, x_of: Callable[[date], float], year_unknown: bool
) -> tuple[ChartTick, ...]:
    """Up to MAX_TICKS evenly spread dates, first and last included; labelled "--10-18" on a month-day
    axis (ISO 8601 without the year)."""

    def label(day: date) -> str:
        return f"--{day.month:02d}-{day.day:02d}" if year_unknown else day.isoformat()

    steps = min(MAX_TICKS - 1, span_days)
    if steps == 0:
        return (ChartTick(x_of(first), label(first)),)
    days = sorted({first.toordinal() + round(span_days * step / steps) for step in range(steps + 1)})
    return tuple(ChartTick(x_of(date.fromordinal(day)), label(date.fromordinal(day))) for day in days)
