"""Several sources each counting one thing, each count moving: one question per source (issue #17).

A flood's dead counted by the civil defence (27 → 52 → 63), by the Red Cross (61 → 68) and by a governor
(38 → 44) are three counts, each seen rising, that disagree with each other on one day: as one question they
are only "contested", which hides that each count moves; as three, each is a series with its latest value.
``split_by_source`` splits a tally's group so only when every sign says so (precision first):

- the group is a tally of one kind of count (the caller's ``directions`` are not empty);
- two sources or more *move*: each gives two values or more on different days, one way, in a direction the
  kind allows (``ledger.series``), and the movers do not keep step (otherwise ``ledger.series`` reads the
  whole question as one series already);
- every other figure is given to the source that gives it: a figure of a mover's own source (an undated
  article's figure too), or a figure of another speaker (an outlet's own voice, a second spelling of an
  agency) whose value exactly one mover gives. Figures that fit no mover, or several, stay together as the
  question they were (a side such as "more than 100 had died" keeps its own status there).

A source is a speaker as a reader knows them: the resolved entity's name, else the words that name them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from storyline.records import Article, Claim
from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.paths import path_direction
from storyline.stages.ledger.series import Dated, calendar_day, direction, disagree, moving, series_directions
from storyline.stages.ledger.shares import OFFER, STAKE
from storyline.stages.ledger.voices import NO_VOICES, Voices
from storyline.stages.quantities import number_type


def _source(claim: Claim, names: Mapping[str, str]) -> str | None:
    """The speaker as a reader knows them; None for an outlet's own voice or an unnamed speaker."""
    if claim.outlet_voice:
        return None
    if claim.speaker:
        return names.get(claim.speaker, claim.speaker)
    return (claim.speaker_text or "").strip() or None


def _movers(
    group: Sequence[Measure],
    days: Mapping[str, date | None],
    names: Mapping[str, str],
    directions: frozenset[str],
) -> dict[str, list[Dated]]:
    """Each source whose dated values move in one allowed direction over two days or more."""
    dated: dict[str, set[Dated]] = {}
    for measure in group:
        source, day = _source(measure.claim, names), measure.day or days.get(measure.claim.article)
        if source is not None and day is not None:
            dated.setdefault(source, set()).add((day, measure.quantity.value))
    sequences = {source: sorted(values) for source, values in dated.items()}
    return {source: values for source, values in sequences.items() if moving(values) in directions}


def split_by_source(
    group: list[Measure],
    days: Mapping[str, date | None],
    names: Mapping[str, str],
    directions: frozenset[str],
    tolerance: float,
) -> list[list[Measure]]:
    """The group as one question per moving source, plus the figures no mover claims (see module doc);
    ``[group]`` unless two sources or more each move and they do not keep step. ``days``: article id →
    its publication day (None when unknown). Each split figure names its source (``Measure.source``)."""
    movers = _movers(group, days, names, directions) if directions else {}
    ways = {moving(values) for values in movers.values()}
    if len(movers) < 2 or len(ways) != 1 or not disagree(movers, ways == {"rose"}, tolerance):
        return [group]  # one count moving (or none): ``ledger.series`` reads the whole question
    parts: dict[str, list[Measure]] = {source: [] for source in movers}
    rest = []
    for measure in group:
        source = _source(measure.claim, names)
        if source not in movers:
            givers = [
                name for name, values in movers.items() if measure.quantity.value in {v for _, v in values}
            ]
            source = givers[0] if len(givers) == 1 else None
        if source is None:
            rest.append(measure)
        else:
            parts[source].append(replace(measure, source=source))
    return [*parts.values(), *([rest] if rest else [])]


