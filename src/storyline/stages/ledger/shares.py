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

A percentage told as a share of a company held ("already holds 27.4%", "its stake rose to 33.8 percent",
"acceptances … reached 41.6 per cent": ``stake_words`` of the ledger lexicon in its clause before the
figure) is a share too, of the holder ``STAKE`` (issue #17): a bidder's stake is told with a pronoun as
often as with its name ("its stake", "it owned"), so the holder is the class, one per story, and the
values a bidder gives day by day are one count seen moving. A clause with a word of need ("the offer needs
acceptances that lift the bidder to 50% plus one share") gives a threshold, not a share held; one with a
word of a poll ("holds a lead", "voters") a candidate's support, which the patterns above read.

So is a price per unit offered ("offering €14.20 a share", "now offers 15.00 euros in cash per share instead
of 14.20 euros", "raised the price to €15.00"): a sum of money whose clause names an offer before it
(``offer_words``; "counter-offer" is one word, a rival's) and a unit it is paid per or a price
(``per_unit_words``), of the holder ``OFFER``: a bidder raising its price day by day is one count seen
moving, and the valuation, the break fee or a dividend per share (no word of an offer) stay apart.
"""

from __future__ import annotations

import re
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.grouping import TOKEN_MARK, EntitySpans, ledger_lexicon, mentions_within

# A capitalised name of up to four words ("Donald Trump", "the Green Party’s Jill Stein" → from "Green").
NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
NUMBER = r"\d[\d,]*(?:\.\d+)?"
PERCENT = r"\s*(?:percent|per\s+cent|%)"
# The holder of a share of a company held, whoever holds it (see the module doc).
STAKE = "stake"
# The holder of a price per unit offered (see the module doc).
OFFER = "offer"
# Where the clause a stake or offer word must lie in begins or ends: a sentence's or a clause's end, a
# coordination.
CLAUSE_BREAK = re.compile(r"[.;:!?](?:\s|$)|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
# How many words after a sum its unit paid per may come ("in cash per share": four).
PER_UNIT_REACH = 4
# A word, a hyphenated compound one word ("counter-offer" is no "offer").
CLAUSE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


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
    """The holder of a percentage ("@<entity id>", else "name:<last word>", ``STAKE`` for a share of a
    company held), or None when its wording names none."""
    offset = quantity.start - claim.start
    for pattern in share_patterns():
        for match in pattern.finditer(claim.text):
            for value, name in (("value", "holder"), ("second_value", "other")):
                if value in pattern.groupindex and match.start(value) == offset:
                    return _resolve(claim, match.start(name), match.end(name), spans)
    return STAKE if is_stake(claim.text[:offset], claim.text[offset + len(quantity.text) :]) else None


def _resolve(claim: Claim, start: int, end: int, spans: EntitySpans) -> str | None:
    """The entity whose mention ends last inside the name (the candidate, not "the Green Party" before
    "Jill Stein"); a pronoun names no holder."""
    surface = claim.text[start:end]
    if surface.lower() in ledger_lexicon().stopwords:
        return None
    first, last = claim.start + start, claim.start + end
    inside = mentions_within(spans, claim.article, first, last)
    if inside:
        return TOKEN_MARK + max(inside, key=lambda mention: mention[1])[2]
    return "name:" + surface.split()[-1].lower()


@cache
def _stake_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_lexicon("ledger")
    return frozenset(data["stake_words"]), frozenset(data["stake_not_words"])


def is_stake(before: str, after: str) -> bool:
    """Whether a percentage's clause tells it as a share held: a stake word before it, and no word of need
    nor of a poll before or after it (``stake_words``, ``stake_not_words`` of the ledger lexicon): "holds
    only 14 percent of the Latino vote" is a candidate's support."""
    before_words = _words(CLAUSE_BREAK.split(before)[-1])
    stake, not_stake = _stake_words()
    clause_words = before_words | _words(CLAUSE_BREAK.split(after)[0])
    return bool(before_words & stake) and not clause_words & not_stake


def offer_holder(claim: Claim, quantity: Quantity) -> str | None:
    """``OFFER`` for a sum told as a price per unit offered (see the module doc), else None: a word of an
    offer in its clause before it, and a unit it is paid per right after it ("€14.20 a share"), a word of a
    price before it ("raised the price to €15.00"), or an earlier price per unit it replaces ("15.00 euros
    in cash per share instead of 14.20 euros"); "$41.50 a share, valuing the brewer at $2 billion" is one
    price and a valuation."""
    offset = quantity.start - claim.start
    before = CLAUSE_BREAK.split(claim.text[:offset])[-1]
    data = load_lexicon("ledger")
    words = _words(before)
    if not words & frozenset(data["offer_words"]):
        return None
    if _per_unit(claim.text[offset + len(quantity.text) :]) or words & frozenset(data["price_words"]):
        return OFFER
    clause_start = claim.start + offset - len(before)
    earlier = [q for q in claim.quantities if clause_start <= q.start and q.end <= quantity.start]
    if not earlier:
        return None
    previous = max(earlier, key=lambda q: q.start)
    between = claim.text[previous.end - claim.start : offset].lower()
    replaces = any(re.search(rf"\b{re.escape(cue)}\b", between) for cue in data["offer_replacing"])
    return OFFER if replaces and _per_unit(claim.text[previous.end - claim.start :]) else None


def _per_unit(after: str) -> bool:
    """Whether the words right after a sum name a unit it is paid per ("a share", "in cash per share")."""
    words = [word.lower() for word in CLAUSE_WORD.findall(after)[:PER_UNIT_REACH]]
    return bool(set(words) & set(load_lexicon("ledger")["per_unit_words"]))


def _words(clause: str) -> frozenset[str]:
    return frozenset(word.lower() for word in CLAUSE_WORD.findall(clause))
