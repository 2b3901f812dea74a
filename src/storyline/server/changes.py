"""What the last ingest changed: the last two ledger summaries of the ingest history (``store.history``)
compared question by question. A question is new, gone, changed status, or moved: a position it did not
have, or new speakers or outlets behind one it had. Questions are matched by id (their story and their
key); a story merged into another gets new ids, so its questions show as gone there and new here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from storyline.store.history import LedgerState

ChangeKind = Literal["new", "status", "moved", "gone"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("new", "status", "moved", "gone")


@dataclass(frozen=True, slots=True)
class QuestionChange:
    kind: ChangeKind
    story: str
    question_id: str
    question: str
    status: str
    previous_status: str | None = None
    details: tuple[str, ...] = ()  # one line per moved position: "new position 12000 (NIS; Yonhap)"


@dataclass(frozen=True, slots=True)
class LedgerChanges:
    """The changes between the state ``before`` (None after the first ingest: everything is new) and
    ``after`` (None when nothing was ever recorded)."""

    before: LedgerState | None
    after: LedgerState | None
    changes: tuple[QuestionChange, ...]

    def of_kind(self, kind: ChangeKind) -> list[QuestionChange]:
        return [change for change in self.changes if change.kind == kind]


def compare_states(states: list[LedgerState]) -> LedgerChanges:
    """The changes of the last recorded state against the one before it (``states`` newest first)."""
    after = states[0] if states else None
    before = states[1] if len(states) > 1 else None
    if after is None:
        return LedgerChanges(None, None, ())
    previous = before.questions if before else {}
    changes = [
        change
        for question_id, now in after.questions.items()
        if (change := _question_change(question_id, previous.get(question_id), now))
    ]
    changes += [
        QuestionChange("gone", then["story"], question_id, then["question"], then["status"])
        for question_id, then in previous.items()
        if question_id not in after.questions
    ]
    return LedgerChanges(before, after, tuple(changes))


def _question_change(
    question_id: str, then: dict[str, Any] | None, now: dict[str, Any]
) -> QuestionChange | None:
    if then is None:
        return QuestionChange("new", now["story"], question_id, now["question"], now["status"])
    moves = tuple(_position_moves(then["positions"], now["positions"]))
    if then["status"] != now["status"]:
        kind: ChangeKind = "status"
    elif moves:
        kind = "moved"
    else:
        return None
    return QuestionChange(
        kind, now["story"], question_id, now["question"], now["status"], then["status"], moves
    )


def _position_moves(then: dict[str, Any], now: dict[str, Any]) -> list[str]:
    moves = []
    for key, position in now.items():
        label = position["label"]
        if key not in then:
            backers = "; ".join(position["speakers"] + position["outlets"])
            moves.append(f"new position {label}" + (f" ({backers})" if backers else ""))
            continue
        for part in ("speakers", "outlets"):
            added = sorted(set(position[part]) - set(then[key][part]))
            if added:
                moves.append(f"{label}: new {part} {', '.join(added)}")
    return moves