def tally_directions(group: Sequence[Measure], voices: Voices = NO_VOICES) -> frozenset[str]:
    """The ways a group's values may move as a series: none unless every figure is a count (no money or
    share: ``ledger.status``) and the group a tally of one kind of count, only "rose" for the dead or
    injured; or, where no figure names a kind, the way its words tell it moving (``told_directions``). A
    figure naming no kind rides with the kind its group's other figures name ("We have no contact with 31
    men" beside "31 missing": grouping joined it by its equal value, ``ledger.measures``), so it does not
    keep the count of the missing from being read as a series. Where no figure names a kind and no
    sentence tells the count moving, one source's values moving one way on three days or more
    (``paths.path_direction``, its speakers read as the organisation they speak for: ``voices``) are its
    count seen moving: the generalise trial story's court gave the defendants sentenced as 5, 11 and 23
    through its press service, a spokeswoman and in its own name (issue #17). An outlet's own voice is left
    out of the path: it retells a count, it keeps none; ``ledger.series`` still checks its values."""
    kinds = {m.kind for m in group if m.kind}
    if not all(number_type(m.quantity) == "count" or m.holder in (STAKE, OFFER) for m in group):
        return frozenset()  # a stake held or a price offered is one count seen moving (``ledger.shares``)
    if not kinds:
        return told_directions(group) or _path_directions(group, voices)
    return series_directions(kinds) if len(kinds) == 1 else frozenset()


def _path_directions(group: Sequence[Measure], voices: Voices) -> frozenset[str]:
    """The way the figures of speaking sources move when they are one source's path (``tally_directions``)."""
    spoken = [measure for measure in group if not measure.claim.outlet_voice]
    way = path_direction(spoken, voices) if spoken else None
    return frozenset({way}) if way else frozenset()


def told_directions(group: Sequence[Measure]) -> frozenset[str]:
    """The way a measured thing of no kind of count may move as a series: the way its words tell it moving,
    where a claim gives two of its values for two days ("3,100 tonnes of crude have spilled, against about
    2,400 tonnes on Tuesday"; "1,200 tonnes on Monday, about 2,400 on Tuesday") or tells it moving through
    a chain of values ("fell from 46 to 31 and then to 12", ``_chains``), and every such claim tells the
    same way; none where no claim does. Two figures of a bare noun on two days are as often two things
    as one thing moving (``ledger.status``), but a sentence setting one against the other's day says they
    are one (the generalise spill story: the coast guard's rising estimate of the crude spilled)."""
    told: dict[str, dict[date, set[float]]] = {}
    for measure in group:
        if measure.day is not None:
            told.setdefault(measure.claim.id, {}).setdefault(measure.day, set()).add(measure.quantity.value)
    ways = {
        moving(sorted((day, min(values)) for day, values in by_day.items()))
        for by_day in told.values()
        if len(by_day) > 1 and all(len(values) == 1 for values in by_day.values())
    }
    ways |= {direction(values) for values in _chains(group)}
    way = ways.pop() if len(ways) == 1 else None
    return frozenset({way}) if way else frozenset()


def _chains(group: Sequence[Measure]) -> list[list[float]]:
    """The values of each chain of change a claim of the group tells, in its order ("fell from 46 to 31 and
    then to 12": 46, 31, 12): the sentence says the count moves, and which way (``Quantity.earlier_in_chain``
    marks each value but the last)."""
    by_claim: dict[str, list[Measure]] = {}
    for measure in group:
        by_claim.setdefault(measure.claim.id, []).append(measure)
    chains = []
    for measures in by_claim.values():
        chain: list[float] = []
        for measure in sorted(measures, key=lambda m: m.quantity.start):
            chain.append(measure.quantity.value)
            if not measure.quantity.earlier_in_chain:
                if len(chain) > 1:
                    chains.append(chain)
                chain = []
    return chains


def split_tallies(
    groups: Sequence[list[Measure]],
    articles: Mapping[str, Article],
    names: Mapping[str, str],
    tolerance: float,
) -> list[list[Measure]]:
    """``split_by_source`` over a story's groups; an article's day is its full publication date."""
    days = {article_id: calendar_day(article.published) for article_id, article in articles.items()}
    return [
        part
        for group in groups
        for part in split_by_source(group, days, names, tally_directions(group), tolerance)
    ]


def according_to(label: str, source: str) -> str:
    """ "How many deaths had been confirmed?" → "… confirmed, according to Valdoran Red Cross?"."""
    return f"{label.rstrip('?')}, according to {source}?"
