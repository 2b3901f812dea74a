"""The `storyline` command as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from server_support import save_sample_store

from storyline import pipeline
from storyline.records import Brief
from storyline.report.exports import EXPORTS, ExportFormat
from storyline.report.json_report import validate_brief
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "storyline", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def test_analyze_writes_all_reports(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "one.txt").write_text(
        "Strike at Valmora port\n"
        "The union said 9,000 workers walked out, according to chairwoman Ana Petrova.\n"
    )
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli("analyze", corpus, "--json", out / "b.json", "-o", out / "b.html", "--md", out / "b.md")
    assert result.returncode == 0, result.stderr
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    brief = json.loads((out / "b.json").read_text())
    validate_brief(brief)
    assert len(brief["articles"]) == 1 and len(brief["skipped"]) == 2
    assert "<html" in (out / "b.html").read_text().lower()
    assert (out / "b.md").read_text().strip()


def test_exit_codes(tmp_path: Path) -> None:
    assert run_cli("analyze", tmp_path / "missing").returncode == 2
    assert run_cli("analyze", "--no-such-option", tmp_path).returncode == 2
    (tmp_path / "empty.txt").write_text("   \n")
    nothing = run_cli("analyze", tmp_path)
    assert nothing.returncode == 1 and "nothing could be analysed" in nothing.stderr


def test_analyze_seeds_json_matches_schema(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    result = run_cli("analyze", SEEDS, "--json", tmp_path / "seeds.json")
    assert result.returncode == 0, result.stderr
    brief = json.loads((tmp_path / "seeds.json").read_text())
    validate_brief(brief)
    assert len(brief["articles"]) == 5 and brief["stories"] and brief["claims"]


def test_ingest_then_analyze_same_store(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Flood in Oskel\nGovernor Ilir Basha said 40 homes were lost on Friday.\n")
    db = tmp_path / "store.sqlite"
    first = run_cli("ingest", corpus, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "added 1 articles" in first.stderr
    again = run_cli("ingest", corpus, "--db", db)
    assert again.returncode == 0 and "added 0" in again.stderr


# --- export, and errors as one line ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_sample_store(tmp_path_factory.mktemp("export") / "sample.db")


def stored_brief(db: Path) -> Brief:
    with Store.open(db, create=False) as store:
        return pipeline.load_brief(store)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The run failed with exit code 1 and said why in one ``storyline:`` line, without a traceback."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("storyline: ")]
    return line


def test_export_json_is_the_stored_brief(sample_db: Path) -> None:
    result = run_cli("export", "--db", sample_db, "--format", "json")
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    validate_brief(exported)
    assert exported == stored_brief(sample_db).to_dict()


def test_export_jsonl_has_one_line_per_claim(sample_db: Path) -> None:
    result = run_cli("export", "--db", sample_db, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    stored_claims = {claim.id for claim in stored_brief(sample_db).claims}
    assert rows and {row["claim"] for row in rows} <= stored_claims


def test_export_csv_has_one_row_per_question(sample_db: Path) -> None:
    result = run_cli("export", "--db", sample_db, "--format", "csv")
    assert result.returncode == 0, result.stderr
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header[:6] == ["story", "question_id", "question", "unit", "status", "status_reason"]
    assert len(rows) == sum(len(story.questions) for story in stored_brief(sample_db).stories)


def test_export_markdown_is_the_report_of_the_stored_brief(sample_db: Path) -> None:
    result = run_cli("export", "--db", sample_db, "--format", "md")
    assert result.returncode == 0, result.stderr
    rendered = EXPORTS[ExportFormat.md].render(stored_brief(sample_db))
    assert result.stdout.rstrip("\n") == rendered.rstrip("\n")
    assert result.stdout.startswith("#")


def test_export_jsonld_of_one_story_to_a_file(sample_db: Path, tmp_path: Path) -> None:
    story = stored_brief(sample_db).stories[-1]
    out = tmp_path / "story.jsonld"
    result = run_cli("export", "--db", sample_db, "--format", "jsonld", "--story", story.id, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    graph = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert graph and len(graph) == sum(len(question.positions) for question in story.questions)
    assert {node["identifier"].split("/")[0] for node in graph} <= {story.id}


def test_export_of_an_unknown_story_is_one_line(sample_db: Path) -> None:
    result = run_cli("export", "--db", sample_db, "--story", "s-nope")
    assert one_error_line(result).startswith("storyline: s-nope: no such story")
    assert result.stdout == ""


def test_export_never_creates_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = run_cli("export", "--db", missing)
    assert result.returncode == 2 and result.stderr.startswith(f"storyline: {missing}: no such store")
    assert not missing.exists()
    assert run_cli("export", "--db", tmp_path / "x.db", "--format", "xlsx").returncode == 2


def test_a_file_that_is_not_a_store_is_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("Officials said 11,000 troops arrived.\n" * 100, encoding="utf-8")
    assert one_error_line(run_cli("stories", "--db", notes)).startswith(
        f"storyline: {notes}: not a Storyline"
    )


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text("Flood in Oskel\nGovernor Ilir Basha said 40 homes were lost.\n")
    result = run_cli(
        "ingest", tmp_path / "a.txt", "--db", tmp_path / "s.db", "--engine", "dask", "--scheduler", "no-port"
    )
    assert one_error_line(result).startswith("storyline: scheduler 'no-port': cannot connect")
