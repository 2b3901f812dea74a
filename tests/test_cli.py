"""The `storyline` command as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from storyline.report.json_report import validate_brief

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
        import pytest

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
