"""A count moving over successive dates: a series, not a contest (issue #17).

A toll that a governor gives as 38 on one day and 44 the next is the count moving, not two sides of a
dispute; nor are an agency's 27 → 52 → 63 and a Red Cross's 61 → 68 → 74 when the two counts keep step.
``series_status`` reads a question's positions as a series (value by date, each source's latest) only when
every sign says so, and otherwise leaves the status to ``ledger.status`` (precision first: a confident
"series" over what is really a disagreement would hide it).

How positions are dated and sources told apart:

- a position's date is the calendar day of ``Position.earliest``: the first publication date of the
  articles carrying it ("the same date" is the same day, whatever the hour). Where an article's metadata
  has none, the dates stage infers one from its time expressions (``dates.publication``: the newest date
  the text tells as past, the low end of a window) and ``ledger.positions`` takes it when it is a full
  date. The demo's dam-05 has no dateline; its text gives "May 10" as past and "by July 1" as future, so
  the inference is a yearless window (--05-10/--07-01). The story's year would complete it, but not place
  it: a value known only to be carried on or after 10 May cannot be ordered among the story's 11-14 May,
  and its weekdays ("on Wednesday") resolve against the very date that is missing. Such a position is
  *undated*: it cannot be placed in time, nor checked against another source's value of the same day,
  so a question holding one is no series (the status the other rules give stands);
- a question the caller knows to have ONE independent source (``ledger.sources``: a speaker however many
  outlets repeat them, relays counted as the source relayed) is one sequence; otherwise each speaker of a
  position is a source of its value (a position named by two speakers counts in both sequences).

A series needs all of:

- every position a value (no "deny" / "unconfirmed" side), dated, and at least two of them;
- a source moving: two values or more, on different days (one source giving two values on one day is
  a correction or a misread, not a series), in one direction; every moving source the same way (a toll
  rising, or a count of missing falling). A tally of what happened (the killed, the hurt, the infected,
  those who tested positive, the freed, the restored) only grows: a toll that falls is another count (the
  bodies recovered in one night, a correction). A stock, a count of who or what is in a state now (in
  hospital, missing, displaced, held, at large, still offline, on strike), moves either way, and may rise
  and then fall: the injured in hospital rise as the late-comers arrive and fall as patients are
  discharged (the generalise train story's 58, 71, 64, 52). A stock's sequence that moves both ways is a
  series (``MOVED``) only as ONE source's path: every other source an echo of its values of the same
  days; two such paths, or two sources apart on one day, are a dispute (``STOCK_KINDS``). Where no day
  holds two values and one source at least is seen on two days, the sources of a stock are read as the
  one path they tell between them (``_joined``): a stock's values of different days never disagree;
- every other source an echo: each of its values repeats a moving source's value of the same day (an
  outlet giving the minister's 19 in its own voice), or lies strictly between a moving source's values of
  the days either side of it (an outlet's 17 on the day between the minister's 11 and 21). A source giving
  a figure of its own once, outside any mover's path, is a side, not a count seen moving, so it keeps the
  question contested; a source whose values move but each repeat another mover's value of its day (an
  outlet's recap of the minister's count) is an echo too, not a second count (``_retold``);
- no disagreement between sources in time: two sources' values of the same day agree within
  ``tolerance`` (relative), and a later value never falls behind another source's earlier one by more
  than that (in a rising count; ahead of it, in a falling one) — 27 against 38 on one day is a dispute.

A figure that keeps the rest from being a series is read as a part of the count, not a side, only where
its clause puts it in a place the rest never names and another source gives more on its day ("In the
village of X, soldiers have recovered 27 bodies" beside the national toll of 43: ``ledger.parts``); the
series' reason then names it apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from itertools import pairwise

from storyline.records import Claim, Position, QuestionStatus
from storyline.stages.ledger.parts import place_parts
from storyline.stages.ledger.voices import POSSESSOR

Dated = tuple[date, float]

# The ways a series may move. A tally of what happened, the dead, the injured, the infected (confirmed
# cases, counted since an outbreak began), those who tested positive (a doping affair's count), the freed,
# the restored and what was stolen and is recovered, only grows: a "toll" that falls is a count of something
# else (bodies recovered each night, a correction), never one count seen moving. A stock, a count of who or
# what is in a state now (in hospital, missing, displaced, detained, held, cut off, on strike or at work), may
# fall, and may rise and
# then fall (``MOVED``): patients are admitted and discharged, the missing are found and more reported.
# Kinds as named in lexicons/ledger.toml [count_kinds], [state_kinds], [people_state_kinds] and
# [outbreak_kinds]; any other kind (those aboard, those owed, the employed) moves one way or the other.
EITHER_WAY = frozenset({"rose", "fell"})
MOVED = "moved"
WHICHEVER_WAY = EITHER_WAY | {MOVED}
ONLY_GROWING_KINDS = frozenset(
    {"dead", "injured", "infected", "positive", "freed", "in_service", "recaptured", "recovered"}
)
STOCK_KINDS = frozenset(
    {
        "missing",
        "at_large",
        "displaced",
        "detained",
        "in_hospital",
        "out_of_service",
        "held_captive",
        "on_strike",
        "at_work",
    }
)


def series_directions(kinds: set[str]) -> frozenset[str]:
    """The directions a series of counts of ``kinds`` may move: only "rose" if any kind only grows; any way,
    both ways included, if every kind is a stock; else one way or the other."""
    if kinds & ONLY_GROWING_KINDS:
        return frozenset({"rose"})
    return WHICHEVER_WAY if kinds and kinds <= STOCK_KINDS else EITHER_WAY


def calendar_day(iso: str | None) -> date | None:
    """The calendar day of an ISO date or timestamp ("2026-05-10", "2026-05-10T08:00:00Z"); None for none,
    a yearless date ("--05-10") or a partial one ("2026-05")."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _source_names(positions: Sequence[Position], names: Mapping[str, str]) -> dict[str, str]:
    """Each speaker of the positions → the source a reader knows: a resolved entity's name; a speaker left
    unresolved as written, without an owner before its noun where the question has the same words without
    it ("The plant's management" is "the management": in the strike story the management's count, 1,900
    -> 610, read as two sources and so as a side, not a series; issue #17). Not folded to one case: there
    "The committee" gave 2,380 and a misread "the committee" the ministry's 1,340, and as one source the
    contest of the two read as a count falling. A description of an organisation ("the sport's integrity
    body") was given its voice before (``ledger.voices.described_organisation``)."""
    speakers = {speaker for position in positions for speaker in position.speakers}
    written = {s: s.strip() for s in speakers if s not in names}
    sources = {s: names[s] for s in speakers if s in names}
    for speaker, text in written.items():
        unowned = POSSESSOR.sub("the ", text)
        owned = unowned != text and unowned in written.values()
        sources[speaker] = unowned if owned else text
    return sources


