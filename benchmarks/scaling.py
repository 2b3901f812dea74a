"""Scaling of the cross-article stages: their time for N and 10·N articles, printed as a ratio.

Near-linear stages (blocking, inverted indexes, nearest story centroids — never all pairs) give about 10×
for 10× the articles; the issue's target is at most 12×. Articles are generated records (the generator of
``benchmarks/incremental.py``: synthetic stories with recurring places, people, topic words and dates),
so no parse is timed: only entity resolution, copies, stories, ledger and timeline (``build_brief``).
Each size runs in a fresh process, which reports its peak resident memory beside the memory it held before
the corpus was generated (the embedding model and libraries): the corpus itself is held in memory, as
``build_brief`` takes a list, so the difference grows with N; what should not is the memory per article.

    python benchmarks/scaling.py [--articles 1000] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental import generated_analysis, peak_memory_mb

from storyline.config import Settings, StoriesSettings
from storyline.embeddings import load_embedder
from storyline.pipeline import build_brief
from storyline.records import ArticleAnalysis


def corpus(count: int, seed: int) -> list[ArticleAnalysis]:
    rng = random.Random(seed)
    stories = max(count // 25, 1)
    return [
        generated_analysis(rng, number, rng.randrange(stories), date(2024, 1, 1)) for number in range(count)
    ]


def timed_brief(analyses: list[ArticleAnalysis], settings: Settings) -> tuple[float, int]:
    started = time.perf_counter()
    brief = build_brief(analyses, settings=settings)
    return time.perf_counter() - started, len(brief.stories)


def measured_brief(count: int, seed: int, settings: Settings) -> tuple[float, int, float, float]:
    """Seconds, stories, and peak memory (MiB) before and after, for a corpus of ``count`` articles."""
    if settings.stories.embeddings:
        load_embedder()  # loaded before timing, as the parse model is in the throughput benchmark
    memory_before = peak_memory_mb()
    seconds, stories = timed_brief(corpus(count, seed), settings)
    return seconds, stories, memory_before, peak_memory_mb()


def in_fresh_process(count: int, seed: int, settings: Settings) -> tuple[float, int, float, float]:
    # A process per size: peak memory is a high-water mark and would otherwise carry over.
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(measured_brief, count, seed, settings).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="N; the second run has 10·N")
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    settings = Settings(stories=StoriesSettings(embeddings=not options.no_embeddings))
    mode = "embeddings" if settings.stories.embeddings else "lexical"
    seconds = {}
    for label, count in (("N", options.articles), ("10N", 10 * options.articles)):
        took, stories, before, peak = in_fresh_process(count, options.seed, settings)
        seconds[label] = took
        print(
            f"cross-article stages ({mode}), {label} = {count}: {took:.1f} s, {stories} stories; "
            f"peak memory {peak:.0f} MiB ({before:.0f} before the corpus, "
            f"{1024 * (peak - before) / count:.1f} KiB per article)"
        )
    print(f"time ratio 10N / N: {seconds['10N'] / seconds['N']:.1f}x   (target <= 12x)")


if __name__ == "__main__":
    main()
