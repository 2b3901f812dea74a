"""The incremental story index: each new article joins the best existing story or starts one.

Candidates are found without comparing against the corpus: stories sharing a rare actor with the article
(an inverted index, rarest actors first, a bounded number of stories) and the stories whose embedding
centroid is nearest among those active within the time window (one matrix-vector product over live
stories, not over articles). Only candidates are scored.

Stories merge and split as evidence changes, each change recorded as a ``StoryEvent``. An article that
links strongly to two stories merges them, provisionally: the absorbed story is kept as a *part* of the
merged one, with its own profile, and each later member is counted in the part or the rest. A second
article linking both sides confirms the merge (the part is fused for good); so does the two sides' own
profiles becoming alike. If neither happens within ``split_review_joins`` further members (a setting), the
link was only ever the one bridging article, and the part is split off again as the story it was (grown by
the members that fitted it). At most ``max_provisional_parts`` merges a story are provisional at once;
beyond that a merge is final.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Set
from datetime import date

from storyline.config import DEFAULT_SETTINGS, StoriesSettings
from storyline.embeddings import Vectors
from storyline.records import Story, StoryEvent, StoryTrack
from storyline.stages.stories.centroids import CentroidTable
from storyline.stages.stories.evidence import (
    ActorCounts,
    about_subject,
    events_agree,
    in_window,
    may_merge,
    names_subject,
    same_event_evidence,
    shared_subject,
)
from storyline.stages.stories.profile import ArticleProfile, GroupProfile
from storyline.stages.stories.scoring import event_similarity
from storyline.stages.stories.state import Changes, LiveStory, Part, StoryUpdate, story_id

__all__ = ["ArticleProfile", "StoryIndex", "StoryUpdate", "story_id"]

# Thresholds, weights and bounds are the stage's settings (``config.StoriesSettings``), with the figures
# that chose them.


class StoryIndex:
    """Stories so far, and how to place the next article among them."""

    def __init__(self, settings: StoriesSettings = DEFAULT_SETTINGS.stories) -> None:
        self._settings = settings
        self._stories: dict[str, LiveStory] = {}
        self._story_of: dict[str, str] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)  # actor key → live story ids
        self._actors = ActorCounts(settings, settings.actor_rarity_min_collection)
        self._words = ActorCounts(settings)  # lead words: the rarer a shared word, the more it says
        self._table = CentroidTable()

    # --- loading and reading ----------------------------------------------------------------------------

    @classmethod
    def from_tracks(
        cls, tracks: Iterable[StoryTrack], settings: StoriesSettings = DEFAULT_SETTINGS.stories
    ) -> StoryIndex:
        """The index as it was when ``tracks`` were stored: live stories, then their provisional parts."""
        index = cls(settings)
        all_tracks = list(tracks)
        for track in all_tracks:
            if track.merged_into is None:
                index._restore(track)
        for track in all_tracks:
            if track.merged_into in index._stories and track.articles:
                index._restore_part(track)
        return index

    @property
    def settings(self) -> StoriesSettings:
        return self._settings

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def stories(self) -> list[Story]:
        """Live stories, largest first (then oldest), members in the order they joined."""
        ordered = sorted(self._stories.values(), key=lambda story: (-len(story.profile.articles), story.row))
        return [
            Story(
                id=story.id,
                title=story.profile.title,
                articles=tuple(story.profile.articles),
                representative=story.profile.representative,
                first_date=story.profile.first.isoformat() if story.profile.first else None,
                last_date=story.profile.last.isoformat() if story.profile.last else None,
            )
            for story in ordered
        ]

    # --- adding -----------------------------------------------------------------------------------------

    def add(self, profile: ArticleProfile) -> StoryUpdate:
        """Place one article: join the best-scoring candidate story, review that story's provisional merges,
        merge others the article bridges, or start a new story. An article already placed stays put."""
        if profile.article_id in self._story_of:
            story = self._stories[self._story_of[profile.article_id]]
            return StoryUpdate(
                profile.article_id, story.track(), 0.0, member_of=self._member_of(story, profile)
            )
        unshared = self._actors.unseen(profile.actors)
        scored = sorted(
            (
                (self._score(profile, story.profile, unshared), story.row, story)
                for story in self._candidates(profile)
                if same_event_evidence(profile, story.profile, self._actors)
            ),
            key=lambda item: (-item[0], item[1]),
        )
        self._count(profile)
        threshold = self._threshold(profile)
        if not scored or scored[0][0] < threshold:
            story = self._start(profile)
            return StoryUpdate(profile.article_id, story.track(), 1.0, member_of=story.id)
        best_score, _row, best = scored[0]
        changes = Changes()
        changes.touched[best.id] = None
        self._join(best, profile, best_score, changes, unshared)
        merge_floor = threshold + self._settings.merge_margin
        for score, _row, other in scored[1:]:
            if score < merge_floor or any(event.kind == "split" for event in changes.events):
                break  # a story that just split is not merged again by the same article
            if not may_merge(profile, best.profile, other.profile, self._settings):
                continue
            kept, absorbed = (
                (best, other) if len(best.profile.articles) >= len(other.profile.articles) else (other, best)
            )
            self._merge(kept, absorbed, profile.article_id, score, changes)
            best = kept
        live = self._stories[self._story_of[profile.article_id]]
        changed = [*changes.tracks]
        changed += [self._stories[i].track() for i in changes.touched if i in self._stories and i != live.id]
        return StoryUpdate(
            profile.article_id,
            live.track(),
            best_score,
            tuple(changed),
            tuple(changes.events),
            self._member_of(live, profile),
        )

    def _threshold(self, profile: ArticleProfile) -> float:
        if profile.vector is not None:
            return self._settings.embedding_threshold
        return self._settings.link_threshold

    def _candidates(self, profile: ArticleProfile) -> list[LiveStory]:
        found: dict[str, LiveStory] = {}
        for actor in sorted(profile.actors, key=lambda key: (self._actors.naming[key], key)):
            if self._actors.is_common(actor):
                break  # sorted by frequency: every later actor is as common
            for found_id in sorted(self._postings.get(actor, ())):
                found.setdefault(found_id, self._stories[found_id])
            if len(found) >= self._settings.max_actor_candidates:
                break
        if profile.vector is not None and self._stories:
            window = self._settings.window_days
            for nearest in self._table.nearest(
                profile.vector, profile.published, window, self._settings.nearest_stories
            ):
                found.setdefault(nearest, self._stories[nearest])
        days = profile.days()
        return [story for story in found.values() if in_window(story.profile, days, self._settings)]

    def _score(self, profile: ArticleProfile, group: GroupProfile, unshared: Set[str] = frozenset()) -> float:
        """How well an article fits a group of articles (a story or one side of a merge); ``unshared``: its
        actors no article placed before it names (``evidence.events_agree``)."""
        subject = about_subject(profile, group, self._actors)  # a rare person's story never goes quiet
        score = event_similarity(
            self._actors,
            self._words,
            profile.actors,
            profile.words,
            profile.vector,
            group,
            profile.days(),
            subject,
        )
        if shared_subject(profile, group, self._actors):  # one rare person's story: no event test either
            return score + self._settings.salient_actor_bonus
        if not events_agree(profile, group, self._actors, unshared):
            return score - self._settings.other_event_penalty
        if self._settings.named_subjects and names_subject(profile, group, self._actors):
            return score + self._settings.salient_actor_bonus  # a reaction to that person's story
        return score

    def _link_score(self, first: GroupProfile, second: GroupProfile) -> float:
        """How alike two groups are by their own profiles (core actors and words, centroids)."""
        core_actors, core_words = first.core(first.actors), first.core(first.words)
        return self._similarity(core_actors, core_words, first.centroid(), second, first.days())

    def _similarity(
        self,
        actors: Set[str],
        words: Set[str],
        vector: Vectors | None,
        group: GroupProfile,
        days: tuple[date, date] | None,
    ) -> float:
        return event_similarity(self._actors, self._words, actors, words, vector, group, days)

    # --- changing stories -------------------------------------------------------------------------------

    def _count(self, profile: ArticleProfile) -> None:
        self._actors.count(profile.actors)
        self._words.count(profile.words)

    def _start(self, profile: ArticleProfile) -> LiveStory:
        story = LiveStory(
            story_id(profile.article_id), self._table.new_row(), GroupProfile.founded_by(profile)
        )
        self._stories[story.id] = story
        self._join(story, profile, 0.0, Changes())
        return story

    def _join(
        self,
        story: LiveStory,
        profile: ArticleProfile,
        score: float,
        changes: Changes,
        unshared: Set[str] = frozenset(),
    ) -> None:
        """Add the article to the story and, when the story holds provisional parts, to the side it fits
        best; then review those parts with what the article says about them."""
        side_scores = {
            part.id: (
                self._score(profile, part.profile, unshared),
                self._score(profile, story.profile.without(part.profile), unshared),
            )
            for part in story.parts.values()
        }
        if story.core is not None:
            core_score = self._score(profile, story.core, unshared)
            best_part = max(story.parts.values(), key=lambda part: side_scores[part.id][0])
            if side_scores[best_part.id][0] > core_score:
                best_part.profile.add(profile, score)
            else:
                story.core.add(profile, score)
        story.profile.add(profile, score)
        self._story_of[profile.article_id] = story.id
        for actor in profile.actors:
            self._postings[actor].add(story.id)
        self._refresh_row(story)
        for part in list(story.parts.values()):
            self._review(story, part, side_scores[part.id], profile.article_id, changes)

    def _review(
        self,
        story: LiveStory,
        part: Part,
        side_scores: tuple[float, float],
        article_id: str,
        changes: Changes,
    ) -> None:
        """Confirm a provisional merge (a second bridging article, or the two sides alike on their own), or
        split it off once enough members have joined without either."""
        part_score, rest_score = side_scores
        threshold = self._group_threshold(part.profile)
        if min(part_score, rest_score) >= threshold + self._settings.merge_margin:
            self._fuse(story, part, changes)
            return
        part.joins_since_merge += 1
        if part.joins_since_merge < self._settings.split_review_joins:
            return
        link = self._link_score(part.profile, story.profile.without(part.profile))
        if link >= threshold:
            self._fuse(story, part, changes)
        else:
            self._split(story, part, article_id, link, changes)

    def _group_threshold(self, group: GroupProfile) -> float:
        if group.vector_sum is not None:
            return self._settings.embedding_threshold
        return self._settings.link_threshold

    def _merge(
        self, kept: LiveStory, absorbed: LiveStory, article_id: str, score: float, changes: Changes
    ) -> None:
        """``absorbed`` joins ``kept``: provisionally (a part) while ``kept`` has room, for good otherwise."""
        for part in list(absorbed.parts.values()):
            self._fuse(absorbed, part, changes)  # only the newest link of a chain stays open to review
        for article in absorbed.profile.articles:
            self._story_of[article] = kept.id
        for actor in absorbed.profile.actors:
            self._postings[actor].discard(absorbed.id)
            self._postings[actor].add(kept.id)
        del self._stories[absorbed.id]
        self._table.retire(absorbed.row)
        provisional = len(kept.parts) < self._settings.max_provisional_parts
        if provisional and kept.core is None:
            kept.core = kept.profile.copy()
        elif not provisional and kept.core is not None:
            kept.core.absorb(absorbed.profile)
        kept.profile.absorb(absorbed.profile)
        merged_track = absorbed.profile.track(absorbed.id, merged_into=kept.id)
        if provisional:
            kept.parts[absorbed.id] = Part(absorbed.id, absorbed.row, absorbed.profile, article_id)
            changes.tracks.append(merged_track)
        else:
            changes.tracks.append(dataclasses.replace(merged_track, articles=()))
        changes.events.append(StoryEvent("merge", kept.id, absorbed.id, article_id, round(score, 4)))
        changes.touched.pop(absorbed.id, None)
        changes.touched[kept.id] = None
        self._refresh_row(kept)

    def _fuse(self, story: LiveStory, part: Part, changes: Changes) -> None:
        """A provisional merge becomes final: the part's members are the story's own."""
        assert story.core is not None
        story.core.absorb(part.profile)
        del story.parts[part.id]
        if not story.parts:
            story.core = None
        changes.tracks.append(
            dataclasses.replace(part.profile.track(part.id, merged_into=story.id), articles=())
        )

    def _split(self, story: LiveStory, part: Part, article_id: str, link: float, changes: Changes) -> None:
        """The part becomes a story of its own again; the story keeps its core and its other parts."""
        assert story.core is not None
        del story.parts[part.id]
        remaining = story.core.copy()
        for other in story.parts.values():
            remaining.absorb(other.profile)
        story.profile = remaining
        if not story.parts:
            story.core = None
        for actor in part.profile.actors:
            if actor not in story.profile.actors:
                self._postings[actor].discard(story.id)
            self._postings[actor].add(part.id)
        split_off = LiveStory(part.id, part.row, part.profile)
        self._stories[split_off.id] = split_off
        for article in part.profile.articles:
            self._story_of[article] = split_off.id
        self._refresh_row(story)
        self._refresh_row(split_off)
        changes.touched[split_off.id] = None
        changes.events.append(StoryEvent("split", story.id, part.id, article_id, round(link, 4)))

    def _member_of(self, story: LiveStory, profile: ArticleProfile) -> str:
        for part in story.parts.values():
            if profile.article_id in part.profile.articles:
                return part.id
        return story.id

    def _restore(self, track: StoryTrack) -> None:
        story = LiveStory(track.id, self._table.new_row(), GroupProfile.from_track(track))
        self._stories[story.id] = story
        for article_id in story.profile.articles:
            self._story_of[article_id] = story.id
        for actor, count in story.profile.actors.items():
            self._postings[actor].add(story.id)
            self._actors.naming[actor] += count
        self._words.naming.update(story.profile.words)
        self._actors.articles += len(story.profile.articles)
        self._words.articles += len(story.profile.articles)
        self._refresh_row(story)

    def _restore_part(self, track: StoryTrack) -> None:
        """A provisional part: its story's stored profile counts its members already (a store lists them
        under the part only); the story's core is what remains. The review window starts afresh."""
        story = self._stories[track.merged_into or ""]
        part = Part(track.id, self._table.new_row(), GroupProfile.from_track(track), bridge="")
        if story.core is None:
            story.core = story.profile.copy()
        story.core = story.core.without(part.profile)
        story.parts[part.id] = part
        held = set(story.profile.articles)
        for article_id in part.profile.articles:
            if article_id not in held:
                story.profile.articles.append(article_id)
                self._actors.articles += 1
                self._words.articles += 1
            self._story_of[article_id] = story.id

    def _refresh_row(self, story: LiveStory) -> None:
        group = story.profile
        self._table.set_row(story.row, story.id, group.centroid(), group.first, group.last)
