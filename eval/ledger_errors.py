"""The together-errors of the real-news ledger gold, and a cache of its analysed stories for tuning.

``python eval/ledger.py --corpus polnear --errors`` prints, for the development stories only (the held-out
story's errors are never shown: they would be tuned on), each pair of gold sentences of one question that
share no ledger question, classified by the first thing that went wrong:

- ``no claim``: a sentence of the pair is covered by no claim (the claims stage's loss);
- ``other story``: the stories stage put the two sentences' articles in different stories, whose ledgers
  are built apart (story clustering's loss: no ledger grouping can bring them together);
- ``not in ledger``: it has a claim, but the claim sits in no ledger question (dropped as one voice, as no
  question, an outlet-voice statement that joined nothing…);
- ``other question``: both are in the ledger, in different questions (the grouping's loss).

A pair lost in the ledger (``not in ledger``, ``other question``) is classified further by how far its
claims got through the proposition keys (``storyline.stages.ledger.propositions``), the furthest any
claim of one sentence got with any claim of the other: ``no key`` (a side's content asserts no predicate
the keys read: no finite verb of its own, or only "said"), ``other predicates`` (neither side's predicate
is among the other's words), ``arguments conflict`` (their subjects name different entities, or their
arguments share none), ``under the gate`` (a candidate whose masked contents are not alike enough: the
MiniLM cosine, or without an encoder the word overlap) and ``keyed`` (linked by its key, lost after:
average linkage, one voice, a measured thing, a speaker filter). The class with most pairs is where keying
loses most.

It then prints the status errors (each gold question whose majority ledger question has another status, or
that no ledger question holds) and the speaker errors (each claimed sentence whose best claim has another
speaker), each classified, so that the largest class is the one fixed.

``--cache DIR`` keeps each story's analysed brief (every stage up to the ledger) in DIR, keyed by the story's
articles and the source of every module outside ``stages/ledger``, and rebuilds only the ledger on later
runs: tuning the ledger then takes seconds, not a full analysis per try.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eval.ledger_metrics import (
    PUBLISHERS,
    GoldSentence,
    Predicted,
    claims_of,
    majority_question,
    speaker_matches,
)
from storyline.config import DEFAULT_SETTINGS
from storyline.embeddings import Embedder, load_embedder
from storyline.records import Brief, Claim, Question
from storyline.stages.ledger.grouping import EntitySpans, content_words, entities_within, entity_spans
from storyline.stages.ledger.proposition_links import finish_keyed, keyed_candidates, keyed_draft
from storyline.stages.ledger.proposition_predicates import stated_predicates
from storyline.stages.ledger.propositions import PropositionKey, masked_content, proposition_key

SOURCE = Path(__file__).resolve().parents[1] / "src" / "storyline"
NO_CLAIM, NOT_IN_LEDGER, OTHER_QUESTION = "no claim", "not in ledger", "other question"
OTHER_STORY = "other story"
UNPLACED, WRONG_STATUS = "unplaced", "wrong status"
OUTLET_WANTED, OUTLET_GIVEN, OTHER_SPEAKER = "outlet wanted", "outlet given", "other speaker"
NO_KEY, OTHER_PREDICATES, ARGUMENTS_CONFLICT = "no key", "other predicates", "arguments conflict"
UNDER_THE_GATE, KEYED = "under the gate", "keyed"
# how far a pair of claims got through the keys, furthest last (``key_stage``)
KEY_STAGES = (NO_KEY, OTHER_PREDICATES, ARGUMENTS_CONFLICT, UNDER_THE_GATE, KEYED)


def classify(first: Predicted, second: Predicted, apart: bool = False) -> str:
    """The first loss of a pair of one gold question that shares no ledger question; ``apart``: their
    articles are in different stories."""
    if not (first.claimed and second.claimed):
        return NO_CLAIM
    if apart:
        return OTHER_STORY
    if not (first.placements and second.placements):
        return NOT_IN_LEDGER
    return OTHER_QUESTION


@dataclasses.dataclass(frozen=True)
class KeyReader:
    """What keying a claim needs from a brief: its entities' mentions by article, its people's names, and
    the encoder of the keyed links' gate (None: the word-overlap floor, as the ledger without one)."""

    spans: EntitySpans
    persons: Mapping[str, str]
    encoder: Embedder | None = None

    @classmethod
    def of(cls, brief: Brief, encoder: Embedder | None = None) -> KeyReader:
        persons = {entity.id: entity.name for entity in brief.entities if entity.type == "PERSON"}
        return cls(entity_spans(brief.entities), persons, encoder)

    def key(self, claim: Claim) -> PropositionKey | None:
        """The claim's key as the ledger reads it (``ledger.proposition_questions``): its entities, and
        those named before its first finite verb as its subject."""
        mentioned = entities_within(self.spans, claim.article, claim.start, claim.end)
        verb = claim.start + claim.finite_verbs[0] if claim.finite_verbs else claim.start
        subject = entities_within(self.spans, claim.article, claim.start, verb)
        return proposition_key(claim, mentioned, self.persons, subject)

    def words(self, claim: Claim) -> frozenset[str]:
        mentioned = entities_within(self.spans, claim.article, claim.start, claim.end)
        return content_words(claim.text) | mentioned | stated_predicates(claim)

    def masked(self, claim: Claim) -> str:
        return masked_content(claim, [(start, end) for start, end, _id in self.spans.get(claim.article, [])])


