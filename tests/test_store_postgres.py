"""The store on a real PostgreSQL server: the same schema and round trips as on SQLite.

The server's URL comes from STORYLINE_TEST_POSTGRES_URL (``.ci/postgres.sh`` starts a throw-away server and
sets it). Each test gets a database of its own, dropped afterwards. Without a reachable server the tests
skip with a message — except in CI (CI=true), where they must run.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from storyline.records import StoryEvent, StoryTrack
from storyline.store import Store
from tests.test_store import bulk_analysis, cross_article_results, full_analysis

SERVER_URL = os.environ.get("STORYLINE_TEST_POSTGRES_URL", "")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(f"no PostgreSQL server for the store tests: {reason}")


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """The URL of a fresh, empty database on the test server."""
    if not SERVER_URL:
        _unavailable("STORYLINE_TEST_POSTGRES_URL is not set (run the tests under .ci/postgres.sh)")
    try:
        import psycopg
    except ImportError:
        _unavailable("psycopg is not installed")
    name = f"storyline_test_{uuid.uuid4().hex[:12]}"
    admin_url = make_url(SERVER_URL).set(drivername="postgresql")
    conninfo = admin_url.render_as_string(hide_password=False)
    try:
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        _unavailable(f"cannot reach {admin_url.render_as_string(hide_password=True)} ({error})")
    yield admin_url.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_round_trip_keeps_every_field_and_insertion_order(postgres_url: str) -> None:
    saved = [full_analysis("zz-second-id"), full_analysis("aa-first-id", outlet="Yonhap"), bulk_analysis(3)]
    with Store.open(postgres_url) as store:
        for analysis in saved:
            store.save_analysis(analysis)
        store.save_analysis(saved[0])  # stored once, as on SQLite
        assert store.load_analyses() == saved
        assert store.count_articles() == 3
    with Store.open(postgres_url) as reopened:  # the schema is found, not created again
        assert reopened.load_analyses() == saved


def test_cross_article_results_round_trip_and_are_replaced(postgres_url: str) -> None:
    first_run = cross_article_results(["a1", "a2"], "one")
    second_run = cross_article_results(["a1", "a2"], "two")
    with Store.open(postgres_url) as store:
        for article_id in ("a1", "a2"):
            store.save_analysis(full_analysis(article_id))
        store.save_cross_article(*first_run)
        assert store.load_cross_article() == first_run
        store.save_cross_article(*second_run)
        assert store.load_cross_article() == second_run


def test_story_placements_round_trip(postgres_url: str) -> None:
    track = StoryTrack(
        id="s-1",
        title="Kursk “troops”",
        articles=("a1",),
        representative="a1",
        first_date="2024-10-18",
        last_date="2024-10-18",
        vector_sum=(0.5, -0.25, 1.0),
        actor_counts=(("kursk", 1),),
        word_counts=(("troops", 1),),
    )
    with Store.open(postgres_url) as store:
        for article_id in ("a1", "a2"):
            store.save_analysis(full_analysis(article_id))
        store.save_story_placement("a1", 1.0, [track])
        other = StoryTrack(id="s-2", title="Other", articles=("a2",), representative="a2")
        store.save_story_placement("a2", 1.0, [other])
        merged = StoryTrack(id="s-1", title=track.title, articles=("a1", "a2"), representative="a1")
        event = StoryEvent("merge", "s-1", "s-2", "a2", 0.7)
        absorbed = dataclasses.replace(other, merged_into="s-1")
        store.save_story_placement("a2", 0.7, [merged, absorbed], [event])
        tracks = store.load_story_tracks()
        assert [t.id for t in tracks] == ["s-1", "s-2"]
        assert tracks[0].articles == ("a1", "a2") and tracks[1].merged_into == "s-1"
        assert store.load_story_events() == [event]


def test_corrections_and_ledger_history_work_on_postgresql(postgres_url: str) -> None:
    """The tables this round added (analysts' corrections, each ingest's ledger state) on the server store."""
    from tests.test_store_corrections import _note

    with Store.open(postgres_url) as store:
        for article_id in ("a1", "a2"):
            store.save_analysis(full_analysis(article_id))
        store.save_cross_article(*cross_article_results(["a1", "a2"], "one"))
        first = store.add_correction(_note("first <b>"))
        store.add_correction(_note("second"))
        assert [c.note for c in store.list_corrections()] == ["first <b>", "second"]
        assert first.id is not None and store.remove_correction(first.id)
        assert store.change_stamp().articles == 2
        assert len(store.load_ledger_states(2)) >= 1
    with Store.open(postgres_url) as reopened:
        assert [c.note for c in reopened.list_corrections()] == ["second"]
