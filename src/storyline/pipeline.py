"""Runs the stages in order — with ``per_article``, the only modules that know the order.

Per-article stages (ingest → clean → language → nlp → mentions, time expressions, claims) run article by
article, parsed in batches (``per_article``: a module of its own, so that worker processes import only the
code they run); the finished articles a worker returns together are stored in one transaction, so an
interrupted run keeps every finished article and a re-run skips them. Cross-article stages (entity
resolution, copies, stories, ledger, timeline) then run over everything in the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from storyline import engines
from storyline.config import DEFAULT_SETTINGS, Settings
from storyline.corrections import apply_corrections
from storyline.embeddings import EMBED_BATCH_SIZE, load_embedder, one_torch_thread
from storyline.errors import StorylineInputError, unknown_story
from storyline.ledger_beside import build_ledgers_beside

# Re-exported: callers (evals, tests) reach the per-article stages through the pipeline.
from storyline.per_article import analyze_chunk
from storyline.per_article import analyze_parsed as analyze_parsed
from storyline.per_article import prepare_article as prepare_article
from storyline.per_article import run_article_stages as run_article_stages
from storyline.records import (
    Article,
    ArticleAnalysis,
    Brief,
    Claim,
    CopyEdge,
    Entity,
    SkippedInput,
    Story,
)
from storyline.stages import claims, copies, dates, entities, ingest, ledger, stories
from storyline.stages import timeline as timeline_stage
from storyline.stages.nlp import load_nlp
from storyline.store import Store
from storyline.store.placement import Placement


@dataclasses.dataclass(frozen=True, slots=True)
class AlreadyStored:
    """An input article the store held before this run: reported to the progress callback, not analysed."""

    article_id: str


# Called after each input with (inputs done, the article analysed, the input skipped, or the article found
# already stored); the CLI draws its progress bar. The store is asked once per article, here.
ProgressCallback = Callable[[int, Article | SkippedInput | AlreadyStored], None]


# A str longer than this, or holding a line break, is an article's text rather than a path.
MAX_PATH_CHARS = 1024
# Fewer articles than this find their copies in this process: a helper's start (a fork, importing the
# copies stage, sending the articles) would cost about what their copies do (~5 ms of CPU an article).
COPIES_BESIDE_FROM = 200


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
        yield from ingest.iter_inputs(paths, settings.ingest, meta_csv=meta_csv)


@dataclasses.dataclass(frozen=True, slots=True)
class IngestResult:
    """What one ingest did: ids of the articles analysed and stored, of those the store already held, and
    the inputs skipped."""

    added: tuple[str, ...]
    already_stored: tuple[str, ...]
    skipped: tuple[SkippedInput, ...] = ()


def ingest_into(
    store: Store,
    inputs: Sequence[str | Path],
    settings: Settings = DEFAULT_SETTINGS,
    on_progress: ProgressCallback | None = None,
    meta_csv: Path | None = None,
) -> list[SkippedInput]:
    """Read inputs, analyse every article the store does not hold yet, store each one as it finishes."""
    result = ingest_articles(store, iter_articles(inputs, settings, meta_csv), settings, on_progress)
    return list(result.skipped)


def ingest_articles(
    store: Store,
    items: Iterable[Article | SkippedInput],
    settings: Settings = DEFAULT_SETTINGS,
    on_progress: ProgressCallback | None = None,
) -> IngestResult:
    """Analyse every article the store does not hold yet (the first of several with one id), store each
    one as it finishes and place it in a story; skipped inputs are counted and passed through. The one
    ingest of the CLI and the server."""
    skipped: list[SkippedInput] = []
    added: list[str] = []
    already_stored: list[str] = []
    done = 0

    def new_articles() -> Iterator[Article]:
        nonlocal done
        seen: set[str] = set()
        for item in items:
            if isinstance(item, SkippedInput):
                skipped.append(item)
                done += 1
                if on_progress:
                    on_progress(done, item)
            elif item.id in seen:
                continue
            elif store.has_article(item.id):
                seen.add(item.id)
                already_stored.append(item.id)
                done += 1
                if on_progress:
                    on_progress(done, AlreadyStored(item.id))
            else:
                seen.add(item.id)
                yield item

    place_left_over(store, settings)
    work = functools.partial(analyze_chunk, settings=settings)
    # The story embedder (torch and the model: seconds of CPU) and the parser the ledger reads its labels with
    # (``ledger.evidence``: 2.3 s of CPU) load while the workers start, when this process would only wait,
    # not at the first placement or in the serial tail after the last article, when they would hold it up.
    while_starting = functools.partial(_load_main_process_models, settings)
    analysed = engines.run_chunk_results(work, new_articles(), settings.engine, while_starting)
    # Worker processes on this machine keep every core busy meanwhile (a small run stays in this process).
    beside_workers = settings.engine.scheduler is None and engines.worker_count(settings.engine) > 1
    index: stories.StoryIndex | None = None

    def place(batch: list[ArticleAnalysis]) -> None:
        nonlocal index
        index = index or stories.StoryIndex.from_tracks(store.load_story_tracks(), settings.stories)
        place_in_stories(store, index, batch, settings, beside_workers=beside_workers)

    unplaced: list[ArticleAnalysis] = []
    # Each chunk's analyses are stored as soon as they arrive, together as a worker returns them, in one
    # transaction (an interrupted run keeps them, and the first result shows at once); story placement runs
    # once an embedder's batch has gathered (EMBED_BATCH_SIZE, the batches the stories stage embeds in, so
    # the vectors are those of larger placements), beside the workers: what is left for after the last
    # result (the run's serial tail) is at most one such batch.
    for chunk in analysed:
        # Another process ingesting the same article may have stored it since the check above.
        for analysis, stored in zip(chunk, store.save_analyses(chunk), strict=True):
            (added if stored else already_stored).append(analysis.article.id)
            done += 1
            if on_progress:
                on_progress(done, analysis.article)
            unplaced.append(analysis)
            if len(unplaced) == EMBED_BATCH_SIZE:
                place(unplaced)
                unplaced = []
    if unplaced:
        place(unplaced)
    return IngestResult(tuple(added), tuple(already_stored), tuple(skipped))


def place_in_stories(
    store: Store,
    index: stories.StoryIndex,
    analyses: Sequence[ArticleAnalysis],
    settings: Settings,
    *,
    beside_workers: bool = False,
) -> None:
    """The incremental stories stage: each article joins a stored story or starts one, in the order given;
    the placements (and any merges they cause) are stored together, in one transaction, once all are made:
    an interrupt loses at most these, and the next run places their articles first (``place_left_over``).
    ``beside_workers``: worker processes run the per-article stages on every core meanwhile, so the embedder
    gets one thread."""
    embedder = load_embedder() if settings.stories.embeddings else None
    with one_torch_thread() if beside_workers and embedder is not None else contextlib.nullcontext():
        updates = list(stories.place_articles(index, analyses, embedder))
    store.save_story_placements([placement(update) for update in updates])


def _load_main_process_models(settings: Settings) -> None:
    """Load what this process's own stages need while the workers start (``engines.run_chunks``)."""
    if settings.stories.embeddings:
        load_embedder()
    load_nlp()


