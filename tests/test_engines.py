"""The engines run the per-article stages elsewhere (worker processes, Dask): same results, same order."""

from __future__ import annotations

import multiprocessing.forkserver
import os
import time

import pytest

# Only light imports at the top: worker processes import this module to find ``_square_all``.
from storyline.config import EngineSettings, Settings
from storyline.engines import (
    beside,
    chunked,
    helper_core_free,
    run_chunk_results,
    run_chunks,
    worker_context,
    worker_usage,
)
from storyline.errors import StorylineConfigurationError

TEXTS = [
    "Strike at Valmora port\nAna Petrova, the union chief, said 3,000 dock workers stayed home on Monday.",
    "Flood in Draava valley\nGovernor Ilir Basha said 40 villages were cut off when the Oskel dam broke.",
    "Valmora strike enters third day\nThe port operator denied that 3,000 workers had joined, Petrova said.",
    "Oskel dam inspected in spring\nIlir Basha claimed the dam was inspected in May; villagers doubt it.",
]


def _square_all(numbers: list[int]) -> list[int]:
    return [number * number for number in numbers]


def _pid_and_square(number: int) -> tuple[int, int]:
    return os.getpid(), number * number


def _interrupt_handlers(numbers: list[int]) -> list[bool]:
    import signal

    return [signal.getsignal(signal.SIGINT) is signal.SIG_IGN for _ in numbers]


def test_chunked_keeps_order_and_the_short_tail() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_local_worker_processes_return_results_in_input_order() -> None:
    settings = EngineSettings(batch_size=2, workers=2)
    assert list(run_chunks(_square_all, range(20), settings)) == [n * n for n in range(20)]


def test_chunk_results_come_as_the_chunks_were_cut_in_workers_and_in_process() -> None:
    to_workers = EngineSettings(batch_size=2, workers=2, worker_chunk_size=3)
    assert list(run_chunk_results(_square_all, range(8), to_workers)) == [[0, 1, 4], [9, 16, 25], [36, 49]]
    in_process = EngineSettings(batch_size=3, workers=1)
    assert list(run_chunk_results(_square_all, range(5), in_process)) == [[0, 1, 4], [9, 16]]


def test_workers_report_their_cpu_and_memory_with_each_chunk() -> None:
    # The fork server's workers are not this process's children: getrusage here cannot see them.
    worker_usage.clear()
    settings = EngineSettings(batch_size=2, workers=2, worker_chunk_size=1)
    before = time.time()
    assert list(run_chunks(_square_all, range(6), settings)) == [n * n for n in range(6)]
    assert 1 <= len(worker_usage.by_worker) <= 2
    assert worker_usage.cpu_seconds > 0 and worker_usage.peak_mib > 10
    assert worker_usage.first_chunk_started is not None and worker_usage.first_chunk_started >= before


def test_while_starting_runs_once_when_chunks_go_to_workers_and_never_in_process() -> None:
    calls: list[int] = []
    to_workers = EngineSettings(batch_size=2, workers=2, worker_chunk_size=1)
    results = run_chunks(_square_all, range(12), to_workers, while_starting=lambda: calls.append(1))
    assert list(results) == [n * n for n in range(12)]
    assert calls == [1]
    in_process = EngineSettings(batch_size=2, workers=1)
    results = run_chunks(_square_all, range(12), in_process, while_starting=lambda: calls.append(2))
    assert list(results) == [n * n for n in range(12)]
    assert calls == [1]


def test_workers_leave_ctrl_c_to_the_parent_which_keeps_it() -> None:
    """Ctrl-C reaches the whole process group: only the parent answers it (with what was kept)."""
    import signal

    settings = EngineSettings(batch_size=2, workers=2)
    assert all(run_chunks(_interrupt_handlers, range(10), settings))
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(StorylineConfigurationError, match="unknown engine"):
        list(run_chunks(_square_all, range(3), EngineSettings(name="spark")))  # type: ignore[arg-type]


def test_a_scheduler_address_dask_cannot_read_is_a_configuration_error() -> None:
    pytest.importorskip("distributed")
    settings = EngineSettings(name="dask", scheduler="no-port-here")
    with pytest.raises(StorylineConfigurationError, match="scheduler 'no-port-here': cannot connect"):
        list(run_chunks(_square_all, range(3), settings))


def test_dask_engine_gives_the_brief_of_the_local_engine() -> None:
    pytest.importorskip("distributed", reason="the dask engine needs dask.distributed installed")
    from storyline import pipeline

    local = pipeline.analyze(TEXTS, settings=Settings(engine=EngineSettings(workers=1)))
    # A LocalCluster of two worker processes; one article per chunk so that both workers get work.
    dask_settings = Settings(engine=EngineSettings(name="dask", workers=2, batch_size=1))
    on_dask = pipeline.analyze(TEXTS, settings=dask_settings)
    assert on_dask.to_dict() == local.to_dict()
    assert len(on_dask.articles) == len(TEXTS)


def test_work_beside_runs_in_a_helper_once_the_fork_server_is_up_and_here_when_asked() -> None:
    assert beside(_pid_and_square, 7, here=True)() == (os.getpid(), 49)
    worker_context()
    multiprocessing.forkserver.ensure_running()
    assert helper_core_free(EngineSettings(workers=2))
    assert not helper_core_free(EngineSettings(workers=1))
    assert not helper_core_free(EngineSettings(name="dask", workers=2))
    helper, square = beside(_pid_and_square, 7)()
    assert square == 49
    assert helper != os.getpid()
