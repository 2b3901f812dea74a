"""Where the main process of a real ``analyze`` spends its CPU, and how long it runs after the last article.

The per-article stages run in worker processes; what is left in the main process (storing each analysis,
the story embedding and placement beside the workers, then the cross-article stages over the store) is the
serial part of a run, and on two cores it takes CPU the workers need. This runs ``analyze`` with the default
engine on PolNeAR texts, generated articles (``benchmarks/throughput.py``'s) or a folder and prints the
run's timeline — first and last article stored, the serial tail after the last — and the main process's
CPU seconds, split into its parts: the story embedding and placement beside the workers, storing, and each
cross-article stage of the tail. With ``--top N``, under cProfile, the N hottest functions of the main
process by cumulative and own time. cProfile's own timer is the wall clock
(a CPU-time timer is a Python call per event and inflated Python-heavy code three to five times): on a
busy host its figures include waiting for a core, and the profiled run's tail and CPU are inflated too, so
take those from a run without ``--top``. With ``--stored``, only the serial tail, over a copy of a store an
earlier run kept (``storyline analyze --db``): the same parts, run after run on the same analyses, without
waiting for the workers (the models load first, as a real run loads them while its workers start).

    python benchmarks/profile_main.py [--limit 200] [--folder PATH] [--top 40]
    python benchmarks/profile_main.py --corpus generated [--articles 1000]
    python benchmarks/profile_main.py --stored STORE.db [--top 40]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import polnear_texts, write_corpus

from storyline import pipeline
from storyline.config import DEFAULT_SETTINGS
from storyline.embeddings import EmbeddedTexts
from storyline.stages import stories
from storyline.stages.ledger import measured_questions, proposition_questions
from storyline.store import Store

# The parts of the main process's work, each a function the pipeline calls through a module attribute: a
# part's CPU is summed over its calls (``process_time``, this thread) while the real ``analyze`` runs.
PARTS: list[tuple[str, object, str]] = [
    ("store: save analyses (a chunk each)", Store, "save_analyses"),
    ("store: save placements", Store, "save_story_placements"),
    ("stories: embed and place (beside workers)", stories, "place_articles"),
    ("store: load analyses (tail)", Store, "load_analyses"),
    ("entities: recover mentions (tail)", pipeline.entities, "recover_mentions"),
    ("entities: resolve (tail)", pipeline.entities, "resolve_entities"),
    ("claims: link speakers (tail)", pipeline, "link_speakers"),
    ("copies (tail)", pipeline.copies, "find_copies"),
    ("ledger (tail; with a helper, this process's share)", pipeline, "build_ledgers_beside"),
    ("  of which quantity labels' predicates", measured_questions, "with_predicate"),
    ("  of which keyed-proposition candidates", proposition_questions, "_keyed"),
    ("  of which keyed links' encoder calls", EmbeddedTexts, "add"),
    ("timeline (tail)", pipeline.timeline_stage, "build_timeline"),
    ("store: save cross-article results (tail)", Store, "save_cross_article"),
]


@contextmanager
def timed_parts(spent: dict[str, float]) -> Iterator[None]:
    """Sum the CPU seconds of each of ``PARTS`` into ``spent`` for the block; the originals restored after."""
    originals = [(owner, name, getattr(owner, name)) for _, owner, name in PARTS]
    for (label, owner, name), (_, _, original) in zip(PARTS, originals, strict=True):
        setattr(owner, name, _timed(original, label, spent))
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def _timed(original: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(original)
    def call(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - started

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["generated", "polnear"], default="polnear")
    parser.add_argument("--limit", type=int, default=200, help="the first N PolNeAR train + dev texts")
    parser.add_argument("--articles", type=int, default=1000, help="with --corpus generated: how many")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folder", type=Path, help="analyse these inputs instead of PolNeAR")
    parser.add_argument("--top", type=int, default=0, help="profile; print this many functions per ordering")
    parser.add_argument("--stored", type=Path, help="time only the serial tail, over a copy of this store")
    options = parser.parse_args()
    if options.stored:
        profile_tail(options.stored, options.top)
        return
    with tempfile.TemporaryDirectory() as tmp:
        if options.folder:
            inputs: list[Path] = [options.folder]
        elif options.corpus == "generated":
            write_corpus(Path(tmp), options.articles, options.seed)
            inputs = [Path(tmp)]
        else:
            inputs = polnear_texts(options.limit)
        profile_run(inputs, options.top)


def profile_tail(stored: Path, top: int) -> None:
    """The cross-article stages over a copy of ``stored`` (``pipeline.refresh_store``, nothing written)."""
    pipeline._load_main_process_models(DEFAULT_SETTINGS)
    spent: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / stored.name
        shutil.copy(stored, copy)
        with Store.open(copy) as store:
            profiler = cProfile.Profile() if top else None
            started, cpu_before = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            with timed_parts(spent):
                brief = pipeline.refresh_store(store, keep_results=False)
            if profiler:
                profiler.disable()
            print(
                f"articles: {len(brief.articles)}  stories: {len(brief.stories)}"
                f"  serial tail {time.perf_counter() - started:.1f} s"
                f"  CPU {time.process_time() - cpu_before:.1f} s{' (profiled)' if profiler else ''}"
            )
    print_parts(spent, profiler, top)


def profile_run(inputs: list[Path], top: int) -> None:
    stored: list[float] = []
    spent: dict[str, float] = defaultdict(float)
    started, cpu_before = time.perf_counter(), time.process_time()
    profiler = cProfile.Profile() if top else None
    if profiler:
        profiler.enable()
    with timed_parts(spent):
        brief = pipeline.analyze(
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
    print("main-process CPU seconds by part (the rest: model loads, reading inputs, and the per-article")
    print("stages when a small run stays in this process)")
    print_parts(spent, profiler, top)


def print_parts(spent: dict[str, float], profiler: cProfile.Profile | None, top: int) -> None:
    for label, _owner, _name in PARTS:
        print(f"  {label:44s} {spent[label]:6.2f} s")
    if profiler is None:
        return
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"storyline|sentence_transformers.*encode", top)
    stats.sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    main()
