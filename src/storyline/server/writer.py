"""The server's writer: one long-lived process that runs every ingest — the per-article stages, the story
placement and the cross-article refresh — and hands back the new brief.

The analysis is CPU-bound Python; run in the server's own process it holds the interpreter lock for seconds
at a time, and readers served from the snapshot in memory waited behind it (read p95 of seconds under five
writers). In a process of its own it costs readers nothing but a core. It opens the store by its URL for
each job, so the server's process only ever reads it. ``storyline serve`` starts the process as it starts
and loads spaCy and lingua in it meanwhile (``start``): a first write then waits only for what is not
loaded yet, instead of ~10 s of model loading (issue #20). Otherwise the process starts on the first
write. It ends with its parent and is replaced if it dies.
"""

from __future__ import annotations

import importlib
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline import engines, pipeline
from storyline.config import Settings
from storyline.errors import StorylineError, StorylineStoreError
from storyline.pipeline import IngestResult
from storyline.records import Article, Brief, SkippedInput
from storyline.store import Store
from storyline.store.history import ChangeStamp


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What a job sends back: the ingest's result and, when it stored something, the refreshed brief."""

    result: IngestResult
    brief: Brief | None


@dataclass(frozen=True, slots=True)
class _Failure:
    """A ``StorylineError`` raised in the writer, in a form that crosses processes: the error classes take
    their parts as arguments but keep only the joined message in ``args``, so they do not unpickle."""

    kind: type[StorylineError]
    args: tuple[Any, ...]
    attributes: dict[str, Any]

    def error(self) -> StorylineError:
        error = self.kind.__new__(self.kind)
        error.args = self.args
        error.__dict__.update(self.attributes)
        return error


def ingest_job(store_url: str, inputs: list[Article] | Path, settings: Settings) -> IngestOutcome | _Failure:
    """Runs in the writer: store what ``inputs`` (articles, or an uploaded file's path) hold and refresh
    the cross-article results."""
    try:
        with Store.open(store_url, create=False) as store:
            items = inputs if isinstance(inputs, list) else pipeline.iter_articles([inputs], settings)
            result = pipeline.ingest_articles(store, items, settings)
            brief = pipeline.refresh_store(store, settings) if result.added else None
            return IngestOutcome(result, brief)
    except StorylineError as error:
        return _Failure(type(error), error.args, dict(error.__dict__))


def load_job(store_url: str) -> tuple[ChangeStamp, Brief] | _Failure:
    """Runs in the writer: the brief another process left in the store, with the store's stamp read first
    (so a change made meanwhile shows as a newer stamp, not as a brief that claims to be current)."""
    try:
        with Store.open(store_url, create=False) as store:
            stamp = store.change_stamp()
            return stamp, pipeline.load_brief(store)
    except StorylineError as error:
        return _Failure(type(error), error.args, dict(error.__dict__))


def preload_models() -> None:
    """Runs in the writer: load the per-article models, as the local engine's fork server does."""
    importlib.import_module(engines.PRELOAD_MODULE)


class Writer:
    """The writer process, started on first use; ``run`` blocks the calling thread (not the event loop)."""

    def __init__(self, store_url: str, store_label: str) -> None:
        self.store_url = store_url
        self.store_label = store_label
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the process and load the models in it, without waiting: jobs run in order, so the first
        write queues behind the loading and waits only for its rest."""
        self._process().submit(preload_models)

    def ingest(self, inputs: list[Article] | Path, settings: Settings) -> IngestOutcome:
        outcome = self._run(ingest_job, self.store_url, inputs, settings)
        if isinstance(outcome, _Failure):
            raise outcome.error()
        return outcome

    def load(self) -> tuple[ChangeStamp, Brief]:
        """The store's current brief, read in the writer process (it may have to refresh the stories)."""
        loaded = self._run(load_job, self.store_url)
        if isinstance(loaded, _Failure):
            raise loaded.error()
        return loaded

    def _run(self, job: Callable[..., Any], *arguments: Any) -> Any:
        try:
            return self._process().submit(job, *arguments).result()
        except BrokenProcessPool:
            self.close()  # the next write starts a fresh process
            raise StorylineStoreError(
                self.store_label, "the ingest process died (out of memory?); articles it finished are kept"
            ) from None

    def _process(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # "spawn": the server's process runs threads; forking it could deadlock the child.
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=engines.end_with_parent,
                )
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


def renamed_skips(result: IngestResult, filename: str) -> IngestResult:
    """An upload's result with its skipped parts naming the uploaded file, not the temporary copy."""
    renamed = tuple(SkippedInput(filename, item.reason, item.line) for item in result.skipped)
    return IngestResult(added=result.added, already_stored=(), skipped=renamed)
