"""What an article's story profile compares events and actors by (issue #14): a person's name the parser read
as a verb is no event, the past year a report is about is, and a live blog is placed by its first entry."""

import re

from factories import make_article

from storyline.records import ArticleAnalysis, Mention, TimeExpr
from storyline.stages.stories.dates import past_years
from storyline.stages.stories.names import headline_mentions
from storyline.stages.stories.triggers import article_triggers


def person(text: str, start: int = 0) -> Mention:
    return Mention(article="a", start=start, end=start + len(text), text=text, label="PERSON")


def year_expr(text: str, date: str, start: int = 0) -> TimeExpr:
    return TimeExpr(text=text, start=start, end=start + len(text), date=date, precision="year")


def analysis(
    text: str = "Body.",
    *,
    triggers: tuple[str, ...] = (),
    mentions: tuple[Mention, ...] = (),
    times: tuple[TimeExpr, ...] = (),
) -> ArticleAnalysis:
    article = make_article(text, published="2016-10-04")
    return ArticleAnalysis(article=article, mentions=mentions, times=times, triggers=triggers)


def test_a_name_the_headline_parsed_as_a_verb_is_no_trigger() -> None:
    named = analysis(triggers=("crane", "duck"), mentions=(person("Maria Crane"),))
    assert article_triggers(named) == frozenset({"duck"})


def test_a_past_year_written_twice_is_what_the_report_is_about() -> None:
    twice = analysis(times=(year_expr("1995", "1995"), year_expr("in 1995", "1995", 40)))
    assert past_years(twice) == {"1995"}
    assert "1995" in article_triggers(twice)


def test_a_past_year_written_once_is_a_passing_mention() -> None:
    assert past_years(analysis(times=(year_expr("2008", "2008"),))) == set()


def test_a_resolved_or_recent_year_is_not_a_past_year() -> None:
    resolved = (year_expr("years ago", "2010"), year_expr("that year", "2010", 30))
    recent = (year_expr("2015", "2015"), year_expr("in 2015", "2015", 30))
    assert past_years(analysis(times=resolved)) == set()
    assert past_years(analysis(times=recent)) == set()


def test_a_live_blog_is_placed_by_its_title_and_first_entry() -> None:
    text = "The Latest: a port closes.\n\n2:45 p.m.\n\nOskel closes its port.\n\n1 p.m.\n\nVarn wins.\n"
    oskel, varn = (re.search(name, text) for name in ("Oskel", "Varn"))
    assert oskel is not None and varn is not None
    mentions = (person("Oskel", oskel.start()), person("Varn", varn.start()))
    assert headline_mentions(analysis(text, mentions=mentions)) == mentions[:1]
    plain = text.replace("2:45 p.m.", "Then.")
    assert headline_mentions(analysis(plain, mentions=mentions)) == mentions
