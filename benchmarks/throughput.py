"""Throughput of ``storyline analyze`` against the bare spaCy parse of the same texts, in one process.

The parse is the cost floor of the pipeline; the ratio (pipeline articles/s ÷ parse-only articles/s) says
how much everything else costs on top of it. Articles are generated (deterministic, news-like: speakers,
reporting verbs, numbers, dates, boilerplate lines), never downloaded.

The pipeline runs as ``storyline analyze`` does by default: per-article stages in one worker process per
core, stories with embeddings. The embedding model is loaded before timing, as spaCy is warmed up. The
parse baseline is printed twice: one process (the issue's baseline) and ``n_process`` = cores, so the
share of the ratio that comes from using both cores is visible. Peak memory is the analyze process's, the fork
server's and the largest worker's (workers share the fork server's pages copy-on-write, so they do not add
up), and the run's own, counted once: the largest sum of proportional set sizes over the analyze process
and all its descendants while analyze runs (``tree_memory``). Worker CPU is what the workers report with
each chunk (``engines.worker_usage``: they are the fork server's children, invisible to ``RUSAGE_CHILDREN``
there) plus the fork server's own start-up.

The analyze timing runs in a fresh process of its own (``multiprocessing`` 'spawn'), which loads the models
and warms spaCy before timing as the parse baseline does: the baseline's parse processes and the pages its
``nlp.pipe`` leaves in this process (~330 MiB at 923 texts, varying run to run) would otherwise count in
analyze's peak memory, which is what #20's 2.5 GB budget is about.

    python benchmarks/throughput.py [--articles 1000] [--seed 7]
    python benchmarks/throughput.py --corpus polnear [--limit 84]    # real news: PolNeAR train + dev (924)

With ``--corpus polnear`` the articles are the real texts of ``../shared/data/polnear`` (not copied
anywhere), and the figure that matters is the ratio against the parse on the same number of processes,
start-up included (the time to the first stored article is printed beside it). Where the wall time goes is
printed as a timeline: the workers' start-up (fork server: imports, spaCy and lingua's models), the first
and the last article stored, and the serial tail in this process after the last one (the last story
placement and the cross-article stages).
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.forkserver
import os
import random
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tree_memory import TreeMemory

from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.embeddings import load_embedder
from storyline.engines import worker_count, worker_usage
from storyline.pipeline import analyze
from storyline.stages.nlp import load_nlp

if TYPE_CHECKING:  # spaCy is imported through storyline, after it sets the OpenMP wait policy
    from spacy.language import Language

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"

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


def polnear_texts(limit: int | None) -> list[Path]:
    """PolNeAR train and dev texts (real 2016 election news, ~740 words each), in a fixed order."""
    files = sorted(path for split in ("train", "dev") for path in (POLNEAR / split / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR texts under {POLNEAR}: the real-text benchmark needs ../shared/data")
    return files[:limit] if limit else files


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _fork_server_usage() -> tuple[float, float]:
    """CPU seconds and peak MiB of the local engine's fork server (Linux /proc; zeros without one)."""
    pid = getattr(multiprocessing.forkserver._forkserver, "_forkserver_pid", None)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, IndexError):
        return 0.0, 0.0
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime: fields 14, 15
    peak_kib = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")), 0)
    return cpu, peak_kib / 1024


@dataclass
class AnalyzeRun:
    seconds: float
    first_article_seconds: float  # start-up: from the call until the first article is stored
    main_cpu: float
    worker_cpu: float
    articles: int
    stories: int
    fork_server_peak_mib: float
    fork_server_cpu: float  # its start-up: imports, spaCy's and lingua's models (it only forks after)
    workers_started_seconds: float | None  # from the call until a worker began its first chunk
    last_article_seconds: float  # from the call until the last article was stored
    tree_peak_mib: float  # sum of PSS over the analyze process and its descendants, largest sample
    main_peak_mib: float  # the analyze process's own peak resident size
    worker_peak_mib: float  # the largest analyze worker's, sharing the fork server's pages


def time_parse(nlp: Language, texts: list[str], processes: int) -> tuple[float, float]:
    """Wall and CPU seconds of the bare spaCy parse of ``texts`` on ``processes`` processes."""
    cpu_before = sum(_cpu_seconds())
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - started, sum(_cpu_seconds()) - cpu_before


def time_analyze(inputs: list[Path], settings: Settings) -> AnalyzeRun:
    stored: list[float] = []
    worker_usage.clear()
    started, started_epoch = time.perf_counter(), time.time()

    def on_progress(done: int, _item: object) -> None:
        stored.append(time.perf_counter() - started)

    cpu_before = _cpu_seconds()
    with TreeMemory() as memory:
        brief = analyze(inputs, settings=settings, on_progress=on_progress)
    seconds = time.perf_counter() - started
    main_after, workers_after = _cpu_seconds()
    fork_server_cpu, fork_server_peak = _fork_server_usage()
    first_chunk = worker_usage.first_chunk_started
    return AnalyzeRun(
        seconds=seconds,
        first_article_seconds=stored[0] if stored else seconds,
        main_cpu=main_after - cpu_before[0] - memory.sampler_cpu,
        worker_cpu=workers_after - cpu_before[1] + worker_usage.cpu_seconds + fork_server_cpu,
        articles=len(brief.articles),
        stories=len(brief.stories),
        fork_server_peak_mib=fork_server_peak,
        fork_server_cpu=fork_server_cpu,
        workers_started_seconds=None if first_chunk is None else first_chunk - started_epoch,
        last_article_seconds=stored[-1] if stored else seconds,
        tree_peak_mib=memory.peak_mib,
        main_peak_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        worker_peak_mib=worker_usage.peak_mib,
    )


