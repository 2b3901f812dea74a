"""Latency of adding one article to a large store: p50/p95 of placing it among the stored stories.

The store is filled with generated records written straight into it (parsing 100k articles would take
hours on two cores and is not what is measured): each article gets a title and lead, actors and a date,
drawn from a few thousand synthetic stories. Then ``--adds`` new articles are added one at a time as
``storyline ingest`` does after the parse: embed the title and lead, place the article in the story index,
store the article and its placement. The parse of the new article is excluded, as the issue asks.

Embedding 100k articles for the fill takes over an hour on a busy two-core host, so ``--fill-vectors
story`` embeds each synthetic story's topic once and gives its articles that vector plus noise (cosine ~0.8
to it); the timed adds always run the real encoder. Printed too: the encoder on one title and lead with
torch's own thread count against the single thread the embedder uses for it (same process, alternating),
the time split between encoder, placement and store writes, the story index's memory (traced while it is
rebuilt from the store) and the peak resident memory of the process.

    python benchmarks/incremental.py [--articles 100000] [--adds 200] [--no-embeddings]
                                     [--fill-vectors encoder|story] [--store PATH]

``--store PATH`` keeps the filled store: the first run fills it (and may be left to run at low priority
on a busy host), a later run reuses it and times the adds alone on a copy of it, so they can be measured
on a quiet machine without filling again (the copy keeps the kept store as filled).

Run time: the fill grows linearly, ~18.5 ms an article with ``--fill-vectors story`` on the busy two-core
host (2,000 articles 37 s, 6,000 111 s, both with ``--adds`` 50 or fewer), so ``--articles 100000
--fill-vectors story`` takes about 31 minutes before the adds (each well under a second); the default
``encoder`` fill embeds every article and takes hours at that size.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for tests.factories

from storyline import embeddings
from storyline.config import StoriesSettings
from storyline.embeddings import Embedder, Vectors, load_embedder
from storyline.pipeline import placement
from storyline.records import ArticleAnalysis
from storyline.stages.stories.cluster import StoryIndex, place_articles
from storyline.store import Store
from tests.factories import make_article, make_mention

# Per-dimension noise around a story's vector for ``--fill-vectors story``: 1 / sqrt(1 + 384 · σ²) ≈ 0.8.
STORY_NOISE = 0.038

SYLLABLES = ["val", "mor", "os", "kel", "dra", "ava", "lin", "port", "kes", "sa", "tep", "arn", "hold", "bay"]
EVENTS = ["strike", "flood", "cyber-attack", "evacuation", "blockade", "power cut", "election", "trial"]


def name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def vocabulary() -> list[str]:
    """Real English words to draw each story's topic from: the demo corpus's longer words."""
    demo = Path(__file__).resolve().parents[1] / "examples" / "demo"
    words = {
        word.lower() for path in demo.rglob("*.txt") for word in re.findall(r"[A-Za-z]{6,}", path.read_text())
    }
    return sorted(words)


WORDS = vocabulary()


def story_topic(story: int) -> str:
    """The words every article of synthetic story ``story`` draws from (``generated_analysis``)."""
    story_rng = random.Random(story)
    place, event = name(story_rng), story_rng.choice(EVENTS)
    people = [f"{name(story_rng)} {name(story_rng, 3)}" for _ in range(3)]
    return f"{place} {event}: {' '.join(story_rng.sample(WORDS, 12))} ({', '.join(people)})"


class StoryVectors:
    """A stand-in encoder for the fill: each text gets its story's embedded topic plus noise. The stories of
    the next texts are queued with ``expect`` (``place_articles`` embeds in input order)."""

    def __init__(self, encoder: Embedder, seed: int) -> None:
        self._encoder = encoder
        self._rng = np.random.default_rng(seed)
        self._topic_vectors: dict[int, Vectors] = {}
        self._queue: Iterator[int] = iter(())

    def expect(self, stories: Sequence[int]) -> None:
        missing = sorted(set(stories) - set(self._topic_vectors))
        for story, vector in zip(missing, self._encoder([story_topic(s) for s in missing]), strict=True):
            self._topic_vectors[story] = vector
        self._queue = iter(list(stories))

    def __call__(self, texts: Sequence[str]) -> Vectors:
        rows = np.stack([self._topic_vectors[next(self._queue)] for _ in texts])
        rows = rows + self._rng.normal(0.0, STORY_NOISE, rows.shape).astype(np.float32)
        return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def generated_analysis(rng: random.Random, number: int, story: int, start: date) -> ArticleAnalysis:
    """An article of synthetic story ``story``: its place, people, event and topic words recur across the
    story; stories start on different days, two years of news in all."""
    story_rng = random.Random(story)
    place, event = name(story_rng), story_rng.choice(EVENTS)
    people = [f"{name(story_rng)} {name(story_rng, 3)}" for _ in range(3)]
    topic = story_rng.sample(WORDS, 12)
    speaker = rng.choice(people)
    title = f"{place} {event}: {' '.join(rng.sample(topic, 4))}"
    text = (
        f"{speaker} said the {event} in {place} over {' and '.join(rng.sample(topic, 3))} went on as "
        f"{rng.randint(2, 90) * 100} residents waited. {rng.choice(people)} denied that "
        f"{' '.join(rng.sample(topic, 4))} had spread beyond {place}."
    )
    published = start + timedelta(days=story_rng.randrange(730) + rng.randint(0, 5))
    article = make_article(text, id=f"gen-{number:07d}", title=title, published=published.isoformat())
    mentions = tuple(
        make_mention(surface, label, article=article)
        for surface, label in ((speaker, "PERSON"), (place, "GPE"))
    )
    # The lead's event lemmas, as the parse stages would give them: the story's event and one lead verb.
    triggers = (*event.replace("-", " ").split(), rng.choice(("spread", "continue", "reach", "hold")))
    return ArticleAnalysis(article=article, mentions=mentions, triggers=triggers)


def fill_store(
    store: Store, count: int, stories: int, embed: bool, seed: int, fill_vectors: str = "encoder"
) -> StoryIndex:
    rng = random.Random(seed)
    settings = StoriesSettings(embeddings=embed)
    encoder = load_embedder() if embed else None
    story_vectors = StoryVectors(encoder, seed) if encoder and fill_vectors == "story" else None
    embedder: Embedder | None = story_vectors or encoder
    index = StoryIndex(settings)
    start = date(2024, 1, 1)
    batch: list[ArticleAnalysis] = []
    batch_stories: list[int] = []
    for number in range(count):
        batch_stories.append(rng.randrange(stories))
        batch.append(generated_analysis(rng, number, batch_stories[-1], start))
        if len(batch) == 256 or number == count - 1:
            if story_vectors is not None:
                story_vectors.expect(batch_stories)
            batch_stories = []
            for analysis, update in zip(batch, place_articles(index, batch, embedder), strict=True):
                store.save_analysis(analysis)
                store.save_story_placements([placement(update)])
            if (number + 1) // 10_000 > (number + 1 - len(batch)) // 10_000:  # crossed a ten thousand
                print(f"  filled {number + 1} articles", flush=True)
            batch = []
    return index


def percentiles(seconds: Sequence[float]) -> str:
    """p50 and p95 in milliseconds."""
    ordered = sorted(1000 * value for value in seconds)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p50 {statistics.median(ordered):.1f} ms   p95 {p95:.1f} ms   max {ordered[-1]:.1f} ms"


def encoder_threads(embedder: Embedder, texts: Sequence[str]) -> str:
    """One text at a time, alternating: torch's own thread count (what the embedder did before it ran small
    batches on one thread) against the embedder as it is."""
    own_threads: list[float] = []
    shipped: list[float] = []
    for text in texts:
        for timings, below in ((own_threads, 1), (shipped, embeddings.SINGLE_THREAD_BELOW)):
            saved, embeddings.SINGLE_THREAD_BELOW = embeddings.SINGLE_THREAD_BELOW, below
            started = time.perf_counter()
            embedder([text])
            timings.append(time.perf_counter() - started)
            embeddings.SINGLE_THREAD_BELOW = saved
    return (
        f"encoder, one title+lead, {torch.get_num_threads()} torch threads: {percentiles(own_threads)}\n"
        f"encoder, one title+lead, as shipped (1 thread):  {percentiles(shipped)}"
    )


def peak_memory_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=10_000, help="articles in the store (100000 for the issue)"
    )
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument(
        "--fill-vectors",
        choices=("encoder", "story"),
        default="encoder",
        help="embed every fill article (encoder) or give it its story's vector plus noise (story)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", type=Path, help="fill this store once and reuse it (see the docstring)")
    options = parser.parse_args()
    embed = not options.no_embeddings
    stories = max(options.articles // 25, 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.db"
        if options.store is not None and options.store.exists():
            shutil.copyfile(options.store, path)
            print(f"reused the store filled in {options.store} (a copy)")
        else:
            with Store.open(options.store or path) as filling:
                started = time.perf_counter()
                fill_store(filling, options.articles, stories, embed, options.seed, options.fill_vectors)
                print(f"filled {options.articles} articles in {time.perf_counter() - started:.0f} s")
            if options.store is not None:
                shutil.copyfile(options.store, path)
        with Store.open(path) as store:
            time_adds(store, options, stories, embed)


def time_adds(store: Store, options: argparse.Namespace, stories: int, embed: bool) -> None:
    """Load the story index from ``store``, then add ``options.adds`` new articles one at a time."""
    settings = StoriesSettings(embeddings=embed)
    started = time.perf_counter()
    tracemalloc.start()
    index = StoryIndex.from_tracks(store.load_story_tracks(), settings)
    index_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    loaded = time.perf_counter() - started
    stories_held = len(index.stories())
    print(f"loaded the story index ({stories_held} stories) in {loaded:.1f} s (traced);", end=" ")
    print(f"it holds {index_bytes / 2**20:.1f} MiB")
    embedder = load_embedder() if embed else None
    rng = random.Random(options.seed + 1)
    analyses = [
        generated_analysis(rng, number, rng.randrange(stories + stories // 10), date(2024, 1, 1))
        for number in range(options.articles, options.articles + options.adds)
    ]
    if embedder is not None:
        leads = [" ".join(f"{a.article.title}\n{a.article.text}".split()[:80]) for a in analyses[:40]]
        print(encoder_threads(embedder, leads))
    parts: dict[str, list[float]] = {"total": [], "encoder + placement": [], "store writes": []}
    for analysis in analyses:
        started = time.perf_counter()
        store.save_analysis(analysis)
        placing = time.perf_counter()
        (update,) = place_articles(index, [analysis], embedder)
        placed = time.perf_counter()
        store.save_story_placements([placement(update)])
        finished = time.perf_counter()
        parts["total"].append(finished - started)
        parts["encoder + placement"].append(placed - placing)
        parts["store writes"].append((placing - started) + (finished - placed))
    mode = "embeddings" if embed else "lexical"
    print(f"add one article to a {options.articles}-article store ({mode}): {percentiles(parts['total'])}")
    for label in ("encoder + placement", "store writes"):
        print(f"  {label}: {percentiles(parts[label])}")
    print(f"peak resident memory: {peak_memory_mb():.0f} MiB")


if __name__ == "__main__":
    main()
