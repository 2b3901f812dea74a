"""Named days (dates/holidays.py): each rule's day in a year, and the year a name without one is placed in."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.stages.dates import holidays
from storyline.stages.dates.expressions import find_times_in_passage
from storyline.stages.dates.rules import FUTURE, PAST


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("Thanksgiving", 1999, date(1999, 11, 25)),  # the fourth Thursday of November
        ("Thanksgiving Day", 2024, date(2024, 11, 28)),
        ("Election Day", 1998, date(1998, 11, 3)),  # the Tuesday after the first Monday of November
        ("Election Day", 2026, date(2026, 11, 3)),
        ("Election Day", 2020, date(2020, 11, 3)),
        ("Easter", 2000, date(2000, 4, 23)),
        ("Good Friday", 2000, date(2000, 4, 21)),
        ("Memorial Day", 2000, date(2000, 5, 29)),  # the last Monday of May
        ("Labor Day", 1998, date(1998, 9, 7)),
        ("Christmas Eve", 1998, date(1998, 12, 24)),
        ("New Year's Day", 2001, date(2001, 1, 1)),
    ],
)
def test_each_rule_gives_the_day_of_its_year(name: str, year: int, expected: date) -> None:
    assert holidays.rule_for(name).in_year(year) == expected


def day_of(text: str, published: str, tense: str = PAST) -> list[tuple[str, str | None]]:
    return [(t.text, t.date) for t in find_times_in_passage(text, published, tense)]


def test_a_name_without_its_year_follows_the_tense() -> None:
    assert day_of("He was rescued on Thanksgiving Day.", "2000-01-15") == [("Thanksgiving Day", "1999-11-25")]
    assert day_of("Campaigning runs to Election Day.", "1998-10-26", FUTURE) == [
        ("Election Day", "1998-11-03")
    ]


def test_last_and_next_move_off_the_publication_day() -> None:
    assert day_of("He came home last Christmas.", "2000-12-25") == [("last Christmas", "1999-12-25")]
    assert day_of("They will marry next Easter.", "2000-01-10", FUTURE) == [("next Easter", "2000-04-23")]


def test_a_named_week_is_the_iso_week_of_its_day_and_a_stated_year_wins() -> None:
    assert day_of("Protesters prayed as Easter week began.", "2000-04-17") == [("Easter week", "2000-W16")]
    assert day_of("On Christmas Eve 1998 he left.", "2000-04-17") == [("Christmas Eve 1998", "1998-12-24")]


def test_a_name_another_calendar_may_give_is_not_placed() -> None:
    # a country's or a church's day ("Mexico's Independence Day", "Orthodox Easter") may fall elsewhere
    assert day_of("Crowds gathered for Mexico's Independence Day.", "2000-09-20") == []
    assert day_of("Pilgrims marked Orthodox Easter.", "2000-04-30") == []
    # a lead word before the name is no qualifier
    assert day_of("It rained. On Christmas Day, the roads froze.", "2000-12-27") == [
        ("Christmas Day", "2000-12-25")
    ]


def test_lower_case_words_and_longer_names_are_no_named_days() -> None:
    assert day_of("The ship reached Easter Island.", "2000-04-17") == []
    assert day_of("He hopes the new year's day of reckoning comes.", "2000-04-17") == []
