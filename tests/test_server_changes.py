"""What changed, and a live store (issue #18): the ingest history the store keeps, the ``/changes`` page and
``/api/changes`` after a second ingest (also after a restart), and ``/api/status`` while another process
writes to the same store, until the server has loaded what it wrote. The "other process" writes through a
second ``Store`` on the same file, with the calls an ingest makes (``save_analysis``, then
``save_cross_article``), without the analysis that would cost a spaCy load."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from factories import make_article, make_claim, make_position, make_question
from fastapi.testclient import TestClient
from report_sample import build_brief
from server_support import TOKEN, save_brief_store
from test_server import assert_inert

from storyline.records import ArticleAnalysis, Brief
from storyline.server import create_app, state
from storyline.store import Store
from storyline.store import history as ingest_history


def second_ingest(brief: Brief) -> tuple[Brief, ArticleAnalysis]:
    """The sample after one more article: story s2 gains a question; in s1 the hoax question gains an
    affirming position (denied → contested) and the troops figure of 10,000 a new speaker and outlet."""
    article = make_article("Kyiv Post said a hoax it is not.\n", id="a4", outlet="Kyiv Post")
    claim = make_claim("a hoax it is not", article=article, id="c8", speaker_text="Kyiv Post")
    s1, s2 = brief.stories
    troops, hoax = s1.questions
    moved = dataclasses.replace(
        troops.positions[1],
        speakers=(*troops.positions[1].speakers, "landsbergis"),
        outlets=(*troops.positions[1].outlets, "Kyiv Post"),
    )
    troops = dataclasses.replace(troops, positions=(troops.positions[0], moved))
    hoax = dataclasses.replace(
        hoax,
        status="contested",
        positions=(*hoax.positions, make_position("c8", outlets=("Kyiv Post",), stance="affirm")),
    )
    new = make_question("Will Lithuania send troops?", make_position("c7", stance="unconfirmed"), id="q-new")
    stories = (
        dataclasses.replace(s1, articles=(*s1.articles, "a4"), questions=(troops, hoax)),
        dataclasses.replace(s2, questions=(*s2.questions, new)),
    )
    later = dataclasses.replace(
        brief, articles=(*brief.articles, article), claims=(*brief.claims, claim), stories=stories
    )
    return later, ArticleAnalysis(article=article, claims=(claim,))


def ingest_second(db: Path) -> Brief:
    """Store the second ingest's article, then its cross-article results, as another process would."""
    later, analysis = second_ingest(build_brief())
    with Store.open(db) as other:
        assert other.save_analysis(analysis)
        other.save_cross_article(later.entities, later.copies, later.stories)
    return later


@contextmanager
def serving(db: Path) -> Iterator[TestClient]:
    with Store.open(db) as store, TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as client:
        yield client


# --- the history in the store ---------------------------------------------------------------------------


def test_each_refresh_that_changes_the_ledgers_is_recorded_once(tmp_path: Path) -> None:
    db = save_brief_store(build_brief(), tmp_path / "s.db")
    brief = build_brief()
    with Store.open(db) as store:
        store.save_cross_article(brief.entities, brief.copies, brief.stories)  # nothing changed
        states = store.load_ledger_states(5)
    assert [state.seq for state in states] == [1]
    troops = states[0].questions["q-troops"]
    assert troops["status"] == "contested" and troops["story"] == "s1"
    assert troops["positions"]["value:10000"]["speakers"] == ["Volodymyr Zelensky"]  # names, not ids
    assert states[0].questions["q-hoax"]["positions"]["stance:deny"]["speakers"] == ["Moscow"]
    ingest_second(db)
    with Store.open(db) as store:
        assert [state.seq for state in store.load_ledger_states(5)] == [2, 1]
        assert [state.articles for state in store.load_ledger_states(5)] == [4, 3]
        assert store.change_stamp() == ingest_history.ChangeStamp(articles=4, unplaced=0, ledger_state=2)


def test_only_the_last_states_are_kept(tmp_path: Path) -> None:
    db = save_brief_store(build_brief(), tmp_path / "s.db")
    brief = build_brief()
    with Store.open(db) as store:
        for number in range(ingest_history.KEPT_LEDGER_STATES + 3):
            retitled = make_question(f"Question {number}?", id="q-x")
            stories = (dataclasses.replace(brief.stories[0], questions=(retitled,)), brief.stories[1])
            store.save_cross_article(brief.entities, brief.copies, stories)
        kept = [state.seq for state in store.load_ledger_states(100)]
    assert len(kept) == ingest_history.KEPT_LEDGER_STATES and kept[0] == ingest_history.KEPT_LEDGER_STATES + 4


