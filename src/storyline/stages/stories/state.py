"""The story index's working state: the live stories it holds, their provisional parts, and what one
placement changed (``StoryUpdate``, the index's answer to ``add``).

Kept apart from ``stories.index`` (the placing, merging and splitting) so that each module holds one job:
these records carry no decisions, only what the decisions act on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from storyline.records import StoryEvent, StoryTrack
from storyline.stages.stories.profile import GroupProfile

__all__ = ["Changes", "LiveStory", "Part", "StoryUpdate", "story_id"]


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What one ``StoryIndex.add`` changed: the story the article is in now (``member_of`` names the part of
    it the article belongs to, when that is a provisionally merged part), the other tracks it changed, in
    the order to store them (stories merged in — ``merged_into`` set, their members listed while the merge
    is provisional and empty once final —, and stories split off), and the events to record."""

    article_id: str
    story: StoryTrack
    score: float
    changed: tuple[StoryTrack, ...] = ()
    events: tuple[StoryEvent, ...] = ()
    member_of: str | None = None


@dataclass
class Part:
    """A story merged provisionally into another, on the strength of one bridging article."""

    id: str
    row: int  # its old row in the centroid matrix, alive again if it is split off
    profile: GroupProfile
    bridge: str  # empty when restored from a store (the merge event names it)
    joins_since_merge: int = 0


@dataclass
class LiveStory:
    """Mutable working state of one story inside the index."""

    id: str
    row: int  # its row in the centroid matrix
    profile: GroupProfile  # every member
    core: GroupProfile | None = None  # the members outside provisional parts; None while there are none
    parts: dict[str, Part] = field(default_factory=dict)

    def track(self) -> StoryTrack:
        return self.profile.track(self.id)


@dataclass
class Changes:
    """Tracks and events one ``add`` produced, in order, and the live stories it touched."""

    tracks: list[StoryTrack] = field(default_factory=list)
    events: list[StoryEvent] = field(default_factory=list)
    touched: dict[str, None] = field(default_factory=dict)


def story_id(founder_article_id: str) -> str:
    """A story's id: fixed by the article that started it, so it survives the story growing."""
    return "s-" + hashlib.sha1(founder_article_id.encode()).hexdigest()[:10]
