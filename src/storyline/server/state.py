"""The server's one piece of state: the open store, the snapshot readers use, and the ingest that replaces
it. Ingests run one at a time (the pipeline's cross-article stages read the whole store); readers keep the
snapshot they started with until the new one is swapped in whole.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from storyline import pipeline
from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.pipeline import IngestResult
from storyline.records import Article, SkippedInput
from storyline.server.snapshot import Snapshot
from storyline.stages.ingest.formats import FORMAT_BY_SUFFIX
from storyline.store import Store

# An uploaded file keeps only its suffix (which picks the reader); its name never reaches the filesystem.
SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}$")


class ServerState:
    def __init__(self, store: Store, token: str, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.store = store
        self.token = token
        self.settings = settings
        self.snapshot = Snapshot(pipeline.load_brief(store))
        self._ingest_lock = threading.Lock()

    def ingest_articles(self, articles: list[Article]) -> IngestResult:
        """Analyse and store the articles the store lacks, then rebuild the cross-article results."""
        with self._ingest_lock:
            return self._ingest(articles)

    def ingest_file(self, filename: str, data: bytes) -> IngestResult:
        """Read an uploaded file with the reader its suffix names (text when none fits) and store what
        it holds; bad parts come back as skipped inputs naming the upload and line."""
        match = SAFE_SUFFIX.search(filename or "")
        suffix = match.group().lower() if match and match.group().lower() in FORMAT_BY_SUFFIX else ".txt"
        with self._ingest_lock, tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
            path = Path(folder) / f"upload{suffix}"
            path.write_bytes(data)
            result = self._ingest(pipeline.iter_articles([path], self.settings))
        renamed = tuple(SkippedInput(filename, item.reason, item.line) for item in result.skipped)
        return IngestResult(added=result.added, already_stored=(), skipped=renamed)

    def _ingest(self, items: Iterable[Article | SkippedInput]) -> IngestResult:
        result = pipeline.ingest_articles(self.store, items, self.settings)
        if result.added:
            self._refresh()
        return result

    def _refresh(self) -> None:
        self.snapshot = Snapshot(pipeline.refresh_store(self.store, self.settings))
