"""The correction record, the keys that find its targets again after re-analysis, and the working copy of a
brief that the appliers (``corrections.entities``, ``corrections.questions``) change one record at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from storyline.records import Brief, Claim, Entity, Position, Story

CorrectionKind = Literal[
    "merge-entities",  # targets: kept entity, absorbed entity
    "split-entity",  # targets: entity; payload "alias": the spelling whose mentions leave it
    "reassign-speaker",  # targets: claim, entity
    "reject-claim",  # targets: claim
    "merge-questions",  # targets: kept question, absorbed question
    "split-question",  # targets: question; payload "position": the position (``position_key``) to split
    "note",  # targets: an entity, claim or question; the note is the correction
]
CORRECTION_KINDS: tuple[CorrectionKind, ...] = get_args(CorrectionKind)
ENTITY_KINDS = frozenset({"merge-entities", "split-entity", "reassign-speaker", "reject-claim"})
MAX_NOTE_CHARS = 2000
MAX_AUTHOR_CHARS = 100
MARK = "corrected by analyst"


@dataclass(frozen=True, slots=True)
class Correction:
    """One analyst's correction. ``targets`` are stable keys (see the module docstring); ``payload`` holds
    the fallbacks that find them again (``names`` per entity, ``claims`` per question) and kind-specific
    parts. ``applied``, ``summary`` and ``subjects`` are filled when a brief replays it."""

    kind: CorrectionKind
    targets: tuple[str, ...]
    payload: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    author: str = ""
    id: int | None = None  # given by the store
    created_at: str | None = None  # ISO 8601, UTC
    applied: bool | None = None  # None: not replayed yet
    summary: str = ""  # "corrected by analyst: merged …", or "not applied: …"
    subjects: tuple[str, ...] = ()  # ids in the corrected brief it concerns, for the pages to find it


def claim_key(claim: Claim) -> str:
    """A claim's key that survives re-analysis: article id and content offsets."""
    return f"{claim.article}@{claim.start}-{claim.end}"


def parse_claim_key(key: str) -> tuple[str, int, int] | None:
    article, _, span = key.rpartition("@")
    start, _, end = span.partition("-")
    return (article, int(start), int(end)) if article and start.isdigit() and end.isdigit() else None


def position_key(position: Position) -> str:
    return f"value:{position.value:g}" if position.value is not None else f"stance:{position.stance}"


@dataclass(slots=True)
class Working:
    """The brief being corrected: mutable lists, replaced record by record (records stay frozen)."""

    brief: Brief
    entities: list[Entity]
    claims: list[Claim]
    stories: list[Story]
    touched_stories: set[str] = field(default_factory=set)

    def entity(self, correction: Correction, index: int) -> Entity | None:
        """The entity a target names: by id, else by a name it had (canonical name or alias)."""
        entity_id = correction.targets[index]
        found = next((entity for entity in self.entities if entity.id == entity_id), None)
        names = {name.casefold() for name in correction.payload.get("names", {}).get(entity_id, ())}
        return found or next((e for e in self.entities if e.name.casefold() in names), None)

    def claim(self, key: str) -> Claim | None:
        return next((claim for claim in self.claims if claim_key(claim) == key), None)

    def touch_claims(self, claims: Sequence[Claim]) -> None:
        articles = {claim.article for claim in claims}
        self.touched_stories |= {s.id for s in self.stories if articles.intersection(s.articles)}

    def name(self, entity_id: str | None) -> str:
        return next((e.name for e in self.entities if e.id == entity_id), entity_id or "nobody")


Outcome = tuple[bool, str, tuple[str, ...]]  # applied, summary, subjects


def not_applied(reason: str) -> Outcome:
    return False, f"not applied: {reason}", ()
