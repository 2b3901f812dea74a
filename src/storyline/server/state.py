"""The server's one piece of state: the open store, the snapshot readers use, and the ingest that replaces
it. Ingests run one at a time, in the writer process (``writer``), which also rebuilds the cross-article
results; readers keep the snapshot they started with until the new one is swapped in whole, and never wait
for an ingest.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from storyline import pipeline
from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.pipeline import IngestResult
from storyline.records import Article
from storyline.server.snapshot import Snapshot
from storyline.server.writer import IngestOutcome, Writer, renamed_skips
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
        self._writer = Writer(store.url, store.label)

    def start_writer(self) -> None:
        """Start the writer process and load its models now (``storyline serve``), not on the first write."""
        self._writer.start()

    def ingest_articles(self, articles: list[Article]) -> IngestResult:
        """Analyse and store the articles the store lacks, then rebuild the cross-article results."""
        with self._ingest_lock:
            return self._swap_in(self._writer.ingest(articles, self.settings))

    def ingest_file(self, filename: str, stream: BinaryIO) -> IngestResult:
        """Read an uploaded file with the reader its suffix names (text when none fits) and store what
        it holds; bad parts come back as skipped inputs naming the upload and line. The upload is copied
        to disk in blocks, never held whole in memory here."""
        match = SAFE_SUFFIX.search(filename or "")
        suffix = match.group().lower() if match and match.group().lower() in FORMAT_BY_SUFFIX else ".txt"
        with self._ingest_lock, tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
            path = Path(folder) / f"upload{suffix}"
            with path.open("wb") as copy:
                shutil.copyfileobj(stream, copy)
            result = self._swap_in(self._writer.ingest(path, self.settings))
        return renamed_skips(result, filename)

    def _swap_in(self, outcome: IngestOutcome) -> IngestResult:
        if outcome.brief is not None:
            self.snapshot = Snapshot(outcome.brief)
        return outcome.result

    def close(self) -> None:
        """End the writer process (the app's shutdown)."""
        self._writer.close()
