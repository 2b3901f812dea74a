"""The tables of a Storyline store, and how records map onto their rows.

Portable types only (Text, Integer, Double, Boolean, JSON), so the same schema serves SQLite and PostgreSQL.
Child rows are keyed by their owner and an ``ordinal`` (their index in the record's tuple): loading orders
by it, so records come back equal to what was saved, and a whole article's rows insert as bulk
``executemany`` without a round trip per claim for a generated key.

Offsets are stored as ``start_offset``/``end_offset``: ``end`` is reserved in SQL and would need quoting in
every hand-written query against the store.
"""

from __future__ import annotations

import dataclasses
import sys
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    MetaData,
    RowMapping,
    Table,
    Text,
)

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

# Bump when the tables change; a store written by a newer Storyline is refused rather than misread.
SCHEMA_VERSION = 1

metadata = MetaData()


def _article_ref(**options: Any) -> Column[str]:
    """An ``article_id`` column pointing at the article; rows go with it if it is ever deleted."""
    return Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), **options)


def _offsets() -> tuple[Column[int], Column[int]]:
    return Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False)


schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

# --- per article ----------------------------------------------------------------------------------------

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),
    # Insertion order, so load_analyses returns articles as they were stored (ids are content hashes).
    Column("seq", Integer, nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("path", Text),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", Text),  # ISO date kept as text: the record holds a string, and so does the brief
    Column("published_inferred", Boolean, nullable=False),
    Column("published_evidence", Text),
    Column("published_window", Text),
    Column("language", Text),
)