def _sequences(
    positions: Sequence[Position], names: Mapping[str, str], one_source: str | None
) -> dict[str, list[Dated]] | None:
    """Each source's (day, value) in date order, or None unless every position is a dated value."""
    sequences: dict[str, list[Dated]] = {}
    source_names = _source_names(positions, names)
    for position in positions:
        day = calendar_day(position.earliest)
        if position.value is None or position.stance is not None or day is None:
            return None
        sources = [one_source] if one_source else [source_names[s] for s in position.speakers]
        for source in dict.fromkeys(sources or [", ".join(position.outlets)]):
            sequences.setdefault(source, []).append((day, position.value))
    return {source: sorted(values) for source, values in sequences.items()}


def direction(values: Sequence[float]) -> str | None:
    """Rose or fell: "rose" ("fell") when each value is above (below) the one before, else None."""
    steps = list(pairwise(values))
    if all(later > earlier for earlier, later in steps):
        return "rose"
    if all(later < earlier for earlier, later in steps):
        return "fell"
    return None


def moving(dated: Sequence[Dated]) -> str | None:
    """The direction of one source's values: None unless two or more, each on its own day, move one way."""
    if len(dated) < 2 or len({day for day, _ in dated}) < len(dated):
        return None
    return direction([value for _, value in dated])


def path_way(dated: Sequence[Dated], directions: frozenset[str]) -> str | None:
    """The way one source's values move (``moving``), or ``MOVED`` where ``directions`` allow it and the
    values, each on its own day, change at every step yet not one way (58, 71, 64, 52)."""
    way = moving(dated)
    if way is not None or MOVED not in directions or len({day for day, _ in dated}) < len(dated):
        return way
    steps = list(pairwise(value for _, value in dated))
    return MOVED if len(steps) > 1 and all(later != earlier for earlier, later in steps) else None