def test_a_store_of_schema_3_gains_the_history_table(tmp_path: Path) -> None:
    db = save_brief_store(build_brief(), tmp_path / "s.db")
    connection = sqlite3.connect(db)
    connection.execute("DROP TABLE ledger_states")
    connection.execute("UPDATE schema_version SET version = 3")
    connection.commit()
    connection.close()
    with Store.open(db) as store:
        assert store.load_ledger_states() == []
        ingest_second(db)
        assert [state.seq for state in store.load_ledger_states()] == [1]


# --- what changed ---------------------------------------------------------------------------------------


def test_changes_after_a_second_ingest_survive_a_restart(tmp_path: Path) -> None:
    db = save_brief_store(build_brief(), tmp_path / "s.db")
    with serving(db) as client:
        first = client.get("/api/changes").json()
        assert [c["question_id"] for c in first["changes"]["new"]] == ["q-troops", "q-hoax", "q-nato"]
        assert first["since"] is None and first["articles_after"] == 3
    ingest_second(db)
    with serving(db) as client:  # a new server over the same store: the history is read back
        body = client.get("/api/changes").json()
        changes = body["changes"]
        assert [c["question_id"] for c in changes["new"]] == ["q-new"]
        assert [(c["question_id"], c["previous_status"], c["status"]) for c in changes["status"]] == [
            ("q-hoax", "denied", "contested")
        ]
        hoax_moves = changes["status"][0]["details"]
        assert hoax_moves == ["new position affirm (Kyiv Post)"]
        assert [c["question_id"] for c in changes["moved"]] == ["q-troops"]
        assert changes["moved"][0]["details"] == [
            "10000: new speakers Gabrielius Landsbergis",
            "10000: new outlets Kyiv Post",
        ]
        assert changes["gone"] == [] and body["articles_before"] == 3 and body["articles_after"] == 4

        page = client.get("/changes").text
        assert_inert(page)
        assert 'href="/stories/s2#question-q-new"' in page and "Will Lithuania send troops?" in page
        assert "denied → contested" in page and "10000: new outlets Kyiv Post" in page
        assert "Is the deployment a hoax? | ](http://evil)" in page  # escaped, shown as text
        assert "New questions (1)" in page and "No longer in the ledger (0)" in page


def test_changes_page_of_an_empty_store(tmp_path: Path) -> None:
    Store.open(tmp_path / "empty.db").close()
    with serving(tmp_path / "empty.db") as client:
        assert "No ingest has been recorded" in client.get("/changes").text
        assert client.get("/api/changes").json()["changes"]["new"] == []


# --- live status ----------------------------------------------------------------------------------------


def wait_for(check: Callable[[], dict[str, Any] | None], timeout_s: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while not (result := check()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)
    return result


def test_status_follows_another_process_ingesting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state, "STAMP_CHECK_INTERVAL_S", 0.0)
    db = save_brief_store(build_brief(), tmp_path / "s.db")
    later, analysis = second_ingest(build_brief())
    with serving(db) as client:
        status = client.get("/api/status").json()
        assert status["current"] and not status["ingesting"] and status["shown_articles"] == 3
        assert 'data-articles="3" data-ledger-state="1"' in client.get("/").text

        with Store.open(db) as other:
            other.save_analysis(analysis)  # stored; the stories are not refreshed yet
            status = client.get("/api/status").json()
            assert status["ingesting"] and not status["current"]
            assert (status["stored_articles"], status["shown_articles"]) == (4, 3)
            assert len(client.get("/api/stories?limit=100").json()["items"]) == 2  # old data until done
            other.save_cross_article(later.entities, later.copies, later.stories)

        # The ingest is over: the server loads what it wrote (in its writer process) and says so.
        def current_status() -> dict[str, Any] | None:
            status = client.get("/api/status").json()
            return status if status["current"] else None

        status = wait_for(current_status)
        assert status["shown_articles"] == 4 and status["ledger_state"] == 2 and not status["ingesting"]
        assert "a4" in client.get("/api/stories/s1").json()["stories"][0]["articles"]
        assert 'data-articles="4" data-ledger-state="2"' in client.get("/").text
        assert [c["question_id"] for c in client.get("/api/changes").json()["changes"]["new"]] == ["q-new"]


def test_pages_carry_the_state_they_show(tmp_path: Path) -> None:
    db = save_brief_store(build_brief(), tmp_path / "s.db")
    with serving(db) as client:
        for path in ("/", "/stories/s1", "/articles/a1", "/entities", "/entities/nis", "/claims", "/changes"):
            page = client.get(path).text
            assert 'id="live"' in page and 'data-articles="3"' in page, path
