"""Propositions one voice answers: kept as single-source questions, listed below every weighed one.

A claim that matches no other source's with confidence stays its own question (issue 14: "never force a
merge"): one speaker stating a thing in several sentences, or several outlets relaying one speaker, is
what a reader of the story needs to see, marked as resting on that voice alone. Each group of statements
with fewer than two speaking sources (``evidence.speaking_sources``) is worth a question only when it is
carried twice, by two articles or two sentences (``worth_alone``): a thing said once, by one speaker, in
one article, is the body of the story, not a question of it (precision first). The status is
single-source whatever the one voice's stance, since one voice cannot weigh against itself; the reason
names that voice and the outlets carrying it (``single_voice_question``). ``positions`` orders these
questions after every question two sources take part in, so the top of a story stays its core.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from storyline.config import LedgerSettings
from storyline.records import Claim, Question


def worth_alone(claims: Sequence[Claim], settings: LedgerSettings) -> bool:
    """Whether one voice's statements are a question worth showing: one named voice (a resolved speaker or
    the outlet itself, never "73 percent" of a poll's respondents or an unresolved "he"), carried by
    ``single_voice_min_articles`` articles or ``single_voice_min_sentences`` distinct sentences (claims
    nested in one sentence count once), each a clause with a finite verb. (``positions`` also drops one
    voice on both sides of a thing: a misread, or two things.)"""
    if not all(claim.speaker or claim.outlet_voice for claim in claims):
        return False
    if not all(claim.finite_verbs for claim in claims):
        return False  # "bemoaning the phony system": a phrase, not a second statement of the thing
    articles = {claim.article for claim in claims}
    return (
        len(articles) >= settings.single_voice_min_articles
        or _sentences(claims) >= settings.single_voice_min_sentences
    )


def _sentences(claims: Sequence[Claim]) -> int:
    """Distinct stretches of text the claims cover: overlapping claims of one article count once."""
    count, last_article, reach = 0, "", -1
    for claim in sorted(claims, key=lambda c: (c.article, c.start)):
        if claim.article != last_article or claim.start >= reach:
            count += 1
            last_article, reach = claim.article, claim.end
        else:
            reach = max(reach, claim.end)
    return count


def single_voice_question(question: Question, names: Mapping[str, str]) -> Question:
    """``question`` as resting on one voice: status single-source, the reason naming the voice and the
    outlets carrying it ("one source (Donald Trump), carried by POLITICO and USA Today")."""
    voices = dict.fromkeys(
        names.get(speaker, speaker)
        for position in question.positions
        for speaker in (*position.speakers, *position.speaker_texts)
    )
    outlets = list(dict.fromkeys(outlet for position in question.positions for outlet in position.outlets))
    voice = ", ".join(voices) or "an unnamed speaker"
    reason = f"one source ({voice}), carried by {_listed(outlets)}"
    return dataclasses.replace(question, status="single-source", status_reason=reason)


def _listed(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) < 2:
        return "".join(items) or "one outlet"
    return ", ".join(items[:-1]) + " and " + items[-1]
