"""How records map onto the rows of a Storyline store's tables, and back.

A ``RecordTable`` names one record type's table, its renamed fields and the fields held in child tables;
the rest of a record maps field by field, so a field added to a record needs no code here unless it is a
tuple of records. Child rows carry their owner's key and an ``ordinal`` (their index in the record's tuple),
which the store orders by when loading, so records come back equal to what was saved.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import RowMapping, Table

from storyline.records import (
    Article,
    ArticleAnalysis,
    Claim,
    CopyEdge,
    Credit,
    Entity,
    ForeignFragment,
    Mention,
    Position,
    Quantity,
    Question,
    RemovedLine,
    Story,
    StoryEvent,
    StoryTrack,
    TimeExpr,
    TimelineEntry,
    TimelineSource,
)
from storyline.store.tables import (
    articles,
    claim_times,
    claims,
    copies,
    credits,
    entities,
    entity_aliases,
    entity_mentions,
    entity_roles,
    foreign_fragments,
    mentions,
    positions,
    quantities,
    questions,
    removed_lines,
    stories,
    story_articles,
    time_expressions,
    timeline_entries,
)

RecordT = TypeVar("RecordT")

_OFFSET_COLUMNS = {"start": "start_offset", "end": "end_offset"}


@dataclass(frozen=True)
class RecordTable(Generic[RecordT]):
    """How one record type maps onto one table: renamed fields, and fields held in child tables instead."""

    table: Table
    record: type[RecordT]
    renames: Mapping[str, str] = dataclasses.field(default_factory=dict)
    nested: frozenset[str] = frozenset()
    # Fields holding a tuple of small records kept in a JSON column (record type by field name): short lists
    # read and written whole with their owner, like the id lists, rather than one more child table.
    record_lists: Mapping[str, type[Any]] = dataclasses.field(default_factory=dict)

    def column(self, field_name: str) -> str:
        return self.renames.get(field_name) or _OFFSET_COLUMNS.get(field_name) or field_name

    @functools.cached_property
    def stored_fields(self) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """(field, column, record type of a JSON record list or None) of each field this table stores:
        worked out once per table rather than once per row (tens of thousands of rows an ingest)."""
        return tuple(
            (field.name, self.column(field.name), self.record_lists.get(field.name))
            for field in dataclasses.fields(self.record)  # type: ignore[arg-type]
            if field.name not in self.nested
        )

    def row(self, record: RecordT, **keys: Any) -> dict[str, Any]:
        """The row for ``record``; ``keys`` fill the owner and ordinal columns. Tuples become JSON lists."""
        row = dict(keys)
        for name, column, listed in self.stored_fields:
            value = getattr(record, name)
            if listed is not None:
                value = tuple(dataclasses.asdict(item) for item in value)
            row[column] = list(value) if isinstance(value, tuple) else value
        return row

    def record_from(self, row: RowMapping, **nested: Any) -> RecordT:
        """The record a row holds; ``nested`` supplies the fields that live in child tables."""
        values = dict(nested)
        for name, column, listed in self.stored_fields:
            value = row[column]
            if listed is not None:
                value = [listed(**item) for item in value]
            values[name] = tuple(value) if isinstance(value, list) else value
        return self.record(**values)


ARTICLE = RecordTable(articles, Article, nested=frozenset({"removed", "credits", "foreign_fragments"}))
REMOVED_LINE = RecordTable(removed_lines, RemovedLine)
CREDIT = RecordTable(credits, Credit)
FOREIGN_FRAGMENT = RecordTable(foreign_fragments, ForeignFragment)
MENTION = RecordTable(mentions, Mention, renames={"article": "article_id"})
CLAIM = RecordTable(
    claims,
    Claim,
    renames={"id": "claim_id", "article": "article_id"},
    nested=frozenset({"quantities", "times"}),
)
QUANTITY = RecordTable(quantities, Quantity)
CLAIM_TIME = RecordTable(claim_times, TimeExpr)
TIME_EXPRESSION = RecordTable(time_expressions, TimeExpr)
ENTITY = RecordTable(entities, Entity, nested=frozenset({"aliases", "roles", "mentions"}))
ENTITY_MENTION = RecordTable(entity_mentions, Mention, renames={"article": "article_id"})
COPY = RecordTable(copies, CopyEdge, renames={"article": "article_id", "of": "copy_of"})
STORY = RecordTable(stories, Story, nested=frozenset({"articles", "questions", "timeline"}))
QUESTION = RecordTable(questions, Question, renames={"id": "question_id"}, nested=frozenset({"positions"}))
POSITION = RecordTable(positions, Position)
TIMELINE_ENTRY = RecordTable(timeline_entries, TimelineEntry, record_lists={"sources": TimelineSource})

# Rows to insert, by table, in an order that puts parents before their children.
Rows = dict[Table, list[dict[str, Any]]]


def analysis_rows(analysis: ArticleAnalysis) -> Rows:
    """The child rows of one article, parents before children."""
    article = analysis.article
    owner = {"article_id": article.id}
    rows: Rows = {
        removed_lines: numbered(REMOVED_LINE, article.removed, **owner),
        credits: numbered(CREDIT, article.credits, **owner),
        foreign_fragments: numbered(FOREIGN_FRAGMENT, article.foreign_fragments, **owner),
        mentions: [MENTION.row(m, ordinal=n) for n, m in enumerate(analysis.mentions)],
        claims: [CLAIM.row(c, ordinal=n) for n, c in enumerate(analysis.claims)],
        quantities: [],
        claim_times: [],
        time_expressions: numbered(TIME_EXPRESSION, analysis.times, **owner),
    }
    for claim_ordinal, claim in enumerate(analysis.claims):
        claim_key = {"article_id": claim.article, "claim_ordinal": claim_ordinal}
        rows[quantities] += numbered(QUANTITY, claim.quantities, **claim_key)
        rows[claim_times] += numbered(CLAIM_TIME, claim.times, **claim_key)
    return rows


def cross_article_rows(
    entity_list: Sequence[Entity], copy_edges: Sequence[CopyEdge], story_list: Sequence[Story]
) -> Rows:
    """The rows of the cross-article tables, parents before children."""
    rows: Rows = defaultdict(list)
    rows[entities] = [ENTITY.row(e, ordinal=n) for n, e in enumerate(entity_list)]
    for entity in entity_list:
        rows[entity_aliases] += numbered_values("alias", entity.aliases, entity_id=entity.id)
        rows[entity_roles] += numbered_values("role", entity.roles, entity_id=entity.id)
        rows[entity_mentions] += numbered(ENTITY_MENTION, entity.mentions, entity_id=entity.id)
    rows[copies] = numbered(COPY, copy_edges)
    rows[stories] = [STORY.row(s, ordinal=n) for n, s in enumerate(story_list)]
    for story in story_list:
        rows[story_articles] += numbered_values("article_id", story.articles, story_id=story.id)
        rows[questions] += numbered(QUESTION, story.questions, story_id=story.id)
        rows[timeline_entries] += numbered(TIMELINE_ENTRY, story.timeline, story_id=story.id)
        for question_ordinal, question in enumerate(story.questions):
            question_key = {"story_id": story.id, "question_ordinal": question_ordinal}
            rows[positions] += numbered(POSITION, question.positions, **question_key)
    return rows


def numbered(spec: RecordTable[RecordT], records: Sequence[RecordT], **keys: Any) -> list[dict[str, Any]]:
    return [spec.row(record, ordinal=ordinal, **keys) for ordinal, record in enumerate(records)]


def numbered_values(column: str, values: Sequence[str], **keys: Any) -> list[dict[str, Any]]:
    return [{**keys, "ordinal": ordinal, column: value} for ordinal, value in enumerate(values)]


def story_track_row(track: StoryTrack, seq: int) -> dict[str, Any]:
    """The ``story_tracks`` row of a track (its members live in ``story_members``)."""
    vector = None
    if track.vector_sum is not None:
        vector = (
            array("f", track.vector_sum).tobytes() if sys.byteorder == "little" else _little_endian(track)
        )
    return {
        "id": track.id,
        "seq": seq,
        "title": track.title,
        "representative": track.representative,
        "representative_score": track.representative_score,
        "first_date": track.first_date,
        "last_date": track.last_date,
        "vector_sum": vector,
        "actor_counts": [list(pair) for pair in track.actor_counts],
        "word_counts": [list(pair) for pair in track.word_counts],
        "trigger_counts": [list(pair) for pair in track.trigger_counts],
        "salient_counts": [list(pair) for pair in track.salient_counts],
        "merged_into": track.merged_into,
    }


def story_track_from(row: RowMapping, articles: Sequence[str]) -> StoryTrack:
    vector_sum = None
    if row["vector_sum"] is not None:
        values = array("f")
        values.frombytes(bytes(row["vector_sum"]))
        if sys.byteorder != "little":
            values.byteswap()
        vector_sum = tuple(values)
    return StoryTrack(
        id=row["id"],
        title=row["title"],
        articles=tuple(articles),
        representative=row["representative"],
        representative_score=row["representative_score"],
        first_date=row["first_date"],
        last_date=row["last_date"],
        vector_sum=vector_sum,
        actor_counts=tuple((key, int(count)) for key, count in row["actor_counts"]),
        word_counts=tuple((key, int(count)) for key, count in row["word_counts"]),
        trigger_counts=tuple((key, int(count)) for key, count in row["trigger_counts"] or ()),
        salient_counts=tuple((key, int(count)) for key, count in row["salient_counts"] or ()),
        merged_into=row["merged_into"],
    )


def story_event_row(event: StoryEvent, seq: int) -> dict[str, Any]:
    return {
        "seq": seq,
        "kind": event.kind,
        "story_id": event.story,
        "other_story_id": event.other,
        "article_id": event.article,
        "score": event.score,
    }


def story_event_from(row: RowMapping) -> StoryEvent:
    return StoryEvent(row["kind"], row["story_id"], row["other_story_id"], row["article_id"], row["score"])


def _little_endian(track: StoryTrack) -> bytes:
    values = array("f", track.vector_sum or ())
    values.byteswap()
    return values.tobytes()
