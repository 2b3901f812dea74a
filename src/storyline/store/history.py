"""The ingest history: after each refresh of the cross-article results, a compact summary of every story's
ledger (question id → status, positions, their speakers and outlets) is kept in ``ledger_states``, in the
same transaction as the results it describes. Two summaries side by side say what an ingest changed, and
they survive restarts; the full ledgers are not kept (the store holds only the current one).

A refresh that leaves the ledgers and the article count as they were records nothing, so "what changed"
keeps showing the last ingest that changed something. Only the last ``KEPT_LEDGER_STATES`` are kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from storyline.records import Entity, Position, Story
from storyline.store import tables

# Enough to look a few ingests back; each state is one row of a few hundred bytes per question.
KEPT_LEDGER_STATES = 20

QuestionStates = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class LedgerState:
    """What the ledgers held after one refresh: ``questions`` maps a question id to its summary."""

    seq: int
    recorded_at: str
    articles: int
    questions: QuestionStates


@dataclass(frozen=True, slots=True)
class ChangeStamp:
    """How far the store has got: articles stored, those no stored story holds yet (an ingest is storing
    articles and has not refreshed the stories), and the last recorded ledger state."""

    articles: int
    unplaced: int
    ledger_state: int


def position_key(position: Position) -> str:
    """What identifies a position across ingests: its value or stance (a question holds one of each)."""
    if position.value is not None:
        return f"value:{position.value:g}"
    if position.stance is not None:
        return f"stance:{position.stance}"
    return "claims:" + ",".join(position.claims[:1])


def summarise_ledgers(stories: Sequence[Story], entities: Sequence[Entity]) -> QuestionStates:
    """Each question's summary; speakers by name (entity ids are not kept across refreshes' diffs)."""
    names = {entity.id: entity.name for entity in entities}
    summary: QuestionStates = {}
    for story in stories:
        for question in story.questions:
            summary[question.id] = {
                "story": story.id,
                "question": question.question,
                "status": question.status,
                "positions": {
                    position_key(position): {
                        "label": position_key(position).split(":", 1)[1],
                        "speakers": sorted(
                            {names.get(s, s) for s in position.speakers} | set(position.speaker_texts)
                        ),
                        "outlets": sorted(set(position.outlets)),
                    }
                    for position in question.positions
                },
            }
    return summary


def record_ledger_state(connection: Connection, articles: int, questions: QuestionStates) -> bool:
    """Append this state unless it equals the last one; keep the last ``KEPT_LEDGER_STATES``. True when
    recorded."""
    digest = hashlib.sha256(
        json.dumps([articles, questions], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    table = tables.ledger_states
    last = connection.execute(select(table.c.digest).order_by(table.c.seq.desc()).limit(1)).scalar()
    if last == digest:
        return False
    seq = int(connection.execute(select(func.coalesce(func.max(table.c.seq), 0))).scalar_one()) + 1
    recorded_at = datetime.now(UTC).isoformat(timespec="seconds")
    connection.execute(
        insert(table).values(
            seq=seq, recorded_at=recorded_at, articles=articles, digest=digest, questions=questions
        )
    )
    connection.execute(delete(table).where(table.c.seq <= seq - KEPT_LEDGER_STATES))
    return True


def load_ledger_states(connection: Connection, count: int, up_to: int | None = None) -> list[LedgerState]:
    """The last ``count`` recorded states (those up to number ``up_to`` when given), newest first."""
    table = tables.ledger_states
    query = select(table).order_by(table.c.seq.desc()).limit(count)
    if up_to is not None:
        query = query.where(table.c.seq <= up_to)
    return [
        LedgerState(row["seq"], row["recorded_at"], row["articles"], row["questions"])
        for row in connection.execute(query).mappings()
    ]


def last_ledger_seq(connection: Connection) -> int:
    """The number of the last recorded state (0 when none is), which any refresh that changed a ledger
    raises."""
    table = tables.ledger_states
    return int(connection.execute(select(func.coalesce(func.max(table.c.seq), 0))).scalar_one())
