"""Score how the ledger shows one source's successive values: series gold against the brief's questions.

A gold series is one source's count of one thing on successive dates (a death toll an official raises day
by day); a correct brief shows it as a question of status ``series`` whose latest value (the value of the
position first carried last, ``Position.earliest``) is the gold's latest, or, where several sources each
count the thing and their latest values disagree, as a ``contested`` question whose positions give that
source's values by date (``source_latest``: the speaker of every position holding a gold value, its values
moving one way over two days or more, the latest the gold's). The second reading was added in issue #17:
the demo's flood dead counted by the civil defence, the Red Cross and the governor are three series in the
series gold and ONE contested question in the ledger gold, and a question has one status, so demanding
``series`` of each could only be met by splitting the question the ledger gold keeps whole.

A must-not entry is a quantity on which independent sources disagree, or one figure relayed on one day: a
series there would hide a disagreement or invent a movement (only the status ``series`` counts there). Each
gold entry points at the ledger question holding most of its values (the counted noun in the question's
wording or unit breaks ties), among the questions of the stories that hold the gold story's articles: the
eval does not depend on how the ledger words a question.

    python eval/series.py                                  # demo corpus (tests/data/gold/_series.json)
    python eval/series.py --corpus generalise              # tests/data/generalise: development stories
    python eval/series.py --corpus generalise --held-out   # ... its held-out story (score it rarely)

Printed: recall (gold series shown as series with the right latest value), precision (series questions of
the scored stories that are gold series), must-not-be-series questions shown as series (should be 0), and
one line per gold entry saying what the brief shows for it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import (
    DEMO_SERIES,
    GENERALISE_HELD_OUT,
    GENERALISE_SERIES,
    Scores,
    corpus_options,
    demo_brief,
    generalise_brief,
    generalise_gold,
    gold_articles,
    require_gold,
)
from storyline.records import Brief, Position, Question
from storyline.stages.ledger.label_cuts import ends_open

SERIES = "series"
CONTESTED = "contested"


@dataclass
class SeriesScores:
    expected: int = 0  # gold series
    shown: int = 0  # ... shown as a series
    latest_right: int = 0  # ... shown as a series with the gold's latest value
    predicted: int = 0  # series questions in the scored stories
    predicted_gold: int = 0  # ... that are the question of a gold series
    must_not: int = 0  # must-not-be-series entries
    must_not_shown: int = 0  # ... shown as a series (should be 0)
    labels: int = 0  # questions of the scored stories
    labels_open: int = 0  # ... whose label ends on a possessive or a function word (should be 0, issue #14)
    details: list[str] = field(default_factory=list)

    @property
    def scores(self) -> Scores:
        """Precision over the brief's series questions; recall of gold series shown with the right latest."""
        return Scores(
            self.predicted_gold / self.predicted if self.predicted else 0.0,
            self.latest_right / self.expected if self.expected else 0.0,
        )


