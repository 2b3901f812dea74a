"""Peak memory of a process tree, counted once: the sum of each process's proportional set size (PSS).

Worker processes forked from a fork server share its pages (spaCy's and lingua's models) copy-on-write, so
adding up each process's resident size (RSS) counts those pages once per process. PSS charges a shared page
to each of its sharers by an equal fraction, so the sum over the tree is the memory the run holds, what a
machine's 2.5 GB budget is about. A thread samples the tree (this process, the fork server and the workers:
every descendant) every ``interval`` seconds and keeps the largest sum; the sampler's own CPU is counted
apart, so a benchmark can take it off this process's CPU. Linux only (``/proc/<pid>/smaps_rollup``); on
other systems the peak stays 0.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import TracebackType


def descendants(root: int) -> list[int]:
    """Every process under ``root`` (children, their children ...), from the parent ids in /proc."""
    parent_of: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended while listed
        parent_of[int(entry.name)] = int(fields[1])
    found: list[int] = []
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parent_of.items() if ppid == parent]
        found += children
        frontier += children
    return found


def pss_mib(pid: int) -> float:
    """The process's proportional set size in MiB (0 when it has ended or /proc cannot tell)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in rollup.splitlines() if line.startswith("Pss:")), 0.0)


class TreeMemory:
    """``with TreeMemory() as memory: ...`` then ``memory.peak_mib`` (sum of PSS over this process and its
    descendants, largest sample) and ``memory.sampler_cpu`` (seconds the sampling thread used)."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_mib = 0.0
        self.sampler_cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="tree-memory", daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> float:
        root = os.getpid()
        return sum(pss_mib(pid) for pid in [root, *descendants(root)])

    def _sample(self) -> None:
        started = time.thread_time()
        while True:
            self.peak_mib = max(self.peak_mib, self.sample())
            if self._stop.wait(self.interval):
                break
        self.sampler_cpu = time.thread_time() - started