def key_stage(first: Claim, second: Claim, reader: KeyReader) -> str:
    """How far two claims got through the proposition keys (``KEY_STAGES``)."""
    first_key, second_key = reader.key(first), reader.key(second)
    if first_key is None or second_key is None:
        return NO_KEY
    keys = [first_key, second_key]
    words = [reader.words(first), reader.words(second)]
    if not keyed_candidates(keys, words):
        unargued = [dataclasses.replace(key, arguments=frozenset(), subject=frozenset()) for key in keys]
        return ARGUMENTS_CONFLICT if keyed_candidates(unargued, words) else OTHER_PREDICATES
    draft = keyed_draft([first, second], keys, words, reader.masked, DEFAULT_SETTINGS.ledger)
    links = finish_keyed(draft, reader.encoder, DEFAULT_SETTINGS.ledger)
    return KEYED if links else UNDER_THE_GATE


def pair_key_stage(first: Sequence[Claim], second: Sequence[Claim], reader: KeyReader) -> str:
    """The furthest ``key_stage`` of any claim of one sentence with any claim of the other (``no key``
    when a sentence has none)."""
    stages = [key_stage(one, other, reader) for one in first for other in second if one.id != other.id]
    return max(stages, key=KEY_STAGES.index, default=NO_KEY)


def together_errors(
    gold: Sequence[GoldSentence],
    predicted: Sequence[Predicted],
    story_of: Mapping[str, str] = MappingProxyType({}),
) -> list[tuple[int, int, str]]:
    """(i, j, class) for each pair of distinct sentences of one gold question sharing no ledger question;
    ``story_of``: article id → story id (articles it lacks are taken to share one story)."""
    errors = []
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            same_span = (gold[i].article, gold[i].start) == (gold[j].article, gold[j].start)
            if same_span or gold[i].question != gold[j].question:
                continue
            if {q for q, _ in predicted[i].placements} & {q for q, _ in predicted[j].placements}:
                continue
            apart = story_of.get(gold[i].article) != story_of.get(gold[j].article)
            errors.append((i, j, classify(predicted[i], predicted[j], apart)))
    return errors


