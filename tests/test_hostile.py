"""The hostile input corpus: every bad input has a stated outcome, and none reaches the user as a traceback.

Small cases are committed in ``tests/data/hostile/``; large or odd ones (a 50 MB file, a 5 MB single line,
10,000 nested <div>s, a symlink loop, an unreadable file, a named pipe) are written at test time by
``tests/data/hostile/generate.py``. Outcomes: ``analysed`` (articles, no skip), ``warned`` (articles and a
skip per bad part, naming the line) and ``skipped`` (one one-line reason naming the file).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Article, SkippedInput
from storyline.stages.ingest.inputs import MAX_ARTICLE_CHARS, iter_inputs

HOSTILE = Path(__file__).parent / "data" / "hostile"

# file → (outcome, words the skip reason holds, or a string the article text holds).
EXPECTED: dict[str, tuple[str, str]] = {
    "empty.txt": ("skipped", "empty file"),
    "whitespace.md": ("skipped", "empty file"),
    "png-named.txt": ("skipped", "binary file"),
    "nul-bytes.txt": ("skipped", "binary file"),
    "utf16-bom.txt": ("analysed", "Dock workers in Zürich"),
    "utf16-nobom.txt": ("analysed", "Union leaders said talks"),
    "latin1-as-utf8.txt": ("analysed", "Le maire a déclaré"),
    "cp1252-as-utf8.txt": ("analysed", "“about 1,200 people”"),
    "mojibake.txt": ("analysed", "1,200 people"),  # repaired later, by the clean stage (asserted below)
    "scripts-only.html": ("skipped", "no main text"),
    "truncated.rss": ("skipped", "malformed feed"),
    "not-a-feed.atom": ("skipped", "malformed feed"),
    "xxe-file.rss": ("skipped", "DTD or entities; refused"),
    "xxe-remote-dtd.xml": ("skipped", "DTD or entities; refused"),
    "billion-laughs.xml": ("skipped", "DTD or entities; refused"),
    "broken.jsonl": ("warned", "bad JSON Lines record"),
    "dup-original.txt": ("analysed", "The transport minister said"),
    "dup-renamed.md": ("skipped", "duplicate of"),
    "cyrillic.txt": ("analysed", "Мэр заявил"),
    "hangul.txt": ("analysed", "시장은"),
    "arabic.txt": ("analysed", "قال رئيس البلدية"),
    "rtl-override.txt": ("analysed", "1,200 people left"),
    # generated
    "huge-50mb.txt": ("skipped", f"larger than {DEFAULT_SETTINGS.ingest.max_file_bytes} bytes"),
    "one-line-5mb.txt": ("skipped", f"article text longer than {MAX_ARTICLE_CHARS} characters"),
    "nested-10k.html": ("skipped", "no main text"),
    "inside-loop.txt": ("analysed", "Officials said about 1,200 people"),
    "unreadable.txt": ("skipped", "unreadable"),
    "pipe.txt": ("skipped", "not a regular file"),
}
# Bad lines of broken.jsonl, by line number: the file's good lines are still analysed.
JSONL_BAD_LINES = {2, 3, 4, 5, 8}


def _load_generator():
    spec = importlib.util.spec_from_file_location("hostile_generate", HOSTILE / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed cases and the generated ones, in one folder."""
    folder = tmp_path_factory.mktemp("hostile")
    for path in HOSTILE.iterdir():
        if path.name != "generate.py":
            shutil.copy(path, folder / path.name)
    _load_generator().write_generated(folder)
    return folder