def place_left_over(store: Store, settings: Settings = DEFAULT_SETTINGS) -> None:
    """Place the stored articles no story holds yet — a run killed between storing an article and placing
    it leaves some — before anything new joins, so they join in the order they were stored."""
    left_over = set(store.articles_outside_story_tracks())
    if left_over:
        stored_stories(store, [a for a in store.load_analyses() if a.article.id in left_over], settings)


def placement(update: stories.StoryUpdate) -> Placement:
    """Where one article was placed and every story its placement changed, as the store records it."""
    return update.article_id, update.score, (update.story, *update.changed), update.events, update.member_of


def stored_stories(
    store: Store, analyses: Sequence[ArticleAnalysis], settings: Settings = DEFAULT_SETTINGS
) -> list[Story]:
    """The stories the store holds, after placing any stored article not yet in one (a run interrupted
    between storing an article and placing it, or a store written before stories were incremental)."""
    index = stories.StoryIndex.from_tracks(store.load_story_tracks(), settings.stories)
    unplaced = [analysis for analysis in analyses if index.story_of(analysis.article.id) is None]
    if unplaced:
        place_in_stories(store, index, unplaced, settings)
    return index.stories()


def link_speakers(claim_list: Iterable[Claim], entity_list: Sequence[Entity]) -> list[Claim]:
    """Point each claim's speaker at the entity whose mention covers the speaker's words; words no mention
    covers that describe the article's lead by a side or a trade ("the Republican presidential candidate",
    ``claims.lead_described``) are that person."""
    entity_at = entities.span_index(entity_list)
    leads = claims.article_leads(entity_list)
    linked = []
    for claim in claim_list:
        speaker = None
        if claim.speaker_start is not None and claim.speaker_end is not None:
            speaker = entity_at(claim.article, claim.speaker_start, claim.speaker_end, claim.speaker_text)
        if speaker is None and claim.speaker_text:
            at = claim.speaker_start if claim.speaker_start is not None else claim.start
            speaker = claims.lead_described(claim.article, claim.speaker_text, at, leads)
        linked.append(dataclasses.replace(claim, speaker=speaker))
    return linked