def _analyze_with_models(inputs: list[Path], settings: Settings) -> AnalyzeRun:
    """``time_analyze`` after loading and warming the models, as the parse baseline's process has them."""
    load_nlp()("warm up the model once before timing")
    load_embedder()
    return time_analyze(inputs, settings)


def time_analyze_apart(inputs: list[Path], settings: Settings) -> AnalyzeRun:
    """``time_analyze`` in a fresh process, so its memory and CPU are analyze's alone (module docstring).
    ``ProcessPoolExecutor``'s process is not a daemon (``multiprocessing.Pool``'s are), so analyze's own
    workers can start under it."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_analyze_with_models, inputs, settings).result()


def report(
    texts: list[str],
    parse: tuple[float, float],
    parallel: tuple[float, float],
    parse_peak_mib: float,
    run: AnalyzeRun,
) -> None:
    count, words, cores = len(texts), sum(len(text.split()) for text in texts), os.cpu_count() or 1
    processes = worker_count(DEFAULT_SETTINGS.engine)
    print(f"articles: {run.articles} of {count}   words: {words}   stories: {run.stories}")
    print(f"bare spaCy parse, 1 process    {count / parse[0]:8.1f} articles/s  ({parse[0]:.2f} s)")
    parallel_rate = count / parallel[0]
    print(f"bare spaCy parse, {processes} processes  {parallel_rate:8.1f} articles/s  ({parallel[0]:.2f} s)")
    print(
        f"storyline analyze              {count / run.seconds:8.1f} articles/s"
        f"  {words / run.seconds:8.0f} words/s"
        f"  ({run.seconds:.2f} s; first article stored after {run.first_article_seconds:.2f} s)"
    )
    started = (
        "in this process" if run.workers_started_seconds is None else f"{run.workers_started_seconds:.2f} s"
    )
    tail = run.seconds - run.last_article_seconds
    print(
        f"timeline: workers' first chunk began {started}, first article stored"
        f" {run.first_article_seconds:.2f} s, last {run.last_article_seconds:.2f} s, then {tail:.2f} s"
        " in this process (last story placement, cross-article stages)"
    )
    print(
        f"ratio analyze/parse: {parse[0] / run.seconds:.2f} (one-process parse), "
        f"{parallel[0] / run.seconds:.2f} ({processes}-process parse, the same number of processes)"
    )
    print(
        f"analyze CPU: {run.main_cpu:.1f} s main process + {run.worker_cpu:.1f} s workers and fork server"
        f" (its start-up {run.fork_server_cpu:.1f} s) = "
        f"{(run.main_cpu + run.worker_cpu) / run.seconds:.2f} cores busy on average"
    )
    # On a machine shared with other work the wall-clock ratio mostly measures the neighbours; CPU seconds
    # do not: this is the ratio if the analysis spread its CPU over every core with none lost to waiting.
    cpu_ratio = parse[1] / ((run.main_cpu + run.worker_cpu) / cores)
    print(f"CPU ratio (parse CPU ÷ analyze CPU per core): {cpu_ratio:.2f}")
    print(
        f"peak memory: {run.main_peak_mib:.0f} MiB (main process), {run.fork_server_peak_mib:.0f} MiB"
        f" (fork server), {run.worker_peak_mib:.0f} MiB (largest analyze worker, sharing the fork server's"
        f" pages), {parse_peak_mib:.0f} MiB (largest parse process)"
    )
    print(f"peak memory of the analyze run, counted once (sum of PSS): {run.tree_peak_mib:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="generated articles (also 10000, 100000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", choices=["generated", "polnear"], default="generated")
    parser.add_argument("--limit", type=int, default=None, help="with --corpus polnear: the first N texts")
    options = parser.parse_args()
    nlp = load_nlp()
    nlp("warm up the model once before timing")
    with tempfile.TemporaryDirectory() as tmp:
        if options.corpus == "polnear":
            inputs = polnear_texts(options.limit)
            texts = [path.read_text(encoding="utf-8") for path in inputs]
        else:
            texts = write_corpus(Path(tmp), options.articles, options.seed)
            inputs = [Path(tmp)]
        parse = time_parse(nlp, texts, 1)
        parallel = time_parse(nlp, texts, worker_count(DEFAULT_SETTINGS.engine))
        # read before analyze's process ends: it would count among this process's children too
        parse_peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        run = time_analyze_apart(inputs, DEFAULT_SETTINGS)
    report(texts, parse, parallel, parse_peak_mib, run)


if __name__ == "__main__":
    main()
