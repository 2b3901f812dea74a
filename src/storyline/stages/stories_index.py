"""The incremental story index: each new article joins the best existing story or starts one.

Candidates are found without comparing against the corpus: stories sharing a rare actor with the article
(an inverted index, rarest actors first, a bounded number of stories) and the stories whose embedding
centroid is nearest among those active within the time window (one matrix-vector product over live
stories, not over articles). Only candidates are scored. An article that links strongly to two stories
merges them, and the merge is recorded as a ``StoryEvent``.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.embeddings import Vectors
from storyline.records import Story, StoryEvent, StoryTrack

# An actor named in more than this share of a large corpus ("Russia" in a war corpus) says nothing about
# which story an article belongs to, and would make the inverted index quadratic.
MAX_ACTOR_SHARE = 0.3
# Below this many articles, shares are too noisy to call an actor common.
MIN_ARTICLES_FOR_SHARE = 10
# Stories reached through actors, rarest actor first; bounds the work per article on a huge store.
MAX_ACTOR_CANDIDATES = 64
# Nearest stories by embedding considered per article.
NEAREST_STORIES = 16
# Without embeddings: actor overlap weighs more than lead words (first-cut behaviour, issue #2).
LEXICAL_ENTITY_WEIGHT = 0.6
# With embeddings: cosine of title+lead vectors, actor overlap, lead-word overlap.
VECTOR_WEIGHTS = (0.6, 0.25, 0.15)
# Words kept per story profile: the frequent ones decide "core" words; the tail only costs memory.
MAX_PROFILE_WORDS = 300


@dataclass(frozen=True, slots=True)
class ArticleProfile:
    """What story assignment needs of one article (built by ``stories.profile_articles``)."""

    article_id: str
    title: str
    published: date | None
    actors: frozenset[str]
    words: frozenset[str]
    vector: Vectors | None = None
    has_title: bool = False


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What one ``StoryIndex.add`` changed: the story the article is in now, the stories merged into it
    (their tracks, marked ``merged_into``), and the events to record."""

    article_id: str
    story: StoryTrack
    score: float
    merged: tuple[StoryTrack, ...] = ()
    events: tuple[StoryEvent, ...] = ()


