"""Opening a store: the database URL a ``--db`` value names, SQLite's connection settings, the schema check,
and which database errors mean "read-only" or "storage failed" — so the ``Store`` class holds only reads and
writes. Every failure a user can act on is a ``StorylineStoreError`` naming the store.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import DDL, URL, Connection, func, insert, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import CreateColumn

from storyline.errors import StorylineStoreError
from storyline.store import tables

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


def database_url(
    db: str | Path | None, temporary_dir: TemporaryDirectory[str] | None, create: bool = True
) -> tuple[URL, str]:
    """The SQLAlchemy URL for ``db`` and how messages should name it. With ``create`` off, a SQLite file
    that does not exist is refused here, before connecting would create it."""
    if db is None:
        assert temporary_dir is not None
        path = Path(temporary_dir.name) / "storyline.db"
        return URL.create("sqlite", database=str(path)), "<temporary store>"
    if isinstance(db, str) and _DATABASE_URL.match(db):
        url = make_url(db)
        if url.drivername == "postgresql":  # SQLAlchemy's default is psycopg2; we install psycopg 3
            url = url.set(drivername="postgresql+psycopg")
        label = url.render_as_string(hide_password=True)
        if not create and url.get_backend_name() == "sqlite" and _names_a_file(url.database):
            _require_file(Path(str(url.database)), label)
        return url, label
    path = Path(db).expanduser()
    if not path.parent.is_dir():
        raise StorylineStoreError(str(path), "directory does not exist")
    if path.is_dir():
        raise StorylineStoreError(str(path), "is a directory, not a database file")
    if not create:
        _require_file(path, str(path))
    return URL.create("sqlite", database=str(path)), str(path)


def _names_a_file(database: str | None) -> bool:
    # ":memory:" and "" are in-memory databases; "file:…" URIs carry their own mode (``mode=ro``, …).
    return bool(database) and database != ":memory:" and not str(database).startswith("file:")


def _require_file(path: Path, label: str) -> None:
    if not path.is_file():
        raise StorylineStoreError(label, "no such store (create it with `storyline ingest --db …`)")


def configure_sqlite(dbapi_connection: sqlite3.Connection, _connection_record: object) -> None:
    # SQLAlchemy emits BEGIN itself (begin_sqlite): the sqlite3 module's own transaction handling starts
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


def begin_sqlite(connection: Connection) -> None:
    # A writer takes the write lock up front: a deferred BEGIN that reads, then writes after another
    # writer committed, fails at once (SQLITE_BUSY_SNAPSHOT) instead of waiting out busy_timeout.
    if connection.get_execution_options().get("storyline_write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def open_error(label: str, error: DBAPIError) -> StorylineStoreError:
    if getattr(error.orig, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return StorylineStoreError(label, f"not a Storyline database ({error.orig})")
    if is_damaged(error):
        return damaged(label, str(error.orig))
    return StorylineStoreError(label, f"cannot open the database ({error.orig})")


def is_damaged(error: DBAPIError) -> bool:
    """SQLite found the file's structure broken (a failing disk, a copy taken mid-write, an edit)."""
    return str(getattr(error.orig, "sqlite_errorname", "")).startswith("SQLITE_CORRUPT")


def damaged(label: str, problem: str) -> StorylineStoreError:
    return StorylineStoreError(
        label, f"the database is damaged ({problem}); restore it from a backup, nothing was changed"
    )


def check_integrity(connection: Connection, label: str) -> None:
    """Raise for a SQLite file damaged anywhere, not only in the tables a command happens to read (the
    story listing reads none of the article pages). ``quick_check`` reads every page once: linear in the
    file's size, without the index cross-checks of ``integrity_check``."""
    problems = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check(1)")]
    if problems != ["ok"]:
        # SQLite's report spans lines ("*** in database main ***\nTree 12 page 40: …"): one line here.
        raise damaged(label, " ".join(" ".join(problems).replace("*** in database main ***", "").split()))


def is_read_only(error: DBAPIError) -> bool:
    original = error.orig
    if getattr(original, "sqlite_errorname", "").startswith("SQLITE_READONLY"):
        return True
    # psycopg names the SQLSTATE ``sqlstate``, psycopg2 ``pgcode``.
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return state in _POSTGRES_READ_ONLY_STATES


def is_storage_failure(error: DBAPIError) -> bool:
    """The disk is full or the file cannot be written (a quota, a file size limit, a failing disk)."""
    name = getattr(error.orig, "sqlite_errorname", "")
    if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR"):
        return True
    state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return state in _POSTGRES_STORAGE_STATES


def check_schema(connection: Connection, label: str, create: bool = True) -> bool:
    """True for an empty database (tables to create); raises for one that is not a Storyline store, that
    a newer Storyline wrote, or, with ``create`` off, that is empty."""
    table_names = set(connection.dialect.get_table_names(connection))
    if not table_names:
        if not create:
            raise StorylineStoreError(label, "not a Storyline database (it is empty)")
        return True
    if tables.schema_version.name not in table_names:
        raise StorylineStoreError(
            label, "not a Storyline database (it holds other tables, no schema_version)"
        )
    version = connection.execute(select(func.max(tables.schema_version.c.version))).scalar()
    if version is None:
        raise StorylineStoreError(label, "not a Storyline database (its schema_version table is empty)")
    if version > tables.SCHEMA_VERSION:
        raise StorylineStoreError(
            label,
            f"database schema version {version} is newer than this Storyline reads "
            f"({tables.SCHEMA_VERSION}); upgrade Storyline to open it",
        )
    return False


def stored_version(connection: Connection) -> int:
    """The schema version a (checked) store was written with."""
    return int(connection.execute(select(func.max(tables.schema_version.c.version))).scalar() or 0)


def upgrade_schema(connection: Connection) -> None:
    """Bring a store written by an older Storyline to this one's schema: add the columns each later version
    added (with their defaults, so existing rows stay valid) unless a column is there already (an upgrade
    cut short before its version was recorded), create the tables it added, and record the new version.
    The table and column names are our own constants, never user input."""
    version = stored_version(connection)
    inspector = inspect(connection)
    for step in range(version + 1, tables.SCHEMA_VERSION + 1):
        for table, column_name in tables.COLUMNS_ADDED.get(step, ()):
            if any(column["name"] == column_name for column in inspector.get_columns(table.name)):
                continue
            # SQLAlchemy Core has no "add column" construct; DDL quotes the table and CreateColumn writes the
            # column's definition, both from our own table metadata.
            column = CreateColumn(table.c[column_name]).compile(dialect=connection.dialect)
            connection.execute(DDL("ALTER TABLE %(fullname)s ADD COLUMN " + str(column)).against(table))
    # Tables a later version added (checked first, so existing ones are left as they are).
    tables.metadata.create_all(connection)
    if version < tables.SCHEMA_VERSION:
        connection.execute(insert(tables.schema_version).values(version=tables.SCHEMA_VERSION))
