"""The span metrics of the real-news ledger gold (PolNeAR, ``tests/data/ledger``): gold sentences found again
in the analysed articles, and what the brief did with them.

Kept apart from ``eval/ledger.py`` (which runs the pipeline and prints) so that each metric can be tested on
hand-built records (``tests/test_ledger_gold.py``) without running anything. Every metric returns (hits,
total): (1) sentences covered by a claim, (2) same-question pairs together, (3) other-question pairs apart,
(4) co-grouped pairs on the right side, (5) speakers right, (6) statuses right, (7) positions resting on a
year/age/ordinal, (8) reviewed false or misleading questions in the top 20.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eval.common import REPO, SHARED_DATA, overlaps
from storyline.records import Article, Brief, Claim, Question

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


def claims_of(sentence: GoldSentence, claims: Sequence[Claim]) -> list[Claim]:
    """The statements overlapping the sentence (acts, ``Claim.kind``, are no positions: the ledger weighs
    statements only)."""
    return [
        claim
        for claim in claims
        if claim.article == sentence.article
        and claim.kind == "statement"
        and overlaps((claim.start, claim.end), (sentence.start, sentence.end))
    ]


def predict(sentence: GoldSentence, brief: Brief) -> Predicted:
    """The claims overlapping the sentence; the speaker is the one of the claim overlapping it most. Acts
    (``Claim.kind``) are left out: the ledger weighs statements only."""
    names = {entity.id: entity.name for entity in brief.entities}
    claims = claims_of(sentence, brief.claims)
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
    """(3) pairs of different gold questions, both placed, that share no ledger question. A pair where one
    sentence also states the other's question ("Clinton leads Trump by 43 percent to 38 percent" is gold
    for both candidates' shares) is no pair of different questions: sharing a ledger question is right."""
    states = {(g.article, g.start, g.question) for g in gold}
    pairs = [
        (i, j)
        for i, j in _distinct_pairs(gold)
        if gold[i].question != gold[j].question
        and predicted[i].placements
        and predicted[j].placements
        and (gold[i].article, gold[i].start, gold[j].question) not in states
        and (gold[j].article, gold[j].start, gold[i].question) not in states
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
    """An outlet speaking in its own voice has no claim speaker; a person matches on a shared last name, a
    body on its acronym ("DNC" for "Democratic National Committee"), either in the singular or the plural
    ("One intelligence source" for "intelligence sources")."""
    if gold_speaker in PUBLISHERS:
        return not predicted_speaker
    if not predicted_speaker:
        return False
    gold_words = {_singular(word) for word in re.findall(r"\w+", gold_speaker.lower())}
    predicted_words = [_singular(word) for word in re.findall(r"\w+", predicted_speaker.lower())]
    gold_last = _singular(gold_speaker.lower().split()[-1])
    return bool(predicted_words) and (
        predicted_words[-1] in gold_words
        or gold_last in predicted_words
        or _acronym(gold_speaker) in predicted_words
        or _acronym(predicted_speaker) in gold_words
    )


def _singular(word: str) -> str:
    """The word without a plural -s (not -ss: "Congress", "press"), enough to pair "sources" with "source"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _acronym(name: str) -> str:
    """The initials of a name's capitalised words, lower-cased ("" under two: one initial names nothing)."""
    initials = "".join(word[0] for word in re.findall(r"\b[A-Z]\w*", name) if word != "The")
    return initials.lower() if len(initials) >= 2 else ""


def speakers_right(gold: Sequence[GoldSentence], predicted: Sequence[Predicted]) -> tuple[int, int]:
    """(5) claimed gold sentences whose best claim has the gold speaker."""
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if p.claimed]
    return sum(speaker_matches(g.speaker, p.speaker) for g, p in pairs), len(pairs)


def majority_question(
    gold: Sequence[GoldSentence], predicted: Sequence[Predicted], key: str, order: Mapping[str, int]
) -> str | None:
    """The ledger question holding most of gold question ``key``'s sentences, None when none holds any.

    A tie goes to the question the brief shows first (``order``: question id -> its place in the brief,
    stories in order, each story's questions by salience): the one an analyst meets first. Ties used to
    break on sorted question ids, which are content hashes: a claim added elsewhere could flip them."""
    placed = (p for g, p in zip(gold, predicted, strict=True) if g.question == key)
    votes = Counter(question for p in placed for question in _questions(p))
    if not votes:
        return None
    return min(votes, key=lambda q: (-votes[q], order.get(q, len(order)), q))


def brief_order(brief: Brief) -> dict[str, int]:
    """Question id -> its place in the brief (stories in order, each story's questions as shown)."""
    ids = (question.id for story in brief.stories for question in story.questions)
    return {question: place for place, question in enumerate(ids)}


def statuses_right(
    gold: Sequence[GoldSentence],
    predicted: Sequence[Predicted],
    wanted: Mapping[str, str],
    status_of: Mapping[str, str],
    order: Mapping[str, int] | None = None,
) -> tuple[int, int]:
    """(6) gold questions whose majority ledger question has the gold status (unplaced ones count wrong)."""
    right = 0
    for key, status in wanted.items():
        question = majority_question(gold, predicted, key, order or {})
        right += question is not None and status_of.get(question) == status
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
                # only the quantities the value rests on: a claim may also hold a year beside its figure, or
                # another number of the same value ("two teenagers … less than two weeks ago"): the question's
                # unit says which of them answers it
                found = [
                    (article, quantity)
                    for claim in position.claims
                    for article, quantity in quantities.get(claim, [])
                    if quantity.value == position.value and question.unit in (None, quantity.unit)
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
