"""eval/dates.py on the generalisation layout (issue #17: dates that generalise), over a fixture of two
short stories written for the test (tests/data/times_eval): only gold files with ``times`` count, each
story is scored on its own articles and pooled, and the held-out story is kept apart."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import eval.common
from eval import dates
from eval.timex_metrics import TimexScores, add_scores
from storyline.records import TimeExpr

FIXTURE = Path(__file__).resolve().parent / "data" / "times_eval"


def counts(scores: dates.TimexScores) -> tuple[int, int, int, int, int]:
    return scores.documents, scores.gold, scores.system, scores.relaxed_matches, scores.correct_values


def test_each_story_is_scored_on_its_own_articles_and_pooled(capsys: pytest.CaptureFixture[str]) -> None:
    scores = dates.score_generalise(held_out=False, folder=FIXTURE)
    assert list(scores) == ["halsoy-ferry", "vennberg-fire"]
    # "four days" is found as a duration and left out: the gold times are points a timeline can place
    assert counts(scores["halsoy-ferry"]) == (1, 2, 2, 2, 2)
    assert counts(scores["vennberg-fire"]) == (1, 5, 5, 5, 5)
    assert dates.report_generalise(held_out=False, folder=FIXTURE) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["halsoy-ferry", "vennberg-fire"]
    assert lines[2].startswith("Generalisation dev, pooled") and "gold     7  found     7" in lines[2]


def test_the_gold_published_date_is_the_base_where_the_sidecar_gives_none() -> None:
    documents = dict((d.name, d) for _, d in dates.read_generalise_documents(held_out=False, folder=FIXTURE))
    ferry = documents["ferry-01"]
    assert (ferry.metadata_published, ferry.published) == (None, "2024-11-18")
    assert [ferry.text[g.start : g.end] for g in ferry.gold] == ["18 November 2024", "Saturday"]


def stub_stage(found: dict[str, list[TimeExpr]]):  # type: ignore[no-untyped-def]
    def run(documents: Sequence[dates.Document]) -> Iterator[tuple[dates.Document, list[TimeExpr]]]:
        for document in documents:
            yield document, found.get(document.name, [])

    return run


def time_at(document: dates.Document, surface: str, day: str | None, kind: str = "DATE") -> TimeExpr:
    start = document.text.index(surface)
    return TimeExpr(surface, start, start + len(surface), day, "day", type=kind, value=day)


def flawed_times() -> dict[str, list[TimeExpr]]:
    """What a flawed stage finds in the fixture: a wrong date, a miss and a spurious time."""
    documents = dict((d.name, d) for _, d in dates.read_generalise_documents(held_out=False, folder=FIXTURE))
    ferry, harbour = documents["ferry-01"], documents["harbour-01"]
    return {
        # Saturday read as the coming one; the duration is not a time point and counts neither way
        "ferry-01": [
            time_at(ferry, "18 November 2024", "2024-11-18"),
            time_at(ferry, "four days", None, "DURATION"),
            time_at(ferry, "Saturday", "2024-11-23"),
        ],
        # "Monday" missed, "the night" found where the gold has no time
        "harbour-01": [
            time_at(harbour, "Wednesday", "2025-03-12"),
            time_at(harbour, "the night", "2025-03-10", "TIME"),
            time_at(harbour, "Tuesday", "2025-03-11"),
            time_at(harbour, "3 February 2025", "2025-02-03"),
            time_at(harbour, "April", "2025-04"),
        ],
    }


def test_a_wrong_date_a_miss_and_a_spurious_time_each_cost_the_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "run_stage", stub_stage(flawed_times()))
    scores = dates.score_generalise(held_out=False, folder=FIXTURE)
    assert counts(scores["halsoy-ferry"]) == (1, 2, 2, 2, 1)
    assert counts(scores["vennberg-fire"]) == (1, 5, 5, 4, 4)
    assert scores["vennberg-fire"].strict_matches == 4
    pooled = dates.add_scores(scores.values())
    assert (pooled.relaxed[0], pooled.relaxed[1]) == (6 / 7, 6 / 7)
    assert pooled.value_accuracy == 5 / 6


def test_the_errors_of_the_generalisation_stories_are_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "run_stage", stub_stage(flawed_times()))
    errors = [line.split("\t") for line in dates.generalise_errors(held_out=False, folder=FIXTURE)]
    assert [fields[:2] for fields in errors] == [
        ["ferry-01", "DCT 2024-11-18"],
        ["harbour-01", "spurious 'the night' -> 2025-03-10"],
        ["harbour-01", "missed 'Monday' 2025-03-10"],
    ]
    # the wrong date: ours, then the gold's
    assert errors[0][2:4] == ["'Saturday' -> 2024-11-23", "gold 'Saturday' DATE 2024-11-16"]


def without_times(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURE, folder)
    for name in names:
        path = folder / "gold" / f"{name}.json"
        record = json.loads(path.read_text())
        del record["times"]
        path.write_text(json.dumps(record))
    return folder


def test_only_gold_files_with_times_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = without_times(tmp_path, "ferry-01")
    assert list(dates.score_generalise(held_out=False, folder=folder)) == ["vennberg-fire"]
    folder = without_times(tmp_path / "none", "ferry-01", "harbour-01")
    assert dates.score_generalise(held_out=False, folder=folder) == {}
    assert dates.report_generalise(held_out=False, folder=folder) == 0
    assert "no gold file" in capsys.readouterr().out


def test_the_held_out_story_is_scored_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eval.common, "GENERALISE_HELD_OUT", "halsoy-ferry")
    assert list(dates.score_generalise(held_out=True, folder=FIXTURE)) == ["halsoy-ferry"]
    assert list(dates.score_generalise(held_out=False, folder=FIXTURE)) == ["vennberg-fire"]


def test_held_out_is_refused_without_the_generalisation_corpus() -> None:
    with pytest.raises(SystemExit):
        dates.main(["--held-out"])


# The development stories' hand-resolved times (sfax-bank-fraud, kutaisi-museum-heist, jalal-abad-escape,
# khujand-strike; 245 occurrences): value F1 0.852, relaxed F1 0.911 when the gold was written in the
# twenty-fifth round, 0.922 / 0.939 once its errors were read (clause-anchored days, "overnight", "the day
# before", weekdays pointing ahead). Floors at what the round reached, less a hair. Raised in round 27 (all
# six development stories pooled 0.930 / 0.951 -> 0.941 / 0.964: a part of the day or a clock time in a past
# clause follows the narrative's day, or the publication day in a report of the last days; then 0.950 / 0.967:
# "between 2017 and 2024" is two years; 0.953 with "snow forecast for the weekend" ahead). Raised in round
# 32 (the eight older stories 0.947 / 0.958 -> 0.953 / 0.968: the 24-hour clock, "first light", "on the
# 24th"). Raised in round 34 (0.953 -> 0.960: a request's reported deadline and an event set in the present
# perfect point a weekday ahead; a clock time closing its clause far from the day told last takes the story's
# own day).
GENERALISE_TIMES_FLOORS = {"value F1": 0.955, "relaxed F1": 0.965}
# pamir-air-crash joined at the twenty-sixth round's start (scored unseen at fb40463: value F1 0.839,
# relaxed F1 0.903 on its 43 times); value F1 0.903 once its errors were read. Its times gold then left out
# kinds the other stories annotate (a bare year of a past event, "the weekend", "the end of the year",
# "fourth day", "Two days after", "overnight", "first light", a clock time, an anchored season) and kept
# "by"/"until"/"since" in its surfaces; once reviewed against their conventions (52 times) it scores value
# F1 0.941, relaxed F1 0.961 and joins the pool (pooled over the five: 0.926 / 0.943). A story scored unseen
# later may get floors of its own here until its gold is reviewed.
# storm joined at the twenty-ninth round's end (scored unseen at 45d54ec: value F1 0.882, relaxed F1 0.926 on
# its 72 times); its own floors at those until its errors are read. Raised in the thirtieth round once they
# were read (0.922 / 0.965: a day of the month named alone, "on the 24th", "the night of the 21st"; then
# 0.936: an infinitive's bound in a present sentence lies ahead, "expects the typhoon ... to leave by
# Wednesday"). recall joined at the thirtieth round's end (scored unseen at 64f8ab6: value F1 0.929, relaxed
# F1 0.976 on its 64 times); its own floors at those until its errors are read. cable joined at the
# thirty-first round's end (scored unseen at aa5d7b8: value F1 0.941, relaxed F1 0.980 on its 51 times).
# Raised in round 34 once their errors were read: recall 0.929 -> 0.953 (a request's deadline ahead, a
# day-month-year "19/12/2026"), cable 0.941 / 0.980 -> 0.971 / 0.990 ("24.11.2026" and its clock time).
# avalanche joined at the thirty-fourth round's end (scored unseen at ec21fd5: value F1 0.951, relaxed F1
# 1.000 on its 61 times); its own floors at those until its errors are read.
TIMES_FLOORS_OF_LATE_STORIES: dict[str, dict[str, float]] = {
    "storm": {"value F1": 0.93, "relaxed F1": 0.96},
    "recall": {"value F1": 0.95, "relaxed F1": 0.97},
    "cable": {"value F1": 0.965, "relaxed F1": 0.985},
    "avalanche": {"value F1": 0.95, "relaxed F1": 0.99},
}


def _under_floors(scores: Sequence[TimexScores], floors: dict[str, float]) -> dict[str, float]:
    pooled = add_scores(scores)
    figures = {"value F1": pooled.value_f1, "relaxed F1": pooled.relaxed[2]}
    return {name: round(figures[name], 3) for name, floor in floors.items() if figures[name] < floor}


def test_generalisation_times_stay_above_floors() -> None:
    by_story = dates.score_generalise(held_out=False)
    older = [scores for story, scores in by_story.items() if story not in TIMES_FLOORS_OF_LATE_STORIES]
    assert add_scores(older).gold >= 200, "the development stories' times gold went missing"
    assert not _under_floors(older, GENERALISE_TIMES_FLOORS)
    for story, floors in TIMES_FLOORS_OF_LATE_STORIES.items():
        assert not _under_floors([by_story[story]], floors), story
