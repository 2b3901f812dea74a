"""Stores and a live server for the server tests (test_server*.py, browser/): a brief (the demo corpus's,
or the hand-made hostile sample) saved as a store, and uvicorn on a free loopback port in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from report_sample import build_brief

from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.records import ArticleAnalysis, Brief
from storyline.server import create_app, uvicorn_options
from storyline.store import Store

TOKEN = "test-token-for-writes"


def save_brief_store(brief: Brief, path: Path) -> Path:
    """A store holding ``brief`` as the pipeline would have stored it: each article with its mentions and
    claims, then the cross-article results. Cheap, so each test module gets its own copy of the demo
    corpus's brief (built once per session by the ``demo_brief`` fixture) to write to."""
    with Store.open(path) as store:
        for article in brief.articles:
            mentions = tuple(
                mention
                for entity in brief.entities
                for mention in entity.mentions
                if mention.article == article.id
            )
            claims = tuple(claim for claim in brief.claims if claim.article == article.id)
            store.save_analysis(ArticleAnalysis(article=article, mentions=mentions, claims=claims))
        store.save_cross_article(brief.entities, brief.copies, brief.stories)
    return path


def save_sample_store(path: Path) -> Path:
    """The renderer tests' hand-made brief (hostile titles, script tags, javascript: URLs) as a store."""
    return save_brief_store(build_brief(), path)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(db: Path, token: str = TOKEN, settings: Settings = DEFAULT_SETTINGS) -> Iterator[str]:
    """The real app under uvicorn on 127.0.0.1 (a free port) until the block ends, as ``storyline serve``
    runs it (``uvicorn_options``); yields its base URL."""
    with Store.open(db) as store:
        port = free_port()
        config = uvicorn.Config(
            create_app(store, token, settings),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            **uvicorn_options(settings.server),
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the test server did not start on port {port}")
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)
