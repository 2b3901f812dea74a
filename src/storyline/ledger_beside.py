"""Every story's ledger (``ledger.build_ledgers``), part of the stories built by a helper process beside.

A story's ledger reads only that story's records, so stories can be built apart; what they share is the
keyed links' encoder (``positions.LedgerSteps``): each round, the texts every story asks for are embedded
in one call in this process, in story order, exactly as ``build_ledgers`` calls it, and the helper is sent
the vectors its stories asked for. The ledgers are those ``build_ledgers`` returns, to the byte.

Why: after the last article is stored, the ledger is most of ``analyze``'s serial tail (8-17 s of CPU on
1,000 generated articles, ``benchmarks/profile_main.py``) while the per-article workers have ended and their
cores stand idle. The helper is forked from the local engine's fork server (spaCy loaded: the ledger's
parser), not from this process, which runs torch (``engines._worker_context``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor

from storyline import engines
from storyline.config import EngineSettings, LedgerSettings
from storyline.embeddings import EmbeddedTexts, Vectors, load_embedder
from storyline.records import Question
from storyline.stages.ledger.descriptions import descriptions_read_once
from storyline.stages.ledger.grouping import EntitySpans
from storyline.stages.ledger.positions import LedgerSteps, StoryRecords, _ledger_steps, build_ledgers

# Fewer stories than this are built here: the helper's start (a fork, the ledger's imports, sending the
# records) costs more than half of a few ledgers.
HELPER_FROM_STORIES = 24

# What a round hands back for each of a process's stories: the texts it wants embedded next (a list), or its
# finished questions (a tuple).
StepResult = list[str] | tuple[Question, ...]


class StorySteps:
    """Some stories' ledgers in steps (``positions.LedgerSteps``), by story number: started together,
    then advanced a round at a time, every unfinished story each round, as ``build_ledgers`` does."""

    def __init__(
        self,
        records: Mapping[int, StoryRecords],
        settings: LedgerSettings,
        spans: EntitySpans | None,
    ) -> None:
        self._steps: dict[int, LedgerSteps] = {
            number: _ledger_steps(r.story, r.claims, r.articles, r.copies, r.entities, settings, spans)
            for number, r in records.items()
        }

    def unfinished(self) -> bool:
        return bool(self._steps)

    def start(self) -> dict[int, StepResult]:
        return {number: self._advance(number, None, first=True) for number in list(self._steps)}

    def advance(self, encoder: EmbeddedTexts | None) -> dict[int, StepResult]:
        """One round: ``encoder`` holds the vectors of the texts this round's stories asked for (None: no
        encoder, link by words)."""
        return {number: self._advance(number, encoder, first=False) for number in list(self._steps)}

    def _advance(self, number: int, encoder: EmbeddedTexts | None, *, first: bool) -> StepResult:
        step = self._steps[number]
        try:
            return next(step) if first else step.send(encoder)
        except StopIteration as finished:
            del self._steps[number]
            return tuple(finished.value)


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
    with ProcessPoolExecutor(
        max_workers=1, mp_context=engines._worker_context(), initializer=engines.end_with_parent
    ) as pool:
        helper_round = pool.submit(_helper_start, {n: stories[n] for n in sorted(theirs)}, settings, spans)
        with descriptions_read_once():
            mine = StorySteps({n: r for n, r in enumerate(stories) if n not in theirs}, settings, spans)
            wanted = mine.start()
            ledgers: dict[int, tuple[Question, ...]] = {}
            embedded = EmbeddedTexts()
            helper_busy = True
            while True:
                if helper_busy:
                    wanted.update(helper_round.result())
                for number, result in list(wanted.items()):
                    if isinstance(result, tuple):
                        ledgers[number] = result
                        del wanted[number]
                if not wanted:
                    return [ledgers[number] for number in range(len(stories))]
                # this round's texts in story order, as ``build_ledgers`` embeds them
                asked = {number: _texts(wanted[number]) for number in sorted(wanted)}
                texts = [text for story_texts in asked.values() for text in story_texts]
                encoder = load_embedder() if texts and settings.keyed_embeddings else None
                if encoder is not None:
                    embedded.add(encoder, texts)
                their_texts = [t for n, story_texts in asked.items() if n in theirs for t in story_texts]
                helper_busy = any(number in theirs for number in asked)
                if helper_busy:
                    vectors = None if encoder is None else embedded.subset(their_texts)
                    helper_round = pool.submit(_helper_advance, vectors)
                wanted = mine.advance(None if encoder is None else embedded) if mine.unfinished() else {}


def _texts(result: StepResult) -> list[str]:
    assert isinstance(result, list), "finished ledgers are taken out before a round"
    return result


def _helper_allowed(count: int, settings: LedgerSettings, engine: EngineSettings, helper_from: int) -> bool:
    """The helper has a free core and starts at once with the models the ledger uses: the fork server this
    run's workers came from is up (starting one costs seconds of loading), and holds spaCy, never torch
    (``settings.embeddings`` would need it for claim contents)."""
    return (
        count >= helper_from
        and not settings.embeddings
        and engine.name == "local"
        and engines.worker_count(engine) > 1
        and engines.fork_server_running()
    )


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
    steps = StorySteps(records, settings, spans)
    _helper.append((steps, EmbeddedTexts(), stack))
    return steps.start()


def _helper_advance(vectors: dict[str, Vectors] | None) -> dict[int, StepResult]:
    steps, embedded, _stack = _helper[-1]
    if vectors is None:
        return steps.advance(None)
    embedded.update(vectors)
    return steps.advance(embedded)
