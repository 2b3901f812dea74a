"""Whose share a poll percentage is, so that shares are grouped by the candidate they measure.

"Clinton leads Trump by 43 percent to 38 percent", "46 percent would choose Clinton", "Clinton was
supported by 42 percent", "Trump received 38 percent support": each percentage is the share backing one
named holder, and only shares of one holder answer one question ("What share back Hillary Clinton?").
Without a holder a percentage says nothing of what it measures, and percentages never merged; with one,
two polls' figures for one candidate meet even when their sentences share no other word.

The holder is read from the wording around the number with a few named patterns (verbs in the ledger
lexicon): precision first, so a share whose holder is not worded this way keeps none and groups as before.
A holder that is a pronoun ("She leads Trump …") is no holder. The name is resolved to an entity id when an
entity mention lies inside it, so "Clinton" and "Hillary Clinton" are one holder.
"""

from __future__ import annotations

import re
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.grouping import EntitySpans, ledger_lexicon

# A capitalised name of up to four words ("Donald Trump", "the Green Party’s Jill Stein" → from "Green").
NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
NUMBER = r"\d[\d,]*(?:\.\d+)?"
PERCENT = r"\s*(?:percent|per\s+cent|%)"


@cache
def share_patterns() -> tuple[re.Pattern[str], ...]:
    """Named groups: ``holder`` (and ``other``, the second of a match-up) before or after ``value``
    (``second_value`` for ``other``)."""
    data = load_lexicon("ledger")

    def verbs(key: str) -> str:
        return "|".join(re.escape(verb) for verb in data[key])

    lead = (
        rf"(?P<holder>{NAME})\s+(?:is\s+|was\s+|has\s+been\s+)?(?:{verbs('share_lead_verbs')})\s+"
        rf"(?P<other>{NAME})\s+(?:by\s+)?(?P<value>{NUMBER})(?:{PERCENT})?\s+to\s+(?P<second_value>{NUMBER})"
    )
    backing = (
        rf"(?P<value>{NUMBER}){PERCENT}\s+(?:(?:would|will|said\s+they\s+would|say\s+they\s+will)\s+)?"
        rf"(?:{verbs('share_backing_verbs')})\s+(?:the\s+)?"
        rf"(?P<holder>{NAME}(?:\s+(?:{verbs('share_holder_roles')})\s+{NAME})?)"
    )
    passive = (
        rf"(?P<holder>{NAME})\s+(?:is|was|were|are)\s+(?:{verbs('share_passive_verbs')})\s+by\s+"
        rf"(?P<value>{NUMBER}){PERCENT}"
    )
    drawing = (
        rf"(?P<holder>{NAME})\s+(?:{verbs('share_drawing_verbs')})\s+(?P<value>{NUMBER}){PERCENT}"
        r"\s+(?:support|backing|of\s+the\s+vote)"
    )
    return tuple(re.compile(pattern) for pattern in (lead, backing, passive, drawing))


def share_holder(claim: Claim, quantity: Quantity, spans: EntitySpans) -> str | None:
    """The holder of a percentage ("@<entity id>", else "name:<last word>"), or None when its wording
    names none."""
    offset = quantity.start - claim.start
    for pattern in share_patterns():
        for match in pattern.finditer(claim.text):
            for value, name in (("value", "holder"), ("second_value", "other")):
                if value in pattern.groupindex and match.start(value) == offset:
                    return _resolve(claim, match.start(name), match.end(name), spans)
    return None


def _resolve(claim: Claim, start: int, end: int, spans: EntitySpans) -> str | None:
    """The entity whose mention ends last inside the name (the candidate, not "the Green Party" before
    "Jill Stein"); a pronoun names no holder."""
    surface = claim.text[start:end]
    if surface.lower() in ledger_lexicon().stopwords:
        return None
    first, last = claim.start + start, claim.start + end
    inside = [m for m in spans.get(claim.article, []) if first <= m[0] and m[1] <= last]
    if inside:
        return "@" + max(inside, key=lambda mention: mention[1])[2]
    return "name:" + surface.split()[-1].lower()
