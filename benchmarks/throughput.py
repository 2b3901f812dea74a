"""Throughput of ``storyline analyze`` against the bare spaCy parse of the same texts, in one process.

The parse is the cost floor of the pipeline; the ratio (pipeline articles/s ÷ parse-only articles/s) says
how much everything else costs on top of it. Articles are generated (deterministic, news-like: speakers,
reporting verbs, numbers, dates, boilerplate lines), never downloaded.

The pipeline runs as ``storyline analyze`` does by default: per-article stages in one worker process per
core, stories with embeddings. The embedding model is loaded before timing, as spaCy is warmed up. The
parse baseline is printed twice: one process (the issue's baseline) and ``n_process`` = cores, so the
share of the ratio that comes from using both cores is visible. Peak memory is this process's and the
largest worker's.

    python benchmarks/throughput.py [--articles 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from storyline.embeddings import load_embedder
from storyline.pipeline import analyze
from storyline.stages.nlp import load_nlp

PLACES = ["Valmora", "Oskel", "Draava", "Lindport", "Kessa", "Marrow Bay", "Teplice", "Arnhold"]
PEOPLE = ["Ana Petrova", "Ilir Basha", "Sara Lind", "Tomas Okafor", "Mei Tanaka", "Jonas Varga", "Lea Moreau"]
ROLES = ["the interior minister", "the union chairwoman", "the regional governor", "a police spokesman"]
EVENTS = ["strike", "flood", "cyber-attack", "evacuation", "blockade", "power cut"]
VERBS = ["said", "told reporters", "claimed", "confirmed", "denied", "announced"]
NOUNS = ["workers", "residents", "soldiers", "ships", "households", "officers"]
MONTHS = ["January", "March", "May", "July", "October", "November"]


def generate_article(rng: random.Random, number: int) -> str:
    place, event = rng.choice(PLACES), rng.choice(EVENTS)
    lines = [f"{event.capitalize()} in {place} enters day {rng.randint(2, 9)}"]
    for _ in range(rng.randint(6, 10)):
        person, verb = rng.choice(PEOPLE), rng.choice(VERBS)
        count = f"{rng.randint(2, 90) * 100:,}"
        day = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"
        lines.append(
            rng.choice(
                [
                    f"{person}, {rng.choice(ROLES)}, {verb} that {count} {rng.choice(NOUNS)} were "
                    f"affected by the {event} in {place} on {day}.",
                    f"“We will not accept this,” {person} {verb} on Friday, adding that the {event} had "
                    f"spread to {rng.choice(PLACES)} last week.",
                    f"According to {person}, about {count} {rng.choice(NOUNS)} left {place} yesterday, "
                    f"although officials could not confirm the figure.",
                ]
            )
        )
    lines += ["", "Subscribe now to keep reading.", f"Article {number} · 3 hours ago"]
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        text = generate_article(rng, number)
        (folder / f"article-{number:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="also 10000 or 100000")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = write_corpus(folder, options.articles, options.seed)
        nlp("warm up the model once before timing")
        load_embedder()
        cores = os.cpu_count() or 1

        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        parse_seconds = time.perf_counter() - started
        parse_cpu = time.process_time() - cpu_started

        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=cores):
            pass
        parallel_parse_seconds = time.perf_counter() - started

        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        brief = analyze([folder])
        pipeline_seconds = time.perf_counter() - started
        main_after, workers_after = _cpu_seconds()
        main_cpu, worker_cpu = main_after - cpu_before[0], workers_after - cpu_before[1]

    words = sum(len(text.split()) for text in texts)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"articles: {len(brief.articles)}   words: {words}   stories: {len(brief.stories)}")
    print(f"bare spaCy parse   {options.articles / parse_seconds:8.1f} articles/s  ({parse_seconds:.2f} s)")
    pipeline_rate = options.articles / pipeline_seconds
    print(f"storyline analyze  {pipeline_rate:8.1f} articles/s  ({pipeline_seconds:.2f} s)")
    print(f"bare spaCy parse, {cores} processes  {options.articles / parallel_parse_seconds:8.1f} articles/s")
    print(
        f"ratio analyze/parse: {parse_seconds / pipeline_seconds:.2f} (one-process parse), "
        f"{parallel_parse_seconds / pipeline_seconds:.2f} ({cores}-process parse)"
    )
    print(
        f"analyze CPU: {main_cpu:.1f} s main process + {worker_cpu:.1f} s workers = "
        f"{(main_cpu + worker_cpu) / pipeline_seconds:.2f} cores busy on average"
    )
    # On a machine shared with other work the wall-clock ratio mostly measures the neighbours; CPU seconds
    # do not: this is the ratio if the analysis spread its CPU over every core with none lost to waiting.
    cpu_ratio = parse_cpu / ((main_cpu + worker_cpu) / cores)
    print(f"CPU ratio (parse CPU ÷ analyze CPU per core): {cpu_ratio:.2f}")
    print(f"peak memory: {peak_mib:.0f} MiB (main process), {worker_peak_mib:.0f} MiB (largest worker)")


if __name__ == "__main__":
    main()
