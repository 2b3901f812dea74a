"""The timeline stage on records built by hand (ordering, merging across articles, cited spans), its chart,
and the seed articles' timeline with their publication dates withheld."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from factories import make_article, make_claim, make_story, make_time

import storyline
from storyline.records import ArticleAnalysis, Brief
from storyline.report.chart import build_timeline_chart
from storyline.report.views import TimelineItem
from storyline.stages.timeline import build_timeline, sentence_around

FIRST = make_article(
    id="a1",
    published="2024-10-21",
    text=(
        "Budanov said troops arrived on Friday. Zelensky said on October 13 that Pyongyang sent officers.\n"
        "The agency announced the move last week. Talks were held in October."
    ),
)
SECOND = make_article("Ukraine's spy chief said troops arrived on Friday.", id="a2", published="2024-10-22")


def test_entries_are_ordered_by_the_first_day_of_their_date() -> None:
    times = (
        make_time("Friday", "2024-10-18", "day", within=FIRST.text),
        make_time("October 13", "2024-10-13", "day", within=FIRST.text),
        make_time("last week", "2024-W42", "week", within=FIRST.text),
        make_time("October", "2024-10", "month", within=FIRST.text),
    )
    analysis = ArticleAnalysis(article=FIRST, times=times)
    timeline = build_timeline(make_story([FIRST]), [analysis], [])
    assert [entry.date for entry in timeline] == ["2024-10", "2024-10-13", "2024-W42", "2024-10-18"]
    # outside every claim, an entry's text is the sentence around the expression, verbatim
    assert timeline[1].text == "Zelensky said on October 13 that Pyongyang sent officers."
    assert timeline[2].text == "The agency announced the move last week."
    assert all(entry.text in FIRST.text for entry in timeline)


def test_claims_with_times_become_entries_and_merge_across_articles() -> None:
    first_time = make_time("Friday", "2024-10-18", "day", within=FIRST.text)
    second_time = make_time("Friday", "2024-10-18", "day", within=SECOND.text)
    first_claim = make_claim("troops arrived on Friday", article=FIRST, id="c1", times=(first_time,))
    second_claim = make_claim("troops arrived on Friday", article=SECOND, id="c2", times=(second_time,))
    analyses = [
        ArticleAnalysis(article=FIRST, claims=(first_claim,), times=(first_time,)),
        ArticleAnalysis(article=SECOND, claims=(second_claim,), times=(second_time,)),
    ]
    (entry,) = build_timeline(make_story([FIRST, SECOND]), analyses, [first_claim, second_claim])
    assert (entry.date, entry.precision, entry.text) == ("2024-10-18", "day", "troops arrived on Friday")
    assert entry.claims == ("c1", "c2")
    assert entry.articles == ("a1", "a2")
    assert entry.inferred is False


def test_same_date_different_events_stay_apart_in_article_order() -> None:
    first_time = make_time("Friday", "2024-10-18", "day", within=FIRST.text)
    other = make_article("Parliament passed the budget law on Friday.", id="a3", published="2024-10-22")
    other_time = make_time("Friday", "2024-10-18", "day", within=other.text)
    analyses = [
        ArticleAnalysis(article=other, times=(other_time,)),
        ArticleAnalysis(article=FIRST, times=(first_time,)),
    ]
    timeline = build_timeline(make_story([FIRST, other]), analyses, [])
    assert [entry.articles for entry in timeline] == [("a1",), ("a3",)]


def test_a_time_inside_a_claim_joins_the_claim_even_when_the_claim_did_not_list_it() -> None:
    friday = make_time("Friday", "2024-10-18", "day", within=FIRST.text)
    claim = make_claim("troops arrived on Friday", article=FIRST, id="c1")
    analysis = ArticleAnalysis(article=FIRST, claims=(claim,), times=(friday,))
    (entry,) = build_timeline(make_story([FIRST]), [analysis], [claim])
    assert (entry.text, entry.claims) == ("troops arrived on Friday", ("c1",))


def test_unresolved_times_are_left_out_and_partial_dates_sort_within_the_story_year() -> None:
    text = "Talks began on Monday. The deal was signed on October 15. Officials met on October 20."
    article = make_article(text, id="a4", published=None)
    times = (
        make_time("Monday", None, "unknown", within=text),
        make_time("October 20", "2024-10-20", "day", within=text),
        make_time("October 15", "--10-15", "day", within=text),
    )
    timeline = build_timeline(make_story([article]), [ArticleAnalysis(article=article, times=times)], [])
    assert [entry.date for entry in timeline] == ["--10-15", "2024-10-20"]


def test_inferred_marks_dates_resting_on_an_inferred_publication_date() -> None:
    # the dates stage marks the values that rest on the inferred date; the timeline carries the mark
    text = "The minister resigned yesterday. The law dates from 12 March 2019."
    article = make_article(text, id="a5", published="2024-10-21", published_inferred=True)
    times = (
        make_time("yesterday", "2024-10-20", "day", within=text, inferred=True),
        make_time("12 March 2019", "2019-03-12", "day", within=text),
    )
    timeline = build_timeline(make_story([article]), [ArticleAnalysis(article=article, times=times)], [])
    assert [(entry.date, entry.inferred) for entry in timeline] == [
        ("2019-03-12", False),
        ("2024-10-20", True),
    ]


def test_a_report_with_a_given_date_pins_a_merged_entry() -> None:
    text = "Troops crossed the border on Friday."
    inferred = make_article(text, id="b1", published="2024-10-21", published_inferred=True)
    given = make_article(text, id="b2", published="2024-10-21")
    analyses = [
        ArticleAnalysis(
            article=a,
            times=(make_time("Friday", "2024-10-18", "day", within=a.text, inferred=a.published_inferred),),
        )
        for a in (inferred, given)
    ]
    (entry,) = build_timeline(make_story([inferred, given]), analyses, [])
    assert entry.articles == ("b1", "b2")
    assert entry.inferred is False


def test_sentence_around_keeps_initials_and_abbreviated_months_inside() -> None:
    text = "Intro line\nThe U.S. envoy said on Oct. 18 that talks failed. Next sentence."
    start = text.index("Oct. 18")
    begin, end = sentence_around(text, start, start + len("Oct. 18"))
    assert text[begin:end] == "The U.S. envoy said on Oct. 18 that talks failed."


def test_only_the_story_articles_count() -> None:
    outside = make_article("Something happened on Friday.", id="z", published="2024-10-21")
    analysis = ArticleAnalysis(
        article=outside, times=(make_time("Friday", "2024-10-18", "day", within=outside.text),)
    )
    assert build_timeline(make_story([FIRST]), [analysis], []) == ()


def test_every_entry_cites_its_spans_and_a_merged_entry_lists_every_source() -> None:
    first_time = make_time("Friday", "2024-10-18", "day", within=FIRST.text)
    second_time = make_time("Friday", "2024-10-18", "day", within=SECOND.text)
    claim = make_claim("troops arrived on Friday", article=FIRST, id="c1", times=(first_time,))
    analyses = [
        ArticleAnalysis(article=FIRST, claims=(claim,), times=(first_time,)),
        ArticleAnalysis(article=SECOND, times=(second_time,)),
    ]
    (entry,) = build_timeline(make_story([FIRST, SECOND]), analyses, [claim])
    texts = {"a1": FIRST.text, "a2": SECOND.text}
    assert [(s.article, s.claim) for s in entry.sources] == [("a1", "c1"), ("a2", None)]
    assert [texts[s.article][s.start : s.end] for s in entry.sources] == [
        "troops arrived on Friday",
        "Ukraine's spy chief said troops arrived on Friday.",
    ]
    assert entry.text == texts["a1"][entry.sources[0].start : entry.sources[0].end]


def test_background_years_lend_no_year_to_yearless_dates() -> None:
    text = "The war of 1950-1953 ended. It was signed on October 13. A law of 2023 passed."
    article = make_article(text, id="a6")
    times = (
        make_time("1950-1953", "1950/1953", "range", within=text),
        make_time("October 13", "--10-13", "day", within=text),
        make_time("2023", "2023", "year", within=text),
    )
    timeline = build_timeline(make_story([article]), [ArticleAnalysis(article=article, times=times)], [])
    assert [entry.date for entry in timeline] == ["1950/1953", "2023", "--10-13"]


def test_the_chart_draws_yearless_days_on_a_month_day_axis() -> None:
    items = [
        TimelineItem("--10-13", "day", "first", False, (), ()),
        TimelineItem("--11-01", "day", "last", True, (), ()),
        TimelineItem("--10", "month", "a month", False, (), ()),
    ]
    chart = build_timeline_chart(items, ["a", "b", "c"])
    assert chart is not None and chart.year_unknown
    assert [dot.date for dot in chart.dots] == ["--10-13", "--11-01"]
    assert chart.dots[0].x == chart.axis_left and chart.dots[1].x == chart.axis_right
    assert chart.ticks[0].label == "--10-13" and chart.ticks[-1].label == "--11-01"


def test_the_chart_places_yearless_days_in_the_year_of_the_full_dates() -> None:
    items = [
        TimelineItem("2024-10-01", "day", "full", False, (), ()),
        TimelineItem("--10-31", "day", "yearless", False, (), ()),
    ]
    chart = build_timeline_chart(items, ["a", "b"])
    assert chart is not None and not chart.year_unknown
    assert [dot.x for dot in chart.dots] == [chart.axis_left, chart.axis_right]
    assert chart.ticks[-1].label == "2024-10-31"


# --- the seed articles, their publication dates withheld ------------------------------------------------

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"seed articles missing at {SEEDS}")
        pytest.skip(f"seed articles not found at {SEEDS}")
    return storyline.analyze(sorted(SEEDS.glob("*.txt")))


def test_the_seed_timeline_orders_the_statements_without_publication_dates(seed_brief: Brief) -> None:
    assert all(not article.published or article.published_inferred for article in seed_brief.articles)
    # the story whose timeline dates the statements in October and the readiness in November
    wanted = ["--10-13", "--10-14", "--10-17", "--10-18", "--11-01"]
    (story, *_) = [s for s in seed_brief.stories if set(wanted) <= {e.date for e in s.timeline}]
    positions = [next(i for i, e in enumerate(story.timeline) if e.date == day) for day in wanted]
    assert positions == sorted(positions)
    by_date = {day: story.timeline[i] for day, i in zip(wanted, positions, strict=True)}
    for entry in by_date.values():
        source = entry.sources[0]
        article = seed_brief.article(source.article)
        assert article.text[source.start : source.end] == entry.text
        assert source.article in entry.articles and source.article in story.articles
        assert not entry.inferred  # stated dates, though yearless, rest on no inferred date
    # the article stating them gets its publication date from them, the year left unknown
    dating = seed_brief.article(by_date["--10-18"].sources[0].article)
    assert (dating.published, dating.published_inferred) == ("--10-18", True)
    assert dating.published_window == "--10-18/--11-01"
    assert "as past" in (dating.published_evidence or "") and "year is unknown" in (
        dating.published_evidence or ""
    )


def test_every_seed_article_says_how_its_date_was_found(seed_brief: Brief) -> None:
    for article in seed_brief.articles:
        assert article.published_evidence
        assert article.published is None or article.published.startswith("--")  # no year is guessed
