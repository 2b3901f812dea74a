"""Stories' ledgers advanced a round at a time around one encoder, here or partly in another process.

A story's ledger (``positions.ledger_steps``) pauses each time its keyed links need texts embedded
(``LedgerSteps``). Stories are advanced together so that each round is one encoder call over every text
they ask for, in story order (one call a story cost ~11 ms of fixed CPU). The stories are dealt to
parties (``RoundParty``): ``StorySteps`` advances its share in this process; another party may advance its
share in a helper process (``storyline.ledger_beside``), started first so it runs while this one works.
The ledgers are the same however the stories are dealt: each party is sent the same encoder's vectors.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence
from typing import Protocol

from storyline.embeddings import EmbeddedTexts, Embedder, load_embedder
from storyline.records import Question

# A story's ledger run in steps around the encoder: each time it yields the masked contents its keyed
# links need embedded next, it is sent an encoder of them (None: link by words); then it returns its
# questions. Its first yield asks for nothing: a pause once it has asked for its figures' parses
# (``positions.ledger_steps``).
LedgerSteps = Generator[list[str], Embedder | None, tuple[Question, ...]]

# What a round hands back for each of a party's unfinished stories: the texts it wants embedded next (a
# list), or its finished questions (a tuple).
StepResult = list[str] | tuple[Question, ...]


class RoundParty(Protocol):
    """Some stories' ledgers, by story number, advanced together: a round is begun (``start``, then
    ``advance``) and its results read (``results``) before the next begins."""

    @property
    def stories(self) -> frozenset[int]: ...

    def start(self) -> None: ...

    def advance(self, encoder: EmbeddedTexts | None, asked: Mapping[int, list[str]]) -> None: ...

    def results(self) -> dict[int, StepResult]: ...


class StorySteps:
    """A party in this process: its stories' steps, each round run at once."""

    def __init__(self, steps: Mapping[int, LedgerSteps]) -> None:
        self._steps = dict(steps)
        self._stories = frozenset(steps)
        self._results: dict[int, StepResult] = {}

    @property
    def stories(self) -> frozenset[int]:
        return self._stories

    def start(self) -> None:
        self._results = {number: self._advance(number, None, first=True) for number in list(self._steps)}

    def advance(self, encoder: EmbeddedTexts | None, asked: Mapping[int, list[str]]) -> None:
        """One round for every unfinished story: ``encoder`` holds the vectors of the texts they asked for
        (None: no encoder, link by words)."""
        self._results = {number: self._advance(number, encoder, first=False) for number in list(self._steps)}

    def results(self) -> dict[int, StepResult]:
        return self._results

    def _advance(self, number: int, encoder: EmbeddedTexts | None, *, first: bool) -> StepResult:
        step = self._steps[number]
        try:
            return next(step) if first else step.send(encoder)
        except StopIteration as finished:
            del self._steps[number]
            return tuple(finished.value)


def ledger_rounds(parties: Sequence[RoundParty], keyed_embeddings: bool) -> list[tuple[Question, ...]]:
    """Every party's stories advanced to their ledgers, by story number (the parties' stories are
    0..n-1 between them). Each round the texts the stories ask for are embedded in one call, in story
    order (with ``keyed_embeddings``; by words otherwise), and every party with a story asking is advanced,
    in the parties' order: put a party that works elsewhere first."""
    count = sum(len(party.stories) for party in parties)
    for party in parties:
        party.start()
    busy = list(parties)
    ledgers: dict[int, tuple[Question, ...]] = {}
    embedded = EmbeddedTexts()
    while True:
        wanted = {number: result for party in busy for number, result in party.results().items()}
        asked: dict[int, list[str]] = {}
        for number in sorted(wanted):
            result = wanted[number]
            if isinstance(result, tuple):
                ledgers[number] = result
            else:
                asked[number] = result
        if not asked:
            return [ledgers[number] for number in range(count)]
        texts = [text for story_texts in asked.values() for text in story_texts]
        encoder = load_embedder() if texts and keyed_embeddings else None
        if encoder is not None:
            embedded.add(encoder, texts)
        busy = [party for party in parties if not party.stories.isdisjoint(asked)]
        for party in busy:
            party.advance(None if encoder is None else embedded, asked)
