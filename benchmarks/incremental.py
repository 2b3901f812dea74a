"""Latency of adding one article to a large store: p50/p95 of placing it among the stored stories.

The store is filled with generated records written straight into it (parsing 100k articles would take
hours on two cores and is not what is measured): each article gets a title and lead, actors and a date,
drawn from a few thousand synthetic stories. Then ``--adds`` new articles are added one at a time as
``storyline ingest`` does after the parse: embed the title and lead, place the article in the story index,
store the article and its placement. The parse of the new article is excluded, as the issue asks.

    python benchmarks/incremental.py [--articles 100000] [--adds 200] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from storyline.config import DEFAULT_SETTINGS
from storyline.embeddings import load_embedder
from storyline.records import Article, ArticleAnalysis, Mention
from storyline.stages.stories import StoryIndex, place_articles
from storyline.store import Store

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
    mentions = tuple(
        Mention(f"gen-{number:07d}", text.index(surface), text.index(surface) + len(surface), surface, label)
        for surface, label in ((speaker, "PERSON"), (place, "GPE"))
    )
    published = start + timedelta(days=story_rng.randrange(730) + rng.randint(0, 5))
    article = Article(id=f"gen-{number:07d}", text=text, title=title, published=published.isoformat())
    return ArticleAnalysis(article=article, mentions=mentions)


def fill_store(store: Store, count: int, stories: int, embed: bool, seed: int) -> StoryIndex:
    rng = random.Random(seed)
    settings = dataclasses.replace(DEFAULT_SETTINGS, story_embeddings=embed)
    embedder = load_embedder() if embed else None
    index = StoryIndex(settings)
    start = date(2024, 1, 1)
    batch: list[ArticleAnalysis] = []
    for number in range(count):
        batch.append(generated_analysis(rng, number, rng.randrange(stories), start))
        if len(batch) == 256 or number == count - 1:
            for analysis, update in zip(batch, place_articles(index, batch, embedder), strict=True):
                store.save_analysis(analysis)
                store.save_story_placement(update.article_id, update.score, (update.story, *update.merged))
            batch = []
            if (number + 1) % 10_000 == 0:
                print(f"  filled {number + 1} articles", flush=True)
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=10_000, help="articles in the store (100000 for the issue)"
    )
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    embed = not options.no_embeddings
    stories = max(options.articles // 25, 1)
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "big.db") as store:
        started = time.perf_counter()
        fill_store(store, options.articles, stories, embed, options.seed)
        print(f"filled {options.articles} articles in {time.perf_counter() - started:.0f} s")
        settings = dataclasses.replace(DEFAULT_SETTINGS, story_embeddings=embed)
        started = time.perf_counter()
        index = StoryIndex.from_tracks(store.load_story_tracks(), settings)
        print(
            f"loaded the story index ({len(index.stories())} stories) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        embedder = load_embedder() if embed else None
        rng = random.Random(options.seed + 1)
        latencies = []
        for number in range(options.articles, options.articles + options.adds):
            analysis = generated_analysis(
                rng, number, rng.randrange(stories + stories // 10), date(2024, 1, 1)
            )
            started = time.perf_counter()
            store.save_analysis(analysis)
            (update,) = place_articles(index, [analysis], embedder)
            store.save_story_placement(
                update.article_id, update.score, (update.story, *update.merged), update.events
            )
            latencies.append(time.perf_counter() - started)
    latencies_ms = sorted(1000 * seconds for seconds in latencies)
    p95 = latencies_ms[int(0.95 * (len(latencies_ms) - 1))]
    print(
        f"add one article to a {options.articles}-article store ({'embeddings' if embed else 'lexical'}): "
        f"p50 {statistics.median(latencies_ms):.1f} ms   p95 {p95:.1f} ms   max {latencies_ms[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
