"""Score the ledger stage on the demo corpus gold and, with ``--corpus polnear``, on a real-news ledger gold.

- question grouping: pairwise P/R/F1 over gold claims that carry a question key and were found by the
  claims stage ("these two claims are about the same question");
- position accuracy: share of those claims whose system position has the gold value/stance;
- status accuracy: per gold question, the status of the system question holding most of its claims.

- ``--corpus polnear``: the hand-made ledger of PolNeAR stories (``tests/data/ledger/*.json``, its README),
  scored by spans: each story's articles go through the real pipeline and gold sentences meet claims by
  overlap (the metrics: ``eval/ledger_metrics.py``); the held-out stories are printed apart. The demo
  figures follow.

    python eval/ledger.py [--corpus polnear [--skip-held-out] [--gold-stories] [--errors] [--cache DIR]]
    python eval/ledger.py --corpus polnear --gate-cosines [--cache DIR]

``--errors`` prints the development stories' together-, status and speaker errors, each classified, never the
held-out story's; ``--gate-cosines`` prints the keyed links' gate cosines of the development stories only
(``eval/ledger_gate.py``); ``--cache DIR`` reuses the analysed articles and rebuilds only the ledger
(``eval/ledger_errors.py``).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import (
    Scores,
    demo_brief,
    gold_claim_matches,
    load_story_gold,
    pairwise,
    require_gold,
)
from eval.ledger_errors import cached_brief, print_errors
from eval.ledger_gate import gate_pairs, print_gate
from eval.ledger_metrics import (
    NON_VALUE_TRAPS,
    POLNEAR,
    brief_order,
    covered,
    gold_sentences,
    load_ledger_gold,
    non_value_positions,
    other_questions_apart,
    polnear_text,
    predict,
    reviewed_false,
    same_question_together,
    sides_right,
    speakers_right,
    statuses_right,
    to_cleaned,
    top_questions,
)
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
    parser.add_argument(
        "--corpus", choices=["demo", "polnear"], default="demo", help="polnear: also the real-news gold"
    )
    parser.add_argument(
        "--skip-held-out", action="store_true", help="polnear: leave the held-out stories unseen (tuning)"
    )
    parser.add_argument(
        "--gold-stories",
        action="store_true",
        help="polnear: the ledger over each gold story as one story (the ledger alone, not story clustering)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="polnear: print the development stories' classified errors (implies --skip-held-out)",
    )
    parser.add_argument(
        "--gate-cosines",
        action="store_true",
        help="polnear: print the keyed pairs' gate cosines, same vs other gold question (development only)",
    )
    parser.add_argument(
        "--cache", type=Path, help="polnear: keep the analysed stories here and rebuild only the ledger"
    )
    options = parser.parse_args()
    if options.gate_cosines:
        report_gate(options.cache)
        return
    if options.corpus == "polnear":
        report_polnear(
            held_out_too=not (options.skip_held_out or options.errors),
            gold_stories=options.gold_stories,
            cache=options.cache,
            errors=options.errors,
        )
        print()
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


# --- the real-news ledger gold (PolNeAR); its metrics are eval/ledger_metrics.py ------------------


def score_story(
    story: dict[str, Any], gold_stories: bool = False, cache: Path | None = None, errors: bool = False
) -> dict[str, tuple[int, int]]:
    brief = cached_brief(story, cache, _story_brief) if cache else _story_brief(story)
    if gold_stories:
        brief = as_one_story(brief)
    articles = {_gold_file(article.path): article for article in brief.articles if article.path}
    gold = gold_sentences(story, articles)
    predicted = [predict(sentence, brief) for sentence in gold]
    if errors:
        print_errors(story, brief, gold, predicted)  # refuses a held-out story
    status_of: dict[str, str] = {q.id: q.status for s in brief.stories for q in s.questions}
    traps = []
    for trap in story["traps"]:
        article = articles.get(trap["file"])
        span = (
            to_cleaned(polnear_text(trap["file"]), article.text, trap["start"], trap["end"])
            if article
            else None
        )
        if span and trap["kind"] in NON_VALUE_TRAPS:
            traps.append((article.id, *span) if article else ("", 0, 0))
    questions = top_questions(brief)
    wanted = {question["key"]: question["status"] for question in story["questions"]}
    flagged, unreviewed = reviewed_false(questions, story["review"])
    return {
        "sentences covered by a claim": covered(gold, predicted),
        "same-question pairs together": same_question_together(gold, predicted),
        "other-question pairs apart": other_questions_apart(gold, predicted),
        "co-grouped pairs on the right side": sides_right(gold, predicted),
        "speakers right": speakers_right(gold, predicted),
        "statuses right": statuses_right(gold, predicted, wanted, status_of, brief_order(brief)),
        "year/age/ordinal positions (want 0)": (non_value_positions(brief, traps), 0),
        "false or misleading in top 20": (flagged, len(questions)),
        "unreviewed in top 20": (unreviewed, len(questions)),
    }


def _gold_file(path: str) -> str:
    """ "…/polnear/dev/text/name.txt" → "dev/name", the gold's spelling of a file."""
    parts = Path(path).parts
    return f"{parts[-3]}/{Path(path).stem}"


