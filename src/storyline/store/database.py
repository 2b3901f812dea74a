"""Persistence of records: SQLite by default (one file, no server), PostgreSQL for a shared team server.

The only module that speaks SQL, and only through SQLAlchemy Core expressions (parameterised). Each
article's analysis is written in one transaction, so an interrupted run keeps every finished article whole
and a re-run skips them; cross-article results are replaced as a whole, also in one transaction.
The tables live in ``tables``, the record ↔ row mapping in ``rows``, opening and the schema check in
``connection``; this module holds the reads and writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import (
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
)
from sqlalchemy.exc import DBAPIError, IntegrityError

from storyline.errors import StorylineConfigurationError, StorylineStoreError
from storyline.records import ArticleAnalysis, CopyEdge, Entity, Story, StoryEvent, StoryTrack
from storyline.store import connection as opening
from storyline.store import corrections as stored_corrections
from storyline.store import history, rows, tables
from storyline.store import placement as placements_module
from storyline.store.placement import Placement

RecordT = TypeVar("RecordT")


class Store(stored_corrections.CorrectionStore):
    """A Storyline database. Open it with ``Store.open`` and use it as a context manager."""

    def __init__(self, engine: Engine, label: str, temporary_dir: TemporaryDirectory[str] | None = None):
        self._engine = engine
        self._label = label  # how messages name the store: its path, or its URL without the password
        self._temporary_dir = temporary_dir

    @classmethod
    def open(cls, db: str | Path | None, create: bool = True) -> Store:
        """Open the store at ``db``: ``None`` for a temporary SQLite file removed on close, a path for a
        SQLite file, or a ``sqlite://``/``postgresql://`` URL. A new one is created unless ``create`` is
        off, for commands that only read (an export of a mistyped path must not leave an empty store)."""
        temporary_dir = TemporaryDirectory(prefix="storyline-") if db is None else None
        url, label = opening.database_url(db, temporary_dir, create)
        try:
            engine = create_engine(url)
        except ModuleNotFoundError as error:  # e.g. a postgresql:// URL without its driver installed
            raise StorylineConfigurationError(
                label, f"database driver not installed ({error.name})"
            ) from error
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", opening.configure_sqlite)
            event.listen(engine, "begin", opening.begin_sqlite)
        store = cls(engine, label, temporary_dir)
        try:
            store._prepare_schema(create)
        except BaseException:
            store.close()
            raise
        return store

    @property
    def url(self) -> str:
        """The database URL, password included: for another process of this program to open this store."""
        return str(self._engine.url.render_as_string(hide_password=False))

    @property
    def label(self) -> str:
        return self._label

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
            return int(connection.execute(select(func.count()).select_from(tables.articles)).scalar_one())

    def count_articles_outside_stories(self) -> int:
        """Articles no stored story holds: every analysed article belongs to one story, so more than zero
        means the cross-article results are older than the last ingest."""
        in_a_story = select(tables.story_articles.c.article_id)
        query = select(func.count()).where(tables.articles.c.id.not_in(in_a_story))
        with self._transaction() as connection:
            return int(connection.execute(query).scalar_one())

    def articles_outside_story_tracks(self) -> list[str]:
        """Stored articles the incremental clusterer has not placed (a run killed between storing an
        article and placing it), in the order they were stored."""
        placed = select(tables.story_members.c.article_id)
        query = (
            select(tables.articles.c.id)
            .where(tables.articles.c.id.not_in(placed))
            .order_by(tables.articles.c.seq, tables.articles.c.id)
        )
        with self._transaction() as connection:
            return list(connection.execute(query).scalars())

    def save_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Store one article and everything found in it, all or nothing; an article already held (another
        writer may have stored it meanwhile) is left as it is. True when this call stored it."""
        try:
            with self._transaction(write=True) as connection:
                if _holds_article(connection, analysis.article.id):
                    return False
                _insert_analysis(connection, analysis)
                return True
        except IntegrityError:
            # On PostgreSQL another writer may store the same article between our check and our insert.
            if self.has_article(analysis.article.id):
                return False
            raise

    def save_analyses(self, analyses: Sequence[ArticleAnalysis]) -> list[bool]:
        """``save_analysis`` of each, in one transaction: the analyses a worker returns together (a chunk)
        arrive at once, and a transaction each cost more CPU than writing their rows (1,000 generated
        articles: 1.5 s of the main process's). An article already held, or earlier in ``analyses``, is
        left as it is (False). On PostgreSQL a writer storing one of them meanwhile makes the batch fail as
        a whole: it is then stored one by one."""
        try:
            with self._transaction(write=True) as connection:
                held = _held_articles(connection, [analysis.article.id for analysis in analyses])
                stored = []
                for analysis in analyses:
                    stored.append(analysis.article.id not in held)
                    held.add(analysis.article.id)
                _insert_analyses(connection, [a for a, new in zip(analyses, stored, strict=True) if new])
                return stored
        except IntegrityError:
            return [self.save_analysis(analysis) for analysis in analyses]

    def load_analyses(self) -> list[ArticleAnalysis]:
        """Every stored analysis, in the order the articles were stored."""
        with self._transaction() as connection:
            return _load_analyses(connection)

    # --- cross-article ----------------------------------------------------------------------------------

    def save_cross_article(
        self, entities: Sequence[Entity], copies: Sequence[CopyEdge], stories: Sequence[Story]
    ) -> None:
        """Replace the stored cross-article results (entities, copies, stories) with these, in one go, and
        record the ledgers' summary in the ingest history (``history``) in the same transaction."""
        with self._transaction(write=True) as connection:
            for table in tables.CROSS_ARTICLE_TABLES:
                connection.execute(delete(table))
            _insert_rows(connection, rows.cross_article_rows(entities, copies, stories))
            articles = connection.execute(select(func.count()).select_from(tables.articles)).scalar_one()
            history.record_ledger_state(connection, articles, history.summarise_ledgers(stories, entities))

    def load_cross_article(self) -> tuple[list[Entity], list[CopyEdge], list[Story]]:
        with self._transaction() as connection:
            return _load_entities(connection), _load_copies(connection), _load_stories(connection)

    def load_stories(self) -> list[Story]:
        """The stored stories of the last refresh (``load_cross_article``'s, without entities and copies)."""
        with self._transaction() as connection:
            return _load_stories(connection)

    def load_ledger_states(self, count: int = 2, up_to: int | None = None) -> list[history.LedgerState]:
        """The ledgers' summaries after the last ``count`` refreshes that changed them (up to state number
        ``up_to``), newest first."""
        with self._transaction() as connection:
            return history.load_ledger_states(connection, count, up_to)

    def change_stamp(self) -> history.ChangeStamp:
        """What a reader compares with the brief it holds to know whether the store has moved on."""
        with self._transaction() as connection:
            ledger_state = history.last_ledger_seq(connection)
        return history.ChangeStamp(self.count_articles(), self.count_articles_outside_stories(), ledger_state)

    # --- incremental stories ----------------------------------------------------------------------------

    def load_story_tracks(self) -> list[StoryTrack]:
        """Every story the incremental clusterer holds (merged ones too, marked), oldest first, each with
        its members in joining order."""
        with self._transaction() as connection:
            members = _grouped_values(connection, tables.story_members, "article_id", "story_id", "seq")
            query = select(tables.story_tracks).order_by(tables.story_tracks.c.seq)
            return [
                rows.story_track_from(row, members.get((row["id"],), ()))
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
        self.save_story_placements([(article_id, score, tracks, events, member_of)])

    def save_story_placements(self, placements: Sequence[Placement]) -> None:
        """Several placements (each as ``save_story_placement`` takes it), in order, in one transaction: a
        transaction each cost more than writing the rows. The ingest stores a batch's placements so once
        its articles are stored; an interrupt loses at most that batch's placements, and the articles left
        outside any story are placed first on the next run (``pipeline.place_left_over``)."""
        with self._transaction(write=True) as connection:
            for placement in placements:
                placements_module.write_placement(connection, *placement)

    def load_story_events(self) -> list[StoryEvent]:
        with self._transaction() as connection:
            query = select(tables.story_events).order_by(tables.story_events.c.seq)
            return [rows.story_event_from(row) for row in connection.execute(query).mappings()]

    def load_article_outlets(self) -> dict[str, str | None]:
        """Each stored article's outlet (None when unknown), for per-source counts without loading texts."""
        with self._transaction() as connection:
            query = select(tables.articles.c.id, tables.articles.c.outlet)
            return {article_id: outlet for article_id, outlet in connection.execute(query)}

    # --- plumbing ---------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        """One transaction. A write the database refuses as read-only becomes a store error; the
        transaction is rolled back first, so nothing partial is left."""
        try:
            connection = self._engine.connect()
        except DBAPIError as error:
            raise opening.open_error(self._label, error) from error
        with connection:
            connection.execution_options(storyline_write=write)
            try:
                with connection.begin():
                    yield connection
            except DBAPIError as error:
                if opening.is_read_only(error):
                    message = f"database is read-only, nothing was written ({error.orig})"
                elif opening.is_storage_failure(error):
                    message = f"cannot write to the database, this transaction was rolled back ({error.orig})"
                elif opening.is_damaged(error):
                    raise opening.damaged(self._label, str(error.orig)) from error
                else:
                    raise
                raise StorylineStoreError(self._label, message) from error

    def _prepare_schema(self, create: bool) -> None:
        """Create the tables in a new database; refuse one that is not ours or a newer Storyline's."""
        with self._transaction() as connection:
            is_new = opening.check_schema(connection, self._label, create)
            if not is_new and self._engine.dialect.name == "sqlite":
                opening.check_integrity(connection, self._label)
            outdated = not is_new and opening.stored_version(connection) < tables.SCHEMA_VERSION
        if outdated:
            with self._transaction(write=True) as connection:
                opening.upgrade_schema(connection)  # re-reads the version under the write lock
        if is_new:
            with self._transaction(write=True) as connection:
                # Checked again under the write lock: another process may have created them meanwhile.
                if opening.check_schema(connection, self._label):
                    tables.metadata.create_all(connection)
                    connection.execute(insert(tables.schema_version).values(version=tables.SCHEMA_VERSION))
        stored_corrections.prepare(self._transaction)  # a table newer than the store (no version bump)


# --- writing --------------------------------------------------------------------------------------------


def _holds_article(connection: Connection, article_id: str) -> bool:
    query = select(tables.articles.c.id).where(tables.articles.c.id == article_id)
    return connection.execute(query).first() is not None


def _held_articles(connection: Connection, article_ids: Sequence[str]) -> set[str]:
    query = select(tables.articles.c.id).where(tables.articles.c.id.in_(article_ids))
    return set(connection.execute(query).scalars())


def _insert_analysis(connection: Connection, analysis: ArticleAnalysis) -> None:
    _insert_analyses(connection, [analysis])


def _insert_analyses(connection: Connection, analyses: Sequence[ArticleAnalysis]) -> None:
    """The articles in order (each numbered after the last stored), then their rows table by table."""
    if not analyses:
        return
    # The next insertion number, computed inside the INSERT so it reads and writes under one lock.
    next_seq = select(func.coalesce(func.max(tables.articles.c.seq), 0) + 1).scalar_subquery()
    for analysis in analyses:
        values = rows.ARTICLE.row(analysis.article, seq=next_seq, triggers=list(analysis.triggers))
        connection.execute(insert(tables.articles).values(**values))
    rows_by_table: rows.Rows = defaultdict(list)
    for analysis in analyses:
        for table, table_rows in rows.analysis_rows(analysis).items():
            rows_by_table[table] += table_rows
    _insert_rows(connection, rows_by_table)


def _insert_rows(connection: Connection, rows_by_table: rows.Rows) -> None:
    for table, table_rows in rows_by_table.items():
        if table_rows:  # an executemany with no rows is an error, not a no-op
            connection.execute(insert(table), table_rows)


# --- reading --------------------------------------------------------------------------------------------


def _grouped(
    connection: Connection,
    spec: rows.RecordTable[RecordT],
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
    quantities = _grouped(connection, rows.QUANTITY, by_claim)
    claim_times = _grouped(connection, rows.CLAIM_TIME, by_claim)

    def claim_parts(row: RowMapping) -> dict[str, Any]:
        key = (row["article_id"], row["ordinal"])
        return {"quantities": quantities.get(key, ()), "times": claim_times.get(key, ())}

    claims = _grouped(connection, rows.CLAIM, by_article, claim_parts)
    mentions = _grouped(connection, rows.MENTION, by_article)
    times = _grouped(connection, rows.TIME_EXPRESSION, by_article)
    removed = _grouped(connection, rows.REMOVED_LINE, by_article)
    credits = _grouped(connection, rows.CREDIT, by_article)
    fragments = _grouped(connection, rows.FOREIGN_FRAGMENT, by_article)

    analyses = []
    query = select(tables.articles).order_by(tables.articles.c.seq, tables.articles.c.id)
    for row in connection.execute(query).mappings():
        key = (row["id"],)
        article = rows.ARTICLE.record_from(
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
                triggers=tuple(row["triggers"] or ()),
            )
        )
    return analyses


def _load_entities(connection: Connection) -> list[Entity]:
    aliases = _grouped_values(connection, tables.entity_aliases, "alias", "entity_id")
    roles = _grouped_values(connection, tables.entity_roles, "role", "entity_id")
    mentions = _grouped(connection, rows.ENTITY_MENTION, ("entity_id",))
    query = select(tables.entities).order_by(tables.entities.c.ordinal)
    return [
        rows.ENTITY.record_from(
            row,
            aliases=aliases.get((row["id"],), ()),
            roles=roles.get((row["id"],), ()),
            mentions=mentions.get((row["id"],), ()),
        )
        for row in connection.execute(query).mappings()
    ]


def _load_copies(connection: Connection) -> list[CopyEdge]:
    query = select(tables.copies).order_by(tables.copies.c.ordinal)
    return [rows.COPY.record_from(row) for row in connection.execute(query).mappings()]


def _load_stories(connection: Connection) -> list[Story]:
    positions = _grouped(connection, rows.POSITION, ("story_id", "question_ordinal"))

    def question_parts(row: RowMapping) -> dict[str, Any]:
        return {"positions": positions.get((row["story_id"], row["ordinal"]), ())}

    questions = _grouped(connection, rows.QUESTION, ("story_id",), question_parts)
    timeline = _grouped(connection, rows.TIMELINE_ENTRY, ("story_id",))
    articles = _grouped_values(connection, tables.story_articles, "article_id", "story_id")
    query = select(tables.stories).order_by(tables.stories.c.ordinal)
    return [
        rows.STORY.record_from(
            row,
            articles=articles.get((row["id"],), ()),
            questions=questions.get((row["id"],), ()),
            timeline=timeline.get((row["id"],), ()),
        )
        for row in connection.execute(query).mappings()
    ]
