"""Publication dates of undated articles placed by their story: a weekday the text names as past, counted
from the newest date the text states, in the year of the story's dated reports.

An article alone often cannot be dated: "the collapse of the dam on May 10" gives no year, and "declared
mourning on Wednesday" names no day until a week is known. Its story can: the dated reports of the story
(their metadata's dates, never inferred ones) say which year "May 10" falls in, and a weekday named as past
after it is the first such weekday after May 10. Conservative, because a wrong date misplaces every value
the article reports in a series:
- the year is taken only when one year puts the newest stated past day within ``year_max_days`` of the
  story's dated reports;
- a weekday counts only when told as past (the clause's tense, as the per-article inference reads it), is
  not the newest day's own weekday (then "Friday" could be that day or a week on), and falls within
  ``weekday_max_days`` after the story's last dated report; "last Friday" and "next Monday" are left out;
- a future date stated in the text must not come before the date found.
The article keeps ``published_inferred``, with evidence saying what placed it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta

from storyline.config import DEFAULT_SETTINGS, DatesSettings
from storyline.records import Article, ArticleAnalysis, ParsedArticle, Story
from storyline.stages.dates.expressions import find_stated_times, find_time_expressions
from storyline.stages.dates.patterns import time_lexicon
from storyline.stages.dates.publication import BOUND_VALUE, StatedDate, points_ahead
from storyline.stages.dates.rules import PAST
from storyline.stages.nlp import parse_articles

__all__ = ["date_undated_in_stories", "date_within_story", "needs_story_date"]

WEEK_DAYS = 7


def needs_story_date(article: Article) -> bool:
    """An article whose publication date is unknown or not a full day, whatever the text inferred."""
    return article.published is None or (article.published_inferred and _full_day(article.published) is None)


def date_within_story(
    parsed: ParsedArticle, story_days: Sequence[date], settings: DatesSettings = DEFAULT_SETTINGS.dates
) -> Article:
    """The article with the publication date its story places it on (see the module's docstring), or
    unchanged when the evidence does not settle one day."""
    article = parsed.article
    if not story_days or not needs_story_date(article):
        return article
    stated = [
        StatedDate(time.text, time.date or "", time.precision, tense)
        for time, tense in find_stated_times(parsed)
    ]
    newest = _newest_past_day(stated, story_days, settings.year_max_days)
    if newest is None:
        return article
    last_allowed = max(story_days) + timedelta(days=settings.weekday_max_days)
    weekdays = [(s, day) for s in stated if (day := _weekday_after(s, newest[1])) and day <= last_allowed]
    if not weekdays:
        return article
    weekday, published = max(weekdays, key=lambda pair: pair[1])
    if any(day < published for day in _future_days(stated, published)):
        return article
    evidence = (
        f"“{weekday.text}” told as past: the first {published:%A} after “{newest[0].text}”, "
        f"in the year of its story's dated reports ({min(story_days)} to {max(story_days)})"
    )
    return dataclasses.replace(
        article,
        published=published.isoformat(),
        published_inferred=True,
        published_evidence=evidence,
        published_window=None,
    )


def _full_day(value: str | None) -> date | None:
    """The day of a full date or timestamp ("2024-05-11", "2024-05-11T08:00:00Z"); None for a partial one."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _newest_past_day(
    stated: Sequence[StatedDate], story_days: Sequence[date], year_max_days: int
) -> tuple[StatedDate, date] | None:
    """The newest day stated as past, its year the one that puts it near the story (or the one stated)."""
    placed = [
        (s, day)
        for s in stated
        if s.tense == PAST
        and s.precision == "day"
        and (day := _in_story_year(s.date, story_days, year_max_days))
    ]
    return max(placed, key=lambda pair: pair[1]) if placed else None


def _in_story_year(value: str, story_days: Sequence[date], max_days: int) -> date | None:
    """A stated day ("--05-10" or "2024-05-10") on the calendar: a yearless one in the one year that puts
    it within ``max_days`` of the story's first to last dated report; None when no year or two do."""
    found = BOUND_VALUE.fullmatch(value)
    if found is None or not found["day"]:
        return None
    month, day = int(found["month"]), int(found["day"])
    first, last = min(story_days) - timedelta(days=max_days), max(story_days) + timedelta(days=max_days)
    years = [int(found["year"])] if found["year"] != "-" else range(first.year, last.year + 1)
    candidates = [d for year in years if (d := _date_or_none(year, month, day)) and first <= d <= last]
    return candidates[0] if len(candidates) == 1 else None


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_after(stated: StatedDate, newest: date) -> date | None:
    """A bare weekday told as past ("on Wednesday", "Tuesday"), as the first such day after ``newest``;
    None for any other expression, or for the newest day's own weekday."""
    if stated.tense != PAST:
        return None
    words = stated.text.lower().split()
    if words and words[0] == "on":
        words = words[1:]
    weekdays = time_lexicon().weekdays
    if len(words) != 1 or words[0].rstrip(".") not in weekdays:
        return None
    ahead = (weekdays[words[0].rstrip(".")] - newest.isoweekday()) % WEEK_DAYS
    return newest + timedelta(days=ahead) if ahead else None


def _future_days(stated: Sequence[StatedDate], published: date) -> list[date]:
    """Days stated as ahead ("by July 1"); a yearless one is the next such day from ``published``, so only
    a stated year can contradict it."""
    days = []
    for s in stated:
        found = BOUND_VALUE.fullmatch(s.date)
        if not (points_ahead(s) and s.precision == "day" and found and found["day"]):
            continue
        month, day_number = int(found["month"]), int(found["day"])
        if found["year"] != "-":
            day = _date_or_none(int(found["year"]), month, day_number)
        else:
            day = _date_or_none(published.year, month, day_number)
            day = (
                day
                if day is None or day >= published
                else _date_or_none(published.year + 1, month, day_number)
            )
        if day is not None:
            days.append(day)
    return days


def date_undated_in_stories(
    analyses: Sequence[ArticleAnalysis],
    story_list: Sequence[Story],
    settings: DatesSettings = DEFAULT_SETTINGS.dates,
) -> list[ArticleAnalysis]:
    """The analyses with undated articles placed by their story (``date_within_story``) and their time
    expressions resolved again against the date found. Only undated articles of stories holding a dated
    report are parsed again: few in a store whose articles carry their dates."""
    days_of: dict[str, list[date]] = {}
    by_id = {analysis.article.id: analysis for analysis in analyses}
    for story in story_list:
        members = [by_id[article_id] for article_id in story.articles if article_id in by_id]
        days = [
            d for a in members if not a.article.published_inferred and (d := _full_day(a.article.published))
        ]
        for analysis in members:
            if days and needs_story_date(analysis.article):
                days_of[analysis.article.id] = days
    if not days_of:
        return list(analyses)
    redated: dict[str, ArticleAnalysis] = {}
    for parsed in parse_articles(by_id[article_id].article for article_id in days_of):
        article = date_within_story(parsed, days_of[parsed.article.id], settings)
        if article is not parsed.article:
            placed = ParsedArticle(article=article, doc=parsed.doc)
            times = tuple(find_time_expressions(placed))
            redated[article.id] = dataclasses.replace(by_id[article.id], article=article, times=times)
    return [redated.get(analysis.article.id, analysis) for analysis in analyses]
