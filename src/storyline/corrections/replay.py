"""``apply_corrections``: replays a list of corrections over a freshly analysed brief, in two passes (see
``storyline.corrections``), and reports each one applied or not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from storyline.config import DEFAULT_SETTINGS, LedgerSettings
from storyline.corrections.entities import ENTITY_APPLIERS
from storyline.corrections.questions import QUESTION_APPLIERS, rebuild_ledgers
from storyline.corrections.records import ENTITY_KINDS, Correction, Outcome, Working, parse_claim_key
from storyline.records import Brief


def apply_corrections(
    brief: Brief, corrections: Sequence[Correction], settings: LedgerSettings = DEFAULT_SETTINGS.ledger
) -> Brief:
    """``brief`` with ``corrections`` replayed in order, each reported applied or not (``Brief.corrections``).
    Entity and claim corrections come first and the ledger of each story they touch is rebuilt; question
    corrections and notes then apply to the rebuilt ledger."""
    if not corrections:
        return brief
    work = Working(brief, list(brief.entities), list(brief.claims), list(brief.stories))
    outcomes: dict[int, Outcome] = {}
    for index, correction in enumerate(corrections):
        if correction.kind in ENTITY_KINDS:
            outcomes[index] = ENTITY_APPLIERS[correction.kind](work, correction)
    rebuild_ledgers(work, settings)
    for index, correction in enumerate(corrections):
        if correction.kind not in ENTITY_KINDS:
            outcomes[index] = QUESTION_APPLIERS[correction.kind](work, correction)
    replayed = tuple(
        dataclasses.replace(c, applied=outcomes[i][0], summary=outcomes[i][1], subjects=outcomes[i][2])
        for i, c in enumerate(corrections)
    )
    return dataclasses.replace(
        brief,
        entities=tuple(work.entities),
        claims=tuple(work.claims),
        stories=tuple(work.stories),
        corrections=replayed,
    )


def rejected_claims(brief: Brief, article_id: str) -> list[tuple[Correction, int, int]]:
    """The claims of one article an analyst marked wrong (applied), with their offsets: the article page
    keeps them visible, struck through, with the note."""
    found = []
    for correction in brief.corrections:
        where = parse_claim_key(correction.targets[0]) if correction.kind == "reject-claim" else None
        if correction.applied and where and where[0] == article_id:
            found.append((correction, where[1], where[2]))
    return found


def corrections_of(brief: Brief, subject_id: str) -> list[Correction]:
    """The corrections that concern one entity, claim or question of the corrected brief."""
    return [correction for correction in brief.corrections if subject_id in correction.subjects]
