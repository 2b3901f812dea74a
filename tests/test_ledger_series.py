"""One source's values over successive dates are a series, not a contest (``ledger.series``, issue #17):
the rule on positions built by hand, through ``build_ledger``, and as the report and JSON show it."""

from __future__ import annotations

import dataclasses

from factories import make_claim, make_position, make_quantity, make_question, make_time
from report_sample import build_brief
from test_ledger import ARTICLES, STORY, claim

from storyline.records import Brief, Claim, Position
from storyline.report import render_html, render_markdown, validate_brief
from storyline.stages.ledger.positions import build_ledger
from storyline.stages.ledger.series import series_directions
from storyline.stages.ledger.status import judge_status

GOVERNOR = {"e-gov": "José Ángel Ferreyra"}


def toll(value: float, earliest: str | None, speaker: str = "e-gov") -> Position:
    return make_position(
        f"c{value:g}", speakers=(speaker,), outlets=("Harbour Post",), value=float(value), earliest=earliest
    )


def test_a_toll_rising_from_one_source_is_a_series_with_its_latest_value() -> None:
    positions = [toll(44, "2026-05-11"), toll(38, "2026-05-10")]
    status, reason = judge_status(positions, [], names=GOVERNOR, sources=1)
    assert status == "series"
    assert reason == "rose from 38 (10 May) to 44 (11 May), per José Ángel Ferreyra; latest 44"


def test_a_count_falling_is_a_series_too_and_spans_years_by_name() -> None:
    positions = [toll(120, "2025-12-30T09:00:00Z"), toll(80, "2026-01-02"), toll(12, "2026-01-05")]
    status, reason = judge_status(positions, [], names=GOVERNOR, sources=1)
    assert status == "series"
    assert reason.startswith("fell from 120 (30 Dec 2025) to 80 (2 Jan 2026) to 12 (5 Jan 2026)")
    assert reason.endswith("latest 12")


def test_a_speaker_named_with_an_owner_is_the_same_speaker_without_it() -> None:
    # issue #17: "the management" (1,900, 1,420) and "The plant's management" (610) are one falling count
    positions = [
        toll(1900, "2025-11-17", "the management"),
        toll(1420, "2025-11-18", "the management"),
        toll(610, "2025-11-20", "The plant's management"),
    ]
    status, reason = judge_status(positions, [], sources=2)
    assert status == "series"
    assert reason.endswith("per the management; latest 610")
    # without the same words unowned in the question, an owner's speaker stays a source of its own
    owned = [*positions[:2], toll(610, "2025-11-20", "The plant's union")]
    assert judge_status(owned, [], sources=2)[0] != "series"


def test_a_tally_of_those_who_tested_positive_only_grows() -> None:
    assert series_directions({"positive"}) == {"rose"}


def test_a_count_of_stolen_things_recovered_only_grows() -> None:
    assert series_directions({"recovered"}) == {"rose"}


def test_a_tally_of_the_dead_never_falls_as_a_series() -> None:
    # bodies recovered each night (6, then 4) are no toll moving; a count of the missing may fall
    falling = [toll(6, "2026-05-10"), toll(4, "2026-05-11")]
    dead, missing = series_directions({"dead"}), series_directions({"missing"})
    assert dead == {"rose"} and missing == {"rose", "fell", "moved"}
    assert judge_status(falling, [], names=GOVERNOR, sources=1, series_directions=dead)[0] == "single-source"
    assert judge_status(falling, [], names=GOVERNOR, sources=1, series_directions=missing)[0] == "series"
    rising = [toll(4, "2026-05-10"), toll(6, "2026-05-11")]
    assert judge_status(rising, [], names=GOVERNOR, sources=1, series_directions=dead)[0] == "series"


def test_two_sources_disagreeing_stay_contested() -> None:
    positions = [toll(38, "2026-05-10"), toll(44, "2026-05-11", speaker="e-red-cross")]
    status, _ = judge_status(positions, [], names=GOVERNOR, sources=2)
    assert status == "contested"


