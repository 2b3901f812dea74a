"""Score the ledger stage on the demo corpus gold.

- question grouping: pairwise P/R/F1 over gold claims that carry a question key and were found by the
  claims stage ("these two claims are about the same question");
- position accuracy: share of those claims whose system position has the gold value/stance;
- status accuracy: per gold question, the status of the system question holding most of its claims.

    python eval/ledger.py
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import Scores, demo_brief, gold_claim_matches, load_story_gold, pairwise, require_gold
from storyline.records import Brief, Position, Question


def _placement(brief: Brief) -> dict[str, tuple[Question, Position]]:
    return {
        claim_id: (question, position)
        for story in brief.stories
        for question in story.questions
        for position in question.positions
        for claim_id in position.claims
    }


def _position_label(position: Position) -> str:
    """The gold's spelling of a position: "3000000" for a value (not "3e+06"), or the stance."""
    if position.value is None:
        return str(position.stance)
    return str(int(position.value)) if position.value.is_integer() else f"{position.value:g}"


def score_ledger(
    brief: Brief, gold: list[dict[str, object]], story_gold: dict[str, object]
) -> dict[str, float]:
    placement = _placement(brief)
    gold_question: dict[str, str] = {}
    predicted_question: dict[str, str] = {}
    right_position = 0
    for gold_claim, claim_id in gold_claim_matches(brief, gold):
        if "question" not in gold_claim or claim_id is None:
            continue
        gold_question[claim_id] = gold_claim["question"]
        question, position = placement.get(claim_id, (None, None))
        predicted_question[claim_id] = question.id if question else f"none:{claim_id}"
        if position is not None and _position_label(position) == str(gold_claim.get("position")):
            right_position += 1
    grouping = pairwise(gold_question, predicted_question)
    statuses = _status_hits(gold_question, predicted_question, brief, story_gold)
    return {
        "grouping precision": grouping.precision,
        "grouping recall": grouping.recall,
        "grouping F1": grouping.f1,
        "position accuracy": right_position / len(gold_question) if gold_question else 0.0,
        "status accuracy": statuses,
        "gold claims placed": float(len(gold_question)),
    }


def _status_hits(
    gold_question: dict[str, str],
    predicted_question: dict[str, str],
    brief: Brief,
    story_gold: dict[str, object],
) -> float:
    status_of = {q.id: q.status for story in brief.stories for q in story.questions}
    wanted = {
        key: value["status"]
        for story in story_gold.values()
        if isinstance(story, dict)
        for key, value in story.items()
    }
    hits = total = 0
    for key, status in wanted.items():
        claims = [claim for claim, question in gold_question.items() if question == key]
        total += 1
        if claims:
            majority = Counter(predicted_question[claim] for claim in claims).most_common(1)[0][0]
            hits += status_of.get(majority) == status
    return hits / total if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--embeddings", action="store_true", help="group claims with content embeddings too (off by default)"
    )
    options = parser.parse_args()
    gold = require_gold()
    brief = demo_brief() if not options.embeddings else _brief_with_ledger_embeddings()
    scores = score_ledger(brief, gold, load_story_gold())
    mode = "with claim embeddings" if options.embeddings else "default settings"
    print(f"ledger on the demo corpus ({len(gold)} annotated articles, {mode})")
    print(
        Scores(scores["grouping precision"], scores["grouping recall"]).line("question grouping (pairwise)")
    )
    for name in ("position accuracy", "status accuracy"):
        print(f"{name:<40} {scores[name]:6.3f}")
    print(f"{'gold claims found and placed':<40} {int(scores['gold claims placed'])}")


def _brief_with_ledger_embeddings() -> Brief:

    import storyline
    from eval.common import DEMO
    from storyline.config import LedgerSettings, Settings

    return storyline.analyze([DEMO], settings=Settings(ledger=LedgerSettings(embeddings=True)))


if __name__ == "__main__":
    main()
