"""CPU seconds of each per-article stage, serially in this process, on generated articles or a folder.

Where ``benchmarks/throughput.py`` says how far the pipeline is from the parse, this says which stage the
difference goes to: ingest, clean, language, the spaCy parse, locating time expressions (once, for both
stages after it), publication date and time expressions, mentions, claims, the outlet's voice, the claims'
finite verbs and the event triggers (the rest of a worker's work), the story embedding of title and lead,
and the cross-article stages (store, stories, entities, copies, ledger, timeline) of a full ``analyze`` in
one process. CPU time (``process_time``) rather than wall time, so a busy machine blurs the figures less;
``--cprofile`` prints the hottest functions of the extraction stages.

    python benchmarks/profile_stages.py [--articles 200] [--folder examples/demo] [--cprofile 30]
    python benchmarks/profile_stages.py --corpus polnear [--limit 84]    # real news: PolNeAR train + dev

The parse is the yardstick: each per-article stage is also printed as a share of the parse's CPU (issue
#20 asks for at most 30 % each on real text).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import polnear_texts, write_corpus

from storyline.config import DEFAULT_SETTINGS, EngineSettings, Settings
from storyline.embeddings import load_embedder, one_torch_thread
from storyline.pipeline import analyze, iter_articles
from storyline.records import Article, Claim, ParsedArticle
from storyline.stages import claims, clean, dates, entities, language, nlp, stories
from storyline.stages.claims.finite import with_finite_verbs
from storyline.stages.dates.publication import infer_publication_date
from storyline.stages.stories.cluster import _embedded_text

ResultT = TypeVar("ResultT")


class StageClock:
    """CPU seconds summed per stage name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def timed(self, stage: str, call: Callable[[], ResultT]) -> ResultT:
        started = time.process_time()
        result = call()
        self.seconds[stage] += time.process_time() - started
        return result

    def timed_iter(self, stage: str, items: Iterator[ResultT]) -> Iterator[ResultT]:
        while True:
            started = time.process_time()
            item = next(items, None)
            self.seconds[stage] += time.process_time() - started
            if item is None:
                return
            yield item


def _finite(parsed: ParsedArticle, found: list[Claim]) -> list[Claim]:
    return list(with_finite_verbs(parsed.doc, found))


def per_article_stages(inputs: list[Path], clock: StageClock, profiler: cProfile.Profile | None) -> int:
    """Run every per-article stage serially, timing each; returns the number of articles."""
    read = clock.timed("ingest", lambda: list(iter_articles(inputs, DEFAULT_SETTINGS)))
    articles = [item for item in read if isinstance(item, Article)]
    cleaned = clock.timed("clean", lambda: [clean.clean_article(article) for article in articles])
    prepared = clock.timed("language", lambda: [language.detect_languages(a) for a in cleaned])
    parsed_list = list(clock.timed_iter("parse", nlp.parse_articles(iter(prepared))))
    if profiler:
        profiler.enable()
    analysed = []
    for parsed in parsed_list:
        # located once for both, as pipeline.analyze_parsed does
        located = clock.timed("locating times", functools.partial(dates.locate_time_expressions, parsed))
        inferred = clock.timed("publication date", functools.partial(infer_publication_date, parsed, located))
        dated = ParsedArticle(article=inferred, doc=parsed.doc)
        times = clock.timed(
            "time expressions", functools.partial(dates.find_time_expressions, dated, located)
        )
        clock.timed("mentions", functools.partial(entities.extract_mentions, dated))
        found = clock.timed("claims", functools.partial(claims.extract_claims, dated, times))
        # the rest of what a worker runs (``per_article.analyze_parsed``), so the shares add up to it
        voiced = clock.timed(
            "outlet voice", functools.partial(claims.outlet_voice_claims, dated, found, times)
        )
        clock.timed("finite verbs", functools.partial(_finite, dated, voiced))
        clock.timed("event triggers", functools.partial(stories.event_triggers, dated))
        analysed.append(dated.article)
    if profiler:
        profiler.disable()
    embedder = load_embedder()
    if embedder is not None:
        texts = [_embedded_text(article) for article in analysed]
        # on one torch thread, as analyze embeds beside its worker processes
        with one_torch_thread():
            clock.timed("story embedding", lambda: embedder(texts))
    return len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="generated articles (without --folder)")
    parser.add_argument("--folder", type=Path, help="profile these inputs instead of generated articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", choices=["generated", "polnear"], default="generated")
    parser.add_argument("--limit", type=int, default=None, help="with --corpus polnear: the first N texts")
    parser.add_argument("--cprofile", type=int, default=0, help="print this many hottest functions")
    parser.add_argument("--no-analyze", action="store_true", help="skip the one-process full analyze")
    options = parser.parse_args()
    # Loading the models is a cost per process, not per article (lingua's take ~4 s): done before timing.
    nlp.load_nlp()("warm up the model once before timing")
    language.warm_up_detectors()
    load_embedder()
    clock = StageClock()
    profiler = cProfile.Profile() if options.cprofile else None
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [options.folder or Path(tmp)]
        if options.corpus == "polnear":
            inputs = polnear_texts(options.limit)
        elif options.folder is None:
            write_corpus(Path(tmp), options.articles, options.seed)
        count = per_article_stages(inputs, clock, profiler)
        if not options.no_analyze:
            one_process = Settings(engine=EngineSettings(workers=1))
            clock.timed("(full analyze, 1 process)", lambda: analyze(inputs, settings=one_process))
    per_article = sum(v for k, v in clock.seconds.items() if not k.startswith("("))
    parse = clock.seconds["parse"]
    print(f"articles: {count}   CPU seconds per stage (per 100 articles), share of the per-article sum,")
    print("share of the parse's CPU")
    for stage, seconds in clock.seconds.items():
        share = "" if stage.startswith("(") else f"{100 * seconds / per_article:5.1f} %"
        of_parse = "" if stage.startswith("(") else f"{100 * seconds / parse:6.1f} % of parse"
        print(f"  {stage:28s} {100 * seconds / count:7.2f} s  {share}  {of_parse}")
    if "(full analyze, 1 process)" in clock.seconds:
        rest = clock.seconds["(full analyze, 1 process)"] - per_article
        print(f"  {'(cross-article + store)':28s} {100 * rest / count:7.2f} s  (full analyze − stages above)")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(options.cprofile)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(options.cprofile)


if __name__ == "__main__":
    main()
