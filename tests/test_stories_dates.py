"""Stories: when an article says it was published (its dateline), as the stories stage reads it."""

from datetime import date

from factories import make_article

from storyline.records import ArticleAnalysis, TimeExpr
from storyline.stages.stories.dates import dateline_day, publication_day, year_words


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
    assert year_words(article) == {"2005"}


def test_a_date_inside_a_sentence_or_below_the_head_is_no_dateline() -> None:
    # An anniversary piece names the day of the past event in its lead: not when it was published.
    lead = "Ten years after the dam above Oskel gave way on June 24, 2005, the valley mourns its dead."
    assert dateline_day(dated(lead, ("June 24, 2005", "2005-06-24"))) is None
    late = "Dam inquiry opens\nBy a staff writer\nIn Oskel\nJune 24, 2015\nThe inquiry opened."
    assert dateline_day(dated(late, ("June 24, 2015", "2015-06-24"))) is None


def inferred(published: str, *stated: tuple[str, str]) -> ArticleAnalysis:
    """An obituary-like analysis whose publication date the dates stage inferred from its text."""
    text = " ".join(surface for surface, _iso in stated) + "."
    times = tuple(
        TimeExpr(surface, text.index(surface), text.index(surface) + len(surface), iso, "year")
        for surface, iso in stated
    )
    article = make_article(text, id="a", published=published, published_inferred=True)
    return ArticleAnalysis(article=article, times=times)


def test_an_inferred_date_years_before_what_the_text_states_is_a_recalled_event() -> None:
    # An obituary's newest full date is the birth it recalls; the text states the years of a later life.
    obituary = inferred("1923-04-22", ("April 22, 1923", "1923-04-22"), ("1955", "1955"), ("2005", "2005"))
    assert publication_day(obituary) is None
    assert year_words(obituary) == {"2005"}
    # A report of last year's figures, inferred to this spring, keeps its date.
    report = inferred("2024-03-02", ("March 2", "2024-03-02"), ("2023", "2023"), ("2025", "2025"))
    assert publication_day(report) == date(2024, 3, 2)
    assert year_words(report) == {"2024"}
