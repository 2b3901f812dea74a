"""Stories: when an article says it was published (its dateline), as the stories stage reads it."""

from datetime import date

from factories import make_article

from storyline.records import ArticleAnalysis, TimeExpr
from storyline.stages.stories.cluster import _year_words, dateline_day


def dated(text: str, *stated: tuple[str, str]) -> ArticleAnalysis:
    """An analysis of ``text`` whose times are the given (surface, ISO date) pairs, found where they occur."""
    times = tuple(
        TimeExpr(surface, text.index(surface), text.index(surface) + len(surface), iso, "day")
        for surface, iso in stated
    )
    return ArticleAnalysis(article=make_article(text, id="a"), times=times)


def test_a_date_on_a_line_of_its_own_at_the_head_is_the_dateline() -> None:
    text = (
        "Dock strike ends at Valmora\nMONDAY, MAY 23, 2005, 7:35 am\n"
        "The union and the operator agreed on a contract that runs to 2010."
    )
    article = dated(text, ("MONDAY, MAY 23, 2005", "2005-05-23"), ("2010", "2010"))
    assert dateline_day(article) == date(2005, 5, 23)
    # With no publication date, the dateline gives the year the article places itself in, not the newest
    # year its text states.
    assert _year_words(article) == {"2005"}


def test_a_date_inside_a_sentence_or_below_the_head_is_no_dateline() -> None:
    # An anniversary piece names the day of the past event in its lead: not when it was published.
    lead = "Ten years after the dam above Oskel gave way on June 24, 2005, the valley mourns its dead."
    assert dateline_day(dated(lead, ("June 24, 2005", "2005-06-24"))) is None
    late = "Dam inquiry opens\nBy a staff writer\nIn Oskel\nJune 24, 2015\nThe inquiry opened."
    assert dateline_day(dated(late, ("June 24, 2015", "2015-06-24"))) is None
