"""Persistence of records: SQLite by default (one file, no server), PostgreSQL for a shared team server.

The only module that speaks SQL, and only through SQLAlchemy Core expressions (parameterised). Each
article's analysis is written in one transaction, so an interrupted run keeps every finished article whole
and a re-run skips them; cross-article results are replaced as a whole, also in one transaction.
Tables and the record ↔ row mapping live in ``store_schema``.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import (
    URL,
    Connection,
    Engine,
    RowMapping,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from storyline import store_schema as schema
from storyline.errors import StorylineInputError
from storyline.records import ArticleAnalysis, CopyEdge, Entity, Story, StoryEvent, StoryTrack

RecordT = TypeVar("RecordT")

# A database URL rather than a file path: "sqlite://…", "postgresql://…", "postgresql+psycopg://…".
_DATABASE_URL = re.compile(r"^(?:sqlite|postgresql)(?:\+\w+)?://")

# busy_timeout first, so that switching the journal mode waits for another writer instead of failing.
# WAL lets readers (the web UI) run while a batch writes; NORMAL sync is safe under WAL (a power cut may
# lose the last commits, never corrupt); SQLite leaves foreign keys off unless asked on each connection.
_SQLITE_PRAGMAS = (
    "PRAGMA busy_timeout = 30000",
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
)

# SQLSTATEs PostgreSQL gives for a write it refuses: read-only transaction, insufficient privilege.
_POSTGRES_READ_ONLY_STATES = frozenset({"25006", "42501"})
# SQLSTATEs for a write that storage refuses: disk full, I/O error.
_POSTGRES_STORAGE_STATES = frozenset({"53100", "58030"})


class Store:
    """A Storyline database. Open it with ``Store.open`` and use it as a context manager."""

    def __init__(self, engine: Engine, label: str, temporary_dir: TemporaryDirectory[str] | None = None):
        self._engine = engine
        self._label = label  # how messages name the store: its path, or its URL without the password
        self._temporary_dir = temporary_dir

    @classmethod
    def open(cls, db: str | Path | None) -> Store:
        """Open (creating when new) the store at ``db``: ``None`` for a temporary SQLite file removed on
        close, a path for a SQLite file, or a ``sqlite://``/``postgresql://`` URL."""
        temporary_dir = TemporaryDirectory(prefix="storyline-") if db is None else None
        url, label = _database_url(db, temporary_dir)
        try:
            engine = create_engine(url)
        except ModuleNotFoundError as error:  # e.g. a postgresql:// URL without its driver installed
            raise StorylineInputError(label, f"database driver not installed ({error.name})") from error
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _configure_sqlite)
            event.listen(engine, "begin", _begin_sqlite)
        store = cls(engine, label, temporary_dir)
        try:
            store._prepare_schema()
        except BaseException:
            store.close()
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()
        if self._temporary_dir is not None:
            self._temporary_dir.cleanup()
            self._temporary_dir = None

    # --- per article ------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self._transaction() as connection:
            return _holds_article(connection, article_id)

    def count_articles(self) -> int:
        with self._transaction() as connection:
            return int(connection.execute(select(func.count()).select_from(schema.articles)).scalar_one())

    def count_articles_outside_stories(self) -> int:
        """Articles no stored story holds: every analysed article belongs to one story, so more than zero
        means the cross-article results are older than the last ingest."""
        in_a_story = select(schema.story_articles.c.article_id)
        query = select(func.count()).where(schema.articles.c.id.not_in(in_a_story))
        with self._transaction() as connection:
            return int(connection.execute(query).scalar_one())

    def save_analysis(self, analysis: ArticleAnalysis) -> None:
        """Store one article and everything found in it, all or nothing; an article already held is left
        as it is."""
        try:
            with self._transaction(write=True) as connection:
                if _holds_article(connection, analysis.article.id):
                    return
                _insert_analysis(connection, analysis)
        except IntegrityError:
            # On PostgreSQL another writer may store the same article between our check and our insert.
            if self.has_article(analysis.article.id):
                return
            raise

    def load_analyses(self) -> list[ArticleAnalysis]:
        """Every stored analysis, in the order the articles were stored."""
        with self._transaction() as connection:
            return _load_analyses(connection)

    # --- cross-article ----------------------------------------------------------------------------------

    def save_cross_article(
        self, entities: Sequence[Entity], copies: Sequence[CopyEdge], stories: Sequence[Story]
    ) -> None:
        """Replace the stored cross-article results (entities, copies, stories) with these, in one go."""
        with self._transaction(write=True) as connection:
            for table in schema.CROSS_ARTICLE_TABLES:
                connection.execute(delete(table))
            _insert_rows(connection, schema.cross_article_rows(entities, copies, stories))

    def load_cross_article(self) -> tuple[list[Entity], list[CopyEdge], list[Story]]:
        with self._transaction() as connection:
            return _load_entities(connection), _load_copies(connection), _load_stories(connection)

    # --- incremental stories ----------------------------------------------------------------------------

    def load_story_tracks(self) -> list[StoryTrack]:
        """Every story the incremental clusterer holds (merged ones too, marked), oldest first, each with
        its members in joining order."""
        with self._transaction() as connection:
            members = _grouped_values(connection, schema.story_members, "article_id", "story_id", "seq")
            query = select(schema.story_tracks).order_by(schema.story_tracks.c.seq)
            return [
                schema.story_track_from(row, members.get((row["id"],), ()))
                for row in connection.execute(query).mappings()
            ]

    def save_story_placement(
        self,
        article_id: str,
        score: float,
        tracks: Sequence[StoryTrack],
        events: Sequence[StoryEvent] = (),
        member_of: str | None = None,
    ) -> None:
        """Record that ``article_id`` joined ``tracks[0]`` (with ``score``), as a member of ``member_of``
        when that is a provisionally merged part of it. Later tracks are others that changed, in order: a
        track merged for good (``merged_into`` set, no articles) has its members move to the story it
        joined; provisional parts and stories split off keep theirs. One transaction."""
        with self._transaction(write=True) as connection:
            for track in tracks:
                _upsert_track(connection, track)
            for merged in tracks[1:]:
                if merged.merged_into is None or merged.articles:
                    continue
                move = update(schema.story_members).where(schema.story_members.c.story_id == merged.id)
                connection.execute(move.values(story_id=merged.merged_into))
            members = schema.story_members
            connection.execute(delete(members).where(members.c.article_id == article_id))
            next_seq = select(func.coalesce(func.max(members.c.seq), 0) + 1).scalar_subquery()
            joined = member_of or tracks[0].id
            connection.execute(
                insert(members).values(article_id=article_id, story_id=joined, score=score, seq=next_seq)
            )
            for event in events:
                next_event = select(
                    func.coalesce(func.max(schema.story_events.c.seq), 0) + 1
                ).scalar_subquery()
                row = schema.story_event_row(event, seq=0)
                row["seq"] = next_event
                connection.execute(insert(schema.story_events).values(**row))

    def load_story_events(self) -> list[StoryEvent]:
        with self._transaction() as connection:
            query = select(schema.story_events).order_by(schema.story_events.c.seq)
            return [schema.story_event_from(row) for row in connection.execute(query).mappings()]

    def load_article_outlets(self) -> dict[str, str | None]:
        """Each stored article's outlet (None when unknown), for per-source counts without loading texts."""
        with self._transaction() as connection:
            query = select(schema.articles.c.id, schema.articles.c.outlet)
            return {article_id: outlet for article_id, outlet in connection.execute(query)}

    # --- plumbing ---------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        """One transaction. A write the database refuses as read-only becomes an input error; the
        transaction is rolled back first, so nothing partial is left."""
        try:
            connection = self._engine.connect()
        except DBAPIError as error:
            raise _open_error(self._label, error) from error
        with connection:
            connection.execution_options(storyline_write=write)
            try:
                with connection.begin():
                    yield connection
            except DBAPIError as error:
                if _is_read_only(error):
                    message = f"database is read-only, nothing was written ({error.orig})"
                elif _is_storage_failure(error):
                    message = f"cannot write to the database, this transaction was rolled back ({error.orig})"
                else:
                    raise
                raise StorylineInputError(self._label, message) from error

    def _prepare_schema(self) -> None:
        """Create the tables in a new database; refuse one that is not ours or a newer Storyline's."""
        with self._transaction() as connection:
            is_new = _check_schema(connection, self._label)
        if is_new:
            with self._transaction(write=True) as connection:
                # Checked again under the write lock: another process may have created them meanwhile.
                if _check_schema(connection, self._label):
                    schema.metadata.create_all(connection)
                    connection.execute(insert(schema.schema_version).values(version=schema.SCHEMA_VERSION))


