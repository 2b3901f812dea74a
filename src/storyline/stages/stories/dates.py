"""When an article was published and which years it places itself in: its publication day (unless inferred
from a past event it recalls), its dateline, a date known to the month only, the year it is of and the
past years it is about. Tuned bounds are ``config.StoriesSettings``'.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from storyline.config import DEFAULT_SETTINGS, StoriesSettings
from storyline.records import ArticleAnalysis

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


STATED_YEAR = re.compile(r"^\d{4}(?:-|$)")


ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def published_day(published: str | None) -> date | None:
    """A full publication date, or None (unknown, or partial such as "--10-18" or "2024-08")."""
    match = ISO_DAY.match(published or "")
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def dateline_day(
    analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories
) -> date | None:
    """The full date of the article's dateline (settings ``dateline_head_lines``, ``max_dateline_chars``),
    else None. Only a line of its own counts: a date inside the lead's sentence may be the day of a past
    event (an obituary's or an anniversary's)."""
    text = analysis.article.text
    head_end = -1
    for _ in range(settings.dateline_head_lines):
        head_end = text.find("\n", head_end + 1)
        if head_end < 0:
            head_end = len(text)
            break
    for time in analysis.times:
        if time.precision != "day" or time.start >= head_end:
            continue
        line_start = text.rfind("\n", 0, time.start) + 1
        line_end = text.find("\n", time.end)
        line_end = len(text) if line_end < 0 else line_end
        day = published_day(time.date)
        if day is not None and line_end - line_start <= settings.max_dateline_chars:
            return day
    return None


def published_month(published: str | None) -> tuple[date, date] | None:
    """The first and last day of a publication date known to the month only ("2008-10"), else None: the
    dates stage often infers no more than the month from the text, and a month still keeps events years
    apart."""
    match = ISO_MONTH.match(published or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def year_words(analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories) -> set[str]:
    """The year the article places itself in, as a lead word ("2008"): its publication year, else its
    dateline's (``dateline_day``), else the newest year its text states. Two events of one frame are often
    years apart while few articles carry a full date; stored with the words, a story's years persist with
    its profile."""
    day = publication_day(analysis, settings) or dateline_day(analysis, settings)
    if day is not None:
        return {str(day.year)}
    stated = newest_stated_year(analysis)
    return {str(stated)} if stated is not None else set()


def publication_day(
    analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories
) -> date | None:
    """The article's publication day, unless it was inferred from its text and the text states a year well
    after it: then it is the day of a past event the text recalls (an obituary's birth date, an
    anniversary's event), not the day the article was written."""
    day = published_day(analysis.article.published)
    if day is None or not analysis.article.published_inferred:
        return day
    stated = newest_stated_year(analysis)
    return None if stated is not None and stated - day.year > settings.max_inferred_year_lag else day


def newest_stated_year(analysis: ArticleAnalysis) -> int | None:
    stated = [int(time.date[:4]) for time in analysis.times if time.date and STATED_YEAR.match(time.date)]
    return max(stated, default=None)


def past_years(analysis: ArticleAnalysis, settings: StoriesSettings = DEFAULT_SETTINGS.stories) -> set[str]:
    """The years, as digits, that a text writes out at least ``min_past_year_mentions`` times and that lie
    ``min_past_year_gap`` years or more before the year it places itself in (``year_words``): the past the
    report is about ("Trump's 1995 tax return"), which its follow-ups and reactions state too, whatever verbs
    their leads use."""
    placed = year_words(analysis, settings)
    if not placed:
        return set()
    latest = int(max(placed)) - settings.min_past_year_gap
    written = Counter(
        time.date[:4]
        for time in analysis.times
        if time.date and STATED_YEAR.match(time.date) and time.date[:4] in time.text
    )
    return {
        year
        for year, count in written.items()
        if count >= settings.min_past_year_mentions and int(year) <= latest
    }
