"""Entity and claim corrections: merge two entities, split a spelling out of one, reassign a claim's
speaker, mark a claim wrong. Each records the stories it touched, whose ledgers are then rebuilt.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable

from storyline.corrections.records import MARK, Correction, Outcome, Working, not_applied
from storyline.records import Claim, Entity


def _merge_entities(work: Working, correction: Correction) -> Outcome:
    kept, absorbed = work.entity(correction, 0), work.entity(correction, 1)
    if kept is None or absorbed is None:
        return not_applied("an entity to merge is no longer in the brief")
    if kept.id == absorbed.id:
        return True, f"{MARK}: {kept.name!r} already holds both", (kept.id,)
    names = dict.fromkeys((*kept.aliases, absorbed.name, *absorbed.aliases))
    names.pop(kept.name, None)
    merged = dataclasses.replace(
        kept,
        aliases=tuple(sorted(names)),
        roles=tuple(dict.fromkeys((*kept.roles, *absorbed.roles))),
        mentions=tuple(sorted((*kept.mentions, *absorbed.mentions), key=lambda m: (m.article, m.start))),
    )
    work.entities = [merged if e.id == kept.id else e for e in work.entities if e.id != absorbed.id]
    _move_speakers(work, lambda claim: claim.speaker == absorbed.id, kept.id)
    return True, f"{MARK}: merged {absorbed.name!r} into {kept.name!r}", (kept.id, absorbed.id)


def _split_entity(work: Working, correction: Correction) -> Outcome:
    entity, alias = work.entity(correction, 0), str(correction.payload.get("alias", ""))
    if entity is None:
        return not_applied("the entity to split is no longer in the brief")
    moved = tuple(m for m in entity.mentions if m.text.casefold() == alias.casefold())
    if not moved or len(moved) == len(entity.mentions):
        return not_applied(f"{entity.name!r} has no mention spelled {alias!r} beside others")
    new_id = "e-" + hashlib.sha1(f"split:{entity.type}:{alias.casefold()}".encode()).hexdigest()[:10]
    if any(e.id == new_id for e in work.entities):
        return not_applied(f"{alias!r} is already an entity of its own")
    kept = dataclasses.replace(
        entity,
        aliases=tuple(a for a in entity.aliases if a.casefold() != alias.casefold()),
        mentions=tuple(m for m in entity.mentions if m not in moved),
    )
    split = Entity(id=new_id, name=moved[0].text, type=entity.type, mentions=moved)
    position = work.entities.index(entity)
    work.entities[position : position + 1] = [kept, split]
    spans = {(m.article, m.start, m.end) for m in moved}

    def spoke_as_alias(claim: Claim) -> bool:
        return claim.speaker == entity.id and any(
            article == claim.article and start <= (claim.speaker_start or -1) < end
            for article, start, end in spans
        )

    _move_speakers(work, spoke_as_alias, new_id)
    return True, f"{MARK}: split {alias!r} out of {entity.name!r}", (entity.id, new_id)


def _move_speakers(work: Working, moves: Callable[[Claim], bool], speaker: str) -> None:
    changed = [claim for claim in work.claims if moves(claim)]
    work.claims = [dataclasses.replace(c, speaker=speaker) if moves(c) else c for c in work.claims]
    work.touch_claims(changed)


def _reassign_speaker(work: Working, correction: Correction) -> Outcome:
    claim, entity = work.claim(correction.targets[0]), work.entity(correction, 1)
    if claim is None or entity is None:
        return not_applied("the claim or the new speaker is no longer in the brief")
    before = work.name(claim.speaker) if claim.speaker else claim.speaker_text or "nobody"
    _move_speakers(work, lambda c: c.id == claim.id, entity.id)
    return True, f"{MARK}: speaker changed from {before!r} to {entity.name!r}", (claim.id, entity.id)


def _reject_claim(work: Working, correction: Correction) -> Outcome:
    claim = work.claim(correction.targets[0])
    if claim is None:
        return not_applied("the claim is no longer in the brief")
    work.claims = [c for c in work.claims if c.id != claim.id]
    work.touch_claims([claim])
    return True, f"{MARK}: marked wrong, left out of the ledger", (claim.id,)


ENTITY_APPLIERS: dict[str, Callable[[Working, Correction], Outcome]] = {
    "merge-entities": _merge_entities,
    "split-entity": _split_entity,
    "reassign-speaker": _reassign_speaker,
    "reject-claim": _reject_claim,
}
