"""The commands that read a store: a typo'd --db is a usage error, never a new empty store (issue #18), and
the stories listing shows ids whole, since `--story` takes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
# An address no server can bind: should serve ever get past the store check, it stops instead of serving.
READERS = {"stories": (), "export": (), "serve": ("--host", "256.0.0.1", "--port", "9")}


@pytest.mark.parametrize("command", sorted(READERS))
@pytest.mark.parametrize("where", ["typo.db", "no-such-folder/store.db"])
def test_a_reader_given_a_missing_store_says_so_in_one_line(tmp_path: Path, command: str, where: str) -> None:
    missing = tmp_path / where
    result = CliRunner().invoke(app, [command, "--db", str(missing), *READERS[command]])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"storyline: {missing}: "), (
        result.stderr
    )
    assert re.search(r"no such store|directory does not exist", result.stderr)
    assert not missing.exists()


def test_ingest_still_creates_its_store(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    db = tmp_path / "new.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--quiet"])
    assert result.exit_code == 1  # nothing to add, but the store is there for the next ingest
    with Store.open(db, create=False) as store:
        assert store.count_articles() == 0


@pytest.fixture(scope="module")
def ingested_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose stories were placed by a real ingest (two demo articles about different events)."""
    db = tmp_path_factory.mktemp("stories") / "ingested.db"
    articles = [str(DEMO / name) for name in ("cyber-01.txt", "dam-01.txt")]
    result = CliRunner().invoke(app, ["ingest", *articles, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("columns", ["40", "80"])
def test_the_stories_table_shows_every_id_whole(ingested_db: Path, columns: str) -> None:
    with Store.open(ingested_db, create=False) as store:
        ids = [track.id for track in store.load_story_tracks()]
    result = CliRunner().invoke(app, ["stories", "--db", str(ingested_db)], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert ids and all(story_id in result.stdout for story_id in ids), result.stdout