@dataclass
class _LiveStory:
    """Mutable working state of one story inside the index (frozen ``StoryTrack`` at the edges)."""

    id: str
    row: int  # its row in the centroid matrix
    title: str
    representative: str
    representative_score: float
    has_title: bool
    articles: list[str]
    first: date | None = None
    last: date | None = None
    vector_sum: Vectors | None = None
    actors: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)

    def core(self, counts: Counter[str]) -> set[str]:
        """Keys carried by a quarter of the members at least: what the story is about, not its noise."""
        floor = max(1, len(self.articles) // 4)
        return {key for key, count in counts.items() if count >= floor}

    def track(self, merged_into: str | None = None) -> StoryTrack:
        words = self.words.most_common(MAX_PROFILE_WORDS)
        return StoryTrack(
            id=self.id,
            title=self.title,
            articles=tuple(self.articles),
            representative=self.representative,
            representative_score=self.representative_score,
            first_date=self.first.isoformat() if self.first else None,
            last_date=self.last.isoformat() if self.last else None,
            vector_sum=None if self.vector_sum is None else tuple(float(x) for x in self.vector_sum),
            actor_counts=tuple(sorted(self.actors.items())),
            word_counts=tuple(sorted(words)),
            merged_into=merged_into,
        )


class StoryIndex:
    """Stories so far, and how to place the next article among them."""

    def __init__(self, settings: Settings = DEFAULT_SETTINGS) -> None:
        self._settings = settings
        self._stories: dict[str, _LiveStory] = {}
        self._by_row: list[str | None] = []
        self._story_of: dict[str, str] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)  # actor key → live story ids
        self._actor_articles: Counter[str] = Counter()  # actor key → articles naming it
        self._article_count = 0
        # Unit centroids, one row a story; columns are set by the first vector seen (the model's dimensions).
        self._centroids = np.zeros((64, 0), dtype=np.float32)
        self._days = np.full((64, 2), np.nan)  # first and last day ordinal per row (NaN: unknown)
        self._alive = np.zeros(64, dtype=bool)

    # --- loading and reading ----------------------------------------------------------------------------

    @classmethod
    def from_tracks(cls, tracks: Iterable[StoryTrack], settings: Settings = DEFAULT_SETTINGS) -> StoryIndex:
        index = cls(settings)
        for track in tracks:
            if track.merged_into is None:
                index._restore(track)
        return index

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def stories(self) -> list[Story]:
        """Live stories, largest first (then oldest), members in the order they joined."""
        ordered = sorted(self._stories.values(), key=lambda story: (-len(story.articles), story.row))
        return [
            Story(
                id=story.id,
                title=story.title,
                articles=tuple(story.articles),
                representative=story.representative,
                first_date=story.first.isoformat() if story.first else None,
                last_date=story.last.isoformat() if story.last else None,
            )
            for story in ordered
        ]

    # --- adding -----------------------------------------------------------------------------------------

    def add(self, profile: ArticleProfile) -> StoryUpdate:
        """Place one article: join the best-scoring candidate story, merge others it bridges, or start a
        new story. An article already placed is left where it is."""
        if profile.article_id in self._story_of:
            story = self._stories[self._story_of[profile.article_id]]
            return StoryUpdate(profile.article_id, story.track(), 0.0)
        scored = sorted(
            ((self._score(profile, story), story.row, story) for story in self._candidates(profile)),
            key=lambda item: (-item[0], item[1]),
        )
        self._count_actors(profile)
        threshold = self._threshold(profile)
        if not scored or scored[0][0] < threshold:
            story = self._start(profile)
            return StoryUpdate(profile.article_id, story.track(), 1.0)
        best_score, _row, best = scored[0]
        merge_floor = threshold + self._settings.story_merge_margin
        bridged = [story for score, _row, story in scored[1:] if score >= merge_floor]
        self._join(best, profile, best_score)
        merged, events = [], []
        for other in bridged:
            kept, absorbed = (best, other) if len(best.articles) >= len(other.articles) else (other, best)
            self._absorb(kept, absorbed)
            merged.append(absorbed.track(merged_into=kept.id))
            score = next(score for score, _row, story in scored if story is other)
            events.append(StoryEvent("merge", kept.id, absorbed.id, profile.article_id, round(score, 4)))
            best = kept
        return StoryUpdate(profile.article_id, best.track(), best_score, tuple(merged), tuple(events))

    def _threshold(self, profile: ArticleProfile) -> float:
        if profile.vector is not None:
            return self._settings.story_embedding_threshold
        return self._settings.story_link_threshold

    def _candidates(self, profile: ArticleProfile) -> list[_LiveStory]:
        found: dict[str, _LiveStory] = {}
        for actor in sorted(profile.actors, key=lambda key: (self._actor_articles[key], key)):
            if self._is_common(actor):
                break  # sorted by frequency: every later actor is as common
            for story_id in sorted(self._postings.get(actor, ())):
                found.setdefault(story_id, self._stories[story_id])
            if len(found) >= MAX_ACTOR_CANDIDATES:
                break
        if profile.vector is not None and self._stories:
            for row in self._nearest_rows(profile.vector, profile.published):
                nearest = self._by_row[row]
                if nearest is not None:
                    found.setdefault(nearest, self._stories[nearest])
        return [story for story in found.values() if self._in_window(story, profile.published)]

    def _nearest_rows(self, vector: Vectors, published: date | None) -> list[int]:
        rows = len(self._by_row)
        similarity = self._centroids[:rows] @ vector
        usable = self._alive[:rows].copy()
        if published is not None:
            day = published.toordinal()
            window = self._settings.story_window_days
            first, last = self._days[:rows, 0], self._days[:rows, 1]
            # NaN comparisons are False, so stories without dates stay usable.
            usable &= ~((day < first - window) | (day > last + window))
        similarity = np.where(usable, similarity, -np.inf)
        count = min(NEAREST_STORIES, rows)
        nearest = np.argpartition(-similarity, count - 1)[:count]
        return [int(row) for row in nearest if np.isfinite(similarity[row])]

    def _in_window(self, story: _LiveStory, published: date | None) -> bool:
        if published is None or story.first is None or story.last is None:
            return True
        window = self._settings.story_window_days
        return (story.first - published).days <= window and (published - story.last).days <= window

    def _is_common(self, actor: str) -> bool:
        return (
            self._article_count >= MIN_ARTICLES_FOR_SHARE
            and self._actor_articles[actor] > MAX_ACTOR_SHARE * self._article_count
        )

    def _score(self, profile: ArticleProfile, story: _LiveStory) -> float:
        actor_overlap = self._weighted_jaccard(profile.actors, story.core(story.actors))
        word_overlap = _jaccard(profile.words, story.core(story.words))
        if profile.vector is None or story.vector_sum is None:
            return LEXICAL_ENTITY_WEIGHT * actor_overlap + (1 - LEXICAL_ENTITY_WEIGHT) * word_overlap
        cosine = float(self._centroids[story.row] @ profile.vector)
        vector_weight, actor_weight, word_weight = VECTOR_WEIGHTS
        return vector_weight * cosine + actor_weight * actor_overlap + word_weight * word_overlap

    def _weighted_jaccard(self, first: set[str] | frozenset[str], second: set[str]) -> float:
        total = max(self._article_count, 1)

        def idf(key: str) -> float:
            return math.log(1 + total / max(self._actor_articles[key], 1))

        union = sum(idf(key) for key in first | second)
        return sum(idf(key) for key in first & second) / union if union else 0.0

    # --- changing stories -------------------------------------------------------------------------------

    def _count_actors(self, profile: ArticleProfile) -> None:
        self._article_count += 1
        self._actor_articles.update(profile.actors)

    def _start(self, profile: ArticleProfile) -> _LiveStory:
        story = _LiveStory(
            id=story_id(profile.article_id),
            row=self._new_row(),
            title=profile.title,
            representative=profile.article_id,
            representative_score=0.0,
            has_title=profile.has_title,
            articles=[],
        )
        self._stories[story.id] = story
        self._by_row[story.row] = story.id
        self._join(story, profile, 0.0)
        return story

    def _join(self, story: _LiveStory, profile: ArticleProfile, score: float) -> None:
        story.articles.append(profile.article_id)
        self._story_of[profile.article_id] = story.id
        # The representative is the titled member that fitted the story best when it joined.
        if (profile.has_title and not story.has_title) or (
            profile.has_title == story.has_title and score > story.representative_score
        ):
            story.representative, story.representative_score = profile.article_id, score
            story.title, story.has_title = profile.title, profile.has_title
        if profile.published is not None:
            story.first = min(filter(None, (story.first, profile.published)))
            story.last = max(filter(None, (story.last, profile.published)))
        if profile.vector is not None:
            story.vector_sum = (
                profile.vector.copy() if story.vector_sum is None else story.vector_sum + profile.vector
            )
        story.actors.update(profile.actors)
        story.words.update(profile.words)
        _trim(story.words)
        for actor in profile.actors:
            self._postings[actor].add(story.id)
        self._refresh_row(story)

    def _absorb(self, kept: _LiveStory, absorbed: _LiveStory) -> None:
        for article_id in absorbed.articles:
            self._story_of[article_id] = kept.id
        kept.articles.extend(absorbed.articles)
        if absorbed.representative_score > kept.representative_score and absorbed.has_title:
            kept.representative, kept.representative_score = (
                absorbed.representative,
                absorbed.representative_score,
            )
            kept.title, kept.has_title = absorbed.title, absorbed.has_title
        kept.first = min(filter(None, (kept.first, absorbed.first)), default=None)
        kept.last = max(filter(None, (kept.last, absorbed.last)), default=None)
        if absorbed.vector_sum is not None:
            kept.vector_sum = (
                absorbed.vector_sum if kept.vector_sum is None else kept.vector_sum + absorbed.vector_sum
            )
        kept.actors.update(absorbed.actors)
        kept.words.update(absorbed.words)
        _trim(kept.words)
        for actor in absorbed.actors:
            self._postings[actor].discard(absorbed.id)
            self._postings[actor].add(kept.id)
        del self._stories[absorbed.id]
        self._by_row[absorbed.row] = None
        self._alive[absorbed.row] = False
        self._refresh_row(kept)

    def _restore(self, track: StoryTrack) -> None:
        story = _LiveStory(
            id=track.id,
            row=self._new_row(),
            title=track.title,
            representative=track.representative,
            representative_score=track.representative_score,
            has_title=True,
            articles=list(track.articles),
            first=date.fromisoformat(track.first_date) if track.first_date else None,
            last=date.fromisoformat(track.last_date) if track.last_date else None,
            vector_sum=None if track.vector_sum is None else np.asarray(track.vector_sum, dtype=np.float32),
            actors=Counter(dict(track.actor_counts)),
            words=Counter(dict(track.word_counts)),
        )
        self._stories[story.id] = story
        self._by_row[story.row] = story.id
        for article_id in story.articles:
            self._story_of[article_id] = story.id
        for actor, count in story.actors.items():
            self._postings[actor].add(story.id)
            self._actor_articles[actor] += count
        self._article_count += len(story.articles)
        self._refresh_row(story)

    def _new_row(self) -> int:
        row = len(self._by_row)
        if row == len(self._alive):  # grow by doubling: amortised O(1) per story
            self._centroids = np.vstack([self._centroids, np.zeros_like(self._centroids)])
            self._days = np.vstack([self._days, np.full_like(self._days, np.nan)])
            self._alive = np.concatenate([self._alive, np.zeros_like(self._alive)])
        self._by_row.append(None)
        return row

    def _refresh_row(self, story: _LiveStory) -> None:
        self._alive[story.row] = True
        if story.vector_sum is not None:
            if self._centroids.shape[1] != len(story.vector_sum):
                self._centroids = np.zeros((len(self._alive), len(story.vector_sum)), dtype=np.float32)
            norm = float(np.linalg.norm(story.vector_sum))
            self._centroids[story.row] = story.vector_sum / norm if norm else story.vector_sum
        self._days[story.row] = (
            story.first.toordinal() if story.first else np.nan,
            story.last.toordinal() if story.last else np.nan,
        )


def story_id(founder_article_id: str) -> str:
    """A story's id: fixed by the article that started it, so it survives the story growing."""
    return "s-" + hashlib.sha1(founder_article_id.encode()).hexdigest()[:10]


def _jaccard(first: frozenset[str] | set[str], second: set[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _trim(words: Counter[str]) -> None:
    # Keep memory per story bounded: past twice the cap, drop to the cap (ties broken by the word).
    if len(words) > 2 * MAX_PROFILE_WORDS:
        kept = sorted(words.items(), key=lambda item: (-item[1], item[0]))[:MAX_PROFILE_WORDS]
        words.clear()
        words.update(dict(kept))