def print_errors(
    story: dict[str, Any], brief: Brief, gold: Sequence[GoldSentence], predicted: Sequence[Predicted]
) -> Counter[str]:
    """Print one story's together-errors, grouped by gold question; refuses a held-out story."""
    if story.get("held_out"):
        raise ValueError(f"{story['story']} is held out: its errors are not shown")
    texts = {article.id: article.text for article in brief.articles}
    labels = {q.id: q.question for s in brief.stories for q in s.questions}
    story_of = {article: one.id for one in brief.stories for article in one.articles}
    errors = together_errors(gold, predicted, story_of)
    print(f"== together-errors of {story['story']}: {len(errors)}")
    shown: set[int] = set()
    reader = KeyReader.of(brief, load_embedder())
    stages: Counter[str] = Counter()
    for i, j, kind in errors:
        stage = ""
        if kind in (NOT_IN_LEDGER, OTHER_QUESTION):
            stages[
                stage := pair_key_stage(
                    claims_of(gold[i], brief.claims), claims_of(gold[j], brief.claims), reader
                )
            ] += 1
        print(f"  [{kind}{', ' + stage if stage else ''}] {gold[i].question}: sentence {i} × {j}")
        for index in (i, j):
            if index not in shown:
                shown.add(index)
                _print_sentence(index, gold[index], predicted[index], texts, labels)
    kinds = Counter(kind for _i, _j, kind in errors)
    print(f"  together-errors by class: {dict(kinds)}")
    print(f"  lost in the ledger, by key stage: {dict(stages)}")
    _print_apart_errors(gold, predicted, texts, labels)
    _print_status_errors(story, brief, gold, predicted)
    _print_speaker_errors(gold, predicted, texts)
    return kinds


def apart_errors(gold: Sequence[GoldSentence], predicted: Sequence[Predicted]) -> list[tuple[int, int, str]]:
    """(i, j, ledger question id) for each pair of sentences of different gold questions that share a ledger
    question, as ``ledger_metrics.other_questions_apart`` counts them (a sentence gold for both questions
    is no such pair)."""
    states = {(g.article, g.start, g.question) for g in gold}
    errors: list[tuple[int, int, str]] = []
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            first, second = gold[i], gold[j]
            if first.question == second.question or (first.article, first.start) == (
                second.article,
                second.start,
            ):
                continue
            if (first.article, first.start, second.question) in states:
                continue
            if (second.article, second.start, first.question) in states:
                continue
            shared = {q for q, _ in predicted[i].placements} & {q for q, _ in predicted[j].placements}
            errors.extend((i, j, question) for question in sorted(shared)[:1])
    return errors


def _print_apart_errors(
    gold: Sequence[GoldSentence],
    predicted: Sequence[Predicted],
    texts: Mapping[str, str],
    labels: Mapping[str, str],
) -> None:
    """Pairs of different gold questions that one ledger question holds (the grouping's false merges)."""
    errors = apart_errors(gold, predicted)
    print(f"== apart-errors (different gold questions in one ledger question): {len(errors)}")
    for i, j, question in errors:
        print(f"  {gold[i].question} × {gold[j].question} → {labels.get(question, question)}")
        for index in (i, j):
            text = " ".join(texts[gold[index].article][gold[index].start : gold[index].end].split())
            print(f"    {index} ({gold[index].position}, {gold[index].speaker}): {text[:160]}")


def status_errors(
    gold: Sequence[GoldSentence],
    predicted: Sequence[Predicted],
    wanted: Mapping[str, str],
    questions: Mapping[str, Question],
) -> list[tuple[str, str, Question | None]]:
    """(gold question key, class, the majority ledger question) for each gold question whose majority
    ledger question (``ledger_metrics.majority_question``; ``questions`` in the brief's order) has another
    status: ``unplaced`` when no ledger question holds any of its sentences, else ``wrong status``."""
    found: list[tuple[str, str, Question | None]] = []
    order = {question: place for place, question in enumerate(questions)}
    for key, status in wanted.items():
        majority = majority_question(gold, predicted, key, order)
        if majority is None:
            found.append((key, UNPLACED, None))
            continue
        question = questions[majority]
        if question.status != status:
            found.append((key, WRONG_STATUS, question))
    return found


