"""The server's one piece of state: the open store, the snapshot readers use, and the ingest that replaces
it. Ingests run one at a time, in the writer process (``writer``), which also rebuilds the cross-article
results; readers keep the snapshot they started with until the new one is swapped in whole, and never wait
for an ingest.

Another process (``storyline ingest``) may write to the same store. The state compares the store's change
stamp with the snapshot's, at most once a second and off the request path for pages: while articles are
being stored, ``live_status`` says so (the pages' banner); once the other ingest has refreshed the stories,
the writer loads the new brief and it is swapped in like one of ours.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from storyline import pipeline
from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.pipeline import IngestResult
from storyline.records import Article, Brief
from storyline.server.changes import LedgerChanges, compare_states
from storyline.server.snapshot import Snapshot
from storyline.server.writer import IngestOutcome, Writer, renamed_skips
from storyline.stages.ingest.formats import FORMAT_BY_SUFFIX
from storyline.store import Store
from storyline.store.history import ChangeStamp

# An uploaded file keeps only its suffix (which picks the reader); its name never reaches the filesystem.
SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}$")

# The store is asked how far it has got at most this often, however many pages poll /api/status.
STAMP_CHECK_INTERVAL_S = 1.0


@dataclass(frozen=True, slots=True)
class LiveStatus:
    """The store against the snapshot served: articles and ledger state of each, and whether an ingest
    is storing articles now (here, or in another process: articles stored that no story holds yet)."""

    stored_articles: int
    shown_articles: int
    ledger_state: int
    shown_ledger_state: int
    ingesting: bool
    reloading: bool

    @property
    def current(self) -> bool:
        return self.stored_articles == self.shown_articles and self.ledger_state == self.shown_ledger_state


ResultT = TypeVar("ResultT")


class ServerState:
    def __init__(self, store: Store, token: str, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.store = store
        self.token = token
        self.settings = settings
        stamp = store.change_stamp()  # read first: a change made while loading shows as newer, not lost
        self.snapshot = self._snapshot(pipeline.load_brief(store), stamp)
        self._ingest_lock = threading.Lock()
        self._writer = Writer(store.url, store.label)
        self._stamp = stamp
        self._stamp_read_at = time.monotonic()
        self._watch_lock = threading.Lock()  # one stamp check at a time
        self._reloading = threading.Event()

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

    def change_store(self, change: Callable[[Store, Brief], ResultT]) -> ResultT:
        """A small write beside the analysis (an analyst's correction, given the brief as shown), run
        between ingests; the brief it changes is swapped in."""
        with self._ingest_lock:
            result = change(self.store, self.snapshot.brief)
            stamp = self.store.change_stamp()  # read first, as at start-up: a later change shows as newer
            self.snapshot = self._snapshot(pipeline.load_brief(self.store), stamp)
            return result

    def _swap_in(self, outcome: IngestOutcome) -> IngestResult:
        if outcome.brief is not None:
            self.snapshot = self._snapshot(outcome.brief, self.store.change_stamp())
        return outcome.result

    def _snapshot(self, brief: Brief, stamp: ChangeStamp) -> Snapshot:
        """The brief, indexed, with the ids of the stored event stories its developing stories joined."""
        return Snapshot(brief, stamp, pipeline.story_aliases(self.store, brief.stories))

    def changes(self) -> LedgerChanges:
        """What the ingest behind the snapshot served changed in the ledgers (from the ingest history)."""
        return compare_states(self.store.load_ledger_states(2, up_to=self.snapshot.stamp.ledger_state))

    # --- another process's ingests ----------------------------------------------------------------------

    def live_status(self) -> LiveStatus:
        """The store's stamp (read at most once a second) against the snapshot's; starts a reload when
        another process has finished an ingest."""
        with self._watch_lock:
            if time.monotonic() - self._stamp_read_at >= STAMP_CHECK_INTERVAL_S:
                self._stamp = self.store.change_stamp()
                self._stamp_read_at = time.monotonic()
            stamp, shown = self._stamp, self.snapshot.stamp
        ingesting = stamp.unplaced > 0 or self._ingest_lock.locked()
        if not ingesting and (stamp.articles, stamp.ledger_state) != (shown.articles, shown.ledger_state):
            self._start_reload()
        return LiveStatus(
            stored_articles=stamp.articles,
            shown_articles=len(self.snapshot.brief.articles),
            ledger_state=stamp.ledger_state,
            shown_ledger_state=shown.ledger_state,
            ingesting=ingesting,
            reloading=self._reloading.is_set(),
        )

    def watch_in_background(self) -> None:
        """``live_status`` off the request path (a page must not wait for the database): when a check is
        due and none is running."""
        due = time.monotonic() - self._stamp_read_at >= STAMP_CHECK_INTERVAL_S
        if due and not self._watch_lock.locked():
            threading.Thread(target=self.live_status, daemon=True).start()

    def _start_reload(self) -> None:
        if self._reloading.is_set() or self._ingest_lock.locked():
            return
        self._reloading.set()
        threading.Thread(target=self._reload, daemon=True).start()

    def _reload(self) -> None:
        try:
            # Under the ingest lock: an ingest of ours swaps in its own brief, which must not be replaced
            # by an older one loaded meanwhile.
            if self._ingest_lock.acquire(blocking=False):
                try:
                    stamp, brief = self._writer.load()
                    self.snapshot = self._snapshot(brief, stamp)
                finally:
                    self._ingest_lock.release()
        finally:
            self._reloading.clear()

    def close(self) -> None:
        """End the writer process (the app's shutdown)."""
        self._writer.close()
