"""Undated articles placed by their story's dated reports (``dates.story``): texts written for these tests."""

from __future__ import annotations

from datetime import date

from storyline.records import Article, ArticleAnalysis, Story
from storyline.stages.dates.story import date_undated_in_stories, date_within_story
from storyline.stages.nlp import parse_articles

# The story's dated reports: Saturday 11 to Monday 13 May 2024.
STORY_DAYS = [date(2024, 5, 11), date(2024, 5, 12), date(2024, 5, 13)]


def placed(text: str, story_days: list[date] = STORY_DAYS, published: str | None = None) -> Article:
    article = Article(id="u", text=text, published=published, published_inferred=published is not None)
    (parsed,) = parse_articles([article])
    return date_within_story(parsed, story_days)


def test_a_weekday_told_as_past_after_a_stated_day_places_the_article() -> None:
    article = placed(
        "The governor declared a day of mourning on Wednesday, a week after the bridge collapsed on May 10. "
        "Divers recovered four more bodies on Tuesday, officials said."
    )
    assert article.published == "2024-05-15"  # May 10, 2024 is a Friday: the first Wednesday after it
    assert article.published_inferred
    assert article.published_evidence is not None and "Wednesday" in article.published_evidence


def test_an_article_dated_by_its_metadata_is_left_alone() -> None:
    text = "The governor declared a day of mourning on Wednesday after the bridge collapsed on May 10."
    article = Article(id="d", text=text, published="2024-05-20")
    (parsed,) = parse_articles([article])
    assert date_within_story(parsed, STORY_DAYS) is article


def test_a_weekday_told_as_future_does_not_place_it() -> None:
    article = placed("The bridge collapsed on May 10. The governor will visit the valley on Wednesday.")
    assert article.published is None


def test_without_a_stated_day_a_weekday_alone_places_nothing() -> None:
    # "on Wednesday" names one day of any week: the story's dates alone do not say which.
    assert placed("The governor declared a day of mourning on Wednesday.").published is None


def test_the_newest_days_own_weekday_is_ambiguous() -> None:
    # May 10, 2024 was a Friday: "on Friday" may be that day or the one after.
    assert placed("The bridge collapsed on May 10. Rescuers found two survivors on Friday.").published is None


def test_a_stated_day_far_from_the_story_gives_no_year() -> None:
    article = placed("The mayor resigned on Wednesday. The bridge had been inspected on October 3.")
    assert article.published is None


def test_a_weekday_beyond_a_week_after_the_story_places_nothing() -> None:
    # The story's last dated report is 1 May; "Thursday" after "May 20" (a Monday) is 23 May, more than a
    # week after it.
    days = [date(2024, 4, 29), date(2024, 5, 1)]
    assert (
        placed("The port reopened on May 20. Dockers went back to work on Thursday.", days).published is None
    )


def test_a_future_day_before_the_found_date_contradicts_it() -> None:
    article = placed(
        "The bridge collapsed on May 10, 2024. Rescuers stopped the search on Wednesday, ahead of a "
        "ceremony that will be held on May 12, 2024."
    )
    assert article.published is None


def test_the_pipeline_step_dates_undated_members_of_a_story_and_resolves_their_times() -> None:
    dated = Article(id="a", text="The bridge collapsed on Friday.", published="2024-05-11T08:00:00Z")
    undated = Article(
        id="b",
        text="The governor declared a day of mourning on Wednesday, after the bridge collapsed on May 10.",
    )
    story = Story(id="s", title="Bridge", articles=("a", "b"))
    analyses = [ArticleAnalysis(article=dated), ArticleAnalysis(article=undated)]
    first, second = date_undated_in_stories(analyses, [story])
    assert first is analyses[0]
    assert second.article.published == "2024-05-15"
    assert {t.text: t.date for t in second.times}.get("Wednesday") == "2024-05-15"
    alone = date_undated_in_stories(
        [ArticleAnalysis(article=undated)], [Story(id="t", title="B", articles=("b",))]
    )
    assert alone[0].article.published is None  # no dated report in its story
