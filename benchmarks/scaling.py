"""Scaling of the cross-article stages: their time for N and 10·N articles, printed as a ratio.

Near-linear stages (blocking, inverted indexes, nearest story centroids — never all pairs) give about 10×
for 10× the articles; the issue's target is at most 12×. Articles are generated records (the generator of
``benchmarks/incremental.py``: synthetic stories with recurring places, people, topic words and dates),
so no parse is timed: only entity resolution, copies, stories, ledger and timeline (``build_brief``).

    python benchmarks/scaling.py [--articles 1000] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental import generated_analysis

from storyline.config import DEFAULT_SETTINGS, Settings
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="N; the second run has 10·N")
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    settings = dataclasses.replace(DEFAULT_SETTINGS, story_embeddings=not options.no_embeddings)
    if settings.story_embeddings:
        load_embedder()  # loaded once, before timing, as the parse model is in the throughput benchmark
    small_seconds, small_stories = timed_brief(corpus(options.articles, options.seed), settings)
    large_seconds, large_stories = timed_brief(corpus(10 * options.articles, options.seed), settings)
    mode = "embeddings" if settings.story_embeddings else "lexical"
    for label, count, seconds, stories in (
        ("N", options.articles, small_seconds, small_stories),
        ("10N", 10 * options.articles, large_seconds, large_stories),
    ):
        print(f"cross-article stages ({mode}), {label} = {count}: {seconds:.1f} s, {stories} stories")
    print(f"time ratio 10N / N: {large_seconds / small_seconds:.1f}x   (target <= 12x)")


if __name__ == "__main__":
    main()
