"""Several sources each counting one thing, each count moving and apart: one question per source
(``ledger.tallies``, issue #17), only when ``LedgerSettings.tallies_by_source`` is on."""

from __future__ import annotations

import dataclasses
from datetime import date

from factories import make_claim, make_quantity
from test_ledger import ARTICLES, STORY, claim

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim
from storyline.stages.ledger.measures import Measure, make_measures
from storyline.stages.ledger.positions import build_ledger
from storyline.stages.ledger.tallies import according_to, tally_directions

SPLIT = dataclasses.replace(DEFAULT_SETTINGS.ledger, tallies_by_source=True)


def dead(claim_id: str, article: str, speaker: str, value: float) -> Claim:
    return claim(claim_id, article, speaker, value, text=f"{value:g} people died")


# days: b = 1 Oct, a = 2 Oct, c = 3 Oct
TWO_COUNTS = [
    dead("c1", "b", "the civil defence", 27),
    dead("c2", "a", "the civil defence", 52),
    dead("c3", "a", "the Red Cross", 61),
    dead("c4", "c", "the Red Cross", 68),
    dead("c5", "c", "the civil defence", 63),
]


def test_two_sources_each_rising_apart_are_a_series_each() -> None:
    questions = build_ledger(STORY, TWO_COUNTS, ARTICLES, [], [], SPLIT)
    by_label = {q.question: q for q in questions}
    civil = next(q for label, q in by_label.items() if label.endswith("according to the civil defence?"))
    red_cross = next(q for label, q in by_label.items() if label.endswith("according to the Red Cross?"))
    assert civil.status == "series" and [p.value for p in civil.positions] == [27, 52, 63]
    assert red_cross.status == "series" and [p.value for p in red_cross.positions] == [61, 68]


def test_off_by_default_and_a_side_of_its_own_stays_with_the_rest() -> None:
    (together,) = build_ledger(STORY, TWO_COUNTS, ARTICLES, [], [])
    assert together.status == "contested"
    # an opposition figure no mover gives stays a question of its own, with its own status
    side = [*TWO_COUNTS, dead("c6", "c", "an opposition deputy", 100)]
    questions = build_ledger(STORY, side, ARTICLES, [], [], SPLIT)
    rest = next(q for q in questions if any(p.value == 100 for p in q.positions))
    assert [p.value for p in rest.positions] == [100] and "according to" not in rest.question


def test_one_moving_source_beside_a_single_figure_is_not_split() -> None:
    claims = [*TWO_COUNTS[:2], TWO_COUNTS[4], dead("c6", "c", "the Red Cross", 70)]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [], SPLIT)
    assert question.status == "contested" and "according to" not in question.question


def test_the_label_names_the_source() -> None:
    assert according_to("How many people died?", "the NCDD") == "How many people died, according to the NCDD?"


def test_a_figure_naming_no_kind_rides_with_its_groups_kind() -> None:
    # "We have no contact with 31 men" beside "31 missing": grouped by its value, it keeps the count a tally
    missing = [
        claim("m1", "b", "the minister", 31, text="31 missing"),
        claim("m2", "b", "the minister", 31, text="no contact with 31 men", counted="31"),
        claim("m3", "a", "the minister", 25, text="25 missing"),
        claim("m4", "c", "the minister", 19, text="19 missing"),
    ]
    measures = [m for c in missing for m in make_measures(c, frozenset())]
    assert [m.kind for m in measures] == ["missing", None, "missing", "missing"]
    assert tally_directions(measures) == frozenset({"rose", "fell", "moved"})  # a stock: may move
    # two kinds, or none, are no tally
    assert (
        tally_directions([*measures, *make_measures(dead("d1", "a", "the minister", 5), frozenset())])
        == frozenset()
    )
    assert tally_directions(measures[1:2]) == frozenset()


