"""Runs the stages in order — the only module that knows the order.

Per-article stages (ingest → clean → language → nlp → mentions, time expressions, claims) run article by
article, parsed in batches; each finished article is stored in one transaction, so an interrupted run keeps
every finished article and a re-run skips them. Cross-article stages (entity resolution, copies, stories,
ledger, timeline) then run over everything in the store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.errors import StorylineInputError
from storyline.records import (
    Article,
    ArticleAnalysis,
    Brief,
    Claim,
    Entity,
    ParsedArticle,
    SkippedInput,
)
from storyline.stages import claims, clean, copies, dates, entities, ingest, language, ledger, nlp, stories
from storyline.stages import timeline as timeline_stage
from storyline.store import Store

# Called after each article with (articles done, article or skipped input); the CLI draws its progress bar.
ProgressCallback = Callable[[int, Article | SkippedInput], None]


def analyze_parsed(parsed: ParsedArticle) -> ArticleAnalysis:
    """Every per-article stage that needs the parse, on one parsed article."""
    time_expressions = dates.find_time_expressions(parsed)
    return ArticleAnalysis(
        article=parsed.article,
        mentions=tuple(entities.extract_mentions(parsed)),
        claims=tuple(claims.extract_claims(parsed, time_expressions)),
        times=tuple(time_expressions),
    )


def prepare_article(article: Article) -> Article:
    """The per-article stages before the parse: clean, then language."""
    return language.detect_languages(clean.clean_article(article))


def run_article_stages(
    articles: Iterable[Article], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[ArticleAnalysis]:
    """Clean, detect languages, parse in batches and extract, one analysis per article, in input order."""
    prepared = (prepare_article(article) for article in articles)
    for parsed in nlp.parse_articles(prepared, batch_size=settings.nlp_batch_size):
        yield analyze_parsed(parsed)


# A str longer than this, or holding a line break, is an article's text rather than a path.
MAX_PATH_CHARS = 1024


def split_inputs(items: Sequence[str | Path]) -> tuple[list[str | Path], list[str]]:
    """(paths and URLs, texts): ``Path`` objects and URLs are inputs to read; a str is text when it holds a
    line break or is longer than any path, otherwise a path (a missing one is reported as skipped)."""
    paths: list[str | Path] = []
    texts: list[str] = []
    for item in items:
        if isinstance(item, str) and _is_text(item):
            texts.append(item)
        else:
            paths.append(item)
    return paths, texts


def _is_text(item: str) -> bool:
    return ("\n" in item or len(item) > MAX_PATH_CHARS) and not item.startswith(("http://", "https://"))


def iter_articles(
    inputs: Sequence[str | Path], settings: Settings, meta_csv: Path | None = None
) -> Iterator[Article | SkippedInput]:
    """Articles (and skipped inputs) from paths, URLs and texts in hand."""
    paths, texts = split_inputs(inputs)
    for number, text in enumerate(texts, start=1):
        source = f"<text {number}>"
        try:
            yield ingest.article_from_plain_text(text, source=source)
        except StorylineInputError as error:
            yield SkippedInput(source, error.reason)
    if paths:
        yield from ingest.iter_inputs(paths, settings, meta_csv=meta_csv)


def ingest_into(
    store: Store,
    inputs: Sequence[str | Path],
    settings: Settings = DEFAULT_SETTINGS,
    on_progress: ProgressCallback | None = None,
    meta_csv: Path | None = None,
) -> list[SkippedInput]:
    """Read inputs, analyse every article the store does not hold yet, store each one as it finishes."""
    skipped: list[SkippedInput] = []
    done = 0

    def new_articles() -> Iterator[Article]:
        nonlocal done
        seen: set[str] = set()
        for item in iter_articles(inputs, settings, meta_csv):
            if isinstance(item, SkippedInput):
                skipped.append(item)
                done += 1
                if on_progress:
                    on_progress(done, item)
            elif item.id not in seen and not store.has_article(item.id):
                seen.add(item.id)
                yield item

    for analysis in run_article_stages(new_articles(), settings):
        store.save_analysis(analysis)
        done += 1
        if on_progress:
            on_progress(done, analysis.article)
    return skipped


def link_speakers(claim_list: Iterable[Claim], entity_list: Sequence[Entity]) -> list[Claim]:
    """Point each claim's speaker at the entity whose mention covers the speaker's words."""
    entity_at = entities.span_index(entity_list)
    linked = []
    for claim in claim_list:
        speaker = None
        if claim.speaker_start is not None and claim.speaker_end is not None:
            speaker = entity_at(claim.article, claim.speaker_start, claim.speaker_end)
        linked.append(dataclasses.replace(claim, speaker=speaker))
    return linked


def build_brief(
    analyses: Sequence[ArticleAnalysis],
    skipped: Sequence[SkippedInput] = (),
    settings: Settings = DEFAULT_SETTINGS,
) -> Brief:
    """The cross-article stages, over every analysed article."""
    article_list = [analysis.article for analysis in analyses]
    entity_list = entities.resolve_entities(
        [mention for analysis in analyses for mention in analysis.mentions]
    )
    claim_list = link_speakers((c for analysis in analyses for c in analysis.claims), entity_list)
    copy_edges = copies.find_copies(article_list, settings)
    story_list = stories.cluster_stories(analyses, entity_list, settings)
    finished_stories = []
    for story in story_list:
        questions = ledger.build_ledger(story, claim_list, article_list, copy_edges, entity_list)
        story_timeline = timeline_stage.build_timeline(story, analyses, claim_list)
        finished_stories.append(dataclasses.replace(story, questions=questions, timeline=story_timeline))
    return Brief(
        articles=tuple(article_list),
        entities=tuple(entity_list),
        claims=tuple(claim_list),
        copies=tuple(copy_edges),
        stories=tuple(finished_stories),
        skipped=tuple(skipped),
    )


def analyze(
    inputs: Sequence[str | Path],
    *,
    db: str | Path | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    on_progress: ProgressCallback | None = None,
    meta_csv: Path | None = None,
) -> Brief:
    """Ingest ``inputs`` — files, directories, URLs, or article texts in hand (see ``split_inputs``) — into
    a store (a temporary one unless ``db`` is given) and build the brief over everything the store holds."""
    with Store.open(db) as store:
        skipped = ingest_into(store, inputs, settings, on_progress, meta_csv)
        return build_brief(store.load_analyses(), skipped, settings)
