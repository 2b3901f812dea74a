"""The dates stage: golden texts for every kind of expression, the rules behind them, offsets, and the
TempEval-3 floor."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from storyline.config import DEFAULT_SETTINGS
from storyline.pipeline import analyze_parsed, iter_articles, run_article_stages
from storyline.records import Article, ParsedArticle, TimeExpr
from storyline.stages import dates
from storyline.stages.dates import expressions, rules
from storyline.stages.dates.expressions import (
    find_time_expressions,
    find_times_in_passage,
    locate_time_expressions,
)
from storyline.stages.dates.publication import StatedDate, infer_from_stated_dates, infer_publication_date
from storyline.stages.dates.tense import expression_tense
from storyline.stages.nlp import load_nlp

MONDAY = "2024-10-21"  # the publication date of most golden texts: a Monday
SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL_SCRIPT = Path(__file__).resolve().parents[1] / "eval" / "dates.py"


def find(text: str, published: str | None = MONDAY) -> list[TimeExpr]:
    article = Article(id="a", text=text, published=published)
    found = find_time_expressions(ParsedArticle(article=article, doc=load_nlp()(text)))
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
    return found


def values(text: str, published: str | None = MONDAY) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.date, t.precision) for t in find(text, published)]


# --- explicit dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On October 18, the minister resigned.", ("October 18", "2024-10-18", "day")),
        ("The deal was signed on 18 Oct 2024 in Seoul.", ("18 Oct 2024", "2024-10-18", "day")),
        ("The treaty was signed in June.", ("June", "2024-06", "month")),
        ("NATO declared it in July.", ("July", "2024-07", "month")),
        ("Moscow has received shells since the summer of 2023.", ("the summer of 2023", "2023-SU", "season")),
        ("He commanded the army from 2011 to 2018.", ("from 2011 to 2018", "2011/2018", "range")),
        ("It was the first since the Korean War (1950-1953).", ("1950-1953", "1950/1953", "range")),
        (
            "The company reported a loss in the third quarter.",
            ("the third quarter", "2024-07/2024-09", "range"),
        ),
    ],
)
def test_explicit_expressions(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day-month-year order: dotted, never the US order; slashed where the day cannot be a month
        ("The valve was found open on 7.10.2024 by an inspector.", [("7.10.2024", "2024-10-07")]),
        ("Tickets bought before 23/09/2024 stay valid.", [("23/09/2024", "2024-09-23")]),
        # not inside a longer run of numbers (a version, an address)
        ("The firmware 2.7.10.2024 was patched.", []),
        ("The code 4/23/09/2024 was printed on the box.", []),
    ],
)
def test_numeric_dates_in_the_day_month_year_order(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.date) for t in find(text)] == expected


def test_years_between_two_bounds_are_two_years() -> None:
    """TimeML (and the generalisation gold) tag "between 1985 and 1987" as two years; a span told "from ...
    to ..." stays one range."""
    assert values("Thousands of permits were issued between 2003 and 2009, the audit found.") == [
        ("2003", "2003", "year"),
        ("2009", "2009", "year"),
    ]


# --- relative expressions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president said yesterday that talks had failed.", ("yesterday", "2024-10-20", "day")),
        ("The meeting was held today in Brussels.", ("today", "2024-10-21", "day")),
        ("Budanov claimed last week that troops were training.", ("last week", "2024-W42", "week")),
        ("North Korea will send 12,000 people this month.", ("this month", "2024-10", "month")),
        ("The minister posted on X on Sunday night.", ("Sunday night", "2024-10-20", "day")),
        ("The spy agency said on Friday that troops had arrived.", ("Friday", "2024-10-18", "day")),
        ("The ministers will meet on Friday in Brussels.", ("Friday", "2024-10-25", "day")),
        ("NATO ministers meet this Thursday in Brussels.", ("this Thursday", "2024-10-24", "day")),
        ("A few days ago, the agency announced the move.", ("A few days ago", "2024-W42", "week")),
        ("Ukrainian sources said so in recent days.", ("recent days", "2024-W43", "week")),
        ("We can end this war next year.", ("next year", "2025", "year")),
        ("A video was released late last week by officials.", ("late last week", "2024-W42", "week")),
        (
            "Macron said in late February that he would not rule it out.",
            ("late February", "2024-02", "month"),
        ),
        ("Officials met three weeks ago in Kyiv.", ("three weeks ago", "2024-W40", "week")),
    ],
)
def test_relative_expressions(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text) == [expected]


def test_a_weekday_equal_to_the_publication_day_is_that_day_not_a_week_back() -> None:
    # dateparser with PREFER_DATES_FROM="past" would answer 2024-10-14 here
    assert values("The minister said on Monday that he would resign.") == [("Monday", MONDAY, "day")]


def test_a_clock_time_before_a_day_is_one_expression_with_the_time_in_its_value() -> None:
    found = find("The polls closed at 10:30 p.m. EST Wednesday, officials said.")
    assert [(t.text, t.date, t.type, t.value) for t in found] == [
        ("10:30 p.m. EST Wednesday", "2024-10-16", "TIME", "2024-10-16T22:30")
    ]


def test_last_and_next_move_off_the_publication_day() -> None:
    assert values("Talks collapsed last Monday.") == [("last Monday", "2024-10-14", "day")]
    assert values("Talks resume next Monday.") == [("next Monday", "2024-10-28", "day")]


def test_the_bound_of_a_reported_warning_is_ahead_of_the_warning() -> None:
    # the simple past under "would" only backshifts the warning's condition
    text = "The union had warned on Friday that anyone who did not return by Wednesday would be fired."
    assert [(t.text, t.date) for t in find(text)] == [
        ("Friday", "2024-10-18"),
        ("by Wednesday", "2024-10-23"),
    ]
    # under "would have" it looks back, and a clause without a bound keeps its own past day
    assert [(t.text, t.date) for t in find("Those who had signed by Wednesday would have been paid.")] == [
        ("by Wednesday", "2024-10-16")
    ]
    assert [
        (t.text, t.date) for t in find("The mayor, who was re-elected on Thursday, would not comment.")
    ] == [("Thursday", "2024-10-17")]