def _tonnes(claim_id: str, values_by_day: dict[str, float]) -> list[Measure]:
    """One claim's figures of tonnes spilled, each given for its day ("1,200 tonnes on Monday, 2,400 …")."""
    text = ", ".join(f"{value:g} tonnes" for value in values_by_day.values())
    quantities = [
        make_quantity(f"{v:g} tonnes", v, within=text, unit="tonne") for v in values_by_day.values()
    ]
    told = make_claim(text, article="c", id=claim_id, speaker_text="the coast guard", quantities=quantities)
    measures = make_measures(told, frozenset())
    days = [date.fromisoformat(day) for day in values_by_day]
    return [dataclasses.replace(measure, day=day) for measure, day in zip(measures, days, strict=True)]


def test_a_measure_of_no_kind_moves_only_the_way_its_words_tell_it() -> None:
    rising = _tonnes("t1", {"2026-03-16": 1200, "2026-03-17": 2400})
    assert [m.kind for m in rising] == [None, None]
    assert tally_directions(rising) == frozenset({"rose"})
    # figures of one day each, no sentence setting them against each other's day: as often two things
    one_day = _tonnes("t2", {"2026-03-18": 3100}) + _tonnes("t3", {"2026-03-19": 3800})
    assert tally_directions(one_day) == frozenset()
    assert tally_directions([*rising, *one_day]) == frozenset({"rose"})
    # two sentences telling it moving two ways, or one telling two values of one day: no way
    falling = _tonnes("t4", {"2026-03-16": 900, "2026-03-17": 600})
    assert tally_directions([*rising, *falling]) == frozenset()
    same_day = _tonnes("t5", {"2026-03-16": 1200}) + _tonnes("t5", {"2026-03-16": 1300})
    assert tally_directions(same_day) == frozenset()


def test_a_chain_of_change_tells_the_way_its_count_moves() -> None:
    text = "the number of ferries in the queue fell from 58 to 37 and then to 9"
    figures = [
        make_quantity(f"{v}", v, within=text, unit="ferry", earlier_in_chain=v != 9) for v in (58, 37, 9)
    ]
    told = make_claim(text, article="c", id="s1", speaker_text="the agency", quantities=figures)
    measures = make_measures(told, frozenset(), published="2026-03-18")
    assert tally_directions(measures) == frozenset({"fell"})
    # the same figures told apart, no chain: no way
    listed = "ferries in the queue: 58 in the north, 37 in the south, 9 in the west"
    figures = [make_quantity(f"{v}", v, within=listed, unit="ferry") for v in (58, 37, 9)]
    apart = make_claim(listed, article="c", id="s2", speaker_text="the agency", quantities=figures)
    assert tally_directions(make_measures(apart, frozenset(), published="2026-03-18")) == frozenset()


def _sentenced(claim_id: str, speaker: str | None, value: float, day: str) -> list[Measure]:
    """A count of no kind, one figure a day: "<value> defendants had been sentenced" (no speaker: the
    outlet's own voice)."""
    text = f"{value:g} defendants had been sentenced"
    figure = make_quantity(f"{value:g} defendants", value, within=text, unit="defendant")
    cue = "said" if speaker else ""
    told = make_claim(text, article=claim_id, id=claim_id, cue=cue, speaker_text=speaker, quantities=[figure])
    return [dataclasses.replace(m, day=date.fromisoformat(day)) for m in make_measures(told, frozenset())]


def test_one_sources_count_of_no_kind_moving_on_three_days_moves_its_way() -> None:
    days = ("2026-11-16", "2026-11-17", "2026-11-19")
    path = [
        m
        for day, value in zip(days, (5, 11, 23), strict=True)
        for m in _sentenced(day, "the court", value, day)
    ]
    assert [m.kind for m in path] == [None, None, None]
    assert tally_directions(path) == frozenset({"rose"})
    # an outlet retelling a value in its own voice keeps no count: the court's path still moves
    retold = _sentenced("o1", None, 5, days[0])
    assert retold[0].claim.outlet_voice
    assert tally_directions([*path, *retold]) == frozenset({"rose"})
    # on two days only, or split between two sources, no path
    assert tally_directions(path[:2]) == frozenset()
    other = _sentenced("x1", "the bar association", 23, days[2])
    assert tally_directions([*path[:2], *other]) == frozenset()