def _behind(earlier: Dated, later: Dated, rising: bool | None, tolerance: float) -> bool:
    """Whether two sources' values disagree: apart on one day, or the later one behind the earlier one (a
    count moving both ways, ``rising`` None, has no "behind": only a day's values are compared)."""
    (first_day, first), (second_day, second) = sorted([earlier, later])
    margin = tolerance * max(abs(first), abs(second), 1.0)
    if first_day == second_day:
        return abs(first - second) > margin
    if rising is None:
        return False
    return second < first - margin if rising else second > first + margin


def disagree(sequences: Mapping[str, Sequence[Dated]], rising: bool | None, tolerance: float) -> bool:
    """Whether any value of one source is out of step with any value of another (``_behind``)."""
    names = list(sequences)
    return any(
        _behind(one, other, rising, tolerance)
        for index, first in enumerate(names)
        for second in names[index + 1 :]
        for one in sequences[first]
        for other in sequences[second]
    )


def day_label(day: date, years: int) -> str:
    # the year only where the series spans more than one: "10 May", "30 Dec 2025"
    return f"{day.day} {day:%b} {day.year}" if years > 1 else f"{day.day} {day:%b}"


def series_status(
    positions: Sequence[Position],
    names: Mapping[str, str],
    one_source: str | None = None,
    tolerance: float = 0.05,
    directions: frozenset[str] = EITHER_WAY,
    claims: Sequence[Claim] = (),
) -> tuple[QuestionStatus, str] | None:
    """("series", reason) when ``positions`` are one count moving over successive dates, else None.

    ``one_source``: the name of the question's only independent source, when the caller has established
    there is one; else each speaker is a source. The reason reads "rose from 38 (10 May) to 44 (11 May),
    per José Ángel Ferreyra; latest 44", or with several sources "rose per 2 sources: NCDD 27 (11 May) to
    63 (14 May); Red Cross 61 (12 May) to 68 (14 May); latest 63 per NCDD (14 May), 68 per Red Cross
    (14 May)". ``claims``: the question's claims, where a speaker setting two of its values side by side
    is read (``_side_by_side``)."""
    found = _series_found(positions, names, one_source, tolerance, directions, claims)
    parts = {} if found is not None or one_source else place_parts(positions, claims)
    if not parts:
        return found
    # a place's count beside the whole's is a part of it, no rival (``ledger.parts``): shown apart
    whole = [position for index, position in enumerate(positions) if index not in parts]
    found = _series_found(whole, names, None, tolerance, directions, claims)
    if found is None:
        return None
    apart = "; ".join(
        f"{positions[index].value:,g} in {place} ({who})"
        for index, place in parts.items()
        for who in [", ".join(_sources_of(positions[index], names))]
    )
    return found[0], f"{found[1]}; apart, a count of one place, not the whole: {apart}"


def _sources_of(position: Position, names: Mapping[str, str]) -> list[str]:
    """Who gives a position, by the names a reader knows; its outlets where no speaker is named."""
    return list(_source_names([position], names).values()) or list(position.outlets)


def _series_found(
    positions: Sequence[Position],
    names: Mapping[str, str],
    one_source: str | None,
    tolerance: float,
    directions: frozenset[str],
    claims: Sequence[Claim],
) -> tuple[QuestionStatus, str] | None:
    """``series_status`` without its parts."""
    sequences = _sequences(positions, names, one_source)
    if not sequences or _side_by_side(positions, claims):
        return None
    found = _series_of(sequences, tolerance, directions)
    if found is None and MOVED in directions and len(joined := _joined(sequences)) < len(sequences):
        # a stock's sources that keep step, read as the one count they relay (``_joined``)
        found = _series_of(joined, tolerance, directions)
    return found