# Issue #17: a bare weekday in a present clause was read as the past one; the clause's own words (a schedule
# verb, a deadline subject, a bound ahead, a deferral) now point it ahead. MONDAY's Wednesday is 2024-10-23,
# the one before 2024-10-16.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels' ultimatum runs out on Wednesday night.", ("Wednesday night", "2024-10-23")),
        ("The grace period expires Friday, the regulator said.", ("Friday", "2024-10-25")),
        ("The new tariff takes effect on Saturday.", ("Saturday", "2024-10-26")),
        ("The auditors' report is due on Thursday.", ("Thursday", "2024-10-24")),
        ("A ruling is expected Friday.", ("Friday", "2024-10-25")),
        ("The deadline for bids is Wednesday.", ("Wednesday", "2024-10-23")),
        ("Polling stations remain shut until Thursday.", ("Thursday", "2024-10-24")),
        ("The verdict was postponed until at least Wednesday.", ("Wednesday", "2024-10-23")),
        ("The inquiry has been adjourned to Thursday.", ("Thursday", "2024-10-24")),
        ("The vote was put off until Friday.", ("Friday", "2024-10-25")),
        # a deadline granted or extended: the grant is past, the day it gives lies ahead
        ("The court has given the family until 9 a.m. Tuesday to respond.", ("9 a.m. Tuesday", "2024-10-22")),
        ("The regulator extended the ban until Friday.", ("Friday", "2024-10-25")),
        # a forecast tells a day ahead; a schedule reported in the past is backshifted, still ahead
        ("Highs of 35 degrees are forecast for Wednesday.", ("Wednesday", "2024-10-23")),
        ("The governor said two ferries were expected on Thursday.", ("Thursday", "2024-10-24")),
        # an expectation told active in a report: the past backshifts the report, the bound is ahead
        ("The minister said he expected a first report by Friday.", ("by Friday", "2024-10-25")),
        # a state told in the present perfect lasts to now: its bound is ahead
        ("Schools in the valley have been closed until Wednesday.", ("Wednesday", "2024-10-23")),
        # a reported order's deadline: the past perfect only backshifts the report
        (
            "The regulator said lenders had been told to repay the loans by Friday.",
            ("by Friday", "2024-10-25"),
        ),
        # "as soon as" bounds ahead as "as early as" does, under a modal too
        ("The delegation might arrive as soon as Thursday.", ("Thursday", "2024-10-24")),
        # a plan of an event told in the past, or now, names a day ahead
        ("Protesters planned a march on Saturday.", ("Saturday", "2024-10-26")),
        ("The prosecutor has scheduled a news conference Thursday.", ("Thursday", "2024-10-24")),
        ("On Wednesday, the union plans to hold a rally.", ("Wednesday", "2024-10-23")),
        # an event still to be held, named by a possessive weekday, is the one the future clause awaits
        ("The champions will play in Sunday's final.", ("Sunday", "2024-10-27")),
        ("The envoy said she would bring the proposal to Thursday's talks.", ("Thursday", "2024-10-24")),
        # an event set for a day in the past tense: the setting is past, the event ahead
        (
            "The governor called a meeting with both sides for Wednesday morning.",
            ("Wednesday morning", "2024-10-23"),
        ),
        # ... or in the present perfect, which takes no past day: the event is ahead
        ("The dockers' union has called a walkout at all ports on Friday.", ("Friday", "2024-10-25")),
        # a request's deadline, reported in the past or the past perfect, lies after the request
        (
            "The prosecutor said she had asked the ministry for the full accounts by Thursday.",
            ("by Thursday", "2024-10-24"),
        ),
        ("The judge said he ordered a new audit before Friday.", ("Friday", "2024-10-25")),
    ],
)
def test_a_weekday_a_schedule_or_a_deferral_points_to_is_the_coming_one(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(t.text, t.date) for t in find(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same words told in the past stay past: the deadline ran out, the report was filed
        ("The rebels' ultimatum ran out on Wednesday night.", ("Wednesday night", "2024-10-16")),
        ("Regulators said on Friday that the grace period had expired.", ("Friday", "2024-10-18")),
        ("The agency had reported on Wednesday that the deadline was met.", ("Wednesday", "2024-10-16")),
        ("Polling stations stayed shut until Thursday.", ("Thursday", "2024-10-17")),
        ("The strike lasted until Saturday.", ("Saturday", "2024-10-19")),
        # in the past perfect the state was over before now
        ("Schools had been closed until Wednesday.", ("Wednesday", "2024-10-16")),
        # a schedule told alone in the past, or overtaken in the past perfect, stays past
        ("Two ferries were expected on Thursday but never came.", ("Thursday", "2024-10-17")),
        ("The governor said two ferries had been expected on Thursday.", ("Thursday", "2024-10-17")),
        ("By Friday evening, 41 schools had reopened.", ("By Friday evening", "2024-10-18")),
        # a possessive weekday dates its noun, not the bound of the clause
        ("Shares are below their level before Friday's sell-off.", ("Friday", "2024-10-18")),
        # a possessive names a thing that exists: past, whatever the future clause plans around it
        (
            "Relatives said they would look for ways to get around Wednesday's ruling.",
            ("Wednesday", "2024-10-16"),
        ),
        # no sign in the clause: a present weekday stays the past one, as before
        ("Officials say the outage began on Sunday.", ("Sunday", "2024-10-20")),
        # an event set in the simple past may have been held that day; a request without a bound is dated
        ("The dockers' union called a walkout at all ports on Friday.", ("Friday", "2024-10-18")),
        (
            "The prosecutor said she had asked the ministry on Thursday for the accounts.",
            ("Thursday", "2024-10-17"),
        ),
        # a request told alone, not reported, keeps its past bound
        ("The agency had asked for the accounts by Thursday.", ("by Thursday", "2024-10-17")),
        # a plan in the past perfect, reported or not and with no deadline, was overtaken
        ("The regulator said the offer had been scheduled to expire Friday.", ("Friday", "2024-10-18")),
        ("The board had planned a vote on Friday.", ("Friday", "2024-10-18")),
        # a plan told without the event it plans may date the planning
        ("On Friday, the government planned to pay the first claims.", ("Friday", "2024-10-18")),
        # an infinitive of purpose, or as a subject, under a past clause is no future
        (
            "The government staged a number of celebrations to mark the country's entry into the alliance on"
            " Friday.",
            ("Friday", "2024-10-18"),
        ),
        (
            "Among the first countries to join the pact on Friday were Chile and Peru.",
            ("Friday", "2024-10-18"),
        ),
        # a bare participle has its own time, whatever "would" said before it
        (
            "They said they would fight the ruling, announced Friday by the commissioner, that the boy"
            " must go home.",
            ("Friday", "2024-10-18"),
        ),
    ],
)
def test_a_weekday_told_as_past_stays_the_past_one(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.date) for t in find(text)] == [expected]


# --- deadlines ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They will be ready as early as November 1.", ("as early as November 1", "2024-11-01", "day")),
        ("The troops will be sent by November 1.", ("by November 1", "2024-11-01", "day")),
        ("He predicted they would join the fighting by November.", ("by November", "2024-11", "month")),
    ],
)
def test_deadlines_keep_their_marker(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text) == [expected]


# --- implicit years -------------------------------------------------------------------------------------


