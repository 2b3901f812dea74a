"""Faults during ingest: kill -9 at random points, a full disk, a read-only store, two writers at once.

After every fault the store must open, pass SQLite's integrity check, hold only whole articles (each equal
to the same article from an undisturbed reference run) and no article twice; a re-run must complete the
rest. The kill cycles fork ingest processes from one that loaded spaCy already, so 20 kills cost seconds,
not a model load each; one more kill hits the real ``storyline ingest`` command.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.records import ArticleAnalysis
from storyline.stages.ingest import article_from_text
from storyline.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL, fork and rlimits are POSIX")

CORPUS_SIZE = 40
KILLS = 20
TOWNS = ("Oskel", "Varna Bay", "Lumen", "Tarsk", "Holmwick", "Brisa", "Kettering Vale", "Odra")
PEOPLE = ("Ilir Basha", "Ana Petrova", "Marek Zielinski", "Sofia Reyes", "Jonas Berg", "Leila Haddad")
EVENTS = ("Flood", "Strike", "Fire", "Blackout", "Landslide")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def write_corpus(folder: Path, size: int = CORPUS_SIZE) -> Path:
    """``size`` distinct small articles, each with claims, a denial, numbers, dates and named people."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(size):
        town, event = TOWNS[number % len(TOWNS)], EVENTS[number % len(EVENTS)]
        speaker, other = PEOPLE[number % len(PEOPLE)], PEOPLE[(number + 1) % len(PEOPLE)]
        (folder / f"article-{number:02d}.txt").write_text(
            f"{event} in {town}, report {number}\n\n"
            f"{speaker} said on {WEEKDAYS[number % 5]} that about {100 + number * 37:,} residents had left "
            f"{town}. “We will rebuild every street,” {other} told reporters. The ministry denied that "
            f"{number + 3} bridges were closed, according to the regional broadcaster. Officials in {town} "
            f"expect the repairs to take {number % 9 + 2} weeks.\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("faults") / "corpus")


def _without_path(analysis: ArticleAnalysis) -> ArticleAnalysis:
    # Two processes may store the same article from different copies: the path is not part of its content.
    return dataclasses.replace(analysis, article=dataclasses.replace(analysis.article, path=None))


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ArticleAnalysis]:
    """Every article's analysis from an undisturbed run, by id."""
    with Store.open(tmp_path_factory.mktemp("reference") / "reference.db") as store:
        pipeline.ingest_into(store, [corpus])
        analyses = store.load_analyses()
    assert len(analyses) == CORPUS_SIZE
    return {analysis.article.id: _without_path(analysis) for analysis in analyses}


def assert_store_sound(db_path: Path, reference: dict[str, ArticleAnalysis]) -> int:
    """Integrity check, whole articles only, none twice; returns how many articles the store holds."""
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    with Store.open(db_path) as store:
        stored = store.load_analyses()
        assert len(stored) == store.count_articles()
    ids = [analysis.article.id for analysis in stored]
    assert len(ids) == len(set(ids)), "an article is stored twice"
    for analysis in stored:
        assert _without_path(analysis) == reference[analysis.article.id], (
            f"{analysis.article.path} is stored incompletely or differently"
        )
    return len(stored)


def unplaced_articles(db_path: Path) -> set[str]:
    """Stored articles that no story holds: each ingest places every article it stores in a story."""
    with Store.open(db_path) as store:
        stored = {analysis.article.id for analysis in store.load_analyses()}
        placed = {article for track in store.load_story_tracks() for article in track.articles}
    return stored - placed


# A process that loads spaCy once, then forks one ingest per line read (a store path), printing each
# child's pid and how it ended. Forked from a process that has started no threads (no torch, one worker,
# no embeddings), so the children are safe; the test kills them, so 20 kills cost seconds, not 20 loads.
ZYGOTE = """
import os, sys
from storyline import pipeline
from storyline.config import EngineSettings, Settings, StoriesSettings
from storyline.stages import nlp
from storyline.store import Store

settings = Settings(engine=EngineSettings(workers=1), stories=StoriesSettings(embeddings=False))
nlp.load_nlp()
print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            with Store.open(line.strip()) as store:
                pipeline.ingest_into(store, [sys.argv[1]], settings)
        except BaseException:
            code = 1
        os._exit(code)
    print(pid, flush=True)
    status = os.waitpid(pid, 0)[1]
    print("killed" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}", flush=True)
"""


