"""Time-expression scores, apart from the script that runs the dates stage: one-to-one matching of found
expressions to gold TIMEX3 spans in text order, strict (same span) and relaxed (overlap) P/R/F1, and value
accuracy compared in TimeML's notation.

Kept apart from ``eval/dates.py`` (which reads the corpora, runs the stage and prints) so that the
matching rules — which notations count as the same value, which gold types are ignored — sit in one place
and can be read and tested without a parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from storyline.records import TimeExpr


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    value: str | None
    type: str = "DATE"


@dataclass(frozen=True, slots=True)
class TimexScores:
    documents: int
    gold: int
    system: int
    strict_matches: int
    relaxed_matches: int
    correct_values: int

    @property
    def strict(self) -> tuple[float, float, float]:
        return prf(self.strict_matches, self.system, self.gold)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        return prf(self.relaxed_matches, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        """Correct values among the relaxed matches (how well what is found is normalised)."""
        return self.correct_values / self.relaxed_matches if self.relaxed_matches else 0.0

    @property
    def value_f1(self) -> float:
        """TempEval-3's value F1: a match counts only with the right value."""
        return prf(self.correct_values, self.system, self.gold)[2]


def prf(matches: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = matches / system if system else 0.0
    recall = matches / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def value_matches(ours: str | None, gold: str | None) -> bool:
    """Our value against a TIMEX3 value, across notations that say the same: we keep no time of day
    ("1998-11-20T19:30" is its day), TimeML pads nothing ("2000-W7") and may leave unknown parts as "XX"
    ("1949-XX"), writes a decade "199" or "199X" where we write "1990/1999", and a quarter "1989-Q3"
    where we write "1989-07/1989-09"."""
    if ours is None or gold is None:
        return False
    return canonical_value(ours) == canonical_value(gold)


def canonical_value(value: str) -> str:
    value = value.split("T")[0]
    while value.endswith("-XX"):
        value = value[: -len("-XX")]
    value = re.sub(r"-W0(\d)$", r"-W\1", value)
    decade = re.fullmatch(r"(\d{3})X?", value) or re.fullmatch(r"(\d{3})0/\1(?:9)", value)
    if decade:
        return decade.group(1) + "X"
    quarter = re.fullmatch(r"(\d{4})-(\d\d)/\1-\d\d", value)
    if quarter and (int(quarter.group(2)) - 1) % 3 == 0:
        return f"{quarter.group(1)}-Q{(int(quarter.group(2)) + 2) // 3}"
    return value


def score_document(
    found: Sequence[TimeExpr],
    gold: Sequence[GoldTime],
    ignored: Sequence[GoldTime] = (),
    value_of: Callable[[TimeExpr], str | None] = lambda expression: expression.value,
) -> TimexScores:
    """One-to-one matching in text order; system expressions overlapping an ``ignored`` gold expression
    (one of a type we do not score) count neither way. Values are compared in TimeML's notation unless
    ``value_of`` reads another field."""
    system = [t for t in found if not any(overlaps(t.start, t.end, g.start, g.end) for g in ignored)]
    unmatched = list(gold)
    strict = relaxed = correct = 0
    for expression in system:
        partner = next(
            (g for g in unmatched if overlaps(expression.start, expression.end, g.start, g.end)), None
        )
        if partner is None:
            continue
        unmatched.remove(partner)
        relaxed += 1
        strict += (expression.start, expression.end) == (partner.start, partner.end)
        correct += value_matches(value_of(expression), partner.value)
    return TimexScores(1, len(gold), len(system), strict, relaxed, correct)


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def add_scores(scores: Iterable[TimexScores]) -> TimexScores:
    total = TimexScores(0, 0, 0, 0, 0, 0)
    for s in scores:
        total = TimexScores(
            total.documents + s.documents,
            total.gold + s.gold,
            total.system + s.system,
            total.strict_matches + s.strict_matches,
            total.relaxed_matches + s.relaxed_matches,
            total.correct_values + s.correct_values,
        )
    return total
