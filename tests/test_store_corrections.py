"""The store's corrections table: added, listed oldest first, removed; created in a store written before it
existed, on opening; never replaced by a cross-article run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyline.corrections import Correction
from storyline.store import Store


def _note(text: str) -> Correction:
    return Correction("note", ("e-0123456789",), {"subject": "entity"}, note=text, author="ana")


def test_corrections_are_added_listed_in_order_and_removed(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        first = store.add_correction(_note("first"))
        second = store.add_correction(_note("second <b>"))
        assert first.id is not None and second.id is not None and second.id > first.id
        assert first.created_at
        listed = store.list_corrections()
        assert [c.note for c in listed] == ["first", "second <b>"]
        assert listed[0].targets == ("e-0123456789",) and listed[0].payload == {"subject": "entity"}
        assert store.remove_correction(first.id)
        assert not store.remove_correction(first.id)
        assert [c.id for c in store.list_corrections()] == [second.id]


def test_corrections_outlive_a_cross_article_run(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.add_correction(_note("kept"))
        store.save_cross_article([], [], [])
        assert [c.note for c in store.list_corrections()] == ["kept"]


def test_opening_a_store_without_the_table_creates_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE corrections")  # a store written before corrections existed
    with Store.open(path) as store:
        assert store.list_corrections() == []
        store.add_correction(_note("new"))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT note FROM corrections").fetchall() == [("new",)]


def test_a_read_only_store_without_the_table_holds_no_corrections(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE corrections")
    with Store.open(f"sqlite:///file:{path}?mode=ro&uri=true", create=False) as store:
        assert store.list_corrections() == []