class Zygote:
    """The forking process above, driven over its stdin and stdout."""

    def __init__(self, corpus: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE, str(corpus)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def start(self, db_path: Path) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{db_path}\n")
        self.process.stdin.flush()
        return int(self._line())

    def outcome(self) -> str:
        return self._line()

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def test_twenty_random_kills_leave_whole_articles_and_a_rerun_completes(corpus, reference, tmp_path):
    zygote = Zygote(corpus)
    try:
        started = time.monotonic()
        zygote.start(tmp_path / "timing.db")
        assert zygote.outcome() == "exit 0"
        full_run_s = time.monotonic() - started  # how long an undisturbed ingest takes here
        seed = random.randrange(1_000_000)
        chooser = random.Random(seed)
        kills = cycles = 0
        db_path = tmp_path / "killed-0.db"
        while kills < KILLS:
            cycles += 1
            assert cycles < KILLS * 4, f"too few kills landed mid-run (seed {seed})"
            pid = zygote.start(db_path)
            time.sleep(chooser.uniform(0, full_run_s))
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            outcome = zygote.outcome()
            stored = assert_store_sound(db_path, reference)
            if outcome == "killed":
                kills += 1
            else:
                assert outcome == "exit 0", f"the ingest failed on its own: {outcome}"
            if stored == CORPUS_SIZE:  # this store is complete: the next kills start on an empty one
                db_path = tmp_path / f"killed-{cycles}.db"
        # A re-run after the last kill completes the rest, without duplicates.
        zygote.start(db_path)
        assert zygote.outcome() == "exit 0"
        assert assert_store_sound(db_path, reference) == CORPUS_SIZE
        assert unplaced_articles(db_path) == set()
    finally:
        zygote.close()


def run_cli(*args: str | Path, limit_file_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit_file_size() -> None:  # pragma: no cover - runs in the child before exec
        import resource

        # A write past the limit then fails with EFBIG, as on a full disk, instead of killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        assert limit_file_bytes is not None
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    command = [sys.executable, "-m", "storyline", *map(str, args)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=limit_file_size if limit_file_bytes else None,
    )


def _count_stored(db_path: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:  # not created yet, or its schema not yet committed
        return 0


def test_killing_the_real_ingest_command_mid_run(corpus, reference, tmp_path):
    db_path = tmp_path / "cli.db"
    command = [sys.executable, "-m", "storyline", "ingest", str(corpus), "--db", str(db_path)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _count_stored(db_path) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the command finished before it was killed"
    assert 3 <= assert_store_sound(db_path, reference) < CORPUS_SIZE
    rerun = run_cli("ingest", corpus, "--db", db_path)
    assert rerun.returncode == 0 and "Traceback" not in rerun.stderr, rerun.stderr
    assert assert_store_sound(db_path, reference) == CORPUS_SIZE
    assert unplaced_articles(db_path) == set(), "articles stored before the kill never joined a story"


def test_a_full_disk_is_a_clear_error_and_leaves_no_partial_article(corpus, reference, tmp_path):
    db_path = tmp_path / "full.db"
    first = write_corpus(tmp_path / "first", size=2)
    assert run_cli("ingest", first, "--db", db_path).returncode == 0
    # Room for a few WAL frames (4 KiB pages): the disk "fills" after an article or two.
    full = run_cli("ingest", corpus, "--db", db_path, limit_file_bytes=48 * 1024)
    assert "Traceback" not in full.stderr, full.stderr[-3000:]
    assert full.returncode == 1
    assert "cannot write to the database" in full.stderr and str(db_path) in full.stderr
    first_ids = {  # the two earlier articles are not in the reference corpus: compare the rest only
        analysis.article.id for analysis in Store.open(db_path).load_analyses()
    }
    assert len(first_ids) >= 2
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    with Store.open(db_path) as store:
        in_corpus = [a for a in store.load_analyses() if a.article.id in reference]
    for analysis in in_corpus:
        assert _without_path(analysis) == reference[analysis.article.id]
    rerun = run_cli("ingest", corpus, "--db", db_path)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(db_path) as store:
        assert {a.article.id for a in store.load_analyses()} >= set(reference)


def test_a_read_only_store_is_a_clear_error(corpus, reference, tmp_path):
    db_path = tmp_path / "ro.db"
    assert run_cli("ingest", write_corpus(tmp_path / "first", size=1), "--db", db_path).returncode == 0
    before = db_path.read_bytes()
    read_only = f"sqlite:///file:{db_path}?mode=ro&uri=true"
    result = run_cli("ingest", corpus, "--db", read_only)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1 and "read-only" in result.stderr
    assert db_path.read_bytes() == before


def test_two_ingest_processes_on_one_store(corpus, reference, tmp_path):
    """Both finish; every article is stored once and whole. One walks the corpus, the other a copy in
    reverse-sorted names, so they collide on the same articles from both ends."""
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for path in sorted(corpus.iterdir()):
        (mirror / f"z{CORPUS_SIZE - int(path.stem[-2:]):02d}-{path.name}").write_bytes(path.read_bytes())
    db_path = tmp_path / "shared.db"
    commands = [
        [sys.executable, "-m", "storyline", "ingest", str(folder), "--db", str(db_path)]
        for folder in (corpus, mirror)
    ]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0 and "Traceback" not in stderr, stderr[-3000:]
    assert assert_store_sound(db_path, reference) == CORPUS_SIZE
    # Each reports what it stored itself, not what the store gained meanwhile: together, the corpus once.
    added = [int(re.search(r"added (\d+) articles", stderr).group(1)) for _, stderr in outputs]  # type: ignore[union-attr]
    assert sum(added) == CORPUS_SIZE, added


def _children_of(pid: int) -> list[int]:
    children = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                children.append(int(stat_file.parent.name))
    return children


def _descendants_of(pid: int) -> list[int]:
    children = _children_of(pid)
    return children + [grandchild for child in children for grandchild in _children_of(child)]


def _workers_of(pid: int) -> list[int]:
    """The processes that parse: on Linux the engine forks them from its fork server, so they are the
    grandchildren (the fork server and multiprocessing's resource tracker are the children)."""
    return [grandchild for child in _children_of(pid) for grandchild in _children_of(child)]


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only nobody has reaped it yet


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers")
def test_worker_processes_end_with_a_killed_parent(tmp_path):
    """A kill -9 of ``storyline ingest`` leaves no worker parsing on for the rest of its chunk."""
    corpus = write_corpus(tmp_path / "big", size=110)  # > 3 chunks of 32: worker processes start
    command = [sys.executable, "-m", "storyline", "ingest", str(corpus), "--db", str(tmp_path / "w.db")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _workers_of(process.pid)
        time.sleep(3)  # into their first chunk
        workers = _descendants_of(process.pid)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert len(workers) >= 2, "no worker processes started"
    gone_by = time.monotonic() + 5
    while any(_running(pid) for pid in workers) and time.monotonic() < gone_by:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _running(pid)]
    for pid in survivors:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers outlived their parent: {survivors}"


def damage_the_middle(db_path: Path) -> None:
    """Overwrite the middle third of the file's pages with noise, as a failing disk or a bad copy would;
    the header page stays intact, so the file still opens as SQLite."""
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    assert pages >= 6, "too small a store to damage in the middle"
    noise = bytes(random.Random(19).randrange(256) for _ in range(page_size))
    for page in range(pages // 3, 2 * pages // 3):
        data[page * page_size : (page + 1) * page_size] = noise
    db_path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def damaged_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from server_support import save_sample_store

    db_path = save_sample_store(tmp_path_factory.mktemp("damaged") / "damaged.db")
    with Store.open(db_path) as store:  # enough article text that the middle of the file is data
        for number in range(100):
            text = f"Report {number}: the harbour master said the port would reopen. " * 60
            store.save_analysis(ArticleAnalysis(article=article_from_text(text, source=f"<{number}>")))
    damage_the_middle(db_path)
    return db_path


@pytest.mark.parametrize("command", ["stories", "serve", "analyze", "export", "ingest"])
def test_a_store_damaged_in_the_middle_is_one_clear_line(damaged_store, corpus, command):
    extra = {"serve": ("--port", "9"), "analyze": (corpus / "article-00.txt",), "ingest": (corpus,)}
    result = run_cli(command, "--db", damaged_store, *extra.get(command, ()))
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1, result.stderr[-3000:]
    assert result.stderr.strip().startswith(f"storyline: {damaged_store}: the database is damaged"), (
        result.stderr
    )
    assert result.stderr.strip().count("\n") == 0, result.stderr
