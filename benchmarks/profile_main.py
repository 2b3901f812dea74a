"""Where the main process of a real ``analyze`` spends its CPU, and how long it runs after the last article.

The per-article stages run in worker processes; what is left in the main process (storing each analysis,
the story embedding and placement beside the workers, then the cross-article stages over the store) is the
serial part of a run, and on two cores it takes CPU the workers need. This runs ``analyze`` with the default
engine on PolNeAR texts (or a folder) and prints the run's timeline — first and last article stored, the
serial tail after the last — and the main process's CPU seconds; with ``--top N``, under cProfile, the N
hottest functions of the main process by cumulative and own time. cProfile's own timer is the wall clock
(a CPU-time timer is a Python call per event and inflated Python-heavy code three to five times): on a
busy host its figures include waiting for a core, and the profiled run's tail and CPU are inflated too, so
take those from a run without ``--top``.

    python benchmarks/profile_main.py [--limit 200] [--folder PATH] [--top 40]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import polnear_texts

from storyline.config import DEFAULT_SETTINGS
from storyline.pipeline import analyze


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="the first N PolNeAR train + dev texts")
    parser.add_argument("--folder", type=Path, help="analyse these inputs instead of PolNeAR")
    parser.add_argument("--top", type=int, default=0, help="profile; print this many functions per ordering")
    options = parser.parse_args()
    inputs = [options.folder] if options.folder else polnear_texts(options.limit)
    stored: list[float] = []
    started, cpu_before = time.perf_counter(), time.process_time()
    profiler = cProfile.Profile() if options.top else None
    if profiler:
        profiler.enable()
    brief = analyze(
        inputs, settings=DEFAULT_SETTINGS, on_progress=lambda *_: stored.append(time.perf_counter())
    )
    if profiler:
        profiler.disable()
    ended = time.perf_counter()
    first, last = (stored[0], stored[-1]) if stored else (ended, ended)
    print(
        f"articles: {len(brief.articles)}  stories: {len(brief.stories)}  wall {ended - started:.1f} s"
        f"  first stored {first - started:.1f} s  last {last - started:.1f} s"
        f"  serial tail {ended - last:.1f} s"
        f"  main-process CPU {time.process_time() - cpu_before:.1f} s{' (profiled)' if profiler else ''}"
    )
    if profiler is None:
        return
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"storyline|sentence_transformers.*encode", options.top)
    stats.sort_stats("tottime").print_stats(options.top)


if __name__ == "__main__":
    main()
