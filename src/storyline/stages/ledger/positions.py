"""The ledger stage: a story's claims turned into questions, positions and a status per question.

``ledger.measures`` and ``ledger.statements`` decide which claims answer the same question (a measured
thing, or a proposition; ``ledger.propositions`` links statements of one predicate and its arguments); this
module runs a story's phases in order and orders its questions by salience: those two sources weigh first,
then doubtful measured things, then one voice's propositions (``ledger.single_voice``). The phases are
apart: what every phase reads of the story (``ledger.story_reading``), the measured questions
(``ledger.measured_questions``) and the proposition questions (``ledger.proposition_questions``). The
positions of a question, who holds them and its status are ``ledger.sides``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.config import DEFAULT_SETTINGS, LedgerSettings
from storyline.embeddings import load_embedder
from storyline.records import Article, Claim, CopyEdge, Entity, Question, Story
from storyline.stages.ledger.descriptions import descriptions_read_once
from storyline.stages.ledger.embedding import embed_claims
from storyline.stages.ledger.grouping import EntitySpans
from storyline.stages.ledger.measured_questions import (
    label_measured_things,
    measured_questions,
    measured_things,
    story_measures,
)
from storyline.stages.ledger.non_counts import with_bounds_said
from storyline.stages.ledger.proposition_pronouns import names_no_one
from storyline.stages.ledger.proposition_questions import (
    group_propositions,
    proposition_question,
    sort_unmeasured,
)
from storyline.stages.ledger.question_ids import check_unique_ids
from storyline.stages.ledger.rounds import LedgerSteps, StorySteps, ledger_rounds
from storyline.stages.ledger.story_reading import read_story


@dataclass(frozen=True, slots=True)
class StoryRecords:
    """What the ledger reads of one story: its claims, articles, copy edges and entities."""

    story: Story
    claims: Sequence[Claim]
    articles: Sequence[Article]
    copies: Sequence[CopyEdge]
    entities: Sequence[Entity]


def build_ledger(
    story: Story,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    copies: Sequence[CopyEdge],
    entities: Sequence[Entity],
    settings: LedgerSettings = DEFAULT_SETTINGS.ledger,
    spans: EntitySpans | None = None,
) -> tuple[Question, ...]:
    """The questions of one story, each with its positions and status, most carried first. With
    ``settings.embeddings`` and an installed encoder, content embeddings join the grouping scores.
    ``spans``: the mentions of every entity by article (``entity_spans``), when the caller indexed them
    once for all its stories; built from ``entities`` otherwise (walking every mention of each, all
    articles, so per story it made the stage quadratic in the collection)."""
    (questions,) = build_ledgers([StoryRecords(story, claims, articles, copies, entities)], settings, spans)
    return questions


@descriptions_read_once()
def build_ledgers(
    stories: Sequence[StoryRecords],
    settings: LedgerSettings = DEFAULT_SETTINGS.ledger,
    spans: EntitySpans | None = None,
) -> list[tuple[Question, ...]]:
    """``build_ledger`` of each story, every story's keyed links embedded together: each round of the
    stories' steps is one encoder call over the texts they ask for that were not embedded before
    (``ledger.rounds``). ``spans``: as ``build_ledger``'s, for every story."""
    return ledger_rounds([story_steps(dict(enumerate(stories)), settings, spans)], settings.keyed_embeddings)


def story_steps(
    stories: Mapping[int, StoryRecords], settings: LedgerSettings, spans: EntitySpans | None
) -> StorySteps:
    """The ledgers of ``stories`` (by story number) as a party of ``ledger.rounds``, advanced here."""
    return StorySteps({number: ledger_steps(records, settings, spans) for number, records in stories.items()})


def ledger_steps(records: StoryRecords, settings: LedgerSettings, spans: EntitySpans | None) -> LedgerSteps:
    """``build_ledger``'s work, paused for the encoder (``LedgerSteps``) while its propositions are
    grouped (``proposition_questions.group_propositions``)."""
    r = records
    reading = read_story(r.story, r.claims, r.articles, r.copies, r.entities, settings, spans)
    measures = story_measures(reading)
    vectors = embed_claims(reading.claims, load_embedder() if settings.embeddings else None, settings)
    measure_groups = measured_things(reading, measures, vectors)
    unmeasured = sort_unmeasured(reading, measure_groups)
    labelled = label_measured_things(reading, measure_groups)
    # a round with nothing to embed: every story asks for its figures' parses before any story reads one,
    # so they are parsed in one batch (``label_predicates.parse_figure_sentences``)
    yield []
    questions, doubtful = measured_questions(reading, measures, measure_groups, unmeasured.attached, labelled)
    statement_groups = yield from group_propositions(reading, unmeasured, vectors)
    alone: set[str] = set()  # one voice's propositions, listed last (``ledger.single_voice``)
    # propositions whose pronoun names no one, after them (``proposition_pronouns``)
    unnamed: set[str] = set()
    for statement_group in statement_groups:
        asked = proposition_question(reading, statement_group, measure_groups)
        if asked is None:
            continue
        question, one_voice = asked
        if one_voice:
            alone.add(question.id)
        if names_no_one(question.question):
            unnamed.add(question.id)
        questions.append(question)
    questions = [with_bounds_said(question, reading.claim_by_id) for question in questions]  # "less than 100"
    check_unique_ids(r.story.id, questions)  # the tiers below, the anchors and corrections go by id
    return _by_salience(questions, doubtful, alone, unnamed)


def _by_salience(
    questions: list[Question], doubtful: set[str], alone: set[str], unnamed: set[str]
) -> tuple[Question, ...]:
    """Propositions whose label's pronoun names no one last: an analyst cannot tell whom "Is it true that he
    still has a chance?" asks of (issue #14), though their claims stay grouped; before them one voice's
    propositions, then doubtful measures, each tier by salience (``_salience``)."""
    tier = {**dict.fromkeys(doubtful, 1), **dict.fromkeys(alone, 0), **dict.fromkeys(unnamed, -1)}
    questions.sort(key=lambda question: (tier.get(question.id, 2), *_salience(question)), reverse=True)
    return tuple(questions)


def _salience(question: Question) -> tuple[int, int, int, int]:
    """Independent sources, then outlets carrying it, speakers and claims: the top of a story is its core
    (a count every outlet restates from one agency, one source since relays count once, outranks one
    outlet's figure that quotes two people)."""
    return (
        sum(p.independent_sources for p in question.positions),
        len({outlet for p in question.positions for outlet in p.outlets}),
        len({speaker for p in question.positions for speaker in p.speakers}),
        sum(len(p.claims) for p in question.positions),
    )