def test_implicit_year_follows_the_tense() -> None:
    said = "On October 13, Zelenskyy said that North Korea was supplying Russia."
    assert values(said, "2024-10-18") == [("October 13", "2024-10-13", "day")]
    # published before October 13 and told in the past: last year's October 13
    assert values(said, "2024-10-10") == [("October 13", "2023-10-13", "day")]
    assert values("The summit will open on October 13.", "2024-10-21") == [
        ("October 13", "2025-10-13", "day")
    ]


def test_a_past_clause_names_a_date_just_ahead_rather_than_one_nearly_a_year_back() -> None:
    # the past verb is the announcement; the dates it sets lie in the coming weeks
    declared = "The board declared a dividend, payable Dec. 7 to holders of record Nov. 22."
    assert values(declared, "2024-10-25") == [
        ("Dec. 7", "2024-12-07", "day"),
        ("Nov. 22", "2024-11-22", "day"),
    ]
    assert values("The offer was extended to mid-November.", "2024-10-25") == [
        ("mid-November", "2024-11", "month")
    ]
    # a date some months ahead is still read in the past: the year before
    assert values("The plant closed in March.", "2024-10-25") == [("March", "2024-03", "month")]
    assert values("The plant was sold on Dec. 7.", "2024-10-25") == [("Dec. 7", "2023-12-07", "day")]


def test_this_season_and_the_current_unit_are_of_the_publication_year() -> None:
    assert values("The shares began trading this summer.", "2024-11-04") == [
        ("this summer", "2024-SU", "season")
    ]
    assert values("The festival opens this summer.", "2024-03-04") == [("this summer", "2024-SU", "season")]
    # a modifier inside "the ... summer" keeps the season ("from the lows of the early summer")
    early = values("Orders rose from the lows of the early summer.", "1989-10-26")
    assert early == [("the early summer", "1989-SU", "season")]
    over = values("Over the summer, rivals cut prices.", "1989-10-26")
    assert over == [("the summer", "1989-SU", "season")]
    # "in the current year" is the calendar year, not a year's stretch as "in the last year" is
    found = find("Sales should rise in the current fiscal year.", "2024-11-04")
    assert [(t.text, t.date, t.type) for t in found] == [("current fiscal year", "2024", "DATE")]


def test_an_infinitive_of_purpose_under_a_past_clause_may_look_to_the_coming_weeks() -> None:
    # read as present: the past one, or one in the coming weeks, not a year ahead
    rented = "The club rented a hall to celebrate its centenary on March 12."
    assert values(rented, "1999-02-16") == [("March 12", "1999-03-12", "day")]
    assert values(rented, "1999-04-16") == [("March 12", "1999-03-12", "day")]
    trip = "The mother was taken along with the boy to make the late-November trip, he said."
    assert values(trip, "2000-01-28") == [("late-November", "1999-11", "month")]
    # completing a verb, the infinitive still lies ahead
    assert values("The two sides agreed to meet on March 12.", "1999-02-16") == [
        ("March 12", "1999-03-12", "day")
    ]


def test_a_future_clause_names_a_date_just_past_rather_than_one_a_year_ahead() -> None:
    # a wire filed the night before still tells yesterday's deadline in the future
    ordered = "The boy must be returned to his father by Jan. 14, the agency said."
    assert values(ordered, "2000-01-15") == [("by Jan. 14", "2000-01-14", "day")]
    # more than a week back, the coming one
    assert values(ordered, "2000-01-25") == [("by Jan. 14", "2001-01-14", "day")]


def test_a_month_in_a_present_clause_may_be_the_one_after_next() -> None:
    # "in May" on March 29 is five weeks ahead: nearer than the May ten months back
    heard = "The relatives lose custody if they lose when the case is heard in May."
    assert values(heard, "2000-03-29") == [("May", "2000-05", "month")]
    # in a past clause the month is the one before, however near the next one is
    assert values("The process began in February.", "1998-12-03") == [("February", "1998-02", "month")]


def test_a_plan_told_in_the_past_perfect_was_for_a_past_day() -> None:
    assert values("The offer had been due to expire Friday.") == [("Friday", "2024-10-18", "day")]
    assert values("The offer had been scheduled to expire Friday.") == [("Friday", "2024-10-18", "day")]
    assert values("The offer is due to expire Friday.") == [("Friday", "2024-10-25", "day")]


def test_a_month_as_the_period_of_a_figure() -> None:
    january = values("The job figures for January were strong.", "1998-02-06")
    assert january == [("January", "1998-01", "month")]
    assert values("It revised December's figures.", "1998-02-06") == [("December", "1997-12", "month")]
    # "for" does not make a bare number a year
    assert values("Sales for 2000 stores rose.", "1998-02-06") == []


def test_a_weekday_beside_a_date_picks_the_year() -> None:
    # told in the past, yet April 25 1998 is the Saturday: the weekday outweighs the tense
    assert values("The vote was held on Saturday, April 25.", "1998-04-24") == [
        ("Saturday, April 25", "1998-04-25", "day")
    ]


# --- what is not a time point: TimeML's DURATION, SET and references -----------------------------------


def timex(text: str, published: str | None = MONDAY) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He served in the army for three years.", ("three years", "P3Y")),
        ("The strike lasted 24 hours.", ("24 hours", "PT24H")),
        ("Prices have not moved in a decade.", ("a decade", "P10Y")),
        ("Prices rose over the past year.", ("the past year", "P1Y")),
        ("Talks dragged on for the past two months.", ("the past two months", "P2M")),
        ("He signed a two-year contract.", ("a two-year", "P2Y")),
        ("The siege lasted nearly twenty-four hours.", ("nearly twenty-four hours", "PT24H")),
        ("Stocks fell for several weeks.", ("several weeks", "PXW")),
        ("Prices will stay low for a couple of years.", ("a couple of years", "P2Y")),
        ("The company lost money for the year ended March 31.", ("the year", "P1Y")),
    ],
)
def test_durations_carry_their_timeml_value_and_no_date(text: str, expected: tuple[str, str]) -> None:
    found = find(text)[0]
    assert (found.text, found.value) == expected
    # no timeline date: the timeline places only expressions with a date
    assert (found.type, found.date, found.precision) == ("DURATION", None, "unknown")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Supplies arrive every week.", ("every week", "P1W")),
        ("The board meets each year.", ("each year", "P1Y")),
        ("Ferries sail every other day.", ("every other day", "P2D")),
        ("The market opens each Monday.", ("each Monday", "XXXX-WXX-1")),
    ],
)
def test_frequencies_are_sets_without_a_date(text: str, expected: tuple[str, str]) -> None:
    (found,) = find(text)
    assert (found.text, found.value, found.type, found.date) == (*expected, "SET", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices are now falling.", ("now", "PRESENT_REF")),
        ("The plant currently employs 300 people.", ("currently", "PRESENT_REF")),
        ("Such strikes were common in the past.", ("the past", "PAST_REF")),
        ("The minister recently resigned.", ("recently", "PAST_REF")),
        ("Prices may fall in the future.", ("the future", "FUTURE_REF")),
        ("A few years ago, the mill closed.", ("A few years ago", "PAST_REF")),
    ],
)
def test_references_to_present_past_and_future(text: str, expected: tuple[str, str]) -> None:
    (found,) = find(text)
    assert (found.text, found.value, found.type, found.date) == (*expected, "DATE", None)


