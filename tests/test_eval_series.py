"""eval/series.py on hand-built briefs: it must tell a right series from a contest, a wrong latest value and
a disagreement shown as a series, whatever the ledger calls its questions."""

from __future__ import annotations

from typing import Any

import pytest

from eval.common import DEMO_SERIES, GENERALISE_HELD_OUT, GENERALISE_SERIES, generalise_gold
from eval.series import best_question, latest_value, load_series_gold, score_series
from storyline.records import Brief, Position, Question
from tests.factories import make_article, make_position, make_question, make_story

GOLD_ARTICLES = [{"file": "q-1.txt", "story": "quake"}, {"file": "q-2.txt", "story": "quake"}]
SERIES_GOLD: dict[str, dict[str, Any]] = {
    "quake": {
        "series": [
            {
                "key": "toll",
                "counted": ["dead", "killed"],
                "values": [{"value": 12}, {"value": 19}, {"value": 23}],
                "latest": 23,
                "distractors": [1991],
            }
        ],
        "not_series": [
            {"key": "evacuated", "counted": ["evacuated"], "values": [{"value": 3400}, {"value": 5100}]}
        ],
    }
}


def valued(value: float, earliest: str, speaker: str) -> Position:
    return make_position(f"c{value:g}", speakers=(speaker,), value=value, earliest=earliest)


def toll(status: str, *positions: Position) -> Question:
    return make_question("How many people were killed?", *positions, id="toll", unit="people", status=status)


def evacuated(status: str) -> Question:
    return make_question(
        "How many people were evacuated?",
        valued(3400, "2025-09-15", "ems"),
        valued(5100, "2025-09-15", "red-cross"),
        id="evac",
        unit="people",
        status=status,
    )


RISING = (
    valued(12, "2025-09-14", "minister"),
    valued(19, "2025-09-15", "minister"),
    valued(23, "2025-09-16", "minister"),
)


def brief_of(*questions: Question) -> Brief:
    articles = (make_article(id="a1", path="/x/q-1.txt"), make_article(id="a2", path="/x/q-2.txt"))
    return Brief(articles=articles, stories=(make_story(articles, questions=questions),))


def test_a_rising_toll_shown_as_a_series_with_its_latest_value_scores_full_marks() -> None:
    scores = score_series(
        brief_of(toll("series", *RISING), evacuated("contested")), SERIES_GOLD, GOLD_ARTICLES
    )
    assert (scores.expected, scores.shown, scores.latest_right) == (1, 1, 1)
    assert (scores.predicted, scores.predicted_gold, scores.must_not_shown) == (1, 1, 0)
    assert scores.scores.f1 == 1.0


def test_a_rising_toll_shown_as_a_contest_is_missed() -> None:
    scores = score_series(
        brief_of(toll("contested", *RISING), evacuated("contested")), SERIES_GOLD, GOLD_ARTICLES
    )
    assert (scores.shown, scores.latest_right, scores.predicted) == (0, 0, 0)
    assert scores.scores.recall == 0.0


def test_a_series_whose_latest_value_is_not_the_gold_latest_is_not_counted_right() -> None:
    # the 1991 quake's toll taken in as the newest value
    wrong = (*RISING[:2], valued(200, "2025-09-16", "minister"))
    scores = score_series(brief_of(toll("series", *wrong)), SERIES_GOLD, GOLD_ARTICLES)
    assert (scores.shown, scores.latest_right) == (1, 0)


def test_a_disagreement_shown_as_a_series_is_counted_against_the_brief() -> None:
    scores = score_series(brief_of(toll("series", *RISING), evacuated("series")), SERIES_GOLD, GOLD_ARTICLES)
    assert (scores.must_not, scores.must_not_shown) == (1, 1)
    assert (scores.predicted, scores.predicted_gold) == (2, 1)


def test_the_question_of_a_gold_entry_is_the_one_holding_most_of_its_values() -> None:
    other = make_question("How many were hurt?", valued(12, "2025-09-14", "doctor"), id="hurt")
    entry = SERIES_GOLD["quake"]["series"][0]
    assert best_question(entry, [other, toll("series", *RISING)]) == toll("series", *RISING)
    assert best_question(entry, [other]) is None  # one shared value of three is not enough


def test_the_latest_value_needs_a_date_that_orders_it_first() -> None:
    assert latest_value(toll("series", *RISING)) == 23
    tied = (RISING[0], valued(19, "2025-09-16", "minister"), RISING[2])
    assert latest_value(toll("series", *tied)) is None


def test_the_series_gold_files_name_stories_of_their_corpus() -> None:
    stories = {entry["story"] for held_out in (True, False) for entry in generalise_gold(held_out=held_out)}
    gold = load_series_gold(GENERALISE_SERIES)
    assert set(gold) <= stories
    assert load_series_gold(DEMO_SERIES)["la-corona-dam"]["series"]
    # the held-out story may be named before its files are written (another branch writes them)
    if not generalise_gold(held_out=True):
        pytest.skip(f"held-out story {GENERALISE_HELD_OUT} has no gold files yet")
    assert GENERALISE_HELD_OUT in gold
    assert gold[GENERALISE_HELD_OUT]["series"] and gold[GENERALISE_HELD_OUT]["not_series"]


