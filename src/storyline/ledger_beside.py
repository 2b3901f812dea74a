"""Every story's ledger (``ledger.build_ledgers``), part of the stories built by a helper process beside.

A story's ledger reads only that story's records, so stories can be built apart; what they share is the
keyed links' encoder: the helper's stories are one party of ``ledger.rounds`` (``HelperSteps``), this
process's the other, so each round the texts every story asks for are embedded in one call here, in story
order, exactly as ``build_ledgers`` calls it, and the helper is sent the vectors its stories asked for. The
ledgers are those ``build_ledgers`` returns, to the byte.

Why: after the last article is stored, the ledger is most of ``analyze``'s serial tail (8-17 s of CPU on
1,000 generated articles, ``benchmarks/profile_main.py``) while the per-article workers have ended and their
cores stand idle. The helper is forked from the local engine's fork server (spaCy loaded: the ledger's
parser), not from this process, which runs torch (``engines.worker_context``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from storyline import engines
from storyline.config import EngineSettings, LedgerSettings
from storyline.embeddings import EmbeddedTexts, Vectors
from storyline.records import Question
from storyline.stages.ledger import (
    EntitySpans,
    StoryRecords,
    StorySteps,
    build_ledgers,
    descriptions_read_once,
    ledger_rounds,
    story_steps,
)

# Fewer stories than this are built here: the helper's start (a fork, the ledger's imports, sending the
# records) costs more than half of a few ledgers.
HELPER_FROM_STORIES = 24

# A round's result for each of the helper's unfinished stories (``ledger.rounds``' StepResult, not a part of
# the stage's contract): the texts it wants embedded next, or its finished questions.
StepResult = list[str] | tuple[Question, ...]


def build_ledgers_beside(
    stories: Sequence[StoryRecords],
    settings: LedgerSettings,
    spans: EntitySpans | None,
    engine: EngineSettings,
    *,
    helper_from: int = HELPER_FROM_STORIES,
) -> list[tuple[Question, ...]]:
    """``build_ledgers(stories, settings, spans)``, about half of the stories (by claims) built by a helper
    process when the local engine has more than one core, the fork server exists, and there are at least
    ``helper_from`` stories; all in this process otherwise."""
    if not _helper_allowed(len(stories), settings, engine, helper_from):
        return build_ledgers(stories, settings, spans)
    theirs = _helper_share(stories)
    pool = ProcessPoolExecutor(
        max_workers=1, mp_context=engines.worker_context(), initializer=engines.end_with_parent
    )
    with pool, descriptions_read_once():
        helper = HelperSteps(pool, {n: stories[n] for n in sorted(theirs)}, settings, spans)
        mine = story_steps({n: r for n, r in enumerate(stories) if n not in theirs}, settings, spans)
        # the helper's round first: it runs while this process advances its own
        return ledger_rounds([helper, mine], settings.keyed_embeddings)


class HelperSteps:
    """A party of ``ledger.rounds`` whose stories advance in the helper process of ``pool``: a round is
    sent there when begun, and waited for when its results are read."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        records: Mapping[int, StoryRecords],
        settings: LedgerSettings,
        spans: EntitySpans | None,
    ) -> None:
        self._pool = pool
        self._records = records
        self._settings = settings
        self._spans = spans
        self._stories = frozenset(records)
        self._round: Future[dict[int, StepResult]] | None = None

    @property
    def stories(self) -> frozenset[int]:
        return self._stories

    def start(self) -> None:
        self._round = self._pool.submit(_helper_start, self._records, self._settings, self._spans)

    def advance(self, encoder: EmbeddedTexts | None, asked: Mapping[int, list[str]]) -> None:
        their_texts = [text for number, texts in asked.items() if number in self._stories for text in texts]
        vectors = None if encoder is None else encoder.subset(their_texts)
        self._round = self._pool.submit(_helper_advance, vectors)

    def results(self) -> dict[int, StepResult]:
        assert self._round is not None, "a round is begun before its results are read"
        return self._round.result()


def _helper_allowed(count: int, settings: LedgerSettings, engine: EngineSettings, helper_from: int) -> bool:
    """The helper has a free core and starts at once with the models the ledger uses: the fork server this
    run's workers came from is up (starting one costs seconds of loading), and holds spaCy, never torch
    (``settings.embeddings`` would need it for claim contents)."""
    return count >= helper_from and not settings.embeddings and engines.helper_core_free(engine)


def _helper_share(stories: Sequence[StoryRecords]) -> set[int]:
    """The story numbers the helper builds: about half of the claims, each story from the largest down
    dealt to the side with fewer so far."""
    load = [0, 0]
    theirs: set[int] = set()
    for number in sorted(range(len(stories)), key=lambda n: (-len(stories[n].claims), n)):
        side = 0 if load[0] <= load[1] else 1
        load[side] += len(stories[number].claims) + 1
        if side == 1:
            theirs.add(number)
    return theirs


# The helper process's share of one run's stories, between rounds, and the vectors sent to it so far.
_helper: list[tuple[StorySteps, EmbeddedTexts, contextlib.ExitStack]] = []


def _helper_start(
    records: Mapping[int, StoryRecords], settings: LedgerSettings, spans: EntitySpans | None
) -> dict[int, StepResult]:
    stack = contextlib.ExitStack()
    stack.enter_context(descriptions_read_once())  # held across rounds, until the helper ends
    steps = story_steps(records, settings, spans)
    _helper.append((steps, EmbeddedTexts(), stack))
    steps.start()
    return steps.results()


def _helper_advance(vectors: dict[str, Vectors] | None) -> dict[int, StepResult]:
    steps, embedded, _stack = _helper[-1]
    if vectors is not None:
        embedded.update(vectors)
    steps.advance(None if vectors is None else embedded, {})
    return steps.results()
