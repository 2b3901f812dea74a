"""The stories stage: articles clustered into stories, incrementally.

Each article is reduced to a profile — an embedding of its title and lead (all-MiniLM-L6-v2, when
installed), its actors (named mentions, keyed by the resolved entity when one is known) and its lead words —
and placed by ``StoryIndex`` (``stories.index``): it joins the best existing story or starts one, within a
time window, comparing only with candidate stories found through an inverted index of actors and the
nearest story centroids, never with every article. The same index serves a whole batch (``cluster_stories``)
and a persistent store that grows one article at a time (the pipeline keeps its state as ``StoryTrack``s).

Without the embedding model the score is the first cut's: weighted actor overlap plus lead-word overlap.
What a profile holds is read by ``stories.names`` (actors), ``stories.dates`` (when) and
``stories.triggers`` (the event); ``stories.listing`` turns stored stories into rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.config import DEFAULT_SETTINGS, StoriesSettings
from storyline.embeddings import EMBED_BATCH_SIZE, Embedder, load_embedder
from storyline.records import Article, ArticleAnalysis, Entity, Story
from storyline.stages.stories.dates import publication_day, published_month, year_words
from storyline.stages.stories.index import ArticleProfile, StoryIndex, StoryUpdate, story_id
from storyline.stages.stories.listing import StoryListing, list_stories, live_tracks
from storyline.stages.stories.names import (
    actor_keys,
    headline_mentions,
    mention_entities,
    repeated_actors,
    salient_actors,
)
from storyline.stages.stories.triggers import article_triggers

__all__ = [
    "ArticleProfile",
    "StoryIndex",
    "StoryListing",
    "StoryUpdate",
    "article_triggers",
    "cluster_stories",
    "headline_mentions",
    "list_stories",
    "live_tracks",
    "profile_articles",
    "repeated_actors",
    "story_id",
]

# Tuned lengths and bounds (lead words, embedded words, the dateline, the obituary lag, acronym letters) are
# the stage's settings (``config.StoriesSettings``), with the figures that chose them.
WORD = re.compile(r"[^\W\d_]{3,}")
# A title made of a first line is cut here for display (not a tuned figure).
MAX_TITLE_CHARS = 120


def profile_articles(
    analyses: Sequence[ArticleAnalysis],
    embedder: Embedder | None,
    entity_of: Mapping[tuple[str, int, int], str] | None = None,
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> list[ArticleProfile]:
    """One profile per analysis, in order; titles and leads are embedded in batches."""
    profiles = []
    for start in range(0, len(analyses), EMBED_BATCH_SIZE):
        batch = analyses[start : start + EMBED_BATCH_SIZE]
        vectors = embedder([_embedded_text(a.article, settings) for a in batch]) if embedder else None
        for offset, analysis in enumerate(batch):
            article = analysis.article
            profiles.append(
                ArticleProfile(
                    article_id=article.id,
                    title=_story_title(article),
                    published=publication_day(analysis, settings),
                    period=published_month(article.published),
                    actors=frozenset(
                        actor_keys(headline_mentions(analysis, settings), entity_of or {}, settings)
                    ),
                    words=frozenset(_lead_words(article, settings) | year_words(analysis, settings)),
                    vector=None if vectors is None else vectors[offset],
                    has_title=bool(article.title),
                    triggers=article_triggers(analysis, settings),
                    salient=salient_actors(analysis, entity_of or {}, settings),
                    repeated=repeated_actors(analysis, entity_of or {}, settings),
                )
            )
    return profiles


def cluster_stories(
    analyses: Sequence[ArticleAnalysis],
    entities: Sequence[Entity] = (),
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
    embedder: Embedder | None = None,
) -> list[Story]:
    """Group articles into stories; every article belongs to exactly one story. Articles are placed in
    publication order (then by id), so the result does not depend on the order they were given in; each
    story lists its articles in input order. ``embedder`` defaults to the shared model when
    ``settings.embeddings`` is on and the model is installed."""
    if embedder is None and settings.embeddings:
        embedder = load_embedder()
    entity_of = mention_entities(entities)
    profiles = profile_articles(analyses, embedder, entity_of, settings)
    index = StoryIndex(settings)
    for profile in sorted(profiles, key=lambda p: (p.published or date.max, p.article_id)):
        index.add(profile)
    order = {analysis.article.id: position for position, analysis in enumerate(analyses)}
    stories = [_in_input_order(story, order) for story in index.stories()]
    return sorted(stories, key=lambda story: (-len(story.articles), order[story.articles[0]]))


def place_articles(
    index: StoryIndex, analyses: Sequence[ArticleAnalysis], embedder: Embedder | None
) -> list[StoryUpdate]:
    """Add articles to a live index in the order given (a stream), one update per article."""
    profiles = profile_articles(analyses, embedder, settings=index.settings)
    return [index.add(profile) for profile in profiles]


def _lead_words(article: Article, settings: StoriesSettings) -> set[str]:
    lead = " ".join(((article.title or "") + " " + article.text).split()[: settings.lead_words])
    return {word for word in WORD.findall(lead.lower()) if word not in STOP_WORDS}


def _embedded_text(article: Article, settings: StoriesSettings = DEFAULT_SETTINGS.stories) -> str:
    return " ".join(((article.title or "") + "\n" + article.text).split()[: settings.embedded_words])


def _in_input_order(story: Story, order: Mapping[str, int]) -> Story:
    return replace(story, articles=tuple(sorted(story.articles, key=order.__getitem__)))


def _story_title(article: Article) -> str:
    if article.title:
        return article.title
    first_line = article.text.strip().split("\n", 1)[0]
    if len(first_line) <= MAX_TITLE_CHARS:
        return first_line
    return first_line[: MAX_TITLE_CHARS - 3].rsplit(" ", 1)[0] + "…"
