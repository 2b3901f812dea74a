"""Execution of the per-article stages: locally (this process, or worker processes) or on Dask.

Per-article work is a picklable function from a chunk of articles to their analyses (one spaCy model per
worker process, loaded on first use). Every engine yields results in input order — the cross-article
stages and the store consume a stream whose order does not depend on the engine — and keeps a bounded
number of chunks in flight, so memory stays flat however long the input is. Each chunk comes back with
what its worker process has used so far (CPU, peak memory), summed in ``worker_usage``: a fork server's
workers are not this process's children, so ``getrusage`` here cannot see them.
"""

from __future__ import annotations

import functools
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from storyline.config import EngineSettings
from storyline.errors import StorylineConfigurationError

InputT = TypeVar("InputT")
OutputT = TypeVar("OutputT")
ChunkWork = Callable[[list[InputT]], list[OutputT]]

# Chunks waiting or running per worker: enough to keep every worker busy, few enough to bound memory.
CHUNKS_IN_FLIGHT_PER_WORKER = 2
# Imported once by the fork server that local workers are forked from: it loads the models (see there).
PRELOAD_MODULE = "storyline.preload"


@dataclass
class WorkerUsage:
    """CPU seconds and peak memory of the worker processes this process has used, latest report per
    worker, and when the first chunk began (wall clock, ``time.time``: the end of the workers' start-up).
    Benchmarks read it; nothing else depends on it."""

    by_worker: dict[tuple[str, int], tuple[float, float]] = field(default_factory=dict)
    first_chunk_started: float | None = None

    def record(self, report: UsageReport) -> None:
        self.by_worker[(report.host, report.pid)] = (report.cpu_seconds, report.peak_mib)
        if self.first_chunk_started is None or report.chunk_started < self.first_chunk_started:
            self.first_chunk_started = report.chunk_started

    def clear(self) -> None:
        self.by_worker.clear()
        self.first_chunk_started = None

    @property
    def cpu_seconds(self) -> float:
        return sum(cpu for cpu, _ in self.by_worker.values())

    @property
    def peak_mib(self) -> float:
        """The largest worker's peak resident memory."""
        return max((peak for _, peak in self.by_worker.values()), default=0.0)


@dataclass(frozen=True)
class UsageReport:
    host: str
    pid: int
    cpu_seconds: float  # user + system, since the worker process started
    peak_mib: float
    chunk_started: float  # time.time() when the worker began this chunk


@dataclass(frozen=True)
class Measured(Generic[OutputT]):
    results: list[OutputT]
    usage: UsageReport


worker_usage = WorkerUsage()


def measured(work: ChunkWork[InputT, OutputT], chunk: list[InputT]) -> Measured[OutputT]:
    """Run in a worker: ``work`` on ``chunk``, with what the worker process has used so far."""
    started = time.time()
    results = work(chunk)
    own = resource.getrusage(resource.RUSAGE_SELF)
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak_mib = own.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    usage = UsageReport(os.uname().nodename, os.getpid(), own.ru_utime + own.ru_stime, peak_mib, started)
    return Measured(results, usage)


def chunked(items: Iterable[InputT], size: int) -> Iterator[list[InputT]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_chunks(
    work: ChunkWork[InputT, OutputT],
    items: Iterable[InputT],
    settings: EngineSettings,
    while_starting: Callable[[], object] | None = None,
) -> Iterator[OutputT]:
    """Apply ``work`` to ``items`` chunk by chunk on the engine ``settings`` names; results in input order.
    ``while_starting`` is called once, in this process, when the first chunks have been sent to workers and
    before their first result is awaited: their start-up (the fork server loads spaCy and lingua, seconds)
    leaves this process idle, so work it would do anyway costs no wall time there. Not called when the
    chunks run in this process."""
    for results in run_chunk_results(work, items, settings, while_starting):
        yield from results


def run_chunk_results(
    work: ChunkWork[InputT, OutputT],
    items: Iterable[InputT],
    settings: EngineSettings,
    while_starting: Callable[[], object] | None = None,
) -> Iterator[list[OutputT]]:
    """``run_chunks``, each chunk's results as one list, as they arrive together: a caller that stores them
    writes a chunk at once."""
    if settings.name == "dask":
        chunks = chunked(items, settings.batch_size)
        yield from _run_on_dask(work, chunks, settings.scheduler, worker_count(settings), while_starting)
    elif settings.name == "local":
        yield from _run_locally(work, iter(items), worker_count(settings), settings, while_starting)
    else:
        raise StorylineConfigurationError(
            "engine", f"unknown engine {settings.name!r} (expected 'local' or 'dask')"
        )


def worker_count(settings: EngineSettings) -> int:
    """The worker processes ``settings`` ask for: the configured number, or one per CPU core."""
    return settings.workers if settings.workers > 0 else (os.cpu_count() or 1)


def _run_locally(
    work: ChunkWork[InputT, OutputT],
    items: Iterator[InputT],
    workers: int,
    settings: EngineSettings,
    while_starting: Callable[[], object] | None,
) -> Iterator[list[OutputT]]:
    # Starting the workers costs their fork server's model loads (~7 s of CPU); a run of no more than a
    # batch per worker is faster in this process.
    head = list(itertools.islice(items, workers * settings.batch_size + 1))
    if workers <= 1 or len(head) <= workers * settings.batch_size:
        for chunk in chunked(itertools.chain(head, items), settings.batch_size):
            yield work(chunk)
        return
    chunks = chunked(itertools.chain(head, items), settings.worker_chunk_size)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=worker_context(), initializer=end_with_parent
    ) as pool:
        yield from _in_order(pool.submit, work, chunks, workers, while_starting)