@pytest.mark.parametrize(
    "text",
    [
        "The commander is 44 years old.",
        "A 52-year-old man was arrested.",
        "Officials may visit Kyiv.",
        "The fund pays $1.76 a year.",
        "About three-quarters of the staff left.",
        "It is important to the future of our peoples.",
        "He won a second term.",
    ],
)
def test_ages_rates_fractions_and_nouns_are_no_time_expressions(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout fell in 2016.", ("2016", "2016")),
        ("2016's election was close.", ("2016", "2016")),
        ("He lost his 1996 campaign.", ("1996", "1996")),
        ("A 1996 law named for him still holds.", ("1996", "1996")),
        ("The museum lost an 1894 landscape.", ("1894", "1894")),
        ("That 1978 resolution calls for a withdrawal.", ("1978", "1978")),
        ("He is charged in the 1996 Olympic bombing.", ("1996", "1996")),
        ("Profit rose in both 1990 and 1991.", ("1990", "1990")),
        ("In nineteen ninety-six the law changed.", ("nineteen ninety-six", "1996")),
        ("He promised jobs by the year two thousand.", ("by the year two thousand", "2000")),
        ("The law lapses in the year two thousand and one.", ("the year two thousand and one", "2001")),
    ],
)
def test_bare_years(text: str, expected: tuple[str, str]) -> None:
    found = find(text)
    assert (found[0].text, found[0].value) == expected
    assert (found[0].date, found[0].precision) == (expected[1], "year")


@pytest.mark.parametrize(
    "text",
    [
        "The house cost $2,016 in all.",
        "She won 2016 votes.",
        "They sold 2016 cars and 1990 trucks.",
        "The index fell to 2016 points.",
        "Room 2016 was empty.",
    ],
)
def test_numbers_that_look_like_years_are_not_years(text: str) -> None:
    assert values(text) == []


def test_timeml_values_of_quarters_decades_and_weekends() -> None:
    assert timex("Profit fell in the third quarter.") == [("the third quarter", "DATE", "2024-Q3")]
    assert timex("Prices doubled in the 1990s.") == [("the 1990s", "DATE", "199")]
    assert timex("The port was shut all weekend.") == [("all weekend", "DATE", "2024-W42-WE")]
    # the quarter a company reports on is the last one ended before the publication date
    assert timex("Sales fell 5% in the quarter.", "1989-10-26") == [("the quarter", "DATE", "1989-Q3")]
    # a shifted year's quarter is one expression, in that year
    assert timex("Sales for last year's fourth quarter fell.", "1989-10-26") == [
        ("last year's fourth quarter", "DATE", "1988-Q4")
    ]


def test_for_the_full_year_is_the_year_reported_on_unless_it_ends_on_a_date() -> None:
    assert values("It forecast higher earnings for the full year.", "1989-10-30") == [
        ("the full year", "1989", "year")
    ]
    # in a year's first quarter, the year reported on is the one just ended
    assert values("Sales for the year rose 5%.", "1990-02-12") == [("the year", "1989", "year")]
    found = find("It lost money for the year ended March 31.", "1989-10-30")
    assert (found[0].text, found[0].type, found[0].value) == ("the year", "DURATION", "P1Y")


def test_a_decade_without_its_century_takes_the_publication_dates() -> None:
    assert timex("Crime fell through the nineties.", "1998-03-03") == [("the nineties", "DATE", "199")]
    late_eighties = values("Sales were flat in the late '80s.", "2024-10-21")
    assert late_eighties == [("the late '80s", "1980/1989", "range")]
    assert values("Prices rose in the twenties.", "2024-10-21") == [("the twenties", "2020/2029", "range")]
    assert values("A woman in her 50s was hurt.", "2024-10-21") == []


def test_a_shifted_month_before_its_day_is_that_day() -> None:
    assert values("He was shot last Oct. 23 at his home.", "1999-04-19") == [("Oct. 23", "1998-10-23", "day")]
    assert values("He was shot last October at his home.", "1999-04-19") == [
        ("last October", "1998-10", "month")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A decade ago, the three were members of the Warsaw Pact.", ("A decade ago", "1989")),
        ("The plant opened two decades ago.", ("two decades ago", "1979")),
        # an uncounted one names no year
        ("The plant opened a few decades ago.", ("a few decades ago", "PAST_REF")),
    ],
)
def test_a_counted_decade_ago_is_its_year(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in find(text, "1999-03-12")] == [expected]


def test_a_century_is_written_by_its_first_two_digits_and_has_no_date() -> None:
    found = find("The temple dates from the 11th century.")
    assert [(t.text, t.type, t.value, t.date) for t in found] == [("the 11th century", "DATE", "10", None)]


def test_a_year_earlier_beside_a_quarter_is_that_quarter_a_year_before() -> None:
    text = "Third-quarter profit rose to $5 million from $4 million a year earlier."
    assert timex(text, "1989-10-26") == [
        ("Third-quarter", "DATE", "1989-Q3"),
        ("a year earlier", "DATE", "1988-Q3"),
    ]
    assert timex("The mill closed a year earlier.", "1989-10-26") == [("a year earlier", "DATE", "1988")]
    # "a year-earlier loss" compares too: no one-year duration
    hyphened = "Third-quarter profit was $5 million, against a year-earlier loss of $4 million."
    assert timex(hyphened, "1989-10-26") == [
        ("Third-quarter", "DATE", "1989-Q3"),
        ("year-earlier", "DATE", "1988-Q3"),
    ]


def test_that_year_and_the_following_month_step_from_the_date_told_before() -> None:
    text = "The mill opened in March 1996. That year it made a profit, and the following month it hired."
    assert values(text) == [
        ("March 1996", "1996-03", "month"),
        ("That year", "1996", "year"),
        ("the following month", "1996-04", "month"),
    ]
    # a part of a day steps by its day
    assert values("The leak was found on October 15 and the minister was told the same evening.") == [
        ("October 15", "2024-10-15", "day"),
        ("the same evening", "2024-10-15", "day"),
    ]
    # with no date told before, it stays unknown rather than falling back on the publication date
    assert values("That year the mill made a profit.") == [("That year", None, "unknown")]