def speaker_error_class(gold_speaker: str, predicted_speaker: str | None) -> str | None:
    """None when the speaker is right; else ``outlet wanted`` (the gold speaker is the outlet, a claim
    names someone), ``outlet given`` (the claim is the outlet's, the gold names someone) or ``other
    speaker``."""
    if speaker_matches(gold_speaker, predicted_speaker):
        return None
    if gold_speaker in PUBLISHERS:
        return OUTLET_WANTED
    return OUTLET_GIVEN if not predicted_speaker else OTHER_SPEAKER


def _print_status_errors(
    story: dict[str, Any], brief: Brief, gold: Sequence[GoldSentence], predicted: Sequence[Predicted]
) -> None:
    wanted = {question["key"]: question["status"] for question in story["questions"]}
    questions = {q.id: q for one in brief.stories for q in one.questions}
    errors = status_errors(gold, predicted, wanted, questions)
    print(f"== status errors of {story['story']}: {len(errors)} {dict(Counter(k for _q, k, _l in errors))}")
    for key, kind, question in errors:
        got = f"{question.status}: {question.question} | {question.status_reason}" if question else ""
        print(f"  [{kind}] {key} (want {wanted[key]}) {got}")


def _print_speaker_errors(
    gold: Sequence[GoldSentence], predicted: Sequence[Predicted], texts: Mapping[str, str]
) -> None:
    errors = [
        (sentence, placed.speaker, kind)
        for sentence, placed in zip(gold, predicted, strict=True)
        if placed.claimed and (kind := speaker_error_class(sentence.speaker, placed.speaker)) is not None
    ]
    print(f"== speaker errors: {len(errors)} {dict(Counter(kind for _s, _p, kind in errors))}")
    for sentence, speaker, kind in errors:
        text = " ".join(texts[sentence.article][sentence.start : sentence.end].split())
        print(f"  [{kind}] want {sentence.speaker!r}, got {speaker!r}: {text[:160]}")


def _print_sentence(
    index: int, sentence: GoldSentence, predicted: Predicted, texts: dict[str, str], labels: dict[str, str]
) -> None:
    text = " ".join(texts[sentence.article][sentence.start : sentence.end].split())
    print(f"    {index} ({sentence.position}, {sentence.speaker}): {text[:220]}")
    for question in sorted({q for q, _ in predicted.placements}):
        print(f"       → {labels.get(question, question)}")
    if predicted.claimed and not predicted.placements:
        print("       → (claimed, in no question)")


def _source_digest() -> str:
    """The source every stage before the ledger runs: a change there invalidates the cached briefs."""
    digest = hashlib.sha1()
    for path in sorted(SOURCE.rglob("*.py")) + sorted(SOURCE.rglob("*.toml")):
        # config.py too: tuning its ledger section keeps the cache (empty DIR after changing another section)
        if "ledger" not in path.relative_to(SOURCE).parts[:2] and path.name != "config.py":
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_brief(story: dict[str, Any], folder: Path, analyse: Callable[[dict[str, Any]], Brief]) -> Brief:
    """The story's brief, its analysis read from ``folder`` when cached, with the ledger rebuilt."""
    from storyline.stages.ledger import build_ledger, entity_spans

    key = hashlib.sha1((_source_digest() + "\n".join(story["articles"])).encode()).hexdigest()[:16]
    path = folder / f"{story['story']}-{key}.pickle"
    if path.is_file():
        brief: Brief = pickle.loads(path.read_bytes())  # our own cache, written just below
    else:
        brief = analyse(story)
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(brief))
    spans = entity_spans(brief.entities)
    stories = []
    for one in brief.stories:
        members = set(one.articles)
        articles = [article for article in brief.articles if article.id in members]
        copies = [edge for edge in brief.copies if edge.article in members]
        questions = build_ledger(one, brief.claims, articles, copies, brief.entities, spans=spans)
        stories.append(dataclasses.replace(one, questions=questions))
    return dataclasses.replace(brief, stories=tuple(stories))
