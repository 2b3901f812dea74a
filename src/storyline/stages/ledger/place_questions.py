"""A count of one place beside one source's count of the whole: another question (issue #17).

Grouping reads figures by their unit, kind and words, so "six cases in France" joins the count of all the
cases of an outbreak that a source also gives ("Sciensano's count of confirmed cases has risen from 12 … to
29"): the question of all the cases then holds the French ones as rival values, and the count of cases,
which only grows, reads as contested. A source that gives a count and, beside it, the same count in one
place ("of them … in France") tells two things, the whole and a part; so a group's figures whose clause puts
the count in one place (``ledger.parts.figure_place``, a country included: here a country is the part) leave
the group as a question of their own when

- one source gives both: a figure of that place and one no place narrows, in the same group (one speaker,
  or one outlet's own voice);
- that source's figure of the place is below its whole of the same day, or, in a count that only grows (the
  infected, the dead: ``ledger.series.ONLY_GROWING_KINDS``), below its whole of an earlier day too: a part
  is less than its whole.

Then every figure of the group put in that place goes with it (another source's "11 cases in France" is a
rival of the part, not of the whole). A place no source counts beside a whole of its own stays in the group:
a figure placed in one sentence and not in the next ("84,300 across Eastern Visayas", then "71,800") is one
count, and ``ledger.parts`` reads a part of the whole's day there where the series asks.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.grouping import speaker_key
from storyline.stages.ledger.parts import figure_place
from storyline.stages.ledger.series import ONLY_GROWING_KINDS


def split_place_parts(group: list[Measure]) -> list[list[Measure]]:
    """The group, less the figures of each place one source counts as a part of its whole; those figures
    as a group per place (see the module doc)."""
    places = [figure_place(measure.claim, measure.quantity, countries=True) for measure in group]
    whole = [measure for measure, place in zip(group, places, strict=True) if place is None]
    parts = {
        place
        for measure, place in zip(group, places, strict=True)
        if place is not None and _below_own_whole(measure, whole)
    }
    if not parts or not whole:
        return [group]
    kept = [measure for measure, place in zip(group, places, strict=True) if place not in parts]
    split = [[m for m, place in zip(group, places, strict=True) if place == part] for part in sorted(parts)]
    return [kept, *split]


def _below_own_whole(part: Measure, whole: Sequence[Measure]) -> bool:
    """Whether the part's source gives the whole a greater value on the part's day or, in a count that only
    grows, on a day before it."""
    if part.day is None:
        return False
    growing = part.kind in ONLY_GROWING_KINDS
    source = speaker_key(part.claim)
    return any(
        speaker_key(measure.claim) == source
        and measure.day is not None
        and (measure.day == part.day or (growing and measure.day < part.day))
        and measure.quantity.value > part.quantity.value
        for measure in whole
    )