def test_the_day_before_steps_from_the_day_told_before() -> None:
    assert values("On Friday the toll rose to 40, against 31 the day before.") == [
        ("Friday", "2024-10-18", "day"),
        ("the day before", "2024-10-17", "day"),
    ]
    # a clause of the present with no day of its own compares with today, not with the day told before it
    # (translated news: "35 are still missing, after 49 the day before")
    assert values("On Friday the toll stood at 40. Twelve are still missing, against 19 the day before.") == [
        ("Friday", "2024-10-18", "day"),
        ("the day before", "2024-10-20", "day"),
    ]
    # a step ahead in the present is a schedule told from the narrative's day
    assert values("The envoy arrives in Riga on Friday and leaves the following day.")[-1] == (
        "the following day",
        "2024-10-19",
        "day",
    )
    # "the day before the vote" steps from the vote, which names no date
    assert [t.date for t in find("Talks were held the day before the vote.")] == [None]


# --- days their clause names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal day of an event is the day its clause names
        ("The strike entered its third day on Friday, the union said.", ("its third day", "2024-10-18")),
        ("Protests grew on Sunday, their fifth day, across the capital.", ("their fifth day", "2024-10-20")),
        # without one, a present clause reports the publication day
        (
            "On the second day of the siege, hundreds of residents are still trapped.",
            ("the second day", MONDAY),
        ),
        ("On the second day of the siege, the army has reached the port.", ("the second day", MONDAY)),
        ("Three days after the flood, the town is still cut off.", ("Three days", MONDAY)),
        ("Two days after the army took the port, the city is quiet.", ("Two days", MONDAY)),
        # a part of the day or a clock time takes its clause's day
        ("A second man was detained on Friday at dawn in the port.", ("dawn", "2024-10-18")),
        (
            "The fire broke out at about 11 p.m. on Saturday, firefighters said.",
            ("11 p.m.", "2024-10-19"),
        ),
        # the night, dated by its evening
        ("Three more suspects were detained overnight, police said.", ("overnight", "2024-10-20")),
        ("The bridge will stay closed overnight.", ("overnight", MONDAY)),
        ("Looters struck in the early hours of Sunday.", ("the early hours of Sunday", "2024-10-20")),
        # translated news names the part of the day before its day
        ("The plane crashed on the evening of Saturday.", ("the evening of Saturday", "2024-10-19")),
        (
            "Shelling went on through the night from Saturday to Sunday.",
            ("the night from Saturday to Sunday", "2024-10-19"),
        ),
    ],
)
def test_days_named_through_their_clause(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in [(t.text, t.date) for t in find(text)]


@pytest.mark.parametrize(
    "text",
    [
        # which day these mean is the narrative's, not the clause's, and no day is told before: no guess
        "Firefighters arrived shortly after 2 a.m., the mayor said.",
        "The suspect was questioned for a second day by the judge.",
        "The ministry met union leaders in the afternoon.",
        # words that modify a noun
        "The morning shift walked out.",
        "Overnight losses weighed on shares.",
    ],
)
def test_parts_of_the_day_without_a_day_are_not_placed(text: str) -> None:
    assert [t for t in find(text) if t.date is not None] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a schedule "for" a day in a clause that is not past: the day ahead (a Friday's paper), whether the
        # parse reads the predicate as a participle, a noun or a verb
        ("Heavy rain forecast for the weekend could delay the harvest.", ("the weekend", "2024-W43")),
        ("Strong winds forecast for Saturday could close the port.", ("Saturday", "2024-10-26")),
        ("A second round of talks slated for Monday may be moved.", ("Monday", "2024-10-28")),
        # in a past clause the schedule may have passed
        ("Talks scheduled for Monday collapsed when the union walked out.", ("Monday", "2024-10-21")),
    ],
)
def test_a_schedule_for_a_day_points_ahead_unless_told_as_past(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t.text, t.date) for t in find(text, "2024-10-25")]


# a filler of past narrative, long enough to take a clause away from the day told before it
AWAY = (
    " Crews worked through the rubble with cranes borrowed from a quarry, and volunteers brought tea, bread"
    " and blankets to the families who had gathered behind the police tape near the old market square."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past clause without a day of its own: the day the narrative told just before it
        (
            "Police arrested the driver on Sunday. He was released in the evening.",
            ("the evening", "2024-10-20"),
        ),
        (
            "The pumps failed on Saturday. By nightfall the water had reached the station.",
            ("By nightfall", "2024-10-19"),
        ),
        # far from it, the report of the last days tells the publication day
        (
            "The dam gave way on Sunday." + AWAY + " In the afternoon the ministry sent divers.",
            ("the afternoon", MONDAY),
        ),
        (
            "The riot began on Sunday night." + AWAY + " Shortly after 3 a.m., inmates rammed the gate.",
            ("3 a.m.", MONDAY),
        ),
        # counted from a part of the day: the day reported
        ("Savers were turned away on Sunday. Since dawn, hundreds have queued outside.", ("dawn", MONDAY)),
        # far from it, a time closing its clause tells more of the story's own event: the lead's day
        (
            "Thieves raided the museum early on Sunday, officials said on Monday."
            + AWAY
            + " The gang climbed onto the roof and cut the alarm cable at about 1:30 a.m.",
            ("1:30 a.m.", "2024-10-20"),
        ),
        (
            "The levee broke on Sunday."
            + AWAY
            + " Farmers said they had moved their herds before first light.",
            ("first light", "2024-10-20"),
        ),
    ],
)
def test_parts_of_the_day_follow_a_past_narrative(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t.text, t.date) for t in find(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a clause ahead does not follow the narrative
        "Police arrested the driver on Sunday. He will be questioned in the afternoon.",
        # nor does a story of long ago: its last day is no recent report
        "The judge was shot on October 3, 2019." + AWAY + " He died at 10 p.m. in the hospital.",
    ],
)
def test_parts_of_the_day_outside_a_recent_past_narrative_are_not_placed(text: str) -> None:
    found = [(t.text, t.date) for t in find(text)]
    assert not any(date is not None for surface, date in found if "p.m." in surface or "afternoon" in surface)


def test_days_counted_after_an_event_in_a_past_clause_stay_a_stretch() -> None:
    found = find("He was released on Friday, three days after his arrest.")
    assert [(t.text, t.date, t.value) for t in found] == [
        ("Friday", "2024-10-18", "2024-10-18"),
        ("three days", None, "P3D"),
    ]
    # a modal or a bare participle reports no present either
    assert [t.date for t in find("The bonds may be sold until 90 days after their issue.")] == [None]
    assert [t.date for t in find("Striking 13 days after the raid, the army took the port.")] == [None]