def resolve_all_entities(
    analyses: Sequence[ArticleAnalysis], settings: Settings = DEFAULT_SETTINGS
) -> list[Entity]:
    """The entities over every analysed article's mentions."""
    article_list = [analysis.article for analysis in analyses]
    mention_list = [mention for analysis in analyses for mention in analysis.mentions]
    # names one article tags and another leaves untagged (a German spelling, an unseen acronym)
    mention_list += entities.recover_mentions(article_list, mention_list)
    return entities.resolve_entities(mention_list, settings.entities)


def build_brief(
    analyses: Sequence[ArticleAnalysis],
    skipped: Sequence[SkippedInput] = (),
    settings: Settings = DEFAULT_SETTINGS,
    story_list: Sequence[Story] | None = None,
) -> Brief:
    """The cross-article stages, over every analysed article. ``story_list`` gives the event stories when
    they are already known (a store's incremental stories); otherwise the articles are clustered here. The
    brief's stories are the level a user sees over them (``stories.shown_stories``)."""
    article_list = [analysis.article for analysis in analyses]
    # The copies stage reads the articles only: with this run's workers' cores idle, a helper process runs
    # it while this one resolves entities (``engines.beside``; 3-5 s of the serial tail's CPU on 1,000
    # generated articles, ``benchmarks/profile_main.py``).
    alone = len(article_list) < COPIES_BESIDE_FROM or not engines.helper_core_free(settings.engine)
    copies_found = engines.beside(copies.find_copies, article_list, settings.copies, here=alone)
    entity_list = resolve_all_entities(analyses, settings)
    claim_list = link_speakers((c for analysis in analyses for c in analysis.claims), entity_list)
    copy_edges = copies_found()
    if story_list is None:
        story_list = stories.cluster_stories(analyses, entity_list, settings.stories)
    # the event stories of one incident, as one story (developing stories): the level a user sees
    story_list = stories.shown_stories(story_list, analyses, entity_list, settings.stories)
    # An undated article is placed by its story's dated reports before its values enter the ledger's series.
    analyses = dates.date_undated_in_stories(analyses, story_list, settings.dates)
    article_list = [analysis.article for analysis in analyses]
    finished_stories = []
    # Each story's ledger and timeline see only its own articles' records: handing every story the whole
    # corpus would make these stages quadratic (stories × articles) on a large store.
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in claim_list:
        claims_of[claim.article].append(claim)
    copies_of: dict[str, list[CopyEdge]] = defaultdict(list)
    for edge in copy_edges:
        copies_of[edge.article].append(edge)
    entities_of: dict[str, list[int]] = defaultdict(list)  # positions in entity_list, kept in its order
    for position, entity in enumerate(entity_list):
        for article_id in dict.fromkeys(mention.article for mention in entity.mentions):
            entities_of[article_id].append(position)
    spans = ledger.entity_spans(entity_list)  # mentions by article, indexed once rather than per story
    analysis_of = {analysis.article.id: analysis for analysis in analyses}
    members_of = [
        [analysis_of[article_id] for article_id in story.articles if article_id in analysis_of]
        for story in story_list
    ]
    story_records = []
    for story, members in zip(story_list, members_of, strict=True):
        story_claims = [claim for analysis in members for claim in claims_of[analysis.article.id]]
        story_copies = [edge for analysis in members for edge in copies_of[analysis.article.id]]
        positions = sorted({n for analysis in members for n in entities_of[analysis.article.id]})
        story_entities = [entity_list[position] for position in positions]
        story_articles = [analysis.article for analysis in members]
        story_records.append(
            ledger.StoryRecords(story, story_claims, story_articles, story_copies, story_entities)
        )
    # every story's ledger at once: their keyed links share one encoder call (``ledger.build_ledgers``)
    # (part of them in a helper process when this run's workers have left a core idle: ``ledger_beside``)
    ledgers = build_ledgers_beside(story_records, settings.ledger, spans, settings.engine)
    for records, members, questions in zip(story_records, members_of, ledgers, strict=True):
        story = records.story
        story_timeline = timeline_stage.build_timeline(story, members, records.claims, settings.timeline)
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
    story: str | None = None,
) -> Brief:
    """Ingest ``inputs`` — files, directories, URLs, or article texts in hand (see ``split_inputs``) — into
    a store (a temporary one unless ``db`` is given) and build the brief over everything the store holds,
    or, with ``story``, over that one story's articles."""
    with Store.open(db) as store:
        skipped = ingest_into(store, inputs, settings, on_progress, meta_csv)
        # A temporary store is removed on return: nothing reads the cross-article results it would keep.
        brief = stored_brief(store, story, settings, keep_results=db is not None)
        return dataclasses.replace(brief, skipped=tuple(skipped))


