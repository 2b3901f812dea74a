"""Making a correction from what the analyst sees: the ids of the corrected brief become stable keys with
their fallbacks (``corrections.records``); a correction that cannot apply is an input error saying why (the
server answers 422 with it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from storyline.corrections.records import (
    CORRECTION_KINDS,
    MAX_AUTHOR_CHARS,
    MAX_NOTE_CHARS,
    Correction,
    CorrectionKind,
    claim_key,
    position_key,
)
from storyline.errors import StorylineInputError
from storyline.records import Brief, Question, Story


def make_correction(
    brief: Brief,
    kind: str,
    targets: Sequence[str],
    *,
    alias: str | None = None,
    position: str | None = None,
    note: str = "",
    author: str = "",
) -> Correction:
    """A correction of ``kind`` on ``targets`` (ids as ``brief`` shows them), with the fallbacks that find
    them after re-analysis. A correction that cannot apply to ``brief`` is an input error saying why."""
    if kind not in CORRECTION_KINDS:
        raise StorylineInputError(kind, f"unknown correction kind; one of {', '.join(CORRECTION_KINDS)}")
    if len(note) > MAX_NOTE_CHARS or len(author) > MAX_AUTHOR_CHARS:
        raise StorylineInputError(kind, f"note over {MAX_NOTE_CHARS} or author over {MAX_AUTHOR_CHARS} chars")
    wanted = _shape_of(kind, targets, note)
    payload: dict[str, Any] = {"subject": wanted[0]} if kind == "note" else {}
    keys = tuple(
        _TARGET_KEYS[shape](brief, target, payload) for shape, target in zip(wanted, targets, strict=True)
    )
    if len(keys) == 2 and keys[0] == keys[1] and kind != "reassign-speaker":
        raise StorylineInputError(targets[0], f"{kind}: cannot merge a thing with itself")
    if kind == "split-entity":
        _check_alias(brief, targets[0], alias, payload)
    if kind == "split-question":
        _check_position(brief, targets[0], position, payload)
    if kind == "merge-questions":
        _check_same_story(brief, targets)
    return Correction(cast(CorrectionKind, kind), keys, payload, note=note.strip(), author=author.strip())


_TARGET_SHAPES: dict[str, tuple[str, ...]] = {
    "merge-entities": ("entity", "entity"),
    "split-entity": ("entity",),
    "reassign-speaker": ("claim", "entity"),
    "reject-claim": ("claim",),
    "merge-questions": ("question", "question"),
    "split-question": ("question",),
}


def _shape_of(kind: str, targets: Sequence[str], note: str) -> tuple[str, ...]:
    """What each target must be (entity, claim, question); a note's one target may be any of them."""
    wanted = _TARGET_SHAPES.get(kind) or (_subject_kind(targets[0]) if targets else "entity",)
    if kind == "note" and not note.strip():
        raise StorylineInputError(kind, "a note needs its text")
    if len(targets) != len(wanted):
        raise StorylineInputError(kind, f"takes {len(wanted)} target(s): {' and '.join(wanted)} id")
    return wanted


def _subject_kind(target: str) -> str:
    if target.startswith("e-"):
        return "entity"
    return "question" if target.startswith("q-") else "claim"


def _entity_target(brief: Brief, entity_id: str, payload: dict[str, Any]) -> str:
    entity = next((entity for entity in brief.entities if entity.id == entity_id), None)
    if entity is None:
        raise StorylineInputError(entity_id, "no such entity in the brief")
    payload.setdefault("names", {})[entity.id] = [entity.name, *entity.aliases]
    return entity.id


def _claim_target(brief: Brief, claim_id: str, payload: dict[str, Any]) -> str:
    claim = next((claim for claim in brief.claims if claim.id == claim_id), None)
    if claim is None:
        raise StorylineInputError(claim_id, "no such claim in the brief")
    payload["text"] = claim.text
    return claim_key(claim)


def _question_target(brief: Brief, question_id: str, payload: dict[str, Any]) -> str:
    question = _question_by_id(brief.stories, question_id)
    if question is None:
        raise StorylineInputError(question_id, "no such question in the brief")
    key_of = {claim.id: claim_key(claim) for claim in brief.claims}
    held = [key_of[c] for position in question.positions for c in position.claims if c in key_of]
    payload.setdefault("claims", {})[question.id] = held
    payload.setdefault("questions", {})[question.id] = question.question
    return question.id


_TARGET_KEYS: dict[str, Callable[[Brief, str, dict[str, Any]], str]] = {
    "entity": _entity_target,
    "claim": _claim_target,
    "question": _question_target,
}


def _check_alias(brief: Brief, entity_id: str, alias: str | None, payload: dict[str, Any]) -> None:
    entity = next(entity for entity in brief.entities if entity.id == entity_id)
    if not alias or alias.casefold() == entity.name.casefold():
        raise StorylineInputError(entity_id, "split-entity needs an alias other than the entity's name")
    if not any(mention.text.casefold() == alias.casefold() for mention in entity.mentions):
        raise StorylineInputError(alias, f"no mention of {entity.name!r} is spelled so")
    payload["alias"] = alias


def _check_position(brief: Brief, question_id: str, position: str | None, payload: dict[str, Any]) -> None:
    question = _question_by_id(brief.stories, question_id)
    assert question is not None  # checked as a target first
    keys = [position_key(p) for p in question.positions]
    if position not in keys or len(keys) < 2:
        raise StorylineInputError(
            question_id, f"split-question needs one of its positions: {', '.join(keys)}"
        )
    payload["position"] = position


def _check_same_story(brief: Brief, question_ids: Sequence[str]) -> None:
    stories = {story.id for story in brief.stories for q in story.questions if q.id in question_ids}
    if len(stories) != 1:
        raise StorylineInputError(question_ids[1], "merge-questions: the questions are in different stories")


def _question_by_id(stories: Sequence[Story], question_id: str) -> Question | None:
    return next((q for story in stories for q in story.questions if q.id == question_id), None)
