"""One source's count seen moving over dates (a *path*), read after grouping (``ledger.measures``).

A path is the values one source gives of one count, a new value each day, moving one way on ``PATH_DAYS``
days or more: the election commission's 46 polling stations left to recount, then 31, 12 and 3 (the
generalise election story). A count is what a figure counts (``event_key``: a count's noun class, kind and
narrowing words; a share's or a loss's holder) and whose count it is (``count_source``: the organisation its
speaker speaks as). Grouping reads figures by size and by words, so it keeps apart a count that moved far
and its outlier split takes such a value out again; the path is read here, over the dates of the groups it
left, because only the dates say that the far value is the same count moved: ``join_paths`` joins the
groups of one path, and ``path_direction`` gives the way a path moves (``ledger.tallies`` reads a count of
no kind as a series by it; the way itself is ``ledger.series.moving``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storyline.stages.ledger.abstentions import ABSTAINED
from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.grouping import speaker_key
from storyline.stages.ledger.losses import YEAR_MARK
from storyline.stages.ledger.series import moving
from storyline.stages.ledger.voices import NO_VOICES, Voices, voice_of
from storyline.stages.quantities import number_type

# A source's values on this many days or more, moving one way, are its count seen moving (``one_path``),
# however far apart: on two days only, 55,000 pages and then 1,100 may count two things.
PATH_DAYS = 3

EventKey = tuple[str, str | None, frozenset[str], str | None]


def event_key(measure: Measure) -> EventKey | None:
    """What a figure counts when that alone makes it answer one question: a count's noun class, kind and
    narrowing words, as a span of an event not done's (``ledger.abstentions``); a share's or a loss's holder.
    None for other money and shares of no one."""
    if measure.holder is not None:
        years = frozenset(q for q in measure.qualifiers if q.startswith(YEAR_MARK))
        return (measure.unit, None, years, measure.holder)
    if number_type(measure.quantity) == "count" or (measure.kind or "").startswith(ABSTAINED):
        return (measure.unit, measure.kind, measure.qualifiers, None)
    return None


def count_source(measure: Measure, voices: Voices) -> str:
    """Whose count a figure is: the organisation its speaker speaks as, else the speaker (``speaker_key``)."""
    claim = measure.claim
    return (None if claim.outlet_voice else voice_of(claim, voices)) or speaker_key(claim)


def join_paths(groups: Sequence[list[Measure]], voices: Voices = NO_VOICES) -> list[list[Measure]]:
    """The groups with a group of the same count (``event_key``) joined to an earlier one when the two
    are one source's count seen moving (``one_path``): grouping by size and by words keeps apart a count
    that moved far ("46 polling stations" to recount on Monday, "only 3" on Thursday, the generalise
    election story), and the outlier split takes such a value out again."""
    joined: list[list[Measure]] = []
    # each kept group by its one event key and source, so a group is checked only against its own
    by_count: dict[tuple[EventKey, str], list[list[Measure]]] = {}
    for group in groups:
        count = _one_count(group, voices)
        same = by_count.get(count, []) if count is not None else []
        target = next((kept for kept in same if one_path([*kept, *group], voices)), None)
        if target is not None:
            target.extend(group)
            continue
        joined.append(list(group))
        if count is not None:
            by_count.setdefault(count, []).append(joined[-1])
    return joined


def _one_count(group: Sequence[Measure], voices: Voices) -> tuple[EventKey, str] | None:
    """The one event key (``event_key``) and the one source of a group's figures; None when they have
    several, or no key."""
    keys = {event_key(measure) for measure in group}
    sources = {count_source(measure, voices) for measure in group}
    key = keys.pop() if len(keys) == 1 else None
    return (key, sources.pop()) if key is not None and len(sources) == 1 else None


def one_path(measures: Sequence[Measure], voices: Voices = NO_VOICES) -> bool:
    """Whether the figures are one source's count seen moving one way on ``PATH_DAYS`` days or more, a
    new value each day: however far it moves (46 stations left to recount, then 31, 12 and 3), it is one
    count, not a figure of another size counting something else. A value repeating one of an earlier day
    (a recap of the count) is no new value; an undated figure is left out; two new values on one day are
    two counts (46 stations to recount out of 94), no path."""
    return path_direction(measures, voices) is not None


def path_direction(measures: Sequence[Measure], voices: Voices = NO_VOICES) -> str | None:
    """The way the figures move when they are one source's count seen moving (``one_path``), else None."""
    if len({count_source(m, voices) for m in measures}) != 1:
        return None
    seen: set[float] = set()
    path: list[tuple[date, float]] = []
    for day in sorted({m.day for m in measures if m.day is not None}):
        new = {m.quantity.value for m in measures if m.day == day} - seen
        if len(new) > 1:
            return None
        seen |= new
        path.extend((day, value) for value in new)
    return moving(path) if len(path) >= PATH_DAYS else None
