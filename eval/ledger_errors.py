"""The together-errors of the real-news ledger gold, and a cache of its analysed stories for tuning.

``python eval/ledger.py --corpus polnear --errors`` prints, for the development stories only (the held-out
story's errors are never shown: they would be tuned on), each pair of gold sentences of one question that
share no ledger question, classified by the first thing that went wrong:

- ``no claim``: a sentence of the pair is covered by no claim (the claims stage's loss);
- ``not in ledger``: it has a claim, but the claim sits in no ledger question (dropped as one voice, as no
  question, an outlet-voice statement that joined nothing…);
- ``other question``: both are in the ledger, in different questions (the grouping's loss).

``--cache DIR`` keeps each story's analysed brief (every stage up to the ledger) in DIR, keyed by the story's
articles and the source of every module outside ``stages/ledger``, and rebuilds only the ledger on later
runs: tuning the ledger then takes seconds, not a full analysis per try.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eval.ledger_metrics import GoldSentence, Predicted
from storyline.records import Brief

SOURCE = Path(__file__).resolve().parents[1] / "src" / "storyline"
NO_CLAIM, NOT_IN_LEDGER, OTHER_QUESTION = "no claim", "not in ledger", "other question"


def classify(first: Predicted, second: Predicted) -> str:
    """The first loss of a pair of one gold question that shares no ledger question."""
    if not (first.claimed and second.claimed):
        return NO_CLAIM
    if not (first.placements and second.placements):
        return NOT_IN_LEDGER
    return OTHER_QUESTION


def together_errors(
    gold: Sequence[GoldSentence], predicted: Sequence[Predicted]
) -> list[tuple[int, int, str]]:
    """(i, j, class) for each pair of distinct sentences of one gold question sharing no ledger question."""
    errors = []
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            same_span = (gold[i].article, gold[i].start) == (gold[j].article, gold[j].start)
            if same_span or gold[i].question != gold[j].question:
                continue
            if {q for q, _ in predicted[i].placements} & {q for q, _ in predicted[j].placements}:
                continue
            errors.append((i, j, classify(predicted[i], predicted[j])))
    return errors


def print_errors(
    story: dict[str, Any], brief: Brief, gold: Sequence[GoldSentence], predicted: Sequence[Predicted]
) -> Counter[str]:
    """Print one story's together-errors, grouped by gold question; refuses a held-out story."""
    if story.get("held_out"):
        raise ValueError(f"{story['story']} is held out: its errors are not shown")
    texts = {article.id: article.text for article in brief.articles}
    labels = {q.id: q.question for s in brief.stories for q in s.questions}
    errors = together_errors(gold, predicted)
    print(f"== together-errors of {story['story']}: {len(errors)}")
    shown: set[int] = set()
    for i, j, kind in errors:
        print(f"  [{kind}] {gold[i].question}: sentence {i} × {j}")
        for index in (i, j):
            if index not in shown:
                shown.add(index)
                _print_sentence(index, gold[index], predicted[index], texts, labels)
    return Counter(kind for _i, _j, kind in errors)


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
