"""The ledger stage: a story's claims turned into questions, positions and a status per question.

First cut (issue #2): claims carrying quantities of the same unit form one question ("how many
personnel?"); each distinct value is a position, with its claims, speakers, outlets and the number of
independent sources (copies collapsed through ``copies.origins``). Grouping by subject and propositions
(affirm / deny / unconfirmed) come with issue #5.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from storyline.records import Article, Claim, CopyEdge, Entity, Position, Question, Story
from storyline.stages.copies import origins

UNATTRIBUTED = "unattributed"


def _position(
    value: float, claims: Sequence[Claim], by_id: dict[str, Article], origin: dict[str, str]
) -> Position:
    speakers = dict.fromkeys(claim.speaker or claim.speaker_text or UNATTRIBUTED for claim in claims)
    outlets = dict.fromkeys(by_id[claim.article].outlet or by_id[claim.article].source for claim in claims)
    dates = [date for claim in claims if (date := by_id[claim.article].published)]
    # Independent sources: distinct origins of the carrying articles, and distinct speakers within one
    # origin (two officials quoted in one article are two sources; two copies of one article are one).
    chains = {(origin[claim.article], claim.speaker or claim.speaker_text) for claim in claims}
    return Position(
        value=value,
        claims=tuple(claim.id for claim in claims),
        speakers=tuple(speakers),
        outlets=tuple(outlets),
        independent_sources=len(chains),
        earliest=min(dates) if dates else None,
    )


def _status(positions: Sequence[Position], claims: Sequence[Claim]) -> tuple[str, str]:
    modalities = {claim.modality for claim in claims}
    speakers = {speaker for position in positions for speaker in position.speakers}
    if "denied" in modalities:
        return "denied", f"a party denies: {len(positions)} values from {len(speakers)} speakers"
    if len(positions) > 1:
        return "contested", f"{len(speakers)} speakers, {len(positions)} values"
    if modalities <= {"hedged", "unconfirmed"}:
        return "unconfirmed", "only hedged or unconfirmed support"
    sources = positions[0].independent_sources
    if sources > 1:
        return "corroborated", f"{sources} independent sources agree, no other value"
    return "single-source", "one source"


def build_ledger(
    story: Story,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    copies: Sequence[CopyEdge],
    entities: Sequence[Entity],
) -> tuple[Question, ...]:
    """Quantity questions for one story, each with its positions and status."""
    in_story = set(story.articles)
    by_id = {article.id: article for article in articles if article.id in in_story}
    origin = origins(list(by_id.values()), copies)
    by_unit: dict[str, dict[float, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if claim.article not in in_story:
            continue
        for quantity in claim.quantities:
            if claim not in by_unit[quantity.unit][quantity.value]:
                by_unit[quantity.unit][quantity.value].append(claim)
    questions = []
    for unit, by_value in sorted(by_unit.items()):
        positions = tuple(
            _position(value, value_claims, by_id, origin) for value, value_claims in sorted(by_value.items())
        )
        unit_claims = [claim for value_claims in by_value.values() for claim in value_claims]
        status, reason = _status(positions, unit_claims)
        question_id = "q-" + hashlib.sha1(f"{story.id}:{unit}".encode()).hexdigest()[:10]
        questions.append(
            Question(
                id=question_id,
                question=f"How many {unit}?",
                unit=unit,
                status=status,
                status_reason=reason,
                positions=positions,
            )
        )
    return tuple(questions)
