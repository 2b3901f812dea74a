"""Ledger corrections: the ledger of each story an entity or claim correction touched is rebuilt by the
ledger stage itself; then two questions merge, a position splits off into a question of its own, and notes
find their subjects.

Merged positions join by answer (the same value or stance): their claims, speakers and outlets are the
union, and their independent sources the larger of the two counts — a lower bound, since the two sets may
share sources and only the ledger's source keys could tell; a corrected brief must not claim more
corroboration than it can show. Statuses are judged again by the ledger's own ``judge_status``, which
knows the question has one source only when one speaker took every side (then a series stays a series).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Sequence

from storyline.config import LedgerSettings
from storyline.corrections.records import (
    MARK,
    Correction,
    Outcome,
    Working,
    claim_key,
    not_applied,
    position_key,
)
from storyline.records import Position, Question, Story, TimelineEntry


def rebuild_ledgers(work: Working, settings: LedgerSettings) -> None:
    """Run the ledger stage again over each touched story, with the corrected claims and entities."""
    # Imported here: the ledger stage brings spaCy, and the store (which reads corrections) must open
    # without it (`storyline stories` answers in under a second).
    from storyline.stages import ledger

    for index, story in enumerate(work.stories):
        if story.id not in work.touched_stories:
            continue
        members = set(story.articles)
        questions = ledger.build_ledger(
            story,
            [claim for claim in work.claims if claim.article in members],
            [article for article in work.brief.articles if article.id in members],
            [edge for edge in work.brief.copies if edge.article in members],
            [e for e in work.entities if any(m.article in members for m in e.mentions)],
            settings,
        )
        work.stories[index] = dataclasses.replace(
            story, questions=questions, timeline=_kept_timeline(work, story)
        )


def _kept_timeline(work: Working, story: Story) -> tuple[TimelineEntry, ...]:
    """The story's timeline without the reports that were claims marked wrong."""
    kept = {claim.id for claim in work.claims}
    entries = []
    for entry in story.timeline:
        sources = tuple(s for s in entry.sources if s.claim is None or s.claim in kept)
        if sources or not entry.sources:
            claims = tuple(c for c in entry.claims if c in kept)
            entries.append(dataclasses.replace(entry, sources=sources, claims=claims))
    return tuple(entries)


def _find_question(work: Working, correction: Correction, index: int) -> tuple[int, Question] | None:
    """A target question: by id, else the question holding most of the claims it held (at least half)."""
    question_id = correction.targets[index]
    held = set(correction.payload.get("claims", {}).get(question_id, ()))
    key_of = {claim.id: claim_key(claim) for claim in work.claims}
    best: tuple[int, int, Question] | None = None
    for story_index, story in enumerate(work.stories):
        for question in story.questions:
            if question.id == question_id:
                return story_index, question
            shared = len(held & {key_of.get(c, "") for p in question.positions for c in p.claims})
            if shared * 2 >= len(held) > 0 and (best is None or shared > best[0]):
                best = (shared, story_index, question)
    return (best[1], best[2]) if best else None


def _judged(work: Working, question: Question, positions: Sequence[Position]) -> Question:
    claim_ids = {c for position in positions for c in position.claims}
    claims = [claim for claim in work.claims if claim.id in claim_ids]
    names = {entity.id: entity.name for entity in work.entities}
    from storyline.stages.ledger.status import judge_status  # as above: spaCy only when a brief is replayed

    status, reason = judge_status(positions, claims, None, names, sources=_one_speaker(positions))
    return dataclasses.replace(question, positions=tuple(positions), status=status, status_reason=reason)


def _one_speaker(positions: Sequence[Position]) -> int | None:
    """1 when every position has the same single speaker, else None (unknown). The ledger's source keys
    (relays, outlets' own voice) are not kept in the brief, so a corrected question knows it has one source
    only when one speaker took every side: then its values by date can be a series again (``ledger.series``)
    rather than a contest of that speaker with themself."""
    speakers = {speaker for position in positions for speaker in position.speakers}
    every_one_spoke = all(position.speakers for position in positions)
    return 1 if len(speakers) == 1 and every_one_spoke else None


def _joined(first: Position, second: Position) -> Position:
    earliest = [date for date in (first.earliest, second.earliest) if date]
    return dataclasses.replace(
        first,
        claims=tuple(dict.fromkeys((*first.claims, *second.claims))),
        speakers=tuple(dict.fromkeys((*first.speakers, *second.speakers))),
        speaker_texts=tuple(dict.fromkeys((*first.speaker_texts, *second.speaker_texts))),
        outlets=tuple(dict.fromkeys((*first.outlets, *second.outlets))),
        independent_sources=max(first.independent_sources, second.independent_sources),
        earliest=min(earliest) if earliest else None,
    )


def _replace_questions(work: Working, story_index: int, questions: Sequence[Question]) -> None:
    story = work.stories[story_index]
    work.stories[story_index] = dataclasses.replace(story, questions=tuple(questions))


def _merge_questions(work: Working, correction: Correction) -> Outcome:
    kept, absorbed = _find_question(work, correction, 0), _find_question(work, correction, 1)
    if kept is None or absorbed is None or kept[0] != absorbed[0]:
        return not_applied("a question to merge is no longer in the brief")
    (story_index, first), (_, second) = kept, absorbed
    if first.id == second.id:
        return True, f"{MARK}: one question already holds both", (first.id,)
    by_answer = {position_key(p): p for p in first.positions}
    for position in second.positions:
        key = position_key(position)
        by_answer[key] = _joined(by_answer[key], position) if key in by_answer else position
    merged = _judged(work, first, list(by_answer.values()))
    questions = [merged if q.id == first.id else q for q in work.stories[story_index].questions]
    _replace_questions(work, story_index, [q for q in questions if q.id != second.id])
    return True, f"{MARK}: merged {second.question!r} into this question", (first.id, second.id)


def _split_question(work: Working, correction: Correction) -> Outcome:
    found = _find_question(work, correction, 0)
    wanted = str(correction.payload.get("position", ""))
    if found is None:
        return not_applied("the question is no longer in the brief")
    story_index, question = found
    leaving = [p for p in question.positions if position_key(p) == wanted]
    staying = [p for p in question.positions if position_key(p) != wanted]
    if not leaving or not staying:
        return not_applied(f"the question has no position {wanted!r} beside others")
    new_id = "q-" + hashlib.sha1(f"{question.id}:split:{wanted}".encode()).hexdigest()[:10]
    split = _judged(work, dataclasses.replace(question, id=new_id), leaving)
    questions: list[Question] = []
    for q in work.stories[story_index].questions:
        questions += [_judged(work, q, staying), split] if q.id == question.id else [q]
    _replace_questions(work, story_index, questions)
    return True, f"{MARK}: split the position {wanted} into a question of its own", (question.id, new_id)


def _note(work: Working, correction: Correction) -> Outcome:
    subject = correction.payload.get("subject")
    found_id: str | None = None
    if subject == "entity":
        entity = work.entity(correction, 0)
        found_id = entity.id if entity else None
    elif subject == "claim":
        claim = work.claim(correction.targets[0])
        found_id = claim.id if claim else None
    else:
        question = _find_question(work, correction, 0)
        found_id = question[1].id if question else None
    if found_id is None:
        return not_applied(f"the {subject} the note is on is no longer in the brief")
    return True, f"note by analyst on this {subject}", (found_id,)


QUESTION_APPLIERS: dict[str, Callable[[Working, Correction], Outcome]] = {
    "merge-questions": _merge_questions,
    "split-question": _split_question,
    "note": _note,
}