# --- opening --------------------------------------------------------------------------------------------


def _database_url(db: str | Path | None, temporary_dir: TemporaryDirectory[str] | None) -> tuple[URL, str]:
    """The SQLAlchemy URL for ``db`` and how messages should name it."""
    if db is None:
        assert temporary_dir is not None
        path = Path(temporary_dir.name) / "storyline.db"
        return URL.create("sqlite", database=str(path)), "<temporary store>"
    if isinstance(db, str) and _DATABASE_URL.match(db):
        url = make_url(db)
        if url.drivername == "postgresql":  # SQLAlchemy's default is psycopg2; we install psycopg 3
            url = url.set(drivername="postgresql+psycopg")
        return url, url.render_as_string(hide_password=True)
    path = Path(db).expanduser()
    if not path.parent.is_dir():
        raise StorylineInputError(str(path), "directory does not exist")
    if path.is_dir():
        raise StorylineInputError(str(path), "is a directory, not a database file")
    return URL.create("sqlite", database=str(path)), str(path)


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _connection_record: object) -> None:
    # SQLAlchemy emits BEGIN itself (_begin_sqlite): the sqlite3 module's own transaction handling starts
    # none before SELECT or CREATE TABLE, which would split a read-check-write or the schema's creation.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _SQLITE_PRAGMAS:
            try:
                cursor.execute(pragma)
            except sqlite3.OperationalError as error:
                # A read-only file cannot switch to WAL; it stays readable in its own journal mode.
                if error.sqlite_errorname != "SQLITE_READONLY":
                    raise
    finally:
        cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    # A writer takes the write lock up front: a deferred BEGIN that reads, then writes after another
    # writer committed, fails at once (SQLITE_BUSY_SNAPSHOT) instead of waiting out busy_timeout.
    if connection.get_execution_options().get("storyline_write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def _open_error(label: str, error: DBAPIError) -> StorylineInputError:
    if getattr(error.orig, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return StorylineInputError(label, f"not a Storyline database ({error.orig})")
    return StorylineInputError(label, f"cannot open the database ({error.orig})")


def _is_read_only(error: DBAPIError) -> bool:
    original = error.orig
    if getattr(original, "sqlite_errorname", "").startswith("SQLITE_READONLY"):
        return True
    # psycopg names the SQLSTATE ``sqlstate``, psycopg2 ``pgcode``.
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return state in _POSTGRES_READ_ONLY_STATES


def _is_storage_failure(error: DBAPIError) -> bool:
    """The disk is full or the file cannot be written (a quota, a file size limit, a failing disk)."""
    name = getattr(error.orig, "sqlite_errorname", "")
    if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR"):
        return True
    state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return state in _POSTGRES_STORAGE_STATES


def _check_schema(connection: Connection, label: str) -> bool:
    """True for an empty database (tables to create); raises for one that is not a Storyline store or
    that a newer Storyline wrote."""
    table_names = set(connection.dialect.get_table_names(connection))
    if not table_names:
        return True
    if schema.schema_version.name not in table_names:
        raise StorylineInputError(
            label, "not a Storyline database (it holds other tables, no schema_version)"
        )
    version = connection.execute(select(func.max(schema.schema_version.c.version))).scalar()
    if version is None:
        raise StorylineInputError(label, "not a Storyline database (its schema_version table is empty)")
    if version > schema.SCHEMA_VERSION:
        raise StorylineInputError(
            label,
            f"database schema version {version} is newer than this Storyline reads "
            f"({schema.SCHEMA_VERSION}); upgrade Storyline to open it",
        )
    return False


# --- writing --------------------------------------------------------------------------------------------


def _holds_article(connection: Connection, article_id: str) -> bool:
    query = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
    return connection.execute(query).first() is not None


def _insert_analysis(connection: Connection, analysis: ArticleAnalysis) -> None:
    article = analysis.article
    # The next insertion number, computed inside the INSERT so it reads and writes under one lock.
    next_seq = select(func.coalesce(func.max(schema.articles.c.seq), 0) + 1).scalar_subquery()
    connection.execute(insert(schema.articles).values(**schema.ARTICLE.row(article), seq=next_seq))
    _insert_rows(connection, schema.analysis_rows(analysis))


def _upsert_track(connection: Connection, track: StoryTrack) -> None:
    tracks = schema.story_tracks
    seq = connection.execute(select(tracks.c.seq).where(tracks.c.id == track.id)).scalar()
    if seq is None:
        seq = connection.execute(select(func.coalesce(func.max(tracks.c.seq), 0) + 1)).scalar_one()
        connection.execute(insert(tracks).values(**schema.story_track_row(track, seq)))
    else:
        connection.execute(
            update(tracks).where(tracks.c.id == track.id).values(**schema.story_track_row(track, seq))
        )


def _insert_rows(connection: Connection, rows: schema.Rows) -> None:
    for table, table_rows in rows.items():
        if table_rows:  # an executemany with no rows is an error, not a no-op
            connection.execute(insert(table), table_rows)


# --- reading --------------------------------------------------------------------------------------------


def _grouped(
    connection: Connection,
    spec: schema.RecordTable[RecordT],
    owner: Sequence[str],
    nested: Callable[[RowMapping], dict[str, Any]] = lambda row: {},
) -> dict[tuple[Any, ...], tuple[RecordT, ...]]:
    """Every record of a child table, grouped by its owner's key, each group in stored order."""
    owner_columns = [spec.table.c[name] for name in owner]
    query = select(spec.table).order_by(*owner_columns, spec.table.c.ordinal)
    groups: dict[tuple[Any, ...], list[RecordT]] = defaultdict(list)
    for row in connection.execute(query).mappings():
        groups[tuple(row[name] for name in owner)].append(spec.record_from(row, **nested(row)))
    return {key: tuple(records) for key, records in groups.items()}


def _grouped_values(
    connection: Connection, table: Table, column: str, owner: str, order: str = "ordinal"
) -> dict[tuple[Any, ...], tuple[str, ...]]:
    query = select(table.c[owner], table.c[column]).order_by(table.c[owner], table.c[order])
    groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for owner_value, value in connection.execute(query):
        groups[(owner_value,)].append(value)
    return {key: tuple(values) for key, values in groups.items()}


def _load_analyses(connection: Connection) -> list[ArticleAnalysis]:
    by_article = ("article_id",)
    by_claim = ("article_id", "claim_ordinal")
    quantities = _grouped(connection, schema.QUANTITY, by_claim)
    claim_times = _grouped(connection, schema.CLAIM_TIME, by_claim)

    def claim_parts(row: RowMapping) -> dict[str, Any]:
        key = (row["article_id"], row["ordinal"])
        return {"quantities": quantities.get(key, ()), "times": claim_times.get(key, ())}

    claims = _grouped(connection, schema.CLAIM, by_article, claim_parts)
    mentions = _grouped(connection, schema.MENTION, by_article)
    times = _grouped(connection, schema.TIME_EXPRESSION, by_article)
    removed = _grouped(connection, schema.REMOVED_LINE, by_article)
    credits = _grouped(connection, schema.CREDIT, by_article)
    fragments = _grouped(connection, schema.FOREIGN_FRAGMENT, by_article)

    analyses = []
    query = select(schema.articles).order_by(schema.articles.c.seq, schema.articles.c.id)
    for row in connection.execute(query).mappings():
        key = (row["id"],)
        article = schema.ARTICLE.record_from(
            row,
            removed=removed.get(key, ()),
            credits=credits.get(key, ()),
            foreign_fragments=fragments.get(key, ()),
        )
        analyses.append(
            ArticleAnalysis(
                article=article,
                mentions=mentions.get(key, ()),
                claims=claims.get(key, ()),
                times=times.get(key, ()),
            )
        )
    return analyses


def _load_entities(connection: Connection) -> list[Entity]:
    aliases = _grouped_values(connection, schema.entity_aliases, "alias", "entity_id")
    roles = _grouped_values(connection, schema.entity_roles, "role", "entity_id")
    mentions = _grouped(connection, schema.ENTITY_MENTION, ("entity_id",))
    query = select(schema.entities).order_by(schema.entities.c.ordinal)
    return [
        schema.ENTITY.record_from(
            row,
            aliases=aliases.get((row["id"],), ()),
            roles=roles.get((row["id"],), ()),
            mentions=mentions.get((row["id"],), ()),
        )
        for row in connection.execute(query).mappings()
    ]


def _load_copies(connection: Connection) -> list[CopyEdge]:
    query = select(schema.copies).order_by(schema.copies.c.ordinal)
    return [schema.COPY.record_from(row) for row in connection.execute(query).mappings()]


def _load_stories(connection: Connection) -> list[Story]:
    positions = _grouped(connection, schema.POSITION, ("story_id", "question_ordinal"))

    def question_parts(row: RowMapping) -> dict[str, Any]:
        return {"positions": positions.get((row["story_id"], row["ordinal"]), ())}

    questions = _grouped(connection, schema.QUESTION, ("story_id",), question_parts)
    timeline = _grouped(connection, schema.TIMELINE_ENTRY, ("story_id",))
    articles = _grouped_values(connection, schema.story_articles, "article_id", "story_id")
    query = select(schema.stories).order_by(schema.stories.c.ordinal)
    return [
        schema.STORY.record_from(
            row,
            articles=articles.get((row["id"],), ()),
            questions=questions.get((row["id"],), ()),
            timeline=timeline.get((row["id"],), ()),
        )
        for row in connection.execute(query).mappings()
    ]
