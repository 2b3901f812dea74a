"""The server's one piece of state: the open store, the snapshot readers use, and the ingest that replaces
it. Ingests run one at a time (the pipeline's cross-article stages read the whole store); readers keep the
snapshot they started with until the new one is swapped in whole.
"""

from __future__ import annotations

import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from storyline import pipeline
from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.records import Article, SkippedInput
from storyline.server.snapshot import Snapshot, load_brief
from storyline.stages.ingest.formats import FORMAT_BY_SUFFIX
from storyline.store import Store

# An uploaded file keeps only its suffix (which picks the reader); its name never reaches the filesystem.
SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}$")


@dataclass(frozen=True, slots=True)
class IngestResult:
    added: tuple[str, ...]  # ids of the articles analysed and stored by this request
    already_stored: tuple[str, ...]
    skipped: tuple[SkippedInput, ...] = ()


class ServerState:
    def __init__(self, store: Store, token: str, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.store = store
        self.token = token
        self.settings = settings
        self.snapshot = Snapshot(load_brief(store))
        self._ingest_lock = threading.Lock()

    def ingest_articles(self, articles: list[Article]) -> IngestResult:
        """Analyse and store the articles the store lacks, then rebuild the cross-article results."""
        with self._ingest_lock:
            unique = list({article.id: article for article in articles}.values())
            held = tuple(article.id for article in unique if self.store.has_article(article.id))
            new = [article for article in unique if article.id not in held]
            for analysis in pipeline.run_article_stages(new, self.settings):
                self.store.save_analysis(analysis)
            if new:
                self._refresh()
            return IngestResult(added=tuple(article.id for article in new), already_stored=held)

    def ingest_file(self, filename: str, data: bytes) -> IngestResult:
        """Read an uploaded file with the reader its suffix names (text when none fits) and store what
        it holds; bad parts come back as skipped inputs naming the upload and line."""
        match = SAFE_SUFFIX.search(filename or "")
        suffix = match.group().lower() if match and match.group().lower() in FORMAT_BY_SUFFIX else ".txt"
        with self._ingest_lock, tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
            path = Path(folder) / f"upload{suffix}"
            path.write_bytes(data)
            before = {article.id for article in self.snapshot.brief.articles}
            skipped = pipeline.ingest_into(self.store, [path], self.settings)
            if self.store.count_articles() != len(before):
                self._refresh()
            after = [article.id for article in self.snapshot.brief.articles]
        renamed = tuple(SkippedInput(filename, item.reason, item.line) for item in skipped)
        added = tuple(article_id for article_id in after if article_id not in before)
        return IngestResult(added=added, already_stored=(), skipped=renamed)

    def _refresh(self) -> None:
        self.snapshot = Snapshot(pipeline.refresh_store(self.store, self.settings))