def test_a_day_compared_with_the_clauses_day_is_another_day() -> None:
    found = find("Some 900 dockers marched on Wednesday, more than on the first day.")
    assert [(t.text, t.date) for t in found if t.date is not None] == [("Wednesday", "2024-10-16")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day of the month named alone is one of the publication month (a Monday, October 21), or of the
        # month before or after it, as the clause's tense points
        ("The ministry said on the 19th that the dam would hold.", ("the 19th", "2024-10-19")),
        ("On the 3rd the convoy reached the border.", ("the 3rd", "2024-10-03")),
        ("The quarry collapsed on the night of the 17th.", ("the night of the 17th", "2024-10-17")),
        ("The flood peaked on the 28th, before the dykes broke.", ("the 28th", "2024-09-28")),
        ("The talks will resume on the 28th.", ("the 28th", "2024-10-28")),
        ("The court will rule by the 4th.", ("by the 4th", "2024-11-04")),
    ],
)
def test_a_day_of_the_month_named_alone(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t.text, t.date) for t in find(text)]


@pytest.mark.parametrize(
    "text",
    [
        # an ordinal that is no day: a floor, a century, an anniversary, a day of another month
        "The fire started on the 14th floor of the tower.",
        "It was the worst flood of the 21st century.",
        "The club celebrated its 25th anniversary.",
        "Rents are due on the 1st of the month.",
    ],
)
def test_ordinals_that_name_no_day_of_the_month(text: str) -> None:
    assert [t for t in find(text) if t.precision == "day"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an infinitive's bound in a sentence told in the present lies ahead, however the parse hangs it
        ("Forecasters expect the storm, now over the gulf, to reach the coast by Thursday.", "2024-10-24"),
        ("The agency wants the airline to hand over the records by Friday.", "2024-10-25"),
        # in a sentence told in the past the infinitive's day may have gone
        ("The crews worked through the night to finish the repairs by Friday.", "2024-10-18"),
    ],
)
def test_an_infinitives_bound_follows_the_sentences_tense(text: str, expected: str) -> None:
    assert [t.date for t in find(text) if t.precision == "day"] == [expected]


def test_an_infinitives_bound_lies_ahead_however_the_parse_hangs_it() -> None:
    # the parse an apposition can lead to in running text: the infinitive as a relative clause of the object
    # ("the storm, now over the gulf, to leave ..."), whose time the sentence's present verb sets
    words = ["Forecasters", "expect", "the", "storm", "to", "leave", "the", "area", "by", "Thursday", "."]
    heads = [1, 1, 3, 1, 5, 3, 7, 5, 5, 8, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "aux", "relcl", "det", "dobj", "prep", "pobj", "punct"]
    tags = ["NNS", "VBP", "DT", "NN", "TO", "VB", "DT", "NN", "IN", "NNP", "."]
    lemmas = ["forecaster", "expect", "the", "storm", "to", "leave", "the", "area", "by", "Thursday", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PART", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    start = doc[9].idx
    assert expression_tense(doc, doc.text, start, start + len("Thursday")) == rules.FUTURE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 24-hour clock takes its clause's day, as the 12-hour one does
        ("The valve burst at about 03:20 on Saturday, the firm said.", ("03:20", "2024-10-19")),
        ("The pumps failed on Sunday. By 18:45 the water was at the station.", ("By 18:45", "2024-10-20")),
        # "first light" is a part of the day
        ("Divers reached the wreck on Saturday at first light.", ("first light", "2024-10-19")),
    ],
)
def test_a_24_hour_clock_and_first_light_take_their_clauses_day(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t.text, t.date) for t in find(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a score, a ratio, a verse: no preposition of time before them
        "The home side won 3:10 in the final.",
        "The model was built at a 1:50 scale.",
        "The pastor read John 3:16 aloud.",
    ],
)
def test_colon_numbers_that_are_no_clock(text: str) -> None:
    assert find(text) == []


def test_the_new_year_is_the_one_about_to_begin_or_just_begun() -> None:
    text = "The plant will not pay its debts before the new year."
    assert values(text, "2025-11-19") == [("the new year", "2026", "year")]
    assert values(text, "2026-01-12") == [("the new year", "2026", "year")]
    assert values(text, "2026-06-12") == [("the new year", None, "unknown")]


def test_a_month_alone_in_a_future_clause_may_be_the_current_one() -> None:
    assert values("Staff will receive their October wages.") == [("October", "2024-10", "month")]


def test_rates_are_no_durations() -> None:
    assert values("The airline flies four flights a week to Bombay.") == []
    assert timex("Talks could end within a week.") == [("a week", "DURATION", "P1W")]


def test_points_carry_their_date_as_timeml_value() -> None:
    (found,) = find("The president said yesterday that talks had failed.")
    assert (found.type, found.value, found.date) == ("DATE", "2024-10-20", "2024-10-20")


# --- no publication date --------------------------------------------------------------------------------


def test_without_publication_date_explicit_parts_stay_and_the_year_is_not_guessed() -> None:
    assert values("On October 18, the minister resigned.", None) == [("October 18", "--10-18", "day")]
    assert values("The treaty was signed in June.", None) == [("June", "--06", "month")]
    assert values("He commanded the army from 2011 to 2018.", None) == [
        ("from 2011 to 2018", "2011/2018", "range")
    ]
    assert values("The deal was signed on 18 Oct 2024.", None) == [("18 Oct 2024", "2024-10-18", "day")]


@pytest.mark.parametrize(
    "text",
    ["The president said yesterday that talks failed.", "The spy agency said on Friday that troops arrived."],
)
def test_without_publication_date_relative_expressions_are_unknown(text: str) -> None:
    (found,) = find(text, None)
    assert (found.date, found.precision) == (None, "unknown")


# --- the rules on their own -----------------------------------------------------------------------------


def test_pick_by_tense() -> None:
    base = date(2024, 10, 21)
    candidates = [date(2023, 11, 1), date(2024, 11, 1), date(2025, 11, 1)]
    # past: the day ahead within PRESENT_LOOKAHEAD beats one nearly a year back, unless it is the event's day
    assert rules.pick_by_tense(candidates, base, rules.PAST) == date(2024, 11, 1)
    assert rules.pick_by_tense(candidates, base, rules.PAST, event_day=True) == date(2023, 11, 1)
    september = [date(2023, 9, 1), date(2024, 9, 1), date(2025, 9, 1)]
    assert rules.pick_by_tense(september, base, rules.PAST) == date(2024, 9, 1)
    assert rules.pick_by_tense(candidates, base, rules.FUTURE) == date(2024, 11, 1)
    # present looks ahead a few weeks at most
    assert rules.pick_by_tense(candidates, base, rules.PRESENT) == date(2024, 11, 1)
    assert rules.pick_by_tense([date(2024, 4, 1), date(2025, 4, 1)], base, rules.PRESENT) == date(2024, 4, 1)


def test_seasons_and_weekends() -> None:
    january = date(2025, 1, 15)
    assert rules.resolve_season("WI", 12, 0, None, january, rules.PRESENT).date == "2024-WI"
    assert rules.resolve_season("SU", 6, -1, None, january, rules.PAST).date == "2024-SU"
    assert rules.resolve_season("SP", 3, 1, None, january, rules.FUTURE).date == "2025-SP"
    monday = date(2024, 3, 11)
    assert rules.resolve_weekend(None, monday, rules.PAST).date == "2024-W10"
    assert rules.resolve_weekend(None, monday, rules.FUTURE).date == "2024-W11"


