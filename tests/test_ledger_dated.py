"""The day a figure is a value of (``ledger.dated``, issue #17): a count a later article relays keeps the
day its words give it; one day's recoveries are an increment, not the toll. Sentences written for these
tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from storyline.records import Article, Claim, Story
from storyline.stages.ledger.counted import INCREMENT, ON_DAY
from storyline.stages.ledger.dated import (
    attribution_day,
    counts_one_day,
    days_back,
    figure_day,
    told_day,
)
from storyline.stages.ledger.kinds import PAST_EVENT
from storyline.stages.ledger.measures import make_measures
from storyline.stages.ledger.positions import build_ledger
from tests.factories import make_article, make_claim, make_quantity, make_time

# Thursday 3 October 2024: Monday is the 30th of September, Tuesday the 1st, Wednesday the 2nd
DAYS = {"Monday": "2024-09-30", "Tuesday": "2024-10-01", "Wednesday": "2024-10-02", "Thursday": "2024-10-03"}


def said(content: str, figures: dict[str, float], *, article: str = "a", claim_id: str = "c1") -> Claim:
    """The claim "<content>" of "Officials said <content>.", its figures and its weekdays placed in it."""
    text = f"Officials said {content}."
    quantities = tuple(make_quantity(surface, value, within=text) for surface, value in figures.items())
    times = tuple(
        make_time(day, iso, within=text, after=text.index(content))
        for day, iso in DAYS.items()
        if day in content
    )
    return make_claim(
        content,
        article=make_article(text, id=article),
        id=claim_id,
        speaker_text="Officials",
        quantities=quantities,
        times=times,
    )


def day_of(claim: Claim, index: int = 0) -> date | None:
    return told_day(claim, claim.quantities[index])


@pytest.mark.parametrize(
    ("content", "figures", "days"),
    [
        # a weekday opening the part before the figure, or right after it, dates it
        ("on Monday 24 people were unaccounted for", {"24 people": 24}, ["2024-09-30"]),
        (
            "the minister gave three dead on Monday, nine on Tuesday and 14 on Wednesday",
            {"three": 3, "nine": 9, "14": 14},
            ["2024-09-30", "2024-10-01", "2024-10-02"],
        ),
        (
            "four people remain missing, down from 11 on Wednesday",
            {"four people": 4, "11": 11},
            [None, "2024-10-02"],
        ),
        # a day opening the sentence dates each of its figures
        (
            "On Monday the minister had spoken of three dead and 24 missing",
            {"three": 3, "24": 24},
            ["2024-09-30"] * 2,
        ),
        # the day of the event, a possessive, is not the count's; nor is the start of a span
        ("the toll from Monday's collapse had reached 19", {"19": 19}, [None]),
        ("40 people have been missing since Monday", {"40 people": 40}, [None]),
        # in another part of the clause: the article's day
        ("rescuers who arrived on Monday with dogs and boats said 30 were missing", {"30": 30}, [None]),
        # a day between two figures, as near to each, dates the one before it: "7 on Monday"
        (
            "the number of open shelters fell from 7 on Monday to 5 on Tuesday",
            {"7": 7, "5": 5},
            ["2024-09-30", "2024-10-01"],
        ),
        # a day after two figures dates the nearer one only
        (
            "the number of injured rose to 52 from 48 on Wednesday",
            {"52": 52, "48": 48},
            [None, "2024-10-02"],
        ),
    ],
)
def test_a_figure_takes_the_day_its_words_give(
    content: str, figures: dict[str, float], days: list[str | None]
) -> None:
    claim = said(content, figures)
    found = [day_of(claim, index) for index in range(len(figures))]
    assert found == [date.fromisoformat(day) if day else None for day in days]


def test_a_told_day_counts_only_before_the_publication_day() -> None:
    claim = said("on Wednesday 11 people were missing", {"11 people": 11})
    assert figure_day(claim, claim.quantities[0], "2024-10-03T09:00:00Z") == date(2024, 10, 2)
    # told for a day not before the article's (a forecast, or the day itself): the article's day
    assert figure_day(claim, claim.quantities[0], "2024-10-01") == date(2024, 10, 1)
    assert (
        figure_day(
            said("11 were missing", {"11": 11}), said("11 were missing", {"11": 11}).quantities[0], None
        )
        is None
    )


@pytest.mark.parametrize(
    ("sentence", "content", "speaker", "cue", "day"),
    [
        # a day opening the sentence before the speaker, or right after the cue, dates what was said
        (
            "On Monday the agency had reported 40 closed schools and 9 open ones.",
            "40 closed schools and 9 open ones",
            "the agency",
            "reported",
            "2024-09-30",
        ),
        (
            "The police said on Tuesday that 30 people were held.",
            "30 people were held",
            "The police",
            "said",
            "2024-10-01",
        ),
        (
            "Thirty people were held, the police told reporters on Wednesday.",
            "Thirty people were held",
            "the police",
            "told",
            "2024-10-02",
        ),
        # a day after a number word dates that figure, not the content ("against nine on Monday")
        (
            "Twenty beds are now taken, the clinic said, against eight on Monday.",
            "Twenty beds are now taken",
            "the clinic",
            "said",
            None,
        ),
        (
            "Twenty beds are now taken, the clinic said in a statement on Monday.",
            "Twenty beds are now taken",
            "the clinic",
            "said",
            "2024-09-30",
        ),
        # a day of another clause, of the event, or a span's bound: none
        ("Rescuers who came on Monday said 30 were missing.", "30 were missing", "Rescuers", "said", None),
        (
            "Monday's figures, the agency said, showed 30 missing.",
            "showed 30 missing",
            "the agency",
            "said",
            None,
        ),
        (
            "The police said 30 people had been held since Monday.",
            "30 people had been held",
            "The police",
            "said",
            None,
        ),
    ],
)
def test_the_attribution_around_a_content_gives_its_day(
    sentence: str, content: str, speaker: str, cue: str, day: str | None
) -> None:
    article = make_article(sentence)
    claim = make_claim(content, article=article, cue=cue, speaker_text=speaker)
    assert attribution_day(claim, sentence, "2024-10-03") == (date.fromisoformat(day) if day else None)


def test_a_recalled_figure_takes_its_attributions_day_before_the_articles() -> None:
    text = "Officials spoke. On Monday the ministry had reported 154 sites still offline."
    figure = make_quantity("154 sites", 154, within=text)
    claim = make_claim(
        "154 sites still offline",
        article=make_article(text),
        cue="reported",
        speaker_text="the ministry",
        quantities=(figure,),
    )
    assert figure_day(claim, figure, "2024-10-03", text) == date(2024, 9, 30)
    # without the article's text, or when the day named is the article's own: the publication day
    assert figure_day(claim, figure, "2024-10-03") == date(2024, 10, 3)
    assert figure_day(claim, figure, "2024-09-30", text) == date(2024, 9, 30)


@pytest.mark.parametrize(
    ("content", "figures", "one_day"),
    [
        ("rescuers pulled six bodies from the mud on Tuesday", {"six bodies": 6}, True),
        ("teams had recovered nine bodies on Tuesday alone", {"nine bodies": 9}, True),
        ("divers retrieved two bodies overnight", {"two bodies": 2}, True),
        # a running total, or no day: the count itself
        ("rescuers recovered a body on Tuesday, bringing the toll to 19", {"19": 19}, False),
        ("five bodies have been brought to the surface", {"five bodies": 5}, False),
        ("on Tuesday 12 people were confirmed dead", {"12 people": 12}, False),
        # a night's or a day's span makes any count its increment, not only recoveries
        ("police arrested 69 people overnight", {"69 people": 69}, True),
        (
            "police said 301 people had been detained in total, 45 of them overnight",
            {"301 people": 301},
            False,
        ),
        # those freed on one day are that day's increment; freed by a day, or a day of another event, no
        ("the 27 passengers freed on Tuesday were brought down the hill", {"27 passengers": 27}, True),
        ("by Tuesday afternoon 58 hostages had been released", {"58 hostages": 58}, False),
        ("84 of the passengers seized on Monday had now been freed", {"84": 84}, False),
        # a day of recovery in one sentence dates no figure of the next
        ("three works were recovered on Tuesday. Two men have been detained", {"Two men": 2}, False),
        # all recovered since a day, a day of a relative clause's event, a count's level: the running count
        ("divers have recovered 14 bodies since Tuesday morning", {"14 bodies": 14}, False),
        (
            "divers recovered 30 bodies from the hull of the ferry that capsized on Monday",
            {"30 bodies": 30},
            False,
        ),
        ("divers recovered 30 bodies from the hull of the ferry on Monday", {"30 bodies": 30}, True),
        ("the number of bodies recovered rose to 17 on Wednesday", {"17": 17}, False),
        ("the count of bodies retrieved reached 17 on Wednesday", {"17": 17}, False),
        # a list of one count's values by day, rising: the count each day; falling: each day's recoveries
        (
            "divers recovered four bodies on Monday, 11 on Tuesday and 15 on Wednesday",
            {"four bodies": 4, "11": 11, "15": 15},
            False,
        ),
        (
            "divers recovered six bodies on Monday, four on Tuesday and two on Wednesday",
            {"six bodies": 6, "four": 4, "two": 2},
            True,
        ),
    ],
)
def test_one_days_recoveries_are_an_increment(content: str, figures: dict[str, float], one_day: bool) -> None:
    claim = said(content, figures)
    assert counts_one_day(claim, claim.quantities[0]) is one_day


def test_a_bare_figure_of_the_number_of_bodies_counts_people_as_bodies_do() -> None:
    # "bodies" is "body" (a count of people), not "bodie": the level of the count of dead, one with "nine
    # bodies"
    rose = said("the number of bodies recovered rose to 17 on Wednesday", {"17": 17})
    (measure,) = make_measures(rose, frozenset(), None, "2024-10-03")
    nine = said("teams have recovered nine bodies so far", {"nine bodies": 9})
    (first,) = make_measures(nine, frozenset(), None, "2024-10-03")
    assert (measure.unit, measure.kind) == (first.unit, first.kind) == ("personnel", "dead")
    assert INCREMENT not in measure.qualifiers and measure.day == date(2024, 10, 2)


def test_another_and_new_figures_are_increments_each_of_its_day() -> None:
    another = said("another 6 were found dead", {"6": 6})
    (measure,) = make_measures(another, frozenset(), None, "2024-10-03")
    assert INCREMENT in measure.qualifiers and f"{ON_DAY}2024-10-03" in measure.qualifiers
    cases = said("48 new cases were recorded", {"48 new cases": 48})
    assert INCREMENT in make_measures(cases, frozenset())[0].qualifiers


def test_a_former_years_toll_told_after_when_is_no_value_of_this_event() -> None:
    text = "It is the deadliest collapse in the region since 2012, when a dam burst and killed eight people."
    eight = make_quantity("eight people", 8, within=text)
    year = make_time("2012", "2012", "year", within=text)
    claim = make_claim(text, article=make_article(text), cue="", quantities=(eight,), times=(year,))
    (measure,) = make_measures(claim, frozenset())
    assert PAST_EVENT in measure.qualifiers


@pytest.mark.parametrize(
    ("opening", "former"),
    [("In 2011", True), ("During 2011", True), ("Since 2011", False), ("In 2024", False)],
)
def test_a_toll_whose_sentence_opens_on_a_former_year_is_no_value_of_this_event(
    opening: str, former: bool
) -> None:
    text = f"{opening} a ferry hit the pier below the old town and sank in the harbour, killing five people."
    five = make_quantity("five people", 5, within=text)
    year = make_time(opening.split()[1], opening.split()[1], "year", within=text)
    claim = make_claim(text, article=make_article(text), cue="", quantities=(five,), times=(year,))
    (measure,) = make_measures(claim, frozenset(), None, "2024-10-03")
    assert measure.kind == "dead"
    assert (PAST_EVENT in measure.qualifiers) is former


ARTICLES = [
    Article(id=article_id, text="", outlet=outlet, published=published)
    for article_id, outlet, published in [
        ("mon", "Harbour Post", "2024-09-30"),
        ("tue", "Coast Daily", "2024-10-01"),
        ("thu", "River Times", "2024-10-03"),
    ]
]


def _with_text(claims: list[Claim]) -> list[Article]:
    texts = {claim.article: f"Officials said {claim.text}." for claim in claims}
    return [Article(id=a.id, text=texts[a.id], outlet=a.outlet, published=a.published) for a in ARTICLES]


def test_a_count_relayed_with_its_day_and_its_fall_in_one_sentence_make_one_series() -> None:
    claims = [
        said("24 people were missing", {"24 people": 24}, article="mon", claim_id="c1"),
        said("18 people were missing", {"18 people": 18}, article="tue", claim_id="c2"),
        # Thursday's: Tuesday's 18 relayed with its day, and the count falling to 4 from Wednesday's 11
        said("on Tuesday 18 people were missing", {"18 people": 18}, article="thu", claim_id="c3"),
        said(
            "four people remain missing, down from 11 on Wednesday",
            {"four people": 4, "11": 11},
            article="thu",
            claim_id="c4",
        ),
    ]
    story = Story(id="s", title="flood", articles=("mon", "tue", "thu"))
    (question,) = build_ledger(story, claims, _with_text(claims), [], [])
    assert question.status == "series"
    by_value = {position.value: position.earliest for position in question.positions}
    assert by_value == {24: "2024-09-30", 18: "2024-10-01", 11: "2024-10-02", 4: "2024-10-03"}


def test_a_measure_of_no_tally_keeps_the_day_its_words_give_it() -> None:
    recap = "the leak at 300 litres on Monday and 450 litres on Wednesday"
    text = f"Officials said {recap}."
    figures = tuple(
        make_quantity(surface, value, within=text, unit="litre")
        for surface, value in (("300 litres", 300), ("450 litres", 450))
    )
    times = tuple(make_time(day, DAYS[day], within=text) for day in ("Monday", "Wednesday"))
    claim = make_claim(recap, article=make_article(text), quantities=figures, times=times)
    measures = make_measures(claim, frozenset(), None, "2024-10-03")
    assert [measure.day for measure in measures] == [date(2024, 9, 30), date(2024, 10, 2)]


def test_figures_set_against_earlier_values_are_changing_figures() -> None:
    moved = said("two climbers remain stranded, down from five on Monday", {"two climbers": 2, "five": 5})
    assert all(measure.changing for measure in make_measures(moved, frozenset(), None, "2024-10-03"))
    plain = said("two climbers remain stranded and five are safe", {"two climbers": 2, "five": 5})
    assert not any(measure.changing for measure in make_measures(plain, frozenset(), None, "2024-10-03"))


def test_a_forecast_is_no_side_of_a_measure_nor_of_another_days_forecast() -> None:
    measured = said("the river stood at 6 metres", {"6 metres": 6})
    thursday = said("the river is forecast to reach 4 metres on Thursday", {"4 metres": 4})
    later = said("the river is expected to fall to 2 metres", {"2 metres": 2})
    (now,) = make_measures(measured, frozenset(), None, "2024-10-01")
    (ahead,) = make_measures(thursday, frozenset(), None, "2024-10-01")
    (unnamed,) = make_measures(later, frozenset(), None, "2024-10-01")
    assert not any(q.startswith(ON_DAY) for q in now.qualifiers)
    assert f"{ON_DAY}{DAYS['Thursday']}" in ahead.qualifiers
    assert f"{ON_DAY}ahead" in unnamed.qualifiers


def chained(claim: Claim) -> Claim:
    """``claim`` with its figures but the last marked as the earlier values of one chain of change, as the
    quantities stage marks "fell from 58 to 37 and then to 9" (``Quantity.earlier_in_chain``)."""
    last = len(claim.quantities) - 1
    marked = (replace(q, earlier_in_chain=index < last) for index, q in enumerate(claim.quantities))
    return replace(claim, quantities=tuple(marked))


def test_an_earlier_value_of_a_chain_of_change_has_no_day_unless_its_words_give_one() -> None:
    chain = chained(
        said("the count of open shelters fell from 58 to 37 and then to 9", {"58": 58, "37": 37, "9": 9})
    )
    # the earlier values are no values of the article's day; the last one is the count now
    days = [figure_day(chain, q, DAYS["Thursday"]) for q in chain.quantities]
    assert days == [None, None, date(2024, 10, 3)]
    dated = chained(said("the count fell from 7 on Monday to 5 on Tuesday", {"7": 7, "5": 5}))
    assert [figure_day(dated, q, DAYS["Thursday"]) for q in dated.quantities] == [
        date(2024, 9, 30),
        date(2024, 10, 1),
    ]
    # a day opening the sentence dates the count now, not the values it moved through
    opened = chained(said("on Wednesday the count fell from 12 to 8", {"12": 12, "8": 8}))
    assert [figure_day(opened, q, DAYS["Thursday"]) for q in opened.quantities] == [None, date(2024, 10, 2)]


def test_a_day_in_the_figures_subject_dates_its_noun_not_the_figure() -> None:
    # "the passengers seized on Monday": Monday is the seizure's day; the count is the sentence's
    claim = said("84 passengers seized on Monday had now been freed", {"84 passengers": 84})
    assert day_of(claim) == date(2024, 9, 30)  # no predicate parsed: the day right after dates it
    parsed = replace(claim.quantities[0], predicate="had been freed")
    assert told_day(claim, parsed) is None
    # a predicate the day belongs to, or one that asks of an object, leaves the day to the figure
    assert told_day(claim, replace(parsed, predicate="seized on Monday")) == date(2024, 9, 30)
    assert told_day(claim, replace(parsed, predicate="did the ministry free")) == date(2024, 9, 30)


def test_a_value_of_the_day_before_is_dated_from_its_sentences_day() -> None:
    text = "On Wednesday the department said 84 people had been freed, against 58 the day before."
    content = "84 people had been freed, against 58 the day before"
    claim = make_claim(
        content,
        article=make_article(text),
        cue="said",
        speaker_text="the department",
        quantities=(make_quantity("84 people", 84, within=text), make_quantity("58", 58, within=text)),
    )
    freed, before = claim.quantities
    assert [days_back(claim, q) for q in claim.quantities] == [0, 1]
    assert figure_day(claim, freed, DAYS["Thursday"], text) == date(2024, 10, 2)
    assert figure_day(claim, before, DAYS["Thursday"], text) == date(2024, 10, 1)
    # with no day in its sentence, the day before the article's
    assert figure_day(claim, before, DAYS["Thursday"]) == date(2024, 10, 2)
    # the words must follow the figure closely, in its part of the clause
    far = said("58 were freed, officials said the day before", {"58": 58})
    assert days_back(far, far.quantities[0]) == 0


def joined(content: str, figures: dict[str, float], times: dict[str, str]) -> Claim:
    """``said`` with time expressions of its own ("this morning": Thursday's)."""
    claim = said(content, figures)
    text = f"Officials said {content}."
    return replace(claim, times=tuple(make_time(t, iso, within=text) for t, iso in times.items()))


def test_a_count_told_over_two_joined_days_is_the_later_days() -> None:
    times = {"Tuesday evening": DAYS["Tuesday"], "this morning": DAYS["Thursday"]}
    # "arrested on Tuesday evening and this morning": the count through this morning, the article's day
    claim = joined(
        "five men were arrested on Tuesday evening and this morning, police said", {"five men": 5}, times
    )
    assert day_of(claim) == date(2024, 10, 3)
    assert figure_day(claim, claim.quantities[0], DAYS["Thursday"]) == date(2024, 10, 3)
    # the later day opening another figure's clause leaves the first figure its own day
    other = joined(
        "five men were arrested on Tuesday evening and this morning two more", {"five men": 5}, times
    )
    assert day_of(other) == date(2024, 10, 1)