def test_a_source_s_series_inside_a_contest_between_moving_counts_is_shown() -> None:
    # the minister's toll and the Red Cross's each rise, to different latest values: one contested question
    # whose positions give each source's values by date shows the minister's series
    red_cross = (valued(30, "2025-09-15", "red-cross"), valued(41, "2025-09-16", "red-cross"))
    scores = score_series(brief_of(toll("contested", *RISING, *red_cross)), SERIES_GOLD, GOLD_ARTICLES)
    assert (scores.shown, scores.latest_right, scores.predicted) == (1, 1, 0)
    # a contest whose other side does not move is no series shown; nor is a wrong latest right
    single = (valued(30, "2025-09-15", "red-cross"),)
    scores = score_series(brief_of(toll("contested", *RISING, *single)), SERIES_GOLD, GOLD_ARTICLES)
    assert (scores.shown, scores.latest_right) == (0, 0)
    wrong = (*RISING[:2], valued(25, "2025-09-17", "minister"))
    scores = score_series(brief_of(toll("contested", *wrong, *red_cross)), SERIES_GOLD, GOLD_ARTICLES)
    assert (scores.shown, scores.latest_right) == (1, 0)


# drina-bridge joined at the twenty-sixth round's end (scored unseen at 1a8d090: series 0/2, both shown
# contested: a 2009 toll beside the first day's bodies, and the administration's latest counts under its
# owner's name and its other name, read as other sources); both right since, it is in these floors.
# gas-leak joined at the twenty-eighth round's end (scored unseen at df3f513: shown 1/2, right latest 1/2: the
# people in hospital, a stock rising then falling, shown as one contested question of four values, not a
# series); right since the twenty-ninth round (a stock's sources read as one path when no day holds two
# values), so it is in these floors. A story joined after its unseen score goes in SERIES_LATE_STORIES until
# it is right. storm joined at the twenty-ninth round's end (scored unseen at 45d54ec: shown 2/3, right latest
# 2/3, must-not 1/4: the people aboard the ferry, the operator's 54 against the coast guard's 71, read as a
# count that rose, since the coast guard's claim set the operator's 54 beside its own 71); the must-not holds
# since ``series._side_by_side``; the death toll, its 27 bodies recovered in one village beside the agency's
# 43 of the same day, was shown contested until the thirtieth round (a count its own clause puts in one place
# that the whole's sentences never name, below another source's same-day figure, is a part: ``ledger.parts``),
# so storm is in these floors since. recall joined at the thirtieth round's end (scored unseen at 64f8ab6:
# shown 1/3, right latest 1/3, must-not 0/4: Sciensano's confirmed cases taken into the question of the cases
# in France it also counts, and the people in hospital, a stock that falls, shown contested); right since the
# thirty-first round (a source's count of one place beside its whole is another question, a day after a spelt
# number dates that number, an "and" closing a list of places cuts no clause), so it is in these floors.
# cable joined at the thirty-first round's end (scored unseen at aa5d7b8: shown 1/3, right latest 0/3,
# must-not 0/3: the drag mark's first length split from the later three, the crew held shown without its fall
# to 5, the cables damaged in no question); 2/3 right since the thirty-third round (a length followed by a
# size word takes no kind of count from the verb that found the thing; a lower-case possessor narrows none;
# "are holding" names the held as "are held" does).
# avalanche joined at the thirty-fourth round's end (scored unseen at ec21fd5: shown 2/3, right latest 1/3,
# must-not 0/3: the dead shown without the last day's 10, the guests stranded by the road in no question).
# story: (series, right floor)
SERIES_LATE_STORIES: dict[str, tuple[int, int]] = {"cable": (3, 2), "avalanche": (3, 1)}


def test_generalisation_stories_series_stay_above_floors() -> None:
    """Every development story's series shown with its latest value bar one (thessaloniki-bid's offer
    price), and no series question that is not a gold series: a story that gathers two unrelated stories
    (a week-long join on one rare person, round 26) shows the other's series as its own."""
    from eval.common import generalise_brief, generalise_gold
    from eval.series import load_series_gold, score_series

    article_gold = generalise_gold(held_out=False)
    stories = {entry["story"] for entry in article_gold} - set(SERIES_LATE_STORIES)
    scores = score_series(generalise_brief(), load_series_gold(GENERALISE_SERIES, stories), article_gold)
    assert scores.expected >= 47, "the development stories' series gold went missing"
    assert scores.shown == scores.expected
    assert scores.latest_right >= scores.expected - 1
    assert scores.predicted_gold == scores.predicted, scores.details
    assert scores.must_not_shown == 0


def test_late_stories_series_stay_above_their_floors() -> None:
    """A story joined after its unseen score keeps what it showed then, and no count that must not be a
    series shown as one."""
    from eval.common import generalise_brief, generalise_gold
    from eval.series import load_series_gold, score_series

    if not SERIES_LATE_STORIES:
        pytest.skip("every development story is in the main series floors")
    article_gold = generalise_gold(held_out=False)
    for story, (expected, latest_right) in SERIES_LATE_STORIES.items():
        late_gold = load_series_gold(GENERALISE_SERIES, {story})
        scores = score_series(generalise_brief(), late_gold, article_gold)
        assert scores.expected == expected, f"{story}'s series gold went missing"
        assert scores.latest_right >= latest_right, scores.details
        assert scores.must_not_shown == 0, scores.details