def _side_by_side(positions: Sequence[Position], claims: Sequence[Claim]) -> bool:
    """Whether a speaker's claim holds two of the question's values, with no day said for either, and the
    speaker is named in both positions: the speaker sets one figure against the other, it does not tell a
    count moving. The generalise storm story's coast guard said "71 people were on the ferry, seventeen more
    than the 54 on the manifest of its operator", and as a speaker of the operator's 54 and of its own 71
    read as a count that rose from 54 to 71 (issue #17). A claim telling a count moving gives its days ("from
    16 on Monday to 29 on Tuesday"); an article's own voice sets no figure against another's."""
    held = {claim_id: position for position in positions for claim_id in position.claims}
    values = {position.value for position in positions if position.value is not None}
    for claim in claims:
        position = held.get(claim.id)
        if position is None or claim.speaker is None or claim.outlet_voice or claim.times:
            continue
        others = {q.value for q in claim.quantities} & (values - {position.value})
        if any(
            other.value in others and claim.speaker in other.speakers
            for other in positions
            if other is not position
        ):
            return True
    return False


def _series_of(
    sequences: Mapping[str, Sequence[Dated]], tolerance: float, directions: frozenset[str]
) -> tuple[QuestionStatus, str] | None:
    """``series_status`` on each source's (day, value) in date order."""
    ways = {source: path_way(dated, directions) for source, dated in sequences.items()}
    movers = _retold({source: sequences[source] for source, way in ways.items() if way}, tolerance)
    moved = {ways[source] for source in movers}
    if len(moved) != 1:
        return None
    direction = moved.pop() or ""
    if direction not in directions or (direction == MOVED and len(movers) > 1):
        return None  # two paths of a stock each moving both ways: no one count seen moving
    echoes = [source for source in sequences if source not in movers]
    if not all(_echoes(sequences[source], movers, tolerance) for source in echoes):
        return None
    if disagree(sequences, None if direction == MOVED else direction == "rose", tolerance):
        return None
    return "series", _reason(direction, movers, echoes)


def _joined(sequences: Mapping[str, Sequence[Dated]]) -> dict[str, list[Dated]]:
    """The sources of a stock read as one path when no day holds two values: a stock may rise and fall
    from one day to the next, so values of different days, whoever gives them, are no disagreement; only
    two values of one day are (a contest needs two sources apart on the same day). A collector's patients
    in hospital, 246 on Wednesday, 312 on Thursday, 274 on Friday and 198 on Saturday, each day's figure
    carried by another outlet and the collector's name spelt three ways, is one count seen moving (the
    generalise gas-leak story, issue #17). One source at least must give values of two days: two voices
    giving one figure each (an escape's 30 km on one day, 40 km the next) show no count moving, only two
    figures. Exact values only: two values of one day within the tolerance are still two, which no path
    can hold, and the sources stay apart for the rest of ``series_status``."""
    days: dict[date, set[float]] = {}
    for dated in sequences.values():
        for day, value in dated:
            days.setdefault(day, set()).add(value)
    seen_moving = any(len({day for day, _ in dated}) > 1 for dated in sequences.values())
    if len(sequences) < 2 or not seen_moving or any(len(values) > 1 for values in days.values()):
        return {source: list(dated) for source, dated in sequences.items()}
    sources = sorted(sequences, key=lambda source: min(sequences[source]))  # in the order they speak
    return {names_listed(sources): sorted((day, values.pop()) for day, values in days.items())}