def worker_context() -> multiprocessing.context.BaseContext:
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


def fork_server_running() -> bool:
    """Whether this process's fork server (``worker_context``) has started: a process forked from it now
    starts with the models loaded, in milliseconds rather than the server's seconds of loading."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    return getattr(server, "_forkserver_pid", None) is not None


def helper_core_free(engine: EngineSettings) -> bool:
    """Whether a helper process may run beside this one at once: the local engine has more than one core,
    and this run's workers' fork server is up, so a helper forks from it in milliseconds (starting one costs
    seconds of loading). After the last article those cores stand idle while this process runs the serial
    tail."""
    return engine.name == "local" and worker_count(engine) > 1 and fork_server_running()


def beside(work: Callable[..., OutputT], *args: Any, here: bool = False) -> Callable[[], OutputT]:
    """``work(*args)`` in a helper process forked from the fork server (``worker_context``), started now;
    the returned function waits for its result (and ends the helper). With ``here``, or where the fork server
    is not running, ``work`` runs in this process when its result is asked for. ``work`` must be a pure
    function of its picklable arguments: the result is the same either way."""
    if here or not fork_server_running():
        return functools.partial(work, *args)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=worker_context(), initializer=end_with_parent)
    future = pool.submit(work, *args)

    def result() -> OutputT:
        with pool:
            return future.result()

    return result


def end_with_parent() -> None:
    """Run in each worker process as it starts: exit as soon as the parent is gone. A parent killed with
    SIGKILL cannot stop its workers, and each would otherwise parse on to the end of its chunk (20 s and
    more) before noticing that nobody reads its results. (A fork server's child watches the process that
    asked for it, not the server.) Ctrl-C at a terminal reaches the whole process group: the parent says
    what was kept and ends, so a worker ignores it (and ends with the parent) instead of printing its own
    traceback."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def exit_when_parent_ends() -> None:
        multiprocessing.connection.wait([parent.sentinel])  # readable once the parent's end closes
        os._exit(1)

    threading.Thread(target=exit_when_parent_ends, name="storyline-parent-watch", daemon=True).start()


def _run_on_dask(
    work: ChunkWork[InputT, OutputT],
    chunks: Iterator[list[InputT]],
    scheduler: str | None,
    workers: int,
    while_starting: Callable[[], object] | None,
) -> Iterator[list[OutputT]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise StorylineConfigurationError(
            "engine 'dask'", "needs `pip install dask distributed` (the [dask] extra)"
        ) from error
    if scheduler:
        with _connect(scheduler) as client:
            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            yield from _in_order(client.submit, work, chunks, workers, while_starting, pure=False)
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
        yield from _in_order(client.submit, work, chunks, len(cluster.workers), while_starting, pure=False)


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
    while_starting: Callable[[], object] | None = None,
    **options: Any,
) -> Iterator[list[OutputT]]:
    """Submit chunks, at most ``workers × CHUNKS_IN_FLIGHT_PER_WORKER`` pending; yield each chunk's results,
    in order.
    ``while_starting`` runs once the first chunks are sent (all of them, or as many as may be pending)."""
    pending: deque[Future[Measured[OutputT]]] = deque()
    limit = max(workers, 1) * CHUNKS_IN_FLIGHT_PER_WORKER
    for chunk in chunks:
        pending.append(submit(measured, work, chunk, **options))
        if len(pending) >= limit:
            if while_starting is not None:
                while_starting()
                while_starting = None
            yield _results(pending.popleft())
    if while_starting is not None:
        while_starting()
    while pending:
        yield _results(pending.popleft())


def _results(future: Future[Measured[OutputT]]) -> list[OutputT]:
    done = future.result()
    worker_usage.record(done.usage)
    return done.results