@pytest.fixture(scope="module")
def outcomes(corpus: Path) -> dict[str, list[Article | SkippedInput]]:
    by_file: dict[str, list[Article | SkippedInput]] = {}
    for item in iter_inputs([corpus]):
        source = item.source if isinstance(item, SkippedInput) else item.path or ""
        by_file.setdefault(Path(source).name, []).append(item)
    return by_file


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_input_has_its_expected_outcome(corpus, outcomes, name):
    outcome, expected_words = EXPECTED[name]
    items = outcomes.get(name, [])
    if not items and name in ("unreadable.txt", "pipe.txt") and not (corpus / name).exists():
        pytest.skip(f"{name}: cannot be made here (running as root, or no FIFOs)")
    articles = [item for item in items if isinstance(item, Article)]
    skips = [item for item in items if isinstance(item, SkippedInput)]
    for skip in skips:  # one line, naming the file
        assert name in str(skip) and "\n" not in str(skip), str(skip)
    if outcome == "skipped":
        assert not articles and len(skips) == 1, items
        assert expected_words in skips[0].reason, str(skips[0])
    elif outcome == "analysed":
        assert len(articles) == 1 and not skips, items
        assert expected_words in articles[0].text, articles[0].text[:200]
    else:
        assert articles and skips, items
        assert {skip.line for skip in skips} == JSONL_BAD_LINES
        assert all(expected_words in skip.reason for skip in skips)


def test_every_hostile_file_is_accounted_for(corpus, outcomes):
    """No input is silently dropped: every file in the corpus has an outcome, and every outcome a file."""
    files = {path.name for path in corpus.rglob("*") if not path.is_dir() or path.is_symlink()}
    files.discard("again")  # the symlink back up the loop: walked once, not a file
    assert files <= set(outcomes) | {"again"}, files - set(outcomes)
    assert set(outcomes) <= set(EXPECTED), set(outcomes) - set(EXPECTED)


def test_the_symlink_loop_is_read_once(outcomes):
    assert len(outcomes["inside-loop.txt"]) == 1


