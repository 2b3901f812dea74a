"""Stored stories as the rows the CLI lists: the live ones, largest first, with per-outlet counts and the
merges and splits each took part in; and which story a user sees each stored event story in.

The store keeps event stories (the incremental clusterer's tracks); the brief shows developing stories
over them (``developing``: the event stories of one incident joined, under the id of the largest). Every
reader lists and looks up the shown level, and ``event_story_ids`` is how an event story's id still leads
to the story that joined it, so an id from an older listing is never "not found"."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.records import Story, StoryEvent, StoryTrack


@dataclass(frozen=True, slots=True)
class StoryListing:
    """Stories as rows for listing: ``columns`` in order, the per-outlet article counts last."""

    columns: list[str]
    rows: list[dict[str, Any]]


# ``joined``: the ids of the other event stories a developing story joined (they lead to it too).
LISTING_COLUMNS = ["id", "title", "articles", "first_date", "last_date", "representative", "joined"]


UNKNOWN_OUTLET = "(unknown outlet)"


def list_stories(
    tracks: Sequence[StoryTrack],
    outlet_of: Mapping[str, str | None],
    events: Sequence[StoryEvent] = (),
    shown: Sequence[Story] | None = None,
) -> StoryListing:
    """Stories, largest first, each with its article count per source outlet (``outlets``), the event
    stories it joined (``joined``) and the merges and splits they took part in (``events``, oldest first,
    ``other`` naming the other event story). ``shown``: the stories a user sees (the store's brief, over
    ``tracks``); without it, the live tracks themselves."""
    live = live_tracks(tracks)
    stories = list(shown) if shown is not None else [_as_story(track) for track in live]
    ids_of = _joined_ids(stories, live)
    events_of: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        for this, other in ((event.story, event.other), (event.other, event.story)):
            events_of.setdefault(this, []).append(
                {"kind": event.kind, "other": other, "article": event.article, "score": event.score}
            )
    rows: list[dict[str, Any]] = []
    outlets: set[str] = set()
    counts: list[Counter[str]] = []
    for story in sorted(stories, key=lambda story: -len(story.articles)):
        per_outlet = Counter(outlet_of.get(article) or UNKNOWN_OUTLET for article in story.articles)
        outlets.update(per_outlet)
        counts.append(per_outlet)
        event_ids = ids_of.get(story.id, [story.id])
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "articles": len(story.articles),
                "first_date": story.first_date,
                "last_date": story.last_date,
                "representative": story.representative,
                "joined": [event_id for event_id in event_ids if event_id != story.id],
                "events": [event for event_id in event_ids for event in events_of.get(event_id, [])],
            }
        )
    outlet_columns = sorted(outlets)
    for row, per_outlet in zip(rows, counts, strict=True):
        row["outlets"] = {outlet: per_outlet[outlet] for outlet in outlet_columns}
    return StoryListing(LISTING_COLUMNS + outlet_columns, rows)


def event_story_ids(shown: Iterable[Story], event_stories: Iterable[Story | StoryTrack]) -> dict[str, str]:
    """Each event story's id -> the id of the shown story holding its articles: its own, unless a
    developing story joined it under another's (``developing``: the largest event story's id). A developing
    story joins whole event stories, so one article says where an event story went."""
    shown_of_article = {article: story.id for story in shown for article in story.articles}
    return {
        event.id: shown_of_article[event.articles[0]]
        for event in event_stories
        if event.articles and event.articles[0] in shown_of_article
    }


def find_story(
    shown: Sequence[Story], story_id: str, event_stories: Iterable[Story | StoryTrack] = ()
) -> Story | None:
    """The shown story with ``story_id``, or the one that joined the event story with that id."""
    wanted = event_story_ids(shown, event_stories).get(story_id, story_id)
    return next((story for story in shown if story.id == wanted), None)


def _joined_ids(shown: Sequence[Story], live: Sequence[StoryTrack]) -> dict[str, list[str]]:
    """Shown story id -> the ids of the event stories it holds, in the order the store keeps them."""
    ids_of: dict[str, list[str]] = defaultdict(list)
    for event_id, shown_id in event_story_ids(shown, live).items():
        ids_of[shown_id].append(event_id)
    return ids_of


def _as_story(track: StoryTrack) -> Story:
    return Story(
        id=track.id,
        title=track.title,
        articles=track.articles,
        representative=track.representative,
        first_date=track.first_date,
        last_date=track.last_date,
    )


def live_tracks(tracks: Iterable[StoryTrack]) -> list[StoryTrack]:
    """The live stories among stored tracks, each listing the members of its provisional parts too (a store
    keeps those under the part, so that a split can give them back)."""
    all_tracks = list(tracks)
    part_members: dict[str, list[str]] = defaultdict(list)
    for track in all_tracks:
        if track.merged_into is not None:
            part_members[track.merged_into] += track.articles
    live = []
    for track in all_tracks:
        if track.merged_into is None:
            held = set(track.articles)
            extra = tuple(article for article in part_members.get(track.id, ()) if article not in held)
            live.append(dataclasses.replace(track, articles=track.articles + extra) if extra else track)
    return live
