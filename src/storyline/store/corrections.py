"""The store's ``corrections`` table and the ``Store`` methods that read and write it.

Analysts' corrections are not analysis: no run replaces them (they are outside ``CROSS_ARTICLE_TABLES``),
and every brief is the analysis with them replayed (``storyline.corrections``). The table is new without a
schema version of its own: a store written before it existed gets it the first time it is opened for
writing (``ensure_table``), and a read-only one without it simply holds no corrections.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import JSON, Column, Connection, Integer, Table, Text, delete, insert, inspect, select

from storyline.corrections import Correction
from storyline.errors import StorylineStoreError
from storyline.store.tables import metadata

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),
    Column("targets", JSON, nullable=False),  # stable keys (see storyline.corrections), in the kind's order
    Column("payload", JSON, nullable=False),  # fallbacks that find the targets again, kind-specific parts
    Column("note", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", Text, nullable=False),  # ISO 8601, UTC
)


class _Transactions(Protocol):
    def _transaction(self, write: bool = False) -> AbstractContextManager[Connection]: ...


def ensure_table(connection: Connection) -> None:
    """Create the table in a store written before it existed (a no-op when it is there)."""
    corrections.create(connection, checkfirst=True)


def _has_table(connection: Connection) -> bool:
    return bool(inspect(connection).has_table(corrections.name))


class CorrectionStore:
    """The corrections part of ``Store``: add, list in the order made, remove."""

    def add_correction(self: _Transactions, correction: Correction) -> Correction:
        """Store ``correction``; it comes back with its id and time."""
        created_at = correction.created_at or datetime.now(UTC).isoformat(timespec="seconds")
        row = {
            "kind": correction.kind,
            "targets": list(correction.targets),
            "payload": correction.payload,
            "note": correction.note,
            "author": correction.author,
            "created_at": created_at,
        }
        with self._transaction(write=True) as connection:
            ensure_table(connection)
            new_id = connection.execute(insert(corrections).values(**row)).inserted_primary_key
        return Correction(
            correction.kind,
            correction.targets,
            correction.payload,
            note=correction.note,
            author=correction.author,
            id=int(new_id[0]) if new_id else None,
            created_at=created_at,
        )

    def list_corrections(self: _Transactions) -> list[Correction]:
        """Every stored correction, oldest first (the order they are replayed in)."""
        with self._transaction() as connection:
            if not _has_table(connection):
                return []
            query = select(corrections).order_by(corrections.c.id)
            return [_correction_from(row) for row in connection.execute(query).mappings()]

    def remove_correction(self: _Transactions, correction_id: int) -> bool:
        """Remove one correction; False when the store holds none with that id."""
        with self._transaction(write=True) as connection:
            ensure_table(connection)
            removed = connection.execute(delete(corrections).where(corrections.c.id == correction_id))
            return bool(removed.rowcount)


def _correction_from(row: Any) -> Correction:
    return Correction(
        kind=row["kind"],
        targets=tuple(row["targets"]),
        payload=dict(row["payload"]),
        note=row["note"],
        author=row["author"],
        id=row["id"],
        created_at=row["created_at"],
    )


def prepare(transaction: Callable[..., AbstractContextManager[Connection]]) -> None:
    """On opening: add the table to a writable store that lacks it; a read-only one is left as it is."""
    with transaction() as connection:
        if _has_table(connection):
            return
    try:
        with transaction(write=True) as connection:
            ensure_table(connection)
    except StorylineStoreError:
        pass  # read-only: it holds no corrections, and list_corrections says so
