"""What the story index compares: one article's profile, and the running profile of a group of articles.

A group is a whole story, or one side of a provisional merge (``stories.index``). Its profile is what a new
article is scored against — the sum of its members' unit embeddings, how many members name each actor, use
each lead word and report each event trigger — plus what names it (title, representative) and its first and
last days. It holds no article texts: memory per story is bounded by its actor count and
``MAX_PROFILE_WORDS``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from storyline.embeddings import Vectors
from storyline.records import StoryTrack

# Words kept per story profile: the frequent ones decide "core" words; the tail only costs memory.
MAX_PROFILE_WORDS = 300
# Members that must carry a key for it to be of a group's core once the group has one more than this.
MIN_CORE_MEMBERS = 2


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
    # The days a partial publication date allows ("2008-10": the month), when no full date is known.
    period: tuple[date, date] | None = None
    # The lemmas of the events its lead reports (``stories.triggers``); empty when unknown.
    triggers: frozenset[str] = frozenset()
    # The rare actors it is about (``stories.names.salient_actors``); empty without the encoder.
    salient: frozenset[str] = frozenset()
    # The actors it names more than in passing (``stories.names.repeated_actors``); empty when unknown.
    repeated: frozenset[str] = frozenset()

    def days(self) -> tuple[date, date] | None:
        """The first and last day the article can have been published on; None when undated."""
        return (self.published, self.published) if self.published is not None else self.period


@dataclass
class GroupProfile:
    """Mutable running profile of a group of articles (frozen ``StoryTrack`` at the edges)."""

    title: str
    representative: str
    representative_score: float
    has_title: bool
    articles: list[str] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    vector_sum: Vectors | None = None
    actors: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    triggers: Counter[str] = field(default_factory=Counter)
    salient: Counter[str] = field(default_factory=Counter)
    # Members per publication day: where the story's reports cluster (``busy_days``). ``days_counted`` is
    # False for a group restored from a track stored without the counts: its busy days are unknown.
    day_counts: Counter[date] = field(default_factory=Counter)
    days_counted: bool = True

    @classmethod
    def founded_by(cls, profile: ArticleProfile) -> GroupProfile:
        return cls(profile.title, profile.article_id, 0.0, profile.has_title)

    @classmethod
    def from_track(cls, track: StoryTrack) -> GroupProfile:
        return cls(
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
            triggers=Counter(dict(track.trigger_counts)),
            salient=Counter(dict(track.salient_counts)),
            day_counts=Counter({date.fromisoformat(day): count for day, count in track.day_counts}),
            days_counted=bool(track.day_counts) or not track.first_date,
        )

    def track(self, story_id: str, merged_into: str | None = None) -> StoryTrack:
        words = self.words.most_common(MAX_PROFILE_WORDS)
        return StoryTrack(
            id=story_id,
            title=self.title,
            articles=tuple(self.articles),
            representative=self.representative,
            representative_score=self.representative_score,
            first_date=self.first.isoformat() if self.first else None,
            last_date=self.last.isoformat() if self.last else None,
            vector_sum=None if self.vector_sum is None else tuple(float(x) for x in self.vector_sum),
            actor_counts=tuple(sorted(self.actors.items())),
            word_counts=tuple(sorted(words)),
            trigger_counts=tuple(sorted(self.triggers.most_common(MAX_PROFILE_WORDS))),
            salient_counts=tuple(sorted(self.salient.items())),
            merged_into=merged_into,
            day_counts=tuple(sorted((day.isoformat(), count) for day, count in self.day_counts.items())),
        )

    def copy(self) -> GroupProfile:
        return GroupProfile(
            self.title,
            self.representative,
            self.representative_score,
            self.has_title,
            list(self.articles),
            self.first,
            self.last,
            None if self.vector_sum is None else self.vector_sum.copy(),
            Counter(self.actors),
            Counter(self.words),
            Counter(self.triggers),
            Counter(self.salient),
            Counter(self.day_counts),
            self.days_counted,
        )

    def core(self, counts: Counter[str]) -> set[str]:
        """Keys carried by a quarter of the members at least, and by two once the group has three: what the
        group is about, not its noise. Below eight members a quarter is one member, and the union of a few
        reports' actors (an obituary names dozens of people) drowns the few they share; two of three or
        more keeps those (issue #15, threshold 0.235: ECB+ topics 1-20 B3 P/R 0.875/0.835 -> 0.864/0.862,
        PolNeAR dev 2016-09 0.901/0.870 -> 0.903/0.878)."""
        members = len(self.articles)
        floor = max(MIN_CORE_MEMBERS if members >= MIN_CORE_MEMBERS + 1 else 1, members // 4)
        return {key for key, count in counts.items() if count >= floor}

    def days(self) -> tuple[date, date] | None:
        """The group's first and last day; None while no member has a full date."""
        return None if self.first is None or self.last is None else (self.first, self.last)

    def busy_days(self, width: int) -> tuple[date, date] | None:
        """The ``width`` consecutive days holding most of the members' publication days (the latest such
        window on a tie), as the first and last member day within it; None while no member is dated or when
        the days were not counted (a track stored without them)."""
        if not self.day_counts or not self.days_counted or width < 1:
            return None
        best: tuple[int, date] | None = None
        for start in sorted(self.day_counts):
            held = sum(count for day, count in self.day_counts.items() if 0 <= (day - start).days < width)
            if best is None or held >= best[0]:
                best = (held, start)
        assert best is not None
        busy = [day for day in self.day_counts if 0 <= (day - best[1]).days < width]
        return min(busy), max(busy)

    def centroid(self) -> Vectors | None:
        """The unit mean of the members' vectors (None without embeddings)."""
        if self.vector_sum is None:
            return None
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm else self.vector_sum

    def add(self, profile: ArticleProfile, score: float) -> None:
        """One more member, which scored ``score`` against the group when it joined."""
        self.articles.append(profile.article_id)
        # The representative is the titled member that fitted the group best when it joined.
        if (profile.has_title and not self.has_title) or (
            profile.has_title == self.has_title and score > self.representative_score
        ):
            self.representative, self.representative_score = profile.article_id, score
            self.title, self.has_title = profile.title, profile.has_title
        if profile.published is not None:
            self.day_counts[profile.published] += 1
            self.first = min(filter(None, (self.first, profile.published)))
            self.last = max(filter(None, (self.last, profile.published)))
        if profile.vector is not None:
            self.vector_sum = (
                profile.vector.copy() if self.vector_sum is None else self.vector_sum + profile.vector
            )
        self.actors.update(profile.actors)
        self.words.update(profile.words)
        self.triggers.update(profile.triggers)
        self.salient.update(profile.salient)
        _trim(self.words)
        _trim(self.triggers)

    def absorb(self, other: GroupProfile) -> None:
        """Every member of ``other`` joins this group."""
        self.articles.extend(other.articles)
        if other.representative_score > self.representative_score and other.has_title:
            self.representative, self.representative_score = other.representative, other.representative_score
            self.title, self.has_title = other.title, other.has_title
        self.first = min(filter(None, (self.first, other.first)), default=None)
        self.last = max(filter(None, (self.last, other.last)), default=None)
        if other.vector_sum is not None:
            self.vector_sum = (
                other.vector_sum.copy() if self.vector_sum is None else self.vector_sum + other.vector_sum
            )
        self.actors.update(other.actors)
        self.words.update(other.words)
        self.triggers.update(other.triggers)
        self.salient.update(other.salient)
        self.day_counts.update(other.day_counts)
        self.days_counted = self.days_counted and other.days_counted
        _trim(self.words)
        _trim(self.triggers)

    def without(self, other: GroupProfile) -> GroupProfile:
        """This group less ``other``'s members (a subset of them): counts and vectors subtracted; name and
        days are this group's, for lack of per-article records."""
        removed = set(other.articles)
        rest = self.copy()
        rest.articles = [article for article in self.articles if article not in removed]
        if rest.vector_sum is not None and other.vector_sum is not None:
            rest.vector_sum = rest.vector_sum - other.vector_sum
        rest.actors.subtract(other.actors)
        rest.words.subtract(other.words)
        rest.triggers.subtract(other.triggers)
        rest.salient.subtract(other.salient)
        # drop keys no member carries any more
        rest.actors, rest.words, rest.triggers = +rest.actors, +rest.words, +rest.triggers
        rest.salient = +rest.salient
        rest.day_counts.subtract(other.day_counts)
        rest.day_counts = +rest.day_counts
        return rest


def jaccard(first: Set[str], second: Set[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _trim(words: Counter[str]) -> None:
    # Keep memory per story bounded: past twice the cap, drop to the cap (ties broken by the word).
    if len(words) > 2 * MAX_PROFILE_WORDS:
        kept = sorted(words.items(), key=lambda item: (-item[1], item[0]))[:MAX_PROFILE_WORDS]
        words.clear()
        words.update(dict(kept))
