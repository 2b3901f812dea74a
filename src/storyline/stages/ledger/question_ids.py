"""A question's id: unique within its story and stable across runs, derived from what the question is.

``sides.make_question`` hashes the story id with a key. A proposition's key is its claims; a measured
thing's is its unit and claims (``measured_keys``), which is not enough when one claim's figures of one unit
fall into two measured things: two outlets each writing "the council counted 310 ballots and rejected 42"
make two questions of the same two claims (PolNeAR clinton-clinches: the "71 short" count and the 2,383
delegates needed shared one id, so the brief's anchors, the corrections aimed at either and the scorer's
grouping took them for one question, issue #14). Those keys add the figures themselves (claim and offset);
every other key stays as it was, so ids already stored (corrections, snapshots the server compares) still
find their question. ``check_unique_ids`` makes a collision that remains an error, not a silent merge.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from storyline.records import Question
from storyline.stages.ledger.measures import Measure


class DuplicateQuestionIdError(ValueError):
    """Two questions of one story were given one id: a key that does not tell them apart."""


def question_id(story_id: str, key: str) -> str:
    """The id of a story's question with ``key`` (``sides.make_question``)."""
    return "q-" + hashlib.sha1(f"{story_id}:{key}".encode()).hexdigest()[:10]


def measured_keys(groups: Sequence[Sequence[Measure]]) -> list[str]:
    """The key of each measured thing: its unit and claims, with its figures (claim and offset of each)
    where another measured thing has the same unit and claims. Derived from the grouping, not from which
    groups end up asked, so dropping one of two siblings at a gate does not change the other's id."""
    plain = [f"{group[0].unit}:" + ",".join(sorted({m.claim.id for m in group})) for group in groups]
    shared = Counter(plain)
    return [
        key if shared[key] == 1 else key + "|" + ",".join(sorted({_figure(m) for m in group}))
        for key, group in zip(plain, groups, strict=True)
    ]


def _figure(measure: Measure) -> str:
    return f"{measure.claim.id}@{measure.quantity.start}-{measure.quantity.end}"


def check_unique_ids(story_id: str, questions: Sequence[Question]) -> None:
    """Raise ``DuplicateQuestionIdError`` naming both questions when two of ``questions`` share an id."""
    seen: dict[str, Question] = {}
    for question in questions:
        first = seen.setdefault(question.id, question)
        if first is not question:
            raise DuplicateQuestionIdError(
                f"story {story_id}: questions {first.question!r} and {question.question!r} share the id "
                f"{question.id}"
            )