def test_one_source_two_values_on_one_date_is_no_series() -> None:
    positions = [toll(38, "2026-05-10"), toll(44, "2026-05-10T18:00:00")]
    status, _ = judge_status(positions, [], names=GOVERNOR, sources=1)
    assert status == "single-source"


def test_undated_values_are_no_series() -> None:
    positions = [toll(38, "2026-05-10"), toll(44, None)]
    assert judge_status(positions, [], names=GOVERNOR, sources=1)[0] == "single-source"
    # nor is a question whose sources were not counted (a replayed brief's correction)
    dated = [toll(38, "2026-05-10"), toll(44, "2026-05-11")]
    assert judge_status(dated, [], names=GOVERNOR)[0] == "contested"


def test_values_going_up_and_down_are_no_series() -> None:
    positions = [toll(38, "2026-05-10"), toll(44, "2026-05-11"), toll(41, "2026-05-12")]
    assert judge_status(positions, [], names=GOVERNOR, sources=1)[0] == "single-source"


def test_build_ledger_reads_one_speaker_over_two_days_as_a_series() -> None:
    # article b is published 2024-10-01, a on 2024-10-02, c on 2024-10-03
    claims = [
        claim("c1", "b", "the governor", 38, unit="dead", text="38 dead"),
        claim("c2", "a", "the governor", 44, unit="dead", text="44 dead"),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "series", question.status_reason
    assert question.status_reason.endswith("per the governor; latest 44")
    # a second voice giving another figure on a later day makes it a contest again
    claims.append(claim("c3", "c", "the Red Cross", 50, unit="dead", text="50 dead"))
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "contested"


# Several sources (``ledger.series``): each source's count must move, all the same way, and keep step.
TALLIES = {"e-ncdd": "NCDD", "e-red-cross": "Red Cross", "e-gov": "José Ángel Ferreyra"}


def counts(source: str, *dated: tuple[float, str | None]) -> list[Position]:
    """One source's values, each with the date it was first carried."""
    return [toll(value, day, source) for value, day in dated]


def test_two_sources_each_rising_in_step_are_one_series_with_each_latest() -> None:
    positions = counts(
        "e-ncdd", (27, "2024-05-11"), (52, "2024-05-13"), (63, "2024-05-14T09:00:00Z")
    ) + counts("e-red-cross", (61, "2024-05-14"), (74, "2024-05-16"))
    status, reason = judge_status(positions, [], names=TALLIES, sources=2)
    assert status == "series", reason
    assert reason == (
        "rose per 2 sources: NCDD 27 (11 May) to 63 (14 May); Red Cross 61 (14 May) to 74 (16 May); "
        "latest 63 per NCDD (14 May), 74 per Red Cross (16 May)"
    )


def test_two_sources_a_little_apart_on_one_day_keep_step() -> None:
    # 71 and 74 on one day: within the tolerance (5 percent), two tallies of one count
    positions = counts("e-ncdd", (63, "2024-05-14"), (71, "2024-05-16")) + counts(
        "e-red-cross", (68, "2024-05-14"), (74, "2024-05-16")
    )
    assert judge_status(positions, [], names=TALLIES, sources=2)[0] == "contested"  # 63 vs 68: 7 percent
    assert judge_status(positions, [], names=TALLIES, sources=2, series_tolerance=0.08)[0] == "series"


def test_two_sources_clearly_apart_on_one_day_stay_contested() -> None:
    positions = counts("e-ncdd", (27, "2024-05-11"), (52, "2024-05-13")) + counts(
        "e-gov", (38, "2024-05-11"), (44, "2024-05-12")
    )
    status, reason = judge_status(positions, [], names=TALLIES, sources=2)
    assert status == "contested"
    # each source's own count moves: the reason gives each series and the latest values that disagree
    assert reason == (
        "2 sources' counts rose and disagree: NCDD 27 (11 May) to 52 (13 May); José Ángel Ferreyra "
        "38 (11 May) to 44 (12 May); latest 52 per NCDD (13 May), 44 per José Ángel Ferreyra (12 May)"
    )


def test_a_later_value_behind_another_sources_earlier_one_is_a_dispute() -> None:
    # each source rises, on no shared day, but the NCDD's 52 on the 13th is far below the 61 of the 12th
    positions = counts("e-ncdd", (27, "2024-05-11"), (52, "2024-05-13")) + counts(
        "e-red-cross", (61, "2024-05-12"), (68, "2024-05-14")
    )
    assert judge_status(positions, [], names=TALLIES, sources=2)[0] == "contested"


def test_sources_holding_one_figure_each_are_sides_not_a_series() -> None:
    # the evacuated: 3,400 by one service and 5,100 by the Red Cross, each repeated on later days
    holding = [toll(3400, "2025-09-15", "e-ncdd"), toll(5100, "2025-09-15", "e-red-cross")]
    assert judge_status(holding, [], names=TALLIES, sources=2)[0] == "contested"
    # a moving count beside a source that gave one figure once: no sign that figure is the same count
    beside = [toll(38, "2024-05-10"), toll(44, "2024-05-11"), toll(50, "2024-05-12", "e-red-cross")]
    assert judge_status(beside, [], names=TALLIES, sources=2)[0] == "contested"


def test_an_outlet_repeating_the_moving_count_on_its_day_is_an_echo_not_a_side() -> None:
    names = {"e-min": "the interior minister", "e-wire": "Tbilisi Wire"}
    positions = [
        toll(12, "2025-09-14", "e-min"),
        make_position("c19", speakers=("e-min", "e-wire"), value=19.0, earliest="2025-09-15"),
        toll(23, "2025-09-16", "e-min"),
    ]
    status, reason = judge_status(positions, [], names=names, sources=2)
    assert status == "series"
    assert reason == (
        "rose from 12 (14 Sep) to 19 (15 Sep) to 23 (16 Sep), per the interior minister; latest 23; "
        "also given by Tbilisi Wire"
    )
    # the outlet's own 25 on the 15th is a side, not an echo
    own = [*positions, toll(25, "2025-09-15", "e-wire")]
    assert judge_status(own, [], names=names, sources=2)[0] == "contested"


def test_an_outlet_retelling_the_moving_count_day_by_day_is_an_echo_not_a_second_count() -> None:
    names = {"e-min": "the interior minister", "e-wire": "Tbilisi Wire"}
    positions = [
        make_position("c12", speakers=("e-min", "e-wire"), value=12.0, earliest="2025-09-14"),
        make_position("c19", speakers=("e-min", "e-wire"), value=19.0, earliest="2025-09-15"),
        toll(23, "2025-09-16", "e-min"),
    ]
    status, reason = judge_status(positions, [], names=names, sources=2)
    assert (status, reason) == (
        "series",
        "rose from 12 (14 Sep) to 19 (15 Sep) to 23 (16 Sep), per the interior minister; latest 23; "
        "also given by Tbilisi Wire",
    )
    # a value of a day the minister gave none is the wire's own: a second count, keeping step
    own = [positions[0], toll(19, "2025-09-15", "e-wire"), positions[2]]
    status, reason = judge_status(own, [], names=names, sources=2)
    assert status == "series" and reason.startswith("rose per 2 sources"), reason


def test_an_outlet_figure_between_the_movers_days_is_a_step_not_a_side() -> None:
    # an outlet's 17 on the day between the minister's 11 and 21: the same count, seen on a day between
    names = {"e-min": "the emergencies minister", "e-wire": "Leman Tribune"}
    positions = [
        toll(11, "2025-11-19", "e-min"),
        toll(17, "2025-11-20", "e-wire"),
        toll(21, "2025-11-21", "e-min"),
    ]
    status, reason = judge_status(positions, [], names=names, sources=2)
    assert status == "series", reason
    assert reason.endswith("latest 21; also given by Leman Tribune")
    # outside the mover's path (after its last value, or not between its neighbours) it stays a side
    after = [
        toll(11, "2025-11-19", "e-min"),
        toll(21, "2025-11-20", "e-min"),
        toll(25, "2025-11-21", "e-wire"),
    ]
    assert judge_status(after, [], names=names, sources=2)[0] == "contested"
    beyond = [*positions[:1], toll(30, "2025-11-20", "e-wire"), positions[2]]
    assert judge_status(beyond, [], names=names, sources=2)[0] == "contested"


def test_build_ledger_keeps_an_increment_apart_from_the_total() -> None:
    claims = [
        claim("c1", "b", "the governor", 38, unit="dead", text="38 dead"),
        claim("c2", "a", "the governor", 44, unit="dead", text="44 dead"),
        claim(
            "c3",
            "c",
            "the governor",
            12,
            unit="dead",
            text="the toll rose: 12 more dead",
            counted="12 more dead",
        ),
        claim("c4", "c", "the governor", 48, unit="dead", text="48 dead"),
    ]
    questions = build_ledger(STORY, claims, ARTICLES, [], [])
    toll_question = next(q for q in questions if any(p.value == 48 for p in q.positions))
    assert [p.value for p in toll_question.positions] == [38, 44, 48]
    assert toll_question.status == "series", toll_question.status_reason


def test_build_ledger_keeps_a_historical_toll_from_splitting_the_current_one() -> None:
    # "12 killed" first clusters with the 1991 quake's "more than 200 killed"; once that outlier leaves,
    # the 12 still joins the later 19 and 23 of the same count
    claims = [
        claim("c1", "b", "the minister", 12, text="12 people were killed", counted="12 people"),
        claim(
            "c2",
            "b",
            "seismologists",
            200,
            text="more than 200 people were killed",
            counted="more than 200 people",
        ),
        claim("c3", "a", "the minister", 19, text="the toll rose to 19", counted="19"),
        claim("c4", "c", "the minister", 23, text="the toll rose to 23", counted="23"),
    ]
    questions = build_ledger(STORY, claims, ARTICLES, [], [])
    toll_question = next(q for q in questions if any(p.value == 23 for p in q.positions))
    assert [p.value for p in toll_question.positions] == [12, 19, 23]
    assert toll_question.status_reason.startswith("rose from 12 (1 Oct) to 19 (2 Oct) to 23 (3 Oct)")


def test_an_undated_value_among_several_sources_is_no_series() -> None:
    # the demo's dam-05: no publication date, only a yearless window inferred from its text
    positions = counts("e-ncdd", (52, "2024-05-13"), (63, "2024-05-14")) + counts(
        "e-red-cross", (61, "2024-05-12"), (68, "2024-05-14"), (74, None)
    )
    assert judge_status(positions, [], names=TALLIES, sources=2, series_tolerance=0.2)[0] == "contested"
    assert judge_status(positions[:4], [], names=TALLIES, sources=2, series_tolerance=0.2)[0] == "series"


def test_a_figure_of_no_kind_of_count_is_no_series() -> None:
    # 50 million allotted one day, 120 million of cost the next: one speaker's two sums, often two things
    positions = [toll(50e6, "2025-09-15"), toll(120e6, "2025-09-16")]
    assert judge_status(positions, [], names=GOVERNOR, sources=1)[0] == "series"
    status, reason = judge_status(positions, [], names=GOVERNOR, sources=1, series_directions=frozenset())
    assert (status, reason) == ("single-source", "one source (José Ángel Ferreyra) on every side")


def sums(unit: str, written: str) -> list[Claim]:
    def one(claim_id: str, article: str, value: float) -> Claim:
        counted = written.format(value=value)
        text = f"the government set aside {counted} for reconstruction"
        made = claim(claim_id, article, "the minister", value * 1e6, unit, text=text, counted=counted)
        # the verb the parse gives the amount: without one the label would not say whose money it is
        # (``ledger.label_gate``)
        quantity = dataclasses.replace(made.quantities[0], predicate="did the government set aside")
        return dataclasses.replace(made, quantities=(quantity,))

    return [one("c1", "b", 50), one("c2", "a", 120)]


def test_build_ledger_reads_no_series_in_sums_of_money_nor_bare_nouns() -> None:
    # dollars are money to the quantities stage; lari (a currency it does not know) only a bare noun
    for claims in (sums("USD", "${value:g} million"), sums("lari", "{value:g} million lari")):
        (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
        assert question.status == "single-source", question.status_reason
    # the same two figures as counts of the dead are a series
    claims = [
        claim("c1", "b", "the minister", 50, text="50 dead"),
        claim("c2", "a", "the minister", 120, text="120 dead"),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "series", question.status_reason


def series_brief() -> Brief:
    brief = build_brief()
    series = make_question(
        "How many died? <b>",
        toll(38, "2024-10-18", speaker="zelensky"),
        toll(44, "2024-10-19", speaker="zelensky"),
        id="q-toll",
        unit="dead",
        status="series",
        status_reason="rose from 38 (18 Oct) to 44 (19 Oct), per <Zelensky>; latest 44",
    )
    first = dataclasses.replace(brief.stories[0], questions=(series,))
    return dataclasses.replace(brief, stories=(first, *brief.stories[1:]))


def test_report_and_json_show_a_series_as_no_disagreement() -> None:
    brief = series_brief()
    validate_brief(brief.to_dict())
    page = render_html(brief)
    assert 'class="question status-series" id="question-s1-q-toll"' in page
    assert '<strong class="status">series</strong>' in page
    assert "per &lt;Zelensky&gt;; latest 44" in page
    assert "**series**: rose from 38" in render_markdown(brief)


def test_sources_each_counting_apart_are_contested_with_each_series_in_the_reason() -> None:
    names = {**GOVERNOR, "e-rc": "Red Cross"}
    positions = [
        toll(38, "2026-05-10"),
        toll(44, "2026-05-11"),
        toll(61, "2026-05-11", "e-rc"),
        toll(68, "2026-05-13", "e-rc"),
        toll(100, None, "e-opposition"),  # an undated side stays among the positions, outside the series
    ]
    status, reason = judge_status(
        positions, [], names=names, sources=3, series_directions=series_directions({"dead"})
    )
    assert status == "contested"
    assert reason == (
        "2 sources' counts rose and disagree: José Ángel Ferreyra 38 (10 May) to 44 (11 May); Red Cross 61 "
        "(11 May) to 68 (13 May); latest 44 per José Ángel Ferreyra (11 May), 68 per Red Cross (13 May)"
    )
    # a tally that only grows is not read so when a source's count falls, nor is a count of no kind
    fallen = [*positions[:2], toll(68, "2026-05-11", "e-rc"), toll(61, "2026-05-13", "e-rc")]
    _status, reason = judge_status(
        fallen, [], names=names, sources=2, series_directions=series_directions({"dead"})
    )
    assert "disagree" not in reason
    _status, reason = judge_status(positions, [], names=names, sources=3, series_directions=frozenset())
    assert "disagree" not in reason


def test_a_stock_from_one_source_is_a_series_whichever_way_it_moves() -> None:
    # patients in hospital rise as the late-comers arrive, then fall as they are discharged
    in_hospital = series_directions({"in_hospital"})
    positions = [
        toll(40, "2026-03-02"),
        toll(47, "2026-03-03"),
        toll(39, "2026-03-04"),
        toll(30, "2026-03-05"),
    ]
    status, reason = judge_status(positions, [], names=GOVERNOR, sources=1, series_directions=in_hospital)
    assert status == "series"
    assert reason.startswith("moved from 40 (2 Mar) to 47 (3 Mar) to 39 (4 Mar) to 30 (5 Mar)")
    assert reason.endswith("latest 30")
    # a tally of what happened only grows: the injured, the killed, the freed, the restored
    for kinds in ({"injured"}, {"dead"}, {"freed"}, {"in_service"}):
        directions = series_directions(kinds)
        assert (
            judge_status(positions, [], names=GOVERNOR, sources=1, series_directions=directions)[0]
            != "series"
        )
    assert series_directions({"missing"}) == series_directions({"out_of_service"}) == in_hospital


def test_a_stock_moving_both_ways_across_sources_is_no_series() -> None:
    in_hospital = series_directions({"in_hospital"})
    names = {**GOVERNOR, "e-red": "Red Cross"}
    # each source's path moves both ways: two counts, not one seen moving
    two_paths = [
        *(toll(value, day) for value, day in [(40, "2026-03-02"), (47, "2026-03-03"), (39, "2026-03-04")]),
        *(toll(v, d, "e-red") for v, d in [(52, "2026-03-02"), (60, "2026-03-03"), (55, "2026-03-04")]),
    ]
    assert judge_status(two_paths, [], names=names, series_directions=in_hospital)[0] != "series"
    # a second source apart from the path on one of its days is a dispute
    apart = [
        toll(40, "2026-03-02"),
        toll(47, "2026-03-03"),
        toll(39, "2026-03-04"),
        toll(61, "2026-03-03", "e-red"),
    ]
    assert judge_status(apart, [], names=names, series_directions=in_hospital)[0] != "series"
    # one figure relayed on two days moves nowhere
    relayed = [toll(40, "2026-03-02"), toll(40, "2026-03-03", "e-red")]
    assert judge_status(relayed, [], names=names, series_directions=in_hospital)[0] != "series"


def test_a_stock_told_a_day_each_by_several_voices_is_one_path() -> None:
    # a mayor's evacuees in shelters, relayed each day by a different voice (her name spelt two ways, an
    # agency without a speaker): no day holds two figures, so nothing disagrees; the stock rises then falls
    in_shelters = series_directions({"displaced"})
    names = {"e-mayor": "Ines Varga", "e-mayor2": "I. Varga", "e-agency": "Delta Press"}
    positions = [
        toll(900, "2026-04-06", "e-mayor"),
        toll(1150, "2026-04-07", "e-mayor2"),
        toll(1010, "2026-04-08", "e-mayor2"),
        toll(640, "2026-04-09", "e-agency"),
    ]
    status, reason = judge_status(positions, [], names=names, sources=3, series_directions=in_shelters)
    assert status == "series", reason
    assert reason.startswith("moved from 900 (6 Apr) to 1,150 (7 Apr) to 1,010 (8 Apr) to 640 (9 Apr)")
    assert reason.endswith("per Ines Varga, I. Varga and Delta Press; latest 640")
    # a second figure on one of those days is a contest, however the other days run
    apart = [*positions, toll(1300, "2026-04-08", "e-agency")]
    assert judge_status(apart, [], names=names, sources=3, series_directions=in_shelters)[0] != "series"
    # a tally of what happened read so would hide a toll that fell between voices: only a stock is joined
    dead = series_directions({"dead"})
    assert judge_status(positions, [], names=names, sources=3, series_directions=dead)[0] != "series"
    # two voices giving one figure each, on two days, show two figures, not a count seen moving
    two_figures = [toll(900, "2026-04-06", "e-mayor"), toll(640, "2026-04-09", "e-agency")]
    assert judge_status(two_figures, [], names=names, sources=2, series_directions=in_shelters)[0] != "series"


def test_a_speaker_setting_a_rivals_figure_beside_its_own_tells_no_count_moving() -> None:
    # issue #17 (the generalise storm story): the port authority gives 63 aboard, "eleven more than the 52
    # on the airline's passenger list"; as a speaker of the airline's 52 (first carried a day earlier) and
    # of its own 63, it read as a count that rose from 52 to 63
    text = "63 people were aboard, eleven more than the 52 on the passenger list of the airline"
    side_by_side = make_claim(
        text,
        id="c-port",
        speaker_text="the port authority",
        speaker="e-port",
        quantities=(make_quantity("63", 63, within=text), make_quantity("52", 52, within=text)),
    )
    positions = [
        make_position("c-list", "c-port", speakers=("e-line", "e-port"), value=52.0, earliest="2026-03-02"),
        make_position("c-port-later", speakers=("e-port",), value=63.0, earliest="2026-03-04"),
    ]
    names = {"e-line": "Coastal Air", "e-port": "Port Authority"}
    assert judge_status(positions, [], names=names, sources=2)[0] == "series"  # what the claim shows
    assert judge_status(positions, [side_by_side], names=names, sources=2)[0] != "series"
    # a claim that gives each value its day tells the count moving: the series stands
    told = dataclasses.replace(side_by_side, times=(make_time("Monday", "2026-03-02"),))
    assert judge_status(positions, [told], names=names, sources=2)[0] == "series"