def _story_brief(story: dict[str, Any]) -> Brief:
    """The story's articles through the real pipeline, with publisher, date and title from metadata.tsv (a
    temporary metadata CSV: plain texts carry none, and outlets matter to independence)."""
    import storyline

    paths = [
        POLNEAR / file.split("/")[0] / "text" / f"{file.split('/')[1]}.txt" for file in story["articles"]
    ]
    rows = {
        row[1]: row for row in csv.reader((POLNEAR / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")
    }
    with tempfile.TemporaryDirectory() as folder:
        meta = Path(folder) / "meta.csv"
        with meta.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["path", "outlet", "published", "title"])
            for path in paths:
                row = rows[path.stem]
                writer.writerow([str(path), row[4], row[5], row[7]])
        return storyline.analyze(paths, meta_csv=meta)


def as_one_story(brief: Brief) -> Brief:
    """The brief with its articles as one story and that story's ledger: claims of one gold story that the
    stories stage put apart could otherwise never share a question (on the development stories, story
    clustering alone caps same-question pairs together at 82/118)."""
    from storyline.records import Story
    from storyline.stages.ledger import build_ledger

    story = Story(id="s-gold", title="", articles=tuple(article.id for article in brief.articles))
    questions = build_ledger(story, brief.claims, brief.articles, brief.copies, brief.entities)
    return dataclasses.replace(brief, stories=(dataclasses.replace(story, questions=questions),))


def report_gate(cache: Path | None = None) -> None:
    """The keyed links' gate cosines over the development stories (``eval/ledger_gate.py``)."""
    from storyline.embeddings import load_embedder

    encoder = load_embedder()
    if encoder is None or not (POLNEAR / "metadata.tsv").is_file():
        print("gate cosines skipped: no encoder installed or PolNeAR absent")
        return
    pairs = []
    for story in load_ledger_gold():
        if story.get("held_out"):
            continue  # a floor is never chosen on the held-out story
        brief = cached_brief(story, cache, _story_brief) if cache else _story_brief(story)
        articles = {_gold_file(article.path): article for article in brief.articles if article.path}
        pairs.extend(gate_pairs(brief, gold_sentences(story, articles), encoder))
    print_gate(pairs)


def _pooled(results: Sequence[dict[str, tuple[int, int]]]) -> dict[str, tuple[int, int]]:
    return {name: (sum(r[name][0] for r in results), sum(r[name][1] for r in results)) for name in results[0]}


def _print_scores(title: str, scores: dict[str, tuple[int, int]]) -> None:
    print(title)
    for name, (hits, total) in scores.items():
        share = f"{hits / total:6.3f}" if total and "want 0" not in name else "      "
        print(f"  {name:<40} {share}   ({hits}/{total})" if "want 0" not in name else f"  {name:<40} {hits}")


def report_polnear(
    held_out_too: bool = True, gold_stories: bool = False, cache: Path | None = None, errors: bool = False
) -> None:
    if not (POLNEAR / "metadata.tsv").is_file():
        print(f"PolNeAR ledger skipped: {POLNEAR} is absent")
        return
    stories = load_ledger_gold()
    for held_out in (False, True) if held_out_too else (False,):
        chosen = [story for story in stories if bool(story.get("held_out")) == held_out]
        results = [score_story(story, gold_stories, cache, errors and not held_out) for story in chosen]
        for story, result in zip(chosen, results, strict=True):
            _print_scores(
                f"ledger on PolNeAR story {story['story']} ({len(story['articles'])} articles)", result
            )
        if results:
            label = "HELD-OUT stories" if held_out else "development stories"
            _print_scores(f"ledger on PolNeAR, {label} pooled ({len(results)})", _pooled(results))


if __name__ == "__main__":
    main()
