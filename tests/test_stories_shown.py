"""Developing stories wherever a user sees stories (issue #14): a store whose two event stories join lists
one developing story, briefs it by either event story's id, and serves the same through the API and the
pages; the joined event story's id leads to the developing story, never to "no such story"."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_stories_developing import ABOUT_THE_GUNMAN, NAMING_THE_GUNMAN, analysis, needs_vocabulary
from typer.testing import CliRunner

from storyline import pipeline
from storyline.cli import app
from storyline.errors import StorylineInputError
from storyline.records import StoryTrack
from storyline.server import create_app
from storyline.store import Store

pytestmark = needs_vocabulary

TOKEN = "test-token-for-writes"
# Two event stories of one incident, three days apart, one article each: the report about the gunman is
# the earlier, so the developing story takes its id (the largest event story's, the earliest of equals).
LEAD, JOINED = "s-about", "s-naming"
ARTICLES = {"about", "naming"}


@pytest.fixture(scope="module")
def joined_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding two event stories as the incremental clusterer left them, no brief built yet."""
    db = tmp_path_factory.mktemp("developing") / "store.db"
    items = [
        analysis("about", ABOUT_THE_GUNMAN, "2016-06-13"),
        analysis("naming", NAMING_THE_GUNMAN, "2016-06-16"),
    ]
    with Store.open(db) as store:
        store.save_analyses(items)
        for item in items:
            article, published = item.article.id, item.article.published
            track = StoryTrack(f"s-{article}", article, (article,), article, 1.0, published, published)
            store.save_story_placement(article, 1.0, [track])
    return db


@pytest.fixture(scope="module")
def client(joined_db: Path) -> Iterator[TestClient]:
    with (
        Store.open(joined_db) as store,
        TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as test_client,
    ):
        yield test_client


def test_the_listing_shows_the_developing_story_naming_the_event_story_it_joined(joined_db: Path) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", str(joined_db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["id"], row["articles"], row["joined"]) for row in rows] == [(LEAD, 2, [JOINED])]
    table = CliRunner().invoke(app, ["stories", "--db", str(joined_db)], env={"COLUMNS": "120"})
    assert "1 stories" in table.stdout and JOINED in table.stdout, table.stdout
    listed_csv = CliRunner().invoke(app, ["stories", "--db", str(joined_db), "--format", "csv"])
    (row,) = csv.DictReader(io.StringIO(listed_csv.stdout))
    assert (row["id"], row["joined"]) == (LEAD, JOINED)


@pytest.mark.parametrize("asked", [LEAD, JOINED])
def test_a_story_brief_by_either_id_is_the_developing_story(joined_db: Path, asked: str) -> None:
    with Store.open(joined_db) as store:
        brief = pipeline.stored_brief(store, asked)
    assert [(story.id, set(story.articles)) for story in brief.stories] == [(LEAD, ARTICLES)]
    assert {article.id for article in brief.articles} == ARTICLES


def test_an_export_by_the_joined_id_is_the_developing_story(joined_db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(joined_db), "--story", JOINED])
    assert result.exit_code == 0, result.output
    assert [story["id"] for story in json.loads(result.stdout)["stories"]] == [LEAD]


def test_an_id_no_story_had_is_still_unknown(joined_db: Path) -> None:
    with Store.open(joined_db) as store, pytest.raises(StorylineInputError, match="no such story"):
        pipeline.story_brief(store, "s-nothing")


def test_the_api_lists_and_finds_the_story_the_listing_shows(client: TestClient, joined_db: Path) -> None:
    listed = client.get("/api/stories").json()["items"]
    assert [(story["id"], story["articles"], story["joined"]) for story in listed] == [(LEAD, 2, [JOINED])]
    for asked in (LEAD, JOINED):
        found = client.get(f"/api/stories/{asked}")
        assert found.status_code == 200 and found.url.path == f"/api/stories/{LEAD}", (asked, found.url)
        assert [(s["id"], set(s["articles"])) for s in found.json()["stories"]] == [(LEAD, ARTICLES)]
        page = client.get(f"/stories/{asked}")
        assert page.status_code == 200 and page.url.path == f"/stories/{LEAD}"
    exported = client.get("/api/export", params={"story": JOINED})
    assert [story["id"] for story in exported.json()["stories"]] == [LEAD]
    assert client.get("/api/stories/s-nothing").status_code == 404
