"""`storyline serve` loads the models at start-up, not on the first write (issue #20): the writer process
starts with the server and loads spaCy and lingua while reads are already answered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from server_support import TOKEN, free_port, save_sample_store

from storyline.server.writer import Writer
from storyline.store import Store

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def models_loaded() -> bool:
    """Runs in the writer: whether the per-article models are in memory already."""
    return "storyline.preload" in sys.modules


def test_a_started_writer_has_its_models_loaded_before_the_first_write(tmp_path: Path) -> None:
    db = save_sample_store(tmp_path / "sample.db")
    with Store.open(db, create=False) as store:
        writer = Writer(store.url, store.label)
    try:
        writer.start()
        assert writer._run(models_loaded)  # jobs run in order: this one after the loading
    finally:
        writer.close()


def spawned_children(pid: int) -> list[int]:
    """Child processes started by multiprocessing's spawn (the writer), not its resource tracker."""
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                children.append(int(child))
    return children


def read_stories(port: int) -> httpx.Response:
    """GET /api/stories once uvicorn listens ("serving on" is printed just before it starts)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=30)
        except httpx.ConnectError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_starts_its_writer_before_any_write(tmp_path: Path) -> None:
    db = save_sample_store(tmp_path / "sample.db")
    port = free_port()
    command = [sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, env={**os.environ, "STORYLINE_TOKEN": TOKEN}
    )
    try:
        assert server.stderr is not None
        for line in server.stderr:
            if line.startswith("serving on"):
                break
        deadline = time.monotonic() + 60
        while not spawned_children(server.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert spawned_children(server.pid), "no writer process before the first write"
        assert read_stories(port).status_code == 200  # reads are answered meanwhile
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=120)