def test_unreadable_publication_date_counts_as_none() -> None:
    assert rules.parse_publication_date("sometime in 2024") is None
    assert rules.parse_publication_date("2024-10-21T08:00:00Z") == date(2024, 10, 21)


# --- properties -----------------------------------------------------------------------------------------

TIME_PHRASES = (
    "on|Friday|October|18|2024|by|as early as|last|week|ago|three|a few|days|summer|of|the|from|to|1950-1953|"
    "yesterday|said|will|May|,|.|Oct.|late|this|Sunday night|quarter|third|since|weekend|recent|fiscal|\n"
)
TIME_WORDS = st.sampled_from(TIME_PHRASES.split("|"))
WORDY_TEXT = st.lists(TIME_WORDS, max_size=25).map(" ".join)
TOKENS_ONLY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def find_without_parse(text: str, published: str | None) -> list[TimeExpr]:
    """The stage on a tokenised but unparsed document: patterns and rules alone, fast enough for many
    examples (no entities, no tense)."""
    article = Article(id="a", text=text, published=published)
    return find_time_expressions(ParsedArticle(article=article, doc=load_nlp().make_doc(text)))


@TOKENS_ONLY
@given(text=st.one_of(st.text(max_size=200), WORDY_TEXT), published=st.sampled_from([MONDAY, None, "junk"]))
def test_any_text_gives_slicing_offsets_and_known_precisions(text: str, published: str | None) -> None:
    found = find_without_parse(text, published)
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        assert expression.precision in {"day", "week", "month", "season", "year", "range", "unknown"}
        assert (expression.date is None) == (expression.precision == "unknown")
    starts = [expression.start for expression in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=120), WORDY_TEXT))
def test_any_text_through_the_full_parse(text: str) -> None:
    for expression in find(text):
        assert text[expression.start : expression.end] == expression.text


# --- evaluation floor -----------------------------------------------------------------------------------


