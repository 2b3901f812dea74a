"""A Storyline store: SQLite by default (one file, no server), PostgreSQL for a shared team server.

``Store`` is the contract; ``tables`` (the SQLAlchemy tables), ``rows`` (records ↔ rows) and ``connection``
(opening, the schema check, what a database error means) are its parts, the only SQL in Storyline.
"""

from storyline.store.database import Store

__all__ = ["Store"]
