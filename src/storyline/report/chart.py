"""Geometry of the timeline chart drawn as inline SVG in the HTML report: one dot per dated entry on a date
axis. Only entries with a full date (day precision) are drawn — a month or a week has no single point; the
list under the chart shows every entry. The template draws the SVG from these numbers."""

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


def full_date(item: TimelineItem) -> date | None:
    """The entry's day, or None when its date is coarser than a day or not a calendar date."""
    if item.precision != "day" or not FULL_DATE.fullmatch(item.date):
        return None
    try:
        return date.fromisoformat(item.date)
    except ValueError:  # "2024-02-30": a bad date is left to the list, not drawn
        return None


def build_timeline_chart(items: Sequence[TimelineItem], anchors: Sequence[str]) -> TimelineChart | None:
    """The chart for ``items`` (``anchors[i]`` is the list entry of ``items[i]``); None when no entry has a
    full date."""
    dated = [
        (day, item, anchor) for item, anchor in zip(items, anchors, strict=True) if (day := full_date(item))
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
        ticks=_ticks(first, span_days, x_of),
    )


def _ticks(first: date, span_days: int, x_of: Callable[[date], float]) -> tuple[ChartTick, ...]:
    """Up to MAX_TICKS evenly spread dates, first and last included."""
    steps = min(MAX_TICKS - 1, span_days)
    if steps == 0:
        return (ChartTick(x_of(first), first.isoformat()),)
    days = sorted({first.toordinal() + round(span_days * step / steps) for step in range(steps + 1)})
    return tuple(ChartTick(x_of(date.fromordinal(day)), date.fromordinal(day).isoformat()) for day in days)