removed_lines = Table(
    "removed_lines",
    metadata,
    _article_ref(primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

credits = Table(
    "credits",
    metadata,
    _article_ref(primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("outlet", Text, nullable=False),
    Column("text", Text, nullable=False),
)

foreign_fragments = Table(
    "foreign_fragments",
    metadata,
    _article_ref(primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("language", Text, nullable=False),
    *_offsets(),
)

mentions = Table(
    "mentions",
    metadata,
    _article_ref(primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    *_offsets(),
    Column("text", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("refers_to", Text, nullable=True),
    Column("role", Text, nullable=True),
)

claims = Table(
    "claims",
    metadata,
    _article_ref(primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("claim_id", Text, nullable=False, index=True),
    Column("text", Text, nullable=False),
    *_offsets(),
    Column("cue", Text, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker", Text),  # an entity id; no foreign key: entities are replaced on every cross-article run
    Column("quote", Text, nullable=False),
    Column("modality", Text, nullable=False),
    Column("via_text", Text),
    Column("via_start", Integer),
    Column("via_end", Integer),
)


def _claim_child(name: str, *columns: Column[Any]) -> Table:
    return Table(
        name,
        metadata,
        Column("article_id", Text, primary_key=True),
        Column("claim_ordinal", Integer, primary_key=True),
        Column("ordinal", Integer, primary_key=True),
        *columns,
        ForeignKeyConstraint(
            ["article_id", "claim_ordinal"], ["claims.article_id", "claims.ordinal"], ondelete="CASCADE"
        ),
    )


quantities = _claim_child(
    "quantities",
    Column("value", Double, nullable=False),
    Column("unit", Text, nullable=False),
    Column("approx", Boolean, nullable=False),
    Column("text", Text, nullable=False),
    *_offsets(),
)

claim_times = _claim_child(
    "claim_times",
    Column("text", Text, nullable=False),
    *_offsets(),
    Column("date", Text),
    Column("precision", Text, nullable=False),
    Column("inferred", Boolean, nullable=False),
    Column("type", Text, nullable=False, server_default="DATE"),
    Column("value", Text),
)

time_expressions = Table(
    "time_expressions",
    metadata,
    _article_ref(primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    *_offsets(),
    Column("date", Text),
    Column("precision", Text, nullable=False),
    Column("inferred", Boolean, nullable=False),
    Column("type", Text, nullable=False, server_default="DATE"),
    Column("value", Text),
)

# --- cross-article (replaced as a whole by each run) ------------------------------------------------------

entities = Table(
    "entities",
    metadata,
    Column("id", Text, primary_key=True),
    Column("ordinal", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
)


def _entity_child(name: str, *columns: Column[Any]) -> Table:
    return Table(
        name,
        metadata,
        Column("entity_id", Text, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
        Column("ordinal", Integer, primary_key=True),
        *columns,
    )


entity_aliases = _entity_child("entity_aliases", Column("alias", Text, nullable=False))
entity_roles = _entity_child("entity_roles", Column("role", Text, nullable=False))
entity_mentions = _entity_child(
    "entity_mentions",
    _article_ref(nullable=False, index=True),
    *_offsets(),
    Column("text", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("refers_to", Text, nullable=True),
    Column("role", Text, nullable=True),
)

copies = Table(
    "copies",
    metadata,
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    _article_ref(nullable=False, index=True),
    Column("copy_of", Text, nullable=False),  # an article id, or a credited outlet's name outside the corpus
    Column("kind", Text, nullable=False),
    Column("score", Double, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("ordinal", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("representative", Text),
    Column("first_date", Text),
    Column("last_date", Text),
)


def _story_child(name: str, *columns: Column[Any]) -> Table:
    return Table(
        name,
        metadata,
        Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        Column("ordinal", Integer, primary_key=True),
        *columns,
    )


story_articles = _story_child("story_articles", _article_ref(nullable=False, index=True))
questions = _story_child(
    "questions",
    Column("question_id", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("unit", Text),
    Column("status", Text, nullable=False),
    Column("status_reason", Text, nullable=False),
)
positions = Table(
    "positions",
    metadata,
    Column("story_id", Text, primary_key=True),
    Column("question_ordinal", Integer, primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    # Short lists of ids read and written whole with their position: JSON rather than three more tables.
    Column("claims", JSON, nullable=False),
    Column("speakers", JSON, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("value", Double),
    Column("stance", Text),
    Column("earliest", Text),
    ForeignKeyConstraint(
        ["story_id", "question_ordinal"], ["questions.story_id", "questions.ordinal"], ondelete="CASCADE"
    ),
)
timeline_entries = _story_child(
    "timeline_entries",
    Column("date", Text, nullable=False),
    Column("precision", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("claims", JSON, nullable=False),
    Column("articles", JSON, nullable=False),
    Column("inferred", Boolean, nullable=False),
    Column("sources", JSON, nullable=False),  # TimelineSource records as JSON objects (see record_lists)
)

# --- incremental stories (kept across runs: each new article is placed among them) -------------------------

story_tracks = Table(
    "story_tracks",
    metadata,
    Column("id", Text, primary_key=True),
    Column("seq", Integer, nullable=False, index=True),  # order of creation
    Column("title", Text, nullable=False),
    Column("representative", Text, nullable=False),
    Column("representative_score", Double, nullable=False),
    Column("first_date", Text),
    Column("last_date", Text),
    Column(
        "vector_sum", LargeBinary
    ),  # little-endian float32; NULL when stories were built without embeddings
    Column("actor_counts", JSON, nullable=False),  # [[key, count], …]
    Column("word_counts", JSON, nullable=False),
    Column("merged_into", Text, index=True),
)
story_members = Table(
    "story_members",
    metadata,
    _article_ref(primary_key=True),
    Column("story_id", Text, nullable=False, index=True),
    Column("seq", Integer, nullable=False),  # order of joining, so a story lists its articles as they came
    Column("score", Double, nullable=False),
)
story_events = Table(
    "story_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", Text, nullable=False),
    Column("story_id", Text, nullable=False, index=True),
    Column("other_story_id", Text, nullable=False),
    Column("article_id", Text),
    Column("score", Double, nullable=False),
)

# Deleted child-first when cross-article results are replaced (foreign keys forbid the other order).
CROSS_ARTICLE_TABLES = (
    entity_aliases,
    entity_roles,
    entity_mentions,
    entities,
    copies,
    story_articles,
    positions,
    questions,
    timeline_entries,
    stories,
)

# --- records ↔ rows -------------------------------------------------------------------------------------

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

    def row(self, record: RecordT, **keys: Any) -> dict[str, Any]:
        """The row for ``record``; ``keys`` fill the owner and ordinal columns. Tuples become JSON lists."""
        row = dict(keys)
        for field in dataclasses.fields(record):  # type: ignore[arg-type]
            if field.name not in self.nested:
                value = getattr(record, field.name)
                if field.name in self.record_lists:
                    value = tuple(dataclasses.asdict(item) for item in value)
                row[self.column(field.name)] = list(value) if isinstance(value, tuple) else value
        return row

    def record_from(self, row: RowMapping, **nested: Any) -> RecordT:
        """The record a row holds; ``nested`` supplies the fields that live in child tables."""
        values = dict(nested)
        for field in dataclasses.fields(self.record):  # type: ignore[arg-type]
            if field.name not in self.nested:
                value = row[self.column(field.name)]
                if field.name in self.record_lists:
                    value = [self.record_lists[field.name](**item) for item in value]
                values[field.name] = tuple(value) if isinstance(value, list) else value
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
