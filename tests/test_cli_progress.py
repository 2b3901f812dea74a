"""A long run says what it is doing and what it kept (issue #18): the inputs counted before the first
parse, a bar with its total and time remaining, why nothing was usable, and one line on Ctrl-C."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from storyline import per_article, pipeline
from storyline.cli import app
from storyline.cli.progress import ProgressReporter, progress_display, survey_inputs
from storyline.config import DEFAULT_SETTINGS
from storyline.records import SkippedInput
from storyline.stages.ingest import article_from_plain_text

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("Flood in Oskel\nGovernor Ilir Basha said 40 homes were lost.\n")
    (folder / "b.html").write_text("<html><body><p>Strike at the port.</p></body></html>")
    (folder / "storyline.toml").write_text('[defaults]\noutlet = "Wire"\n')  # metadata, not an input
    (folder / ".hidden.txt").write_text("not read")
    lines = [json.dumps({"text": f"Article {n} text."}) for n in range(3)]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n\n")
    return folder


def test_inputs_are_counted_before_reading(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    survey = survey_inputs([str(corpus)], DEFAULT_SETTINGS.ingest, None)
    assert survey.expected == 5 and survey.files_by_path == {str(corpus): 3}
    (corpus / "feed.rss").write_text("<rss></rss>")  # how many items a feed holds is known once read
    assert survey_inputs([str(corpus)], DEFAULT_SETTINGS.ingest, None).expected is None
    assert survey_inputs(["https://example.org/a"], DEFAULT_SETTINGS.ingest, None).expected is None


def test_the_bar_shows_the_total_and_time_remaining() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    stored = article_from_plain_text("Already here\nThe mayor said the bridge reopened.", source="<1>")
    new = article_from_plain_text("New one\nThe union said 9,000 workers walked out.", source="<2>")
    with progress_display(quiet=False, console=console) as progress:
        reporter = ProgressReporter(progress, expected=4)
        reporter(1, pipeline.AlreadyStored(stored.id))
        reporter(2, SkippedInput("bad.txt", "empty file"))
        reporter(3, new)
        progress.refresh()
        assert "3/4" in screen.getvalue() and "ETA" in screen.getvalue()
    assert "skipped bad.txt: empty file" in screen.getvalue()
    assert (reporter.stored, reporter.already_stored) == (1, 1)


def run(*arguments: str | Path) -> Result:
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def test_an_empty_folder_is_named_with_what_it_lacked(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("analyze", tmp_path / "empty")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"storyline: nothing could be analysed: {tmp_path / 'empty'}: no files found")
    assert ".txt" in line and ".html" in line and ".jsonl" in line


def test_inputs_all_rejected_are_counted_with_their_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "blank.txt").write_text("   \n")
    (folder / "blank2.txt").write_text("\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    result = run("ingest", folder, "--db", tmp_path / "s.db")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("storyline: nothing stored: 3 inputs read, all skipped: 2× empty file, 1× ")


def stage_interrupted_on_call(number: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """``per_article.analyze_parsed`` raises KeyboardInterrupt on its ``number``-th call, as Ctrl-C would."""
    real = per_article.analyze_parsed
    calls = []

    def interrupted(parsed):
        calls.append(parsed)
        if len(calls) == number:
            raise KeyboardInterrupt
        return real(parsed)

    monkeypatch.setattr(per_article, "analyze_parsed", interrupted)


def test_ctrl_c_says_what_was_stored_and_a_rerun_resumes(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("cyber-01.txt", "cyber-02.txt", "dam-01.txt", "dam-02.txt"):
        (corpus / name).write_bytes((DEMO / name).read_bytes())
    db = tmp_path / "store.db"
    first = run("ingest", corpus / "cyber-01.txt", corpus / "dam-01.txt", "--db", db)
    assert first.exit_code == 0, first.output

    with monkeypatch.context() as patch:
        stage_interrupted_on_call(1, patch)
        interrupted = run("analyze", corpus, "--db", db, "--json", tmp_path / "b.json")
    assert interrupted.exit_code == 130, interrupted.output
    assert interrupted.stderr.strip().splitlines()[-1] == (
        f"storyline: interrupted — 2 articles stored in {db}; run the same command again to resume"
    )
    assert "Traceback" not in interrupted.stderr and not (tmp_path / "b.json").exists()

    resumed = run("analyze", corpus, "--db", db, "--json", tmp_path / "b.json")
    assert resumed.exit_code == 0, resumed.output
    assert "2 already in the store, skipped" in resumed.stderr
    assert len(json.loads((tmp_path / "b.json").read_text())["articles"]) == 4


def test_ctrl_c_without_a_store_says_nothing_was_kept(tmp_path: Path, monkeypatch) -> None:
    stage_interrupted_on_call(1, monkeypatch)
    result = run("analyze", DEMO / "cyber-01.txt")
    assert result.exit_code == 130
    assert result.stderr == (
        "storyline: interrupted — nothing stored (without --db the store is temporary)\n"
    )
