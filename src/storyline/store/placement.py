"""Writing where the stories stage placed an article: the tracks it changed, its membership and the events.

Kept apart from ``database`` so that one article's placement and a batch of them (one transaction for the
batch, ``Store.save_story_placements``) share the same writes.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from storyline.records import StoryEvent, StoryTrack
from storyline.store import rows, tables

# One article's story placement: article id, score, the tracks it changed (its story first), the events to
# record, and the provisionally merged part it joined (or None).
Placement = tuple[str, float, Sequence[StoryTrack], Sequence[StoryEvent], str | None]


def write_placement(
    connection: Connection,
    article_id: str,
    score: float,
    tracks: Sequence[StoryTrack],
    events: Sequence[StoryEvent],
    member_of: str | None,
) -> None:
    """One placement, inside the caller's transaction (see ``Store.save_story_placement``)."""
    for track in tracks:
        upsert_track(connection, track)
    for merged in tracks[1:]:
        if merged.merged_into is None or merged.articles:
            continue
        move = update(tables.story_members).where(tables.story_members.c.story_id == merged.id)
        connection.execute(move.values(story_id=merged.merged_into))
    members = tables.story_members
    connection.execute(delete(members).where(members.c.article_id == article_id))
    next_seq = select(func.coalesce(func.max(members.c.seq), 0) + 1).scalar_subquery()
    joined = member_of or tracks[0].id
    connection.execute(
        insert(members).values(article_id=article_id, story_id=joined, score=score, seq=next_seq)
    )
    for event in events:
        next_event = select(func.coalesce(func.max(tables.story_events.c.seq), 0) + 1).scalar_subquery()
        row = rows.story_event_row(event, seq=0)
        row["seq"] = next_event
        connection.execute(insert(tables.story_events).values(**row))


def upsert_track(connection: Connection, track: StoryTrack) -> None:
    tracks = tables.story_tracks
    seq = connection.execute(select(tracks.c.seq).where(tracks.c.id == track.id)).scalar()
    if seq is None:
        seq = connection.execute(select(func.coalesce(func.max(tracks.c.seq), 0) + 1)).scalar_one()
        connection.execute(insert(tracks).values(**rows.story_track_row(track, seq)))
    else:
        connection.execute(
            update(tracks).where(tracks.c.id == track.id).values(**rows.story_track_row(track, seq))
        )