def load_eval_script():
    spec = importlib.util.spec_from_file_location("eval_dates", EVAL_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_dates"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_tempeval3_floor_on_the_first_40_documents() -> None:
    data_dir = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"
    if not data_dir.is_dir():
        pytest.skip(f"TempEval-3 data not found at {data_dir}")
    scores = load_eval_script().score_tempeval(limit=40, data_dir=data_dir)
    points, every = scores["points"], scores["all"]
    # measured when written, minus 0.03 (raised with durations, sets and references: every TIMEX3 relaxed
    # 0.919, strict 0.810, value F1 0.791)
    assert points.relaxed[2] >= 0.897
    assert points.strict[2] >= 0.849
    assert points.value_accuracy >= 0.849
    assert every.relaxed[2] >= 0.889
    assert every.strict[2] >= 0.780
    assert every.value_f1 >= 0.761


def test_tempeval3_floor_on_all_of_tbaq() -> None:
    """The issue's bar on every TIMEX3 of TBAQ: relaxed F1 0.90 and value F1 0.78 (HeidelTime on the TE3
    test set: 0.903 and 0.776). Measured when written: relaxed 0.929, value F1 0.781 (TimeBank 0.938 and
    0.784; AQUAINT, kept unseen while the rules were written, 0.909 and 0.774); raised in round 11, rules
    read off TimeBank and checked on AQUAINT: relaxed 0.934, value F1 0.804 (TimeBank 0.944 and 0.815,
    AQUAINT 0.912 and 0.781)."""
    data_dir = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"
    if not data_dir.is_dir():
        pytest.skip(f"TempEval-3 data not found at {data_dir}")
    every = load_eval_script().score_tempeval(data_dir=data_dir)["all"]
    assert every.relaxed[2] >= 0.90
    assert every.value_f1 >= 0.797  # measured less 0.007 for parse noise across spaCy builds


# --- publication dates ----------------------------------------------------------------------------------


def stated(text: str, value: str, precision: str, tense: str) -> StatedDate:
    return StatedDate(text, value, precision, tense)


def test_inferred_date_is_the_newest_past_date_with_the_future_one_closing_the_window() -> None:
    inference = infer_from_stated_dates(
        [
            stated("October 13", "--10-13", "day", rules.PAST),
            stated("October 18", "--10-18", "day", rules.PAST),
            stated("as early as November 1", "--11-01", "day", rules.FUTURE),
            stated("from 2011 to 2018", "2011/2018", "range", rules.PAST),
        ]
    )
    assert (inference.published, inference.window) == ("--10-18", "--10-18/--11-01")
    assert inference.evidence == (
        "mentions “October 18” as past and “as early as November 1” as future; "
        "the year is unknown (2018 or later)"
    )


def test_a_fully_dated_past_mention_lends_its_year() -> None:
    inference = infer_from_stated_dates(
        [
            stated("4 March 2024", "2024-03-04", "day", rules.PAST),
            stated("March 6", "--03-06", "day", rules.PAST),
            stated("by January 15", "--01-15", "day", rules.PRESENT),  # a deadline: after the newest past
        ]
    )
    assert (inference.published, inference.window) == ("2024-03-06", "2024-03-06/2025-01-15")
    assert "the year is that of “4 March 2024”" in inference.evidence


def test_yearless_dates_turn_the_year_where_the_widest_gap_is() -> None:
    inference = infer_from_stated_dates(
        [
            stated("December 28", "--12-28", "day", rules.PAST),
            stated("January 3", "--01-03", "day", rules.PAST),
            stated("December 30", "--12-30", "day", rules.FUTURE),
        ]
    )
    assert inference.published == "--01-03"
    # on the month-day circle every date comes again; the nearest one ahead closes the window
    assert inference.window == "--01-03/--12-30"


def test_a_future_date_before_the_newest_past_one_is_left_out_when_years_are_known() -> None:
    inference = infer_from_stated_dates(
        [
            stated("May 10, 2024", "2024-05-10", "day", rules.PAST),
            stated("May 1, 2024", "2024-05-01", "day", rules.FUTURE),
        ]
    )
    assert (inference.published, inference.window) == ("2024-05-10", "2024-05-10/..")


def test_no_past_date_means_no_published_date_never_today() -> None:
    only_future = infer_from_stated_dates([stated("by March 15", "--03-15", "day", rules.FUTURE)])
    assert (only_future.published, only_future.window) == (None, "../--03-15")
    nothing = infer_from_stated_dates([stated("next spring", "2025-SP", "season", rules.FUTURE)])
    assert (nothing.published, nothing.window) == (None, None)
    assert "unknown" in nothing.evidence


STATED_DAYS = st.builds(
    lambda month, day, tense, with_year: stated(
        "x", f"{'2024' if with_year else '-'}-{month:02d}-{day:02d}", "day", tense
    ),
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from([rules.PAST, rules.PRESENT, rules.FUTURE]),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(STATED_DAYS, max_size=8))
def test_the_inferred_date_is_always_a_stated_past_date(mentions: list[StatedDate]) -> None:
    inference = infer_from_stated_dates(mentions)
    past = {m.date[-5:] for m in mentions if m.tense == rules.PAST}
    if inference.published is None:
        assert not past
    else:
        assert inference.published[-5:] in past  # never a day no past evidence names
        assert inference.window is not None and inference.window.startswith(inference.published + "/")


def parsed_article(text: str, published: str | None = None) -> ParsedArticle:
    return ParsedArticle(Article(id="a", text=text, published=published), load_nlp()(text))


def test_publication_date_inferred_from_a_text_without_its_year() -> None:
    text = (
        "On October 14, the minister resigned. Officials said yesterday that the vote will be held on "
        "November 1. The agency said on Friday that talks continued."
    )
    article = infer_publication_date(parsed_article(text))
    assert (article.published, article.published_inferred) == ("--10-14", True)
    assert article.published_window == "--10-14/--11-01"
    assert "“October 14” as past" in (article.published_evidence or "")
    found = {t.text: t for t in find_time_expressions(ParsedArticle(article, load_nlp()(text)))}
    # stated dates keep month and day; "yesterday" rests on the inferred date; a weekday needs the year
    assert (found["October 14"].date, found["October 14"].inferred) == ("--10-14", False)
    assert (found["yesterday"].date, found["yesterday"].inferred) == ("--10-13", True)
    assert (found["Friday"].date, found["Friday"].precision) == (None, "unknown")


def test_relative_expressions_rest_on_an_inferred_full_date_and_say_so() -> None:
    text = "The law was signed on 14 October 2024. Protests began yesterday and grew last week."
    article = infer_publication_date(parsed_article(text))
    assert (article.published, article.published_inferred) == ("2024-10-14", True)
    found = {t.text: t for t in find_time_expressions(ParsedArticle(article, load_nlp()(text)))}
    assert (found["14 October 2024"].date, found["14 October 2024"].inferred) == ("2024-10-14", False)
    assert (found["yesterday"].date, found["yesterday"].inferred) == ("2024-10-13", True)
    assert (found["last week"].date, found["last week"].inferred) == ("2024-W41", True)


def test_an_undated_article_is_located_once_with_the_same_times(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The law was signed on 14 October 2024. Protests began yesterday and grew last week."
    article = infer_publication_date(parsed_article(text))
    separately = find_time_expressions(ParsedArticle(article, load_nlp()(text)))
    calls: list[str] = []

    def counted(parsed: ParsedArticle) -> list[expressions.LocatedTime]:
        calls.append(parsed.article.id)
        return locate_time_expressions(parsed)

    monkeypatch.setattr(expressions, "locate_time_expressions", counted)
    monkeypatch.setattr(dates, "locate_time_expressions", counted)
    analysis = analyze_parsed(parsed_article(text))
    assert calls == ["a"]
    assert analysis.article.published == "2024-10-14" and list(analysis.times) == separately


def test_metadata_dates_are_kept_and_not_inferred() -> None:
    article = infer_publication_date(parsed_article("On October 14, the minister resigned.", "2024-10-21"))
    assert (article.published, article.published_inferred, article.published_evidence) == (
        "2024-10-21",
        False,
        None,
    )


def test_a_sidecar_date_resolves_relative_expressions_to_the_right_days(tmp_path: Path) -> None:
    (tmp_path / "harbour.txt").write_text(
        "Harbour strike widens\n"
        "The dockers' union said yesterday that the strike would go on. Talks collapsed last week, and "
        "the port authority said on Friday that ships were being diverted. Ministers will meet on Monday.\n",
        encoding="utf-8",
    )
    # 2024-03-07 is a Thursday
    (tmp_path / "storyline.toml").write_text(
        '["harbour.txt"]\noutlet = "Test Gazette"\npublished = "2024-03-07"\n', encoding="utf-8"
    )
    articles = [item for item in iter_articles([tmp_path], DEFAULT_SETTINGS) if isinstance(item, Article)]
    (analysis,) = run_article_stages(articles)
    assert (analysis.article.published, analysis.article.published_inferred) == ("2024-03-07", False)
    times = {t.text: (t.date, t.inferred) for t in analysis.times}
    assert times["yesterday"] == ("2024-03-06", False)
    assert times["last week"] == ("2024-W09", False)
    assert times["Friday"] == ("2024-03-01", False)  # told as past: the Friday before the Thursday
    assert times["Monday"] == ("2024-03-11", False)  # told as future


def test_publication_inference_floor_on_the_demo_corpus() -> None:
    evaluation = load_eval_script()
    documents = evaluation.read_demo_documents()
    if not documents:
        pytest.skip("demo corpus gold not found")
    withheld = evaluation.score_publication(documents)
    metadata_less = evaluation.score_publication([d for d in documents if not d.metadata_published])
    # the promise, not a floor: an inferred date is never later than the true one
    assert withheld.not_after == withheld.inferred and metadata_less.not_after == metadata_less.inferred
    # measured when written (19 articles withheld: 7 dated, 11 windows holding the true date, 2 within a
    # week; the 3 metadata-less ones: 3 dated, 3 windows, 2 within a week), minus a small margin
    assert withheld.articles == 19 and metadata_less.articles == 3
    assert withheld.inferred >= 7 and withheld.in_window >= 10 and withheld.within_week >= 2
    assert metadata_less.in_window >= 3 and metadata_less.within_week >= 2


@pytest.mark.parametrize("unit", ["week", "weekend", "month", "quarter", "year"])
def test_a_stretch_of_every_calendar_unit_is_a_duration(unit: str) -> None:
    # every unit the shifted-unit pattern reads has a duration code: "over the last quarter" once crashed
    expressions = find(f"Sales fell over the last {unit}, the company said on Monday.")
    stretch = [e for e in expressions if unit in e.text]
    assert stretch and stretch[0].type == "DURATION" and stretch[0].date is None, expressions


def test_a_passage_is_read_without_a_parse_in_the_past() -> None:
    # the ledger dates a recalled figure by the day its attribution names (``ledger.dated``): in Thursday's
    # paper, "On Monday the agency had reported" is the Monday before, a date as written stays itself
    found = find_times_in_passage("On Monday the agency had reported; on June 2 it said", "2025-06-05")
    assert [(time.text, time.date) for time in found] == [("Monday", "2025-06-02"), ("June 2", "2025-06-02")]
    assert find_times_in_passage("for three years", "2025-06-05") == []  # a duration is no point