def test_the_real_cli_analyses_the_corpus_without_a_traceback(corpus, tmp_path):
    """The user's view: one run over everything, a line per skipped input, a brief, no traceback."""
    brief_path = tmp_path / "brief.json"
    command = [sys.executable, "-m", "storyline", "analyze", str(corpus), "--json", str(brief_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]
    brief = json.loads(brief_path.read_text(encoding="utf-8"))
    analysed = {Path(article["path"]).name for article in brief["articles"]}
    expected_analysed = {name for name, (outcome, _) in EXPECTED.items() if outcome != "skipped"}
    assert analysed == expected_analysed
    skipped_sources = {Path(skip["source"]).name for skip in brief["skipped"]}
    for name, (outcome, _) in EXPECTED.items():
        if outcome != "analysed" and (corpus / name).exists():
            assert name in skipped_sources and name in result.stderr, name
    # Mojibake is repaired before any stage reads the text.
    (mojibake,) = [a for a in brief["articles"] if a["path"].endswith("mojibake.txt")]
    assert "Zürich" in mojibake["text"] and "café" in mojibake["text"] and "â€" not in mojibake["text"]


def test_a_cli_run_on_only_bad_input_fails_with_one_line_reasons(corpus, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("png-named.txt", "xxe-file.rss", "billion-laughs.xml", "truncated.rss"):
        shutil.copy(corpus / name, bad / name)
    command = [sys.executable, "-m", "storyline", "ingest", str(bad), "--db", str(tmp_path / "s.db")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1 and "added 0 articles, skipped 4 inputs" in result.stderr
    skip_lines = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skip_lines) == 4, result.stderr


# --- inputs that used to end a run in a traceback (issue #19) --------------------------------------------

GOOD_ARTICLE = (
    "Ferry strike in Velsund\n\nThe port authority said on Monday that 12 ships were stranded at Velsund. "
    "Union leaders told reporters the strike would go on.\n"
)


def run_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "storyline", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, env=env)


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr[-3000:]


def test_a_deeply_nested_json_line_is_one_bad_line(tmp_path):
    """``[`` × 100,000 overflows the JSON parser's recursion: that line is skipped, the rest analysed."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep.jsonl").write_text(
        "[" * 100_000 + "\n" + json.dumps({"text": GOOD_ARTICLE}) + "\n", encoding="utf-8"
    )
    items = list(iter_inputs([folder]))
    skips = [item for item in items if isinstance(item, SkippedInput)]
    assert [skip.line for skip in skips] == [1] and "nested too deeply" in skips[0].reason, items
    assert len([item for item in items if isinstance(item, Article)]) == 1


def test_a_deeply_nested_upload_is_a_skipped_line_not_a_500(tmp_path):
    from fastapi.testclient import TestClient
    from server_support import TOKEN, save_sample_store

    from storyline.server import create_app
    from storyline.store import Store

    data = ("[" * 100_000 + "\n").encode()
    with (
        Store.open(save_sample_store(tmp_path / "s.db")) as store,
        TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as client,
    ):
        response = client.post(
            "/api/upload",
            files={"file": ("deep.jsonl", data)},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
    assert response.status_code == 200, response.text
    assert [(item["line"], item["reason"]) for item in response.json()["skipped"]] == [
        (1, "bad JSON Lines record: nested too deeply")
    ]


def test_an_unexpected_server_error_is_a_problem_with_the_security_headers():
    """A bug (any exception a route does not expect) still answers with the headers and one shape."""
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from storyline.server.middleware import SecurityHeaders

    app = FastAPI()

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    app.add_middleware(SecurityHeaders)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "content-security-policy" in response.headers and "a bug" not in response.text


# User text in file names, URLs, titles and outlets: printed as the text it is, never read as Rich markup,
# and never as a spreadsheet formula in CSV.
MARKUP_TITLE = '=HYPERLINK("http://evil") [/x] Ferry [bold]strike'
MARKUP_OUTLET = "@SUM(A1) [red]Daily[/red]"
MARKUP_URL = "http://127.0.0.1:9/[/x]"


@pytest.fixture(scope="module")
def markup_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One ``analyze --db`` over files whose names, title, outlet and URL hold Rich markup."""
    folder = tmp_path_factory.mktemp("markup")
    inputs = folder / "in"
    inputs.mkdir()
    (inputs / "[red]gone.txt").write_text("", encoding="utf-8")
    (inputs / "odd[bold].txt").write_text("", encoding="utf-8")
    record = {"text": GOOD_ARTICLE, "title": MARKUP_TITLE, "outlet": MARKUP_OUTLET}
    (inputs / "one.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = folder / "markup.db"
    result = run_cli("analyze", inputs, MARKUP_URL, "--db", db, "--json", folder / "brief.json")
    return db, result


def test_markup_in_names_and_urls_is_printed_as_text(markup_run):
    _, result = markup_run
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "[red]gone.txt" in result.stderr and "odd[bold].txt" in result.stderr
    assert MARKUP_URL in result.stderr


def test_markup_in_titles_is_shown_as_text_by_stories(markup_run):
    db, _ = markup_run
    result = run_cli("stories", "--db", db)
    assert_no_traceback(result)
    assert result.returncode == 0 and "[/x] Ferry" in result.stdout, result.stdout


def test_stories_csv_never_starts_a_formula(markup_run):
    db, _ = markup_run
    result = run_cli("stories", "--db", db, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in cell for cell in cells) and any("SUM(A1)" in cell for cell in cells)
    for cell in cells:
        assert not cell.lstrip().startswith(("=", "+", "-", "@")), cell


@pytest.mark.parametrize(
    "option",
    [("--json", "/nonexistent/dir/out.json"), ("-o", "/proc/version"), ("--md", "/tmp"), ("--json", "")],
)
def test_an_output_that_cannot_be_written_is_refused_before_the_analysis(tmp_path, option):
    article = tmp_path / "article.txt"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    result = run_cli("analyze", article, *option)
    assert_no_traceback(result)
    assert result.returncode in (1, 2), result.stderr[-3000:]
    assert "Storyline brief" not in result.stderr, "the analysis ran before the output was checked"
    assert result.stderr.strip().count("\n") == 0 or "Usage" in result.stderr, result.stderr


def test_export_to_an_output_that_cannot_be_written_is_one_line(tmp_path):
    from server_support import save_sample_store

    db = save_sample_store(tmp_path / "s.db")
    result = run_cli("export", "--db", db, "-o", "/proc/version")
    assert_no_traceback(result)
    assert result.returncode == 1 and result.stderr.startswith("storyline: /proc/version"), result.stderr


# --- the server: NUL characters, bidi overrides, a cache per snapshot -----------------------------------


@pytest.fixture()
def sample_client(tmp_path):
    from fastapi.testclient import TestClient
    from server_support import TOKEN, save_sample_store

    from storyline.server import create_app
    from storyline.store import Store

    with (
        Store.open(save_sample_store(tmp_path / "s.db")) as store,
        TestClient(create_app(store, TOKEN), base_url="http://127.0.0.1") as client,
    ):
        client.headers["Authorization"] = f"Bearer {TOKEN}"
        yield client


def test_nul_characters_are_not_stored_or_served(sample_client):
    """PostgreSQL refuses NUL in text; SQLite keeps it and a page would serve it. Dropped at ingest."""
    article = {
        "text": "The port authority said\x00 12 ships were stranded at Velsund on Monday.",
        "title": "Ships\x00 stranded",
        "outlet": "Daily\x00 Port",
    }
    response = sample_client.post("/api/articles", json=article)
    assert response.status_code == 201, response.text
    (article_id,) = response.json()["added"]
    stored = sample_client.get(f"/api/articles/{article_id}").json()
    assert (stored["title"], stored["outlet"]) == ("Ships stranded", "Daily Port")
    assert "\x00" not in stored["text"] and "\x00" not in sample_client.get(f"/articles/{article_id}").text


def test_right_to_left_overrides_in_titles_are_isolated(sample_client):
    """An RLO in a title must not reverse the text around it: titles are shown inside <bdi>."""
    title = "Ships \u202estranded"
    article = {"text": "The port authority said 12 ships were stranded at Velsund on Monday.", "title": title}
    response = sample_client.post("/api/articles", json=article)
    assert response.status_code == 201, response.text
    (article_id,) = response.json()["added"]
    (story_id,) = response.json()["stories"]
    for path in (f"/articles/{article_id}", f"/stories/{story_id}", "/"):
        page = sample_client.get(path).text
        outside = re.sub(r"<bdi>.*?</bdi>|<title>.*?</title>", "", page, flags=re.S)
        assert "\u202e" in page and "\u202e" not in outside, path


def test_exports_and_story_briefs_are_built_once_per_snapshot(sample_client):
    snapshot = sample_client.app.state.storyline.snapshot
    for path in ("/api/export?format=csv", "/api/export?format=json&story=s1", "/api/stories/s1"):
        first = sample_client.get(path)
        assert first.status_code == 200, first.text
        assert snapshot.cached_pages() and sample_client.get(path).content == first.content
    assert snapshot.cached_pages() == 3


# --- metadata CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("file,outlet\na.txt,Daily\n", "no 'path' column"),
        ("path,outlet,colour\na.txt,Daily,red\n", "unknown column 'colour'"),
        ('path,outlet\na.txt,"Daily\n', "unexpected end of data"),
        ("path,outlet\na.txt,Daily,extra\n", "more cells than the header"),
    ],
)
def test_a_malformed_metadata_csv_is_reported(tmp_path, content, reason):
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text(content, encoding="utf-8")
    skips = [
        item for item in iter_inputs([tmp_path / "a.txt"], meta_csv=meta) if isinstance(item, SkippedInput)
    ]
    assert skips and reason in str(skips[0]) and "meta.csv" in str(skips[0]), skips
