"""The tables of a Storyline store (SQLAlchemy Core); how records map onto them is ``rows``.

Portable types only (Text, Integer, Double, Boolean, JSON), so the same schema serves SQLite and PostgreSQL.
Child rows are keyed by their owner and an ``ordinal`` (their index in the record's tuple): loading orders
by it, so records come back equal to what was saved, and a whole article's rows insert as bulk
``executemany`` without a round trip per claim for a generated key.

Offsets are stored as ``start_offset``/``end_offset``: ``end`` is reserved in SQL and would need quoting in
every hand-written query against the store.
"""

from __future__ import annotations

from typing import Any

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
    Table,
    Text,
    false,
)

# Bump when the tables change, and list what the new version adds in ``COLUMNS_ADDED``: an older store is
# upgraded in place on opening; a store written by a newer Storyline is refused rather than misread.
SCHEMA_VERSION = 10

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
    # The lead's event trigger lemmas (``ArticleAnalysis.triggers``), a JSON list; NULL in stores older than
    # schema 6, read as none.
    Column("triggers", JSON),
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
    Column("kind", Text, nullable=False, server_default="statement"),  # statement or act (issue #16)
    # Offsets of the content's finite verbs (``Claim.finite_verbs``), a JSON list; NULL in older stores.
    Column("finite_verbs", JSON),
    # The signed text the claim is, "letter" or "post" (``Claim.signed``); NULL for others and older stores.
    Column("signed", Text),
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
    Column("predicate", Text),  # the verb the counted noun hangs on (``Quantity.predicate``); NULL if older
    # an earlier value of a chain of change (``Quantity.earlier_in_chain``); false in older rows
    Column("earlier_in_chain", Boolean, nullable=False, server_default=false()),
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
    Column("speaker_texts", JSON, nullable=False, server_default="[]"),
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
    Column("trigger_counts", JSON),  # [[lemma, count], …]; NULL in stores older than schema 6
    Column("salient_counts", JSON),  # [[actor key, count], …]; NULL in stores older than schema 8
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

# --- ingest history (kept across runs: what each refresh left in the ledgers, for "what changed") --------

ledger_states = Table(
    "ledger_states",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),  # order of recording
    Column("recorded_at", Text, nullable=False),  # ISO 8601, UTC
    Column("articles", Integer, nullable=False),
    Column("digest", Text, nullable=False),  # of the questions, so an unchanged refresh records nothing
    # question id → {story, question, status, positions: {key → {label, speakers, outlets}}}; see history
    Column("questions", JSON, nullable=False),
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


# Columns each schema version added to existing tables (version → (table, column name) pairs), applied in
# order to a store of an older version. 2: TimeML type and value of time expressions (issue #17).
# 3: the speakers of a position that name no entity, apart from the entity ids (issue #18).
# 4: adds no column; the new tables (ledger_states, issue #18) are created on upgrade.
# 5: a claim's kind, statement or act (issue #16); older claims are statements.
# 6: the event trigger lemmas of an article's lead and their counts per story track (issue #15); older
# articles and tracks have none, which the stories stage reads as "no event evidence" (no gate).
# 7: what the ledger read off the worker's parse (issue #20): a claim's finite verbs, a quantity's predicate;
# NULL in older rows, which the ledger reads by parsing as before.
# 8: the rare actors a story's members are about, counted per story track (issue #14); older tracks have
# none, which the stories stage reads as "no such evidence".
# 9: whether a quantity is an earlier value of a chain of change, read off the parse by the quantities stage;
# older rows read false (no chain).
# 10: whether a claim is a reader's letter or an embedded post (``Claim.signed``), marked by the claims stage;
# NULL in older rows: neither, so an older store counts a letter's signer as a source until re-analysed.
COLUMNS_ADDED: dict[int, tuple[tuple[Table, str], ...]] = {
    2: (
        (time_expressions, "type"),
        (time_expressions, "value"),
        (claim_times, "type"),
        (claim_times, "value"),
    ),
    3: ((positions, "speaker_texts"),),
    5: ((claims, "kind"),),
    6: ((articles, "triggers"), (story_tracks, "trigger_counts")),
    7: ((claims, "finite_verbs"), (quantities, "predicate")),
    8: ((story_tracks, "salient_counts"),),
    9: ((quantities, "earlier_in_chain"),),
    10: ((claims, "signed"),),
}
