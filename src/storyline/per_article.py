"""The per-article stages in order, on one chunk of articles: what a worker process runs.

A module of its own rather than part of ``pipeline`` because a worker imports the module its work function
lives in: here, only the stages an article goes through (clean, language, nlp, dates, claims, mentions,
event triggers), not the store (SQLAlchemy) or the cross-article stages (copies imports datasketch and
SciPy). That import is part of every run's start-up, in the fork server the workers are forked from, before
any article is parsed (issue #20). ``pipeline`` re-exports these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.records import Article, ArticleAnalysis, ParsedArticle
from storyline.stages import claims, clean, dates, entities, language, nlp, stories
from storyline.stages.claims.finite import with_finite_verbs


def analyze_parsed(parsed: ParsedArticle) -> ArticleAnalysis:
    """Every per-article stage that needs the parse, on one parsed article. A publication date the metadata
    lacks is inferred first, because the time expressions resolve against it."""
    located_times = dates.locate_time_expressions(parsed)  # the text's, whatever the publication date
    parsed = ParsedArticle(article=dates.infer_publication_date(parsed, located_times), doc=parsed.doc)
    time_expressions = dates.find_time_expressions(parsed, located_times)
    attributed = claims.extract_claims(parsed, time_expressions)
    # the article's own statements join its attributions: the ledger weighs the outlet's voice too
    found = claims.outlet_voice_claims(parsed, attributed, time_expressions)
    return ArticleAnalysis(
        article=parsed.article,
        mentions=tuple(entities.extract_mentions(parsed)),
        # what the ledger would otherwise parse again in the main process, read off this parse (issue #20)
        claims=tuple(with_finite_verbs(parsed.doc, found)),
        times=tuple(time_expressions),
        triggers=stories.event_triggers(parsed),
    )


def prepare_article(article: Article, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """The per-article stages before the parse: clean, then language."""
    return language.detect_languages(clean.clean_article(article), settings.language)


def run_article_stages(
    articles: Iterable[Article], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[ArticleAnalysis]:
    """Clean, detect languages, parse in batches and extract, one analysis per article, in input order."""
    prepared = (prepare_article(article, settings) for article in articles)
    for parsed in nlp.parse_articles(prepared, batch_size=settings.engine.batch_size):
        yield analyze_parsed(parsed)


def analyze_chunk(articles: list[Article], settings: Settings = DEFAULT_SETTINGS) -> list[ArticleAnalysis]:
    """The per-article stages on one chunk: the unit of work an engine sends to a worker."""
    return list(run_article_stages(articles, settings))