def load_series_gold(path: Path, stories: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """The series gold per gold story key (``_about`` and other keys starting with ``_`` are notes)."""
    gold = json.loads(path.read_text())
    keep = None if stories is None else set(stories)
    return {
        key: entry for key, entry in gold.items() if not key.startswith("_") and (keep is None or key in keep)
    }


def story_questions(brief: Brief, article_gold: Sequence[dict[str, Any]]) -> dict[str, list[Question]]:
    """The ledger questions of every system story holding an article of each gold story."""
    article_ids: dict[str, set[str]] = {}
    for entry, article in gold_articles(brief, article_gold):
        article_ids.setdefault(entry["story"], set()).add(article.id)
    found: dict[str, list[Question]] = {}
    for key, ids in article_ids.items():
        found[key] = [
            question for story in brief.stories if ids & set(story.articles) for question in story.questions
        ]
    return found


def gold_values(entry: dict[str, Any]) -> set[float]:
    return {float(value["value"]) for value in entry["values"]}


def question_values(question: Question) -> set[float]:
    return {float(position.value) for position in question.positions if position.value is not None}


def best_question(entry: dict[str, Any], questions: Sequence[Question]) -> Question | None:
    """The question holding most of the entry's values (at least two when the gold has two or more), the
    counted noun in its wording or unit breaking ties; None when no question holds enough of them."""
    values = gold_values(entry)
    needed = min(2, len(values))
    counted = [word.lower() for word in entry.get("counted", [])]
    best: tuple[int, bool] | None = None
    chosen = None
    for question in questions:
        shared = len(values & question_values(question))
        words = f"{question.question} {question.unit or ''}".lower()
        rank = (shared, any(word in words for word in counted))
        if shared >= needed and (best is None or rank > best):
            best, chosen = rank, question
    return chosen


def latest_value(question: Question) -> float | None:
    """The value of the position first carried last; None when no date orders them or two values tie."""
    dated = [position for position in question.positions if position.earliest and position.value is not None]
    if not dated:
        return None
    last = max(position.earliest or "" for position in dated)
    values = {float(position.value or 0) for position in dated if position.earliest == last}
    return values.pop() if len(values) == 1 else None


def _speakers(position: Position) -> set[str]:
    return {*position.speakers, *position.speaker_texts}


def source_latest(entry: dict[str, Any], question: Question) -> float | None:
    """In a question contested between sources that each give a count, the latest value of the gold's
    source: the speaker of every position holding a gold value, when that speaker's dated values move one
    way over two days or more (its series, shown by the positions and named in the status reason) and
    another speaker's do too, to a different latest value; None otherwise (one source's count shown as a
    contest is no series shown)."""
    held = [p for p in question.positions if p.value is not None and float(p.value) in gold_values(entry)]
    common = set.intersection(*(_speakers(p) for p in held)) if len(held) >= 2 else set()
    movers = _moving_speakers(question)
    if len(movers) < 2 or len(set(movers.values())) < 2:
        return None
    found = [movers[speaker] for speaker in sorted(common) if speaker in movers]
    return found[0] if found else None


def _moving_speakers(question: Question) -> dict[str, float]:
    """Each speaker whose dated values move one way over two days or more, with its latest value."""
    by_speaker: dict[str, list[tuple[str, float]]] = {}
    for position in question.positions:
        if position.value is not None and position.earliest:
            for speaker in _speakers(position):
                by_speaker.setdefault(speaker, []).append((position.earliest[:10], float(position.value)))
    movers = {}
    for speaker, dated in by_speaker.items():
        dated.sort()
        steps = [later - earlier for (_, earlier), (_, later) in pairwise(dated)]
        one_way = all(step > 0 for step in steps) or all(step < 0 for step in steps)
        if len(dated) >= 2 and len({day for day, _ in dated}) == len(dated) and one_way:
            movers[speaker] = dated[-1][1]
    return movers


def score_series(
    brief: Brief, series_gold: dict[str, dict[str, Any]], article_gold: Sequence[dict[str, Any]]
) -> SeriesScores:
    scores = SeriesScores()
    questions = story_questions(brief, article_gold)
    for story_key, story_gold in series_gold.items():
        candidates = questions.get(story_key, [])
        gold_questions = _score_gold_series(scores, story_key, story_gold.get("series", []), candidates)
        _score_must_not(scores, story_key, story_gold.get("not_series", []), candidates)
        for question in candidates:
            scores.labels += 1
            if ends_open(question.question):
                scores.labels_open += 1
                scores.details.append(f"  {story_key}: label ends open: {question.question!r}")
            if question.status == SERIES:
                scores.predicted += 1
                scores.predicted_gold += question.id in gold_questions
                if question.id not in gold_questions:
                    scores.details.append(f"  {story_key}: not a gold series, yet one: {_show(question)}")
    return scores


def _score_gold_series(
    scores: SeriesScores, story_key: str, entries: Sequence[dict[str, Any]], candidates: Sequence[Question]
) -> set[str]:
    """Count each gold series; return the ids of the questions they point at."""
    pointed = set()
    for entry in entries:
        scores.expected += 1
        question = best_question(entry, candidates)
        if question is None:
            scores.details.append(f"  {story_key}/{entry['key']}: no question holds its values")
            continue
        pointed.add(question.id)
        shown = question.status == SERIES
        latest = latest_value(question)
        if question.status == CONTESTED:
            latest = source_latest(entry, question)
            shown = latest is not None
        right = shown and latest == float(entry["latest"])
        scores.shown += shown
        scores.latest_right += right
        stray = sorted(question_values(question) & {float(value) for value in entry.get("distractors", [])})
        verdict = "right" if right else ("series, wrong latest" if shown else "not a series")
        note = f"; distractor values {stray}" if stray else ""
        scores.details.append(
            f"  {story_key}/{entry['key']}: {verdict} (gold latest {entry['latest']}, shown latest {latest})"
            f" {_show(question)}{note}"
        )
    return pointed


def _score_must_not(
    scores: SeriesScores, story_key: str, entries: Sequence[dict[str, Any]], candidates: Sequence[Question]
) -> None:
    for entry in entries:
        scores.must_not += 1
        question = best_question(entry, candidates)
        wrong = question is not None and question.status == SERIES
        scores.must_not_shown += wrong
        shown = _show(question) if question else "no question holds its values"
        scores.details.append(f"  {story_key}/{entry['key']}: {'WRONG, a series' if wrong else 'ok'} {shown}")


def _show(question: Question) -> str:
    valued = [position for position in question.positions if position.value is not None]
    values = ", ".join(f"{position.value:g}@{position.earliest or '?'}" for position in valued)
    return f"[{question.status}] {question.question!r} ({values})"


def report(scores: SeriesScores, title: str) -> None:
    print(title)
    print(f"{'gold series shown as series':<40} {scores.shown}/{scores.expected}")
    print(f"{'... with the right latest value':<40} {scores.latest_right}/{scores.expected}")
    print(f"{'series questions that are gold series':<40} {scores.predicted_gold}/{scores.predicted}")
    print(f"{'must-not-be-series shown as series':<40} {scores.must_not_shown}/{scores.must_not}")
    print(f"{'labels ending on a possessive/function word':<40} {scores.labels_open}/{scores.labels}")
    print(scores.scores.line("series (P: questions, R: right latest)"))
    print("\n".join(scores.details))


def main() -> None:
    options = corpus_options(__doc__)
    if options.corpus == "generalise":
        article_gold = generalise_gold(held_out=options.held_out)
        if options.held_out and not article_gold:
            print(f"no held-out story files: no gold of {GENERALISE_HELD_OUT} in {GENERALISE_SERIES.parent}")
            return
        stories = {entry["story"] for entry in article_gold}
        scores = score_series(generalise_brief(), load_series_gold(GENERALISE_SERIES, stories), article_gold)
        role = f"held-out story {GENERALISE_HELD_OUT}" if options.held_out else "development stories"
        report(scores, f"series on generalise, {role}")
    else:
        article_gold = require_gold()
        report(score_series(demo_brief(), load_series_gold(DEMO_SERIES), article_gold), "series on demo")


if __name__ == "__main__":
    main()