def names_listed(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" (no names: "")."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _retold(movers: Mapping[str, Sequence[Dated]], tolerance: float) -> dict[str, Sequence[Dated]]:
    """The moving sources less those whose every value repeats another's value of the same day: an outlet
    retelling an agency's count day by day ("nine on Monday, six on Tuesday") tells one count moving, not a
    second one (in the generalise spill story two outlets' recaps of the missing crew read as "fell per 2
    sources"). The sources giving most values are kept first; one left out reads as an echo."""
    kept: dict[str, Sequence[Dated]] = {}
    for source, dated in sorted(movers.items(), key=lambda item: -len(item[1])):
        if not any(_repeats(dated, other, tolerance) for other in kept.values()):
            kept[source] = dated
    return {source: dated for source, dated in movers.items() if source in kept}


def _repeats(dated: Sequence[Dated], other: Sequence[Dated], tolerance: float) -> bool:
    """Whether each of ``dated``'s values is ``other``'s value of its day, within ``tolerance``."""
    return all(any(_same_day_value(day, value, *given, tolerance) for given in other) for day, value in dated)


def _same_day_value(day: date, value: float, other_day: date, other: float, tolerance: float) -> bool:
    return day == other_day and abs(value - other) <= tolerance * max(abs(value), abs(other), 1.0)


def _echoes(dated: Sequence[Dated], movers: Mapping[str, Sequence[Dated]], tolerance: float) -> bool:
    """Whether each of a source's values repeats a moving source's value of the same day (an outlet giving
    the minister's 19 in its own voice), or falls inside a moving source's path (``_within``): an echo or a
    step of the same count, where a figure of its own would be a side."""
    return all(
        any(
            _within(day, value, dated_other)
            or any(_same_day_value(day, value, *given, tolerance) for given in dated_other)
            for dated_other in movers.values()
        )
        for day, value in dated
    )


def _within(day: date, value: float, path: Sequence[Dated]) -> bool:
    """Whether ``value`` on ``day`` lies strictly between a moving source's values of a day before and a
    day after it: an outlet's "17" on Thursday between the minister's 11 on Wednesday and 21 on Friday is
    the count seen on a day the mover was not quoted; a figure after the mover's last one (50 beside a
    governor's 38 and 44) says nothing of being the same count, and stays a side."""
    before = [other for other_day, other in path if other_day < day]
    after = [other for other_day, other in path if other_day > day]
    return any(min(a, b) < value < max(a, b) for a in before[-1:] for b in after[:1])


def _reason(direction: str, movers: Mapping[str, Sequence[Dated]], echoes: Sequence[str]) -> str:
    """ "rose from 38 (10 May) to 44 (11 May), per X; latest 44", or each source's first and latest."""
    years = len({day.year for dated in movers.values() for day, _ in dated})
    also = f"; also given by {', '.join(echoes)}" if echoes else ""
    if len(movers) == 1:
        ((source, dated),) = movers.items()
        steps = " to ".join(f"{value:,g} ({day_label(day, years)})" for day, value in dated)
        return f"{direction} from {steps}, per {source}; latest {dated[-1][1]:,g}{also}"
    each, latest = _each_and_latest(movers)
    return f"{direction} per {len(movers)} sources: {each}; latest {latest}{also}"


def _each_and_latest(movers: Mapping[str, Sequence[Dated]]) -> tuple[str, str]:
    """ "NCDD 27 (11 May) to 63 (14 May); Red Cross 61 (12 May) to 68 (14 May)" and "63 per NCDD (14 May),
    68 per Red Cross (14 May)"."""
    years = len({day.year for dated in movers.values() for day, _ in dated})
    each = "; ".join(
        f"{source} {dated[0][1]:,g} ({day_label(dated[0][0], years)}) to {dated[-1][1]:,g} "
        f"({day_label(dated[-1][0], years)})"
        for source, dated in movers.items()
    )
    latest = ", ".join(
        f"{dated[-1][1]:,g} per {source} ({day_label(dated[-1][0], years)})"
        for source, dated in movers.items()
    )
    return each, latest


def counts_apart(
    positions: Sequence[Position], names: Mapping[str, str], directions: frozenset[str]
) -> str | None:
    """The reason of a tally contested between sources whose own counts each move, or None: "2 sources'
    counts rose and disagree: NCDD 27 (11 May) to 63 (14 May); Red Cross 61 (12 May) to 68 (14 May);
    latest 63 per NCDD (14 May), 68 per Red Cross (14 May)". A reader sees each source's series and its
    latest value, and that the question is open because the latest values differ (a flood's dead counted
    by the civil defence, by the Red Cross and by a governor: issue #17). Only the dated values count; a
    value no date places (an undated article's) is left to the positions."""
    sequences: dict[str, list[Dated]] = {}
    for position in positions:
        day = calendar_day(position.earliest)
        if position.value is None or day is None:
            continue
        for source in dict.fromkeys(names.get(s, s) for s in position.speakers):
            sequences.setdefault(source, []).append((day, position.value))
    movers = {s: sorted(dated) for s, dated in sequences.items() if moving(sorted(dated)) in directions}
    ways = {moving(dated) for dated in movers.values()}
    if len(movers) < 2 or len(ways) != 1 or len({dated[-1][1] for dated in movers.values()}) < 2:
        return None
    each, latest = _each_and_latest(movers)
    return f"{len(movers)} sources' counts {ways.pop()} and disagree: {each}; latest {latest}"
