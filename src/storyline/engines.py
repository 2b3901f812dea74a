"""Execution of the per-article stages: locally (this process, or worker processes) or on Dask.

Per-article work is a picklable function from a chunk of articles to their analyses (one spaCy model per
worker process, loaded on first use). Every engine yields results in input order — the cross-article
stages and the store consume a stream whose order does not depend on the engine — and keeps a bounded
number of chunks in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from storyline.config import EngineSettings
from storyline.errors import StorylineConfigurationError

InputT = TypeVar("InputT")
OutputT = TypeVar("OutputT")
ChunkWork = Callable[[list[InputT]], list[OutputT]]

# Chunks waiting or running per worker: enough to keep every worker busy, few enough to bound memory.
CHUNKS_IN_FLIGHT_PER_WORKER = 2
# Imported once by the fork server that local workers are forked from: it loads the models (see there).
PRELOAD_MODULE = "storyline.preload"


def chunked(items: Iterable[InputT], size: int) -> Iterator[list[InputT]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_chunks(
    work: ChunkWork[InputT, OutputT], items: Iterable[InputT], settings: EngineSettings
) -> Iterator[OutputT]:
    """Apply ``work`` to ``items`` chunk by chunk on the engine ``settings`` names; results in input order."""
    chunks = chunked(items, settings.batch_size)
    if settings.name == "dask":
        yield from _run_on_dask(work, chunks, settings.scheduler, worker_count(settings))
    elif settings.name == "local":
        yield from _run_locally(work, chunks, worker_count(settings))
    else:
        raise StorylineConfigurationError(
            "engine", f"unknown engine {settings.name!r} (expected 'local' or 'dask')"
        )


def worker_count(settings: EngineSettings) -> int:
    """The worker processes ``settings`` ask for: the configured number, or one per CPU core."""
    return settings.workers if settings.workers > 0 else (os.cpu_count() or 1)


def _run_locally(
    work: ChunkWork[InputT, OutputT], chunks: Iterator[list[InputT]], workers: int
) -> Iterator[OutputT]:
    # Starting a worker costs a spaCy load (~2 s); a run of a few chunks is faster in this process.
    head = list(itertools.islice(chunks, workers + 1))
    if workers <= 1 or len(head) <= workers:
        for chunk in itertools.chain(head, chunks):
            yield from work(chunk)
        return
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_worker_context(), initializer=end_with_parent
    ) as pool:
        yield from _in_order(pool.submit, work, itertools.chain(head, chunks), workers)


def _worker_context() -> multiprocessing.context.BaseContext:
    """Where worker processes come from. Not forked from this process: forking one that already runs torch
    or BLAS threads can deadlock the child. A fork server is a fresh interpreter that imports
    ``PRELOAD_MODULE`` (loading spaCy and lingua once) and forks each worker from itself, so workers start
    with the models in memory; where fork servers do not exist (Windows, macOS's default), workers are
    spawned and load the models themselves."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD_MODULE])
    return context


def end_with_parent() -> None:
    """Run in each worker process as it starts: exit as soon as the parent is gone. A parent killed with
    SIGKILL cannot stop its workers, and each would otherwise parse on to the end of its chunk (20 s and
    more) before noticing that nobody reads its results. (A fork server's child watches the process that
    asked for it, not the server.)"""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def exit_when_parent_ends() -> None:
        multiprocessing.connection.wait([parent.sentinel])  # readable once the parent's end closes
        os._exit(1)

    threading.Thread(target=exit_when_parent_ends, name="storyline-parent-watch", daemon=True).start()


def _run_on_dask(
    work: ChunkWork[InputT, OutputT], chunks: Iterator[list[InputT]], scheduler: str | None, workers: int
) -> Iterator[OutputT]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise StorylineConfigurationError(
            "engine 'dask'", "needs `pip install dask distributed` (the [dask] extra)"
        ) from error
    if scheduler:
        with _connect(scheduler) as client:
            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            yield from _in_order(client.submit, work, chunks, workers, pure=False)
        return
    # One thread per worker process: spaCy's parse holds the GIL, threads would not run it in parallel.
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield from _in_order(client.submit, work, chunks, len(cluster.workers), pure=False)


def _connect(scheduler: str) -> Any:
    """A client of the scheduler at ``scheduler``. An address distributed cannot parse (ValueError) or
    reach (OSError, after its connect timeout) is the user's setting, not a bug: a configuration error."""
    from distributed import Client

    try:
        return Client(scheduler)
    except (ValueError, OSError) as error:
        raise StorylineConfigurationError(f"scheduler {scheduler!r}", f"cannot connect ({error})") from error


def _in_order(
    submit: Callable[..., Any],
    work: ChunkWork[InputT, OutputT],
    chunks: Iterable[list[InputT]],
    workers: int,
    **options: Any,
) -> Iterator[OutputT]:
    """Submit chunks, at most ``workers × CHUNKS_IN_FLIGHT_PER_WORKER`` pending; yield results in order."""
    pending: deque[Future[list[OutputT]]] = deque()
    limit = max(workers, 1) * CHUNKS_IN_FLIGHT_PER_WORKER
    for chunk in chunks:
        pending.append(submit(work, chunk, **options))
        if len(pending) >= limit:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