def stored_brief(
    store: Store,
    story: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    keep_results: bool = True,
) -> Brief:
    """The brief over everything the store holds (the cross-article stages run again), or with ``story``
    over that one story's articles. ``keep_results``: see ``refresh_store``."""
    if story is not None:
        return story_brief(store, story, settings)
    return refresh_store(store, settings, keep_results=keep_results)


def story_brief(store: Store, story_id: str, settings: Settings = DEFAULT_SETTINGS) -> Brief:
    """The brief of one stored story as ``storyline stories`` lists it (a developing story, found by its
    id or by the id of any event story it joined): the cross-article stages over its articles only (nothing
    is saved, since the store's cross-article results cover every story). Which event stories join needs
    the entities of every article, as in the whole brief."""
    analyses = store.load_analyses()
    event_stories = stored_stories(store, analyses, settings)
    entity_list = resolve_all_entities(analyses, settings) if settings.stories.developing_stories else []
    shown = stories.shown_stories(event_stories, analyses, entity_list, settings.stories)
    chosen = stories.find_story(shown, story_id, event_stories)
    if chosen is None:
        raise unknown_story(story_id)
    members = set(chosen.articles)
    return build_brief(
        [a for a in analyses if a.article.id in members], settings=settings, story_list=[chosen]
    )


def refresh_store(store: Store, settings: Settings = DEFAULT_SETTINGS, *, keep_results: bool = True) -> Brief:
    """Run the cross-article stages over every article the store holds and persist their results, so that
    readers of the store (the web server) find entities, copies and stories without recomputing them.
    ``keep_results`` off: a store no one will read (``analyze`` into a temporary one) is spared the writing,
    0.5-1.1 s of the serial tail's 8-11 s of CPU on 1,000 generated articles (``benchmarks/profile_main.py``
    --corpus generated), all of it after the last article, when only this process works."""
    analyses = store.load_analyses()
    brief = build_brief(analyses, settings=settings, story_list=stored_stories(store, analyses, settings))
    if keep_results:
        store.save_cross_article(brief.entities, brief.copies, brief.stories)
    return apply_corrections(brief, store.list_corrections(), settings.ledger)  # analysis stored uncorrected


def load_stories(store: Store) -> list[Story]:
    """The stories the store's brief holds (what ``load_brief`` and the server show), refreshed first when
    articles were stored since, without loading the analyses otherwise."""
    if store.count_articles_outside_stories():
        return list(refresh_store(store).stories)
    return store.load_stories()


def story_aliases(store: Store, shown: Sequence[Story]) -> dict[str, str]:
    """The id of each stored event story that a developing story joined under another's id -> that id, so
    that an event story's id (from an older listing, or a link) still finds the story that holds it."""
    event_ids = stories.event_story_ids(shown, stories.live_tracks(store.load_story_tracks()))
    return {event_id: shown_id for event_id, shown_id in event_ids.items() if event_id != shown_id}


def load_brief(store: Store) -> Brief:
    """The brief the store holds: analyses plus the stored cross-article results, with each claim's speaker
    linked to its entity. Cross-article results older than the last ingest are computed and stored first.
    What the server and ``storyline export`` read; analysts' corrections are replayed over it."""
    if store.count_articles_outside_stories():
        return refresh_store(store)
    analyses = store.load_analyses()
    entity_list, copy_edges, story_list = store.load_cross_article()
    claim_list = link_speakers((c for analysis in analyses for c in analysis.claims), entity_list)
    brief = Brief(
        articles=tuple(analysis.article for analysis in analyses),
        entities=tuple(entity_list),
        claims=tuple(claim_list),
        copies=tuple(copy_edges),
        stories=tuple(story_list),
    )
    return apply_corrections(brief, store.list_corrections())
