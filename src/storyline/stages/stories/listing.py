"""Stored stories as the rows the CLI lists: the live ones, largest first, with per-outlet counts and the
merges and splits each took part in."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.records import StoryEvent, StoryTrack


@dataclass(frozen=True, slots=True)
class StoryListing:
    """Stories as rows for listing: ``columns`` in order, the per-outlet article counts last."""

    columns: list[str]
    rows: list[dict[str, Any]]


LISTING_COLUMNS = ["id", "title", "articles", "first_date", "last_date", "representative"]


UNKNOWN_OUTLET = "(unknown outlet)"


def list_stories(
    tracks: Sequence[StoryTrack], outlet_of: Mapping[str, str | None], events: Sequence[StoryEvent] = ()
) -> StoryListing:
    """Live stories, largest first, each with its article count per source outlet (``outlets``) and the
    merges and splits it took part in (``events``, oldest first, ``other`` naming the other story)."""
    live = sorted(live_tracks(tracks), key=lambda track: -len(track.articles))
    events_of: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        for this, other in ((event.story, event.other), (event.other, event.story)):
            events_of.setdefault(this, []).append(
                {"kind": event.kind, "other": other, "article": event.article, "score": event.score}
            )
    rows: list[dict[str, Any]] = []
    outlets: set[str] = set()
    counts: list[Counter[str]] = []
    for track in live:
        per_outlet = Counter(outlet_of.get(article) or UNKNOWN_OUTLET for article in track.articles)
        outlets.update(per_outlet)
        counts.append(per_outlet)
        rows.append(
            {
                "id": track.id,
                "title": track.title,
                "articles": len(track.articles),
                "first_date": track.first_date,
                "last_date": track.last_date,
                "representative": track.representative,
                "events": events_of.get(track.id, []),
            }
        )
    outlet_columns = sorted(outlets)
    for row, per_outlet in zip(rows, counts, strict=True):
        row["outlets"] = {outlet: per_outlet[outlet] for outlet in outlet_columns}
    return StoryListing(LISTING_COLUMNS + outlet_columns, rows)


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
