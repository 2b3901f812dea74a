"""The stories stage: articles clustered into stories.

First cut (issue #2): two articles are linked when they share rare named actors and lead vocabulary;
a story is a connected group of linked articles. Candidate pairs come from an inverted index over entity
ids (articles sharing no actor are never compared), so the work grows with the links, not with the
square of the corpus. Embeddings, time windows and incremental assignment come with issue #7.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from scipy.cluster.hierarchy import DisjointSet
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.records import Article, ArticleAnalysis, Entity, Story

# Words of the lead that characterise an article's topic; the rest of the text adds mostly noise.
LEAD_WORDS = 120
WORD = re.compile(r"[^\W\d_]{3,}")
# An actor named in more than this share of a large corpus ("Russia" in a war corpus) says nothing about
# which story an article belongs to, and would make the inverted index quadratic.
MAX_ACTOR_SHARE = 0.3
ENTITY_WEIGHT = 0.6


def _lead_words(article: Article) -> set[str]:
    lead = " ".join(((article.title or "") + " " + article.text).split()[:LEAD_WORDS])
    return {word for word in WORD.findall(lead.lower()) if word not in STOP_WORDS}


def _weighted_jaccard(first: set[str], second: set[str], weight: dict[str, float]) -> float:
    union = sum(weight[key] for key in first | second)
    return sum(weight[key] for key in first & second) / union if union else 0.0


def _plain_jaccard(first: set[str], second: set[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _actors_by_article(entities: Sequence[Entity]) -> dict[str, set[str]]:
    actors: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            actors[mention.article].add(entity.id)
    return actors


def cluster_stories(
    analyses: Sequence[ArticleAnalysis],
    entities: Sequence[Entity],
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Story]:
    """Group articles into stories; every article belongs to exactly one story."""
    articles = [analysis.article for analysis in analyses]
    actors = _actors_by_article(entities)
    article_count = max(len(articles), 1)
    document_frequency = Counter(actor for ids in actors.values() for actor in ids)
    idf = {actor: math.log(1 + article_count / count) for actor, count in document_frequency.items()}
    words = {article.id: _lead_words(article) for article in articles}

    postings: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        for actor in actors.get(article.id, ()):
            if article_count < 10 or document_frequency[actor] <= MAX_ACTOR_SHARE * article_count:
                postings[actor].append(article.id)
    candidate_pairs = {
        (first, second) for ids in postings.values() for i, first in enumerate(ids) for second in ids[i + 1 :]
    }

    groups = DisjointSet(article.id for article in articles)
    degree: Counter[str] = Counter()
    for first, second in candidate_pairs:
        score = ENTITY_WEIGHT * _weighted_jaccard(actors[first], actors[second], idf) + (
            1 - ENTITY_WEIGHT
        ) * _plain_jaccard(words[first], words[second])
        if score >= settings.story_link_threshold:
            groups.merge(first, second)
            degree[first] += 1
            degree[second] += 1

    by_id = {article.id: article for article in articles}
    order = {article.id: position for position, article in enumerate(articles)}
    stories = []
    for members in groups.subsets():
        ordered = sorted(members, key=order.__getitem__)
        representative = by_id[max(ordered, key=lambda article_id: (degree[article_id], -order[article_id]))]
        stories.append(
            Story(id=_story_id(ordered), title=_story_title(representative), articles=tuple(ordered))
        )
    return sorted(stories, key=lambda story: (-len(story.articles), order[story.articles[0]]))


def _story_id(article_ids: Sequence[str]) -> str:
    return "s-" + hashlib.sha1(" ".join(sorted(article_ids)).encode()).hexdigest()[:10]


def _story_title(article: Article) -> str:
    if article.title:
        return article.title
    first_line = article.text.strip().split("\n", 1)[0]
    return first_line if len(first_line) <= 120 else first_line[:117].rsplit(" ", 1)[0] + "…"
