"""Score the ledger stage on the demo corpus gold and, with ``--corpus polnear``, on a real-news ledger gold.

- question grouping: pairwise P/R/F1 over gold claims that carry a question key and were found by the
  claims stage ("these two claims are about the same question");
- position accuracy: share of those claims whose system position has the gold value/stance;
- status accuracy: per gold question, the status of the system question holding most of its claims.

- ``--corpus polnear``: the hand-made ledger of PolNeAR stories (``tests/data/ledger/*.json``, its README),
  scored by spans: each story's articles go through the real pipeline and gold sentences meet claims by
  overlap; the held-out story is printed apart. The demo figures follow.

    python eval/ledger.py [--corpus polnear [--skip-held-out]]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import (
    REPO,
    SHARED_DATA,
    Scores,
    demo_brief,
    gold_claim_matches,
    load_story_gold,
    overlaps,
    pairwise,
    require_gold,
)
from storyline.records import Article, Brief, Position, Question


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
        "--skip-held-out", action="store_true", help="polnear: leave the held-out story unseen (tuning)"
    )
    parser.add_argument(
        "--gold-stories",
        action="store_true",
        help="polnear: the ledger over each gold story as one story (the ledger alone, not story clustering)",
    )
    options = parser.parse_args()
    if options.corpus == "polnear":
        report_polnear(held_out_too=not options.skip_held_out, gold_stories=options.gold_stories)
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


# --- the real-news ledger gold (PolNeAR) ------------------------------------------------------------------

LEDGER_GOLD = REPO / "tests" / "data" / "ledger"
POLNEAR = SHARED_DATA / "polnear"
PUBLISHERS = frozenset(
    {"breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal"}
)
# Trap kinds that must never become a position's value (metric 7): a year is not a count.
NON_VALUE_TRAPS = frozenset({"year", "age", "ordinal", "date", "time", "duration", "name-number"})
TOP_QUESTIONS = 20


@dataclass(frozen=True)
class GoldSentence:
    """One sentence stating a gold position, located in the analysed article (cleaned-text offsets)."""

    article: str
    start: int
    end: int
    question: str
    position: str
    speaker: str


@dataclass(frozen=True)
class Predicted:
    """What the brief did with one gold sentence: the speaker of its best claim and where its claims sit."""

    claimed: bool
    speaker: str | None
    placements: frozenset[tuple[str, int]]  # (question id, position index)


def load_ledger_gold() -> list[dict[str, Any]]:
    return [json.loads(path.read_text()) for path in sorted(LEDGER_GOLD.glob("*.json"))]


def polnear_text(file: str) -> str:
    compartment, name = file.split("/")
    return (POLNEAR / compartment / "text" / f"{name}.txt").read_text(encoding="utf-8")


def span_intact(file: str, start: int, end: int, sha1: str) -> bool:
    return hashlib.sha1(polnear_text(file)[start:end].encode("utf-8")).hexdigest() == sha1


def to_cleaned(raw: str, cleaned: str, start: int, end: int) -> tuple[int, int] | None:
    """The raw span's place in the cleaned text: the same words with any whitespace between them, at the
    occurrence nearest to where the raw offset falls once the text lost or gained characters before it."""
    words = raw[start:end].split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    expected = start - (len(raw) - len(cleaned))
    found = [(match.start(), match.end()) for match in pattern.finditer(cleaned)]
    return min(found, key=lambda span: abs(span[0] - expected)) if found else None


def position_label(position: dict[str, Any]) -> str:
    return str(position["value"]) if "value" in position else str(position["stance"])


def gold_sentences(story: dict[str, Any], articles: dict[str, Article]) -> list[GoldSentence]:
    found = []
    for question in story["questions"]:
        for position in question["positions"]:
            for sentence in position["sentences"]:
                article = articles.get(sentence["file"])
                if article is None:
                    continue
                span = to_cleaned(
                    polnear_text(sentence["file"]), article.text, sentence["start"], sentence["end"]
                )
                if span is not None:
                    found.append(
                        GoldSentence(
                            article.id, *span, question["key"], position_label(position), sentence["speaker"]
                        )
                    )
    return found


def predict(sentence: GoldSentence, brief: Brief) -> Predicted:
    """The claims overlapping the sentence; the speaker is the one of the claim overlapping it most. Acts
    (``Claim.kind``) are left out: the ledger weighs statements only."""
    names = {entity.id: entity.name for entity in brief.entities}
    claims = [
        claim
        for claim in brief.claims
        if claim.article == sentence.article
        and claim.kind == "statement"
        and overlaps((claim.start, claim.end), (sentence.start, sentence.end))
    ]
    if not claims:
        return Predicted(False, None, frozenset())
    best = max(claims, key=lambda claim: min(claim.end, sentence.end) - max(claim.start, sentence.start))
    speaker = names.get(best.speaker or "", best.speaker_text)
    ids = {claim.id for claim in claims}
    placements = frozenset(
        (question.id, index)
        for story in brief.stories
        for question in story.questions
        for index, position in enumerate(question.positions)
        if ids & set(position.claims)
    )
    return Predicted(True, speaker, placements)


def _distinct_pairs(gold: Sequence[GoldSentence]) -> list[tuple[int, int]]:
    """Index pairs of sentences that are not the same span (one sentence may state two questions)."""
    return [
        (i, j)
        for i in range(len(gold))
        for j in range(i + 1, len(gold))
        if (gold[i].article, gold[i].start) != (gold[j].article, gold[j].start)
    ]


def _questions(predicted: Predicted) -> set[str]:
    return {question for question, _ in predicted.placements}


def covered(gold: Sequence[GoldSentence], predicted: Sequence[Predicted]) -> tuple[int, int]:
    """(1) distinct gold sentences a claim covers, of all distinct gold sentences."""
    spans = {(g.article, g.start): p.claimed for g, p in zip(gold, predicted, strict=True)}
    return sum(spans.values()), len(spans)


def same_question_together(gold: Sequence[GoldSentence], predicted: Sequence[Predicted]) -> tuple[int, int]:
    """(2) pairs of one gold question whose sentences share a ledger question."""
    pairs = [(i, j) for i, j in _distinct_pairs(gold) if gold[i].question == gold[j].question]
    return sum(bool(_questions(predicted[i]) & _questions(predicted[j])) for i, j in pairs), len(pairs)


def other_questions_apart(gold: Sequence[GoldSentence], predicted: Sequence[Predicted]) -> tuple[int, int]:
    """(3) pairs of different gold questions, both placed, that share no ledger question."""
    pairs = [
        (i, j)
        for i, j in _distinct_pairs(gold)
        if gold[i].question != gold[j].question and predicted[i].placements and predicted[j].placements
    ]
    return sum(not (_questions(predicted[i]) & _questions(predicted[j])) for i, j in pairs), len(pairs)


def sides_right(gold: Sequence[GoldSentence], predicted: Sequence[Predicted]) -> tuple[int, int]:
    """(4) co-grouped pairs of one gold question: in the same position iff in the same gold position."""
    right = total = 0
    for i, j in _distinct_pairs(gold):
        shared = _questions(predicted[i]) & _questions(predicted[j])
        if gold[i].question != gold[j].question or not shared:
            continue
        total += 1
        same_position = bool(
            {p for p in predicted[i].placements if p[0] in shared}
            & {p for p in predicted[j].placements if p[0] in shared}
        )
        right += same_position == (gold[i].position == gold[j].position)
    return right, total


def speaker_matches(gold_speaker: str, predicted_speaker: str | None) -> bool:
    """An outlet speaking in its own voice has no claim speaker; a person matches on a shared last name."""
    if gold_speaker in PUBLISHERS:
        return not predicted_speaker
    if not predicted_speaker:
        return False
    gold_words = set(re.findall(r"\w+", gold_speaker.lower()))
    predicted_words = re.findall(r"\w+", predicted_speaker.lower())
    return bool(predicted_words) and (
        predicted_words[-1] in gold_words or gold_speaker.lower().split()[-1] in predicted_words
    )


def speakers_right(gold: Sequence[GoldSentence], predicted: Sequence[Predicted]) -> tuple[int, int]:
    """(5) claimed gold sentences whose best claim has the gold speaker."""
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if p.claimed]
    return sum(speaker_matches(g.speaker, p.speaker) for g, p in pairs), len(pairs)


def statuses_right(
    gold: Sequence[GoldSentence],
    predicted: Sequence[Predicted],
    wanted: Mapping[str, str],
    status_of: Mapping[str, str],
) -> tuple[int, int]:
    """(6) gold questions whose majority ledger question has the gold status (unplaced ones count wrong)."""
    right = 0
    for key, status in wanted.items():
        votes = Counter(
            q
            for g, p in zip(gold, predicted, strict=True)
            if g.question == key
            for q in sorted(_questions(p))
        )  # sorted: a tie between two ledger questions breaks the same way on every run
        right += bool(votes) and status_of.get(votes.most_common(1)[0][0]) == status
    return right, len(wanted)


# A quantity that reads as a year ("2008") or an ordinal ("12th") is never an answer, trap or not.
YEAR_OR_ORDINAL = re.compile(r"(?:19|20)\d\d|\d+(?:st|nd|rd|th)", re.IGNORECASE)


def non_value_positions(brief: Brief, traps: Sequence[tuple[str, int, int]]) -> int:
    """(7) positions whose value rests on a quantity inside a year/age/ordinal… trap (article, start, end)
    or reading as a year or an ordinal."""
    quantities = {claim.id: [(claim.article, q) for q in claim.quantities] for claim in brief.claims}
    count = 0
    for story in brief.stories:
        for question in story.questions:
            for position in question.positions:
                # only the quantities the value rests on: a claim may also hold a year beside its figure
                found = [
                    (article, quantity)
                    for claim in position.claims
                    for article, quantity in quantities.get(claim, [])
                    if quantity.value == position.value
                ]
                count += position.value is not None and any(
                    YEAR_OR_ORDINAL.fullmatch(quantity.text.strip())
                    or any(
                        article == t[0] and overlaps((quantity.start, quantity.end), (t[1], t[2]))
                        for t in traps
                    )
                    for article, quantity in found
                )
    return count


def top_questions(brief: Brief, limit: int = TOP_QUESTIONS) -> list[Question]:
    return [question for story in brief.stories for question in story.questions][:limit]


def reviewed_false(questions: Sequence[Question], review: Sequence[dict[str, str]]) -> tuple[int, int]:
    """(8) (questions a reviewer marked false or misleading, questions not reviewed yet) among ``questions``;
    the review names a question by the SHA-1 of its text, so the gold file holds no generated wording."""
    verdicts = {entry["sha1"]: entry["verdict"] for entry in review}
    keys = [hashlib.sha1(question.question.encode("utf-8")).hexdigest() for question in questions]
    return sum(verdicts.get(key) in {"false", "misleading"} for key in keys), sum(
        key not in verdicts for key in keys
    )


def score_story(story: dict[str, Any], gold_stories: bool = False) -> dict[str, tuple[int, int]]:
    brief = _story_brief(story)
    if gold_stories:
        brief = as_one_story(brief)
    articles = {_gold_file(article.path): article for article in brief.articles if article.path}
    gold = gold_sentences(story, articles)
    predicted = [predict(sentence, brief) for sentence in gold]
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
        "statuses right": statuses_right(gold, predicted, wanted, status_of),
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


def _pooled(results: Sequence[dict[str, tuple[int, int]]]) -> dict[str, tuple[int, int]]:
    return {name: (sum(r[name][0] for r in results), sum(r[name][1] for r in results)) for name in results[0]}


def _print_scores(title: str, scores: dict[str, tuple[int, int]]) -> None:
    print(title)
    for name, (hits, total) in scores.items():
        share = f"{hits / total:6.3f}" if total and "want 0" not in name else "      "
        print(f"  {name:<40} {share}   ({hits}/{total})" if "want 0" not in name else f"  {name:<40} {hits}")


def report_polnear(held_out_too: bool = True, gold_stories: bool = False) -> None:
    if not (POLNEAR / "metadata.tsv").is_file():
        print(f"PolNeAR ledger skipped: {POLNEAR} is absent")
        return
    stories = load_ledger_gold()
    for held_out in (False, True) if held_out_too else (False,):
        chosen = [story for story in stories if bool(story.get("held_out")) == held_out]
        results = [score_story(story, gold_stories) for story in chosen]
        for story, result in zip(chosen, results, strict=True):
            _print_scores(
                f"ledger on PolNeAR story {story['story']} ({len(story['articles'])} articles)", result
            )
        if results:
            label = "HELD-OUT stories" if held_out else "development stories"
            _print_scores(f"ledger on PolNeAR, {label} pooled ({len(results)})", _pooled(results))


if __name__ == "__main__":
    main()
