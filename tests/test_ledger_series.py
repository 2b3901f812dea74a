"""One source's values over successive dates are a series, not a contest (``ledger.series``, issue #17):
the rule on positions built by hand, through ``build_ledger``, and as the report and JSON show it."""

from __future__ import annotations

import dataclasses

from factories import make_position, make_question
from report_sample import build_brief
from test_ledger import ARTICLES, STORY, claim

from storyline.records import Brief, Position
from storyline.report import render_html, render_markdown, validate_brief
from storyline.stages.ledger.positions import build_ledger
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
