"""Figures a clause says in passing, and who pays a sum (issue #14, PolNeAR trump-debate-demands).

- A capacity denied or supposed ("We don't think there's room for four cable news networks"): nobody counts
  the networks; the figure answers no question (``capacity_not_asserted``).
- The size of a set the clause names, then lists ("Cruz's two Senate colleagues -- Sen. Rubio ... and Sen.
  Paul"): the figure is an aside to what the clause asserts, a count no one reports or disputes
  (``counts_an_enumerated_set``). Without a possessor or "the" the figure is what the clause reports
  ("the king sent two envoys, Ali and Omar") and stays.
- Who pays a sum (``payer``): "if CNN donated $5 million" and "that Fox News contribute $5 million" are two
  demands of two payers, never one question, however alike their words.
- A floor beside an exact figure of the same value in one voice of one article ("a $1 million buy" and "has
  spent over $1 million") tells two sums (``ledger.measures``): a speaker does not say one sum both ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.grouping import EntitySpans, mentions_within

# Where a sentence of a content ends (the frames below are read in the figure's own sentence): a stop after
# a lower-case word, not after a title ("Sen. Marco Rubio", "Mr. Kell" go on).
SENTENCE_END = re.compile(r"(?<=[a-z]{3}[.!?])\s|(?<=[a-z]{3}[.!?][\"”’])\s")
# A possessor or "the" right before a figure: "Cruz's | two", "his | three", "the | two".
DEFINITE_BEFORE = re.compile(r"(?:[’']s|\b(?:his|her|their|its|our|the))\s+$", re.IGNORECASE)
# The figure's noun (a few words), then a break that opens an apposition listing names: "two Senate
# colleagues -- Sen. Marco", "three children: Ivanka"; the list's last name after "and".
APPOSITION = re.compile(r"(?:\s+[^\W\d][\w’'-]*){0,4}\s*(?:--|[\u2013\u2014:(])\s*[A-Z]")
LAST_MEMBER = re.compile(r"\band\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+")
# How far before a figure the entity that pays it may end: a few words of tense or manner ("has already").
PAYER_REACH = re.compile(r"\s+(?:[a-z]+\s+){0,2}$")
# From the verb of paying to the figure: a few words at most ("paid him", "donated up to").
PAID_TO_FIGURE = 3


@dataclass(frozen=True, slots=True)
class AsideLexicon:
    capacity: re.Pattern[str]
    denying_or_supposing: re.Pattern[str]
    payment_verbs: frozenset[str]
    enumerated_set_largest: float


@cache
def aside_lexicon() -> AsideLexicon:
    data = load_lexicon("ledger")["figure_asides"]
    nouns = "|".join(re.escape(noun) for noun in data["capacity_nouns"])
    # a contraction ("n't") ends a word ("don't"), so only its end is a word boundary
    glued = [word for word in data["denying_or_supposing"] if "'" in word or "’" in word]
    plain = "|".join(re.escape(word) for word in data["denying_or_supposing"] if word not in glued)
    ends = "|".join(re.escape(word) for word in glued)
    return AsideLexicon(
        capacity=re.compile(rf"\b(?:{nouns})\s+for\s+$", re.IGNORECASE),
        denying_or_supposing=re.compile(rf"\b(?:{plain})\b|(?:{ends})\b", re.IGNORECASE),
        payment_verbs=frozenset(data["payment_verbs"]),
        enumerated_set_largest=float(data["enumerated_set_largest"]),
    )


def _sentence_before(claim: Claim, quantity: Quantity) -> str:
    before = claim.text[: max(0, quantity.start - claim.start)]
    return SENTENCE_END.split(before)[-1]


def capacity_not_asserted(claim: Claim, quantity: Quantity) -> bool:
    """A figure right after "room for" or "space for" in a sentence that denies or supposes ("We don't think
    there's room for four cable news networks", "there would be space for 500 cars"): how many could be, not
    how many are; "How many cable news networks in the U.S.?" asked it as a count (issue #14)."""
    lexicon = aside_lexicon()
    sentence = _sentence_before(claim, quantity)
    capacity = lexicon.capacity.search(sentence) is not None
    return capacity and lexicon.denying_or_supposing.search(sentence) is not None


def counts_an_enumerated_set(claim: Claim, quantity: Quantity) -> bool:
    """A small figure after a possessor or "the" whose noun phrase an apposition then lists by name ("Cruz's
    two Senate colleagues -- Sen. Marco Rubio of Florida ... and Sen. Rand Paul"): the size of a set the
    sentence names, an aside no one asks (issue #14: "How many Senate colleagues Sen Marco Rubio of
    Florida?" answered 2). "His six corporate bankruptcies." lists nothing and stays."""
    if quantity.value > aside_lexicon().enumerated_set_largest:
        return False
    if DEFINITE_BEFORE.search(_sentence_before(claim, quantity)) is None:
        return False
    after = claim.text[quantity.end - claim.start :]
    after = SENTENCE_END.split(after)[0]
    apposition = APPOSITION.match(after)
    return apposition is not None and LAST_MEMBER.search(after, apposition.end()) is not None


def payer(claim: Claim, quantity: Quantity, spans: EntitySpans | None) -> str | None:
    """The entity that pays a sum, named right before a verb of paying a few words before the figure ("if
    CNN donated 5 million dollars to charity", "that FOX News contribute $5 million"), else None (a passive
    "unless he is paid $5 million" names no payer)."""
    if spans is None:
        return None
    before = claim.text[: max(0, quantity.start - claim.start)]
    words = list(re.finditer(r"[^\W\d_][\w’'-]*", before))[-(PAID_TO_FIGURE + 1) :]
    verbs = [word for word in words if word.group().lower() in aside_lexicon().payment_verbs]
    if not verbs:
        return None
    verb_at = claim.start + verbs[-1].start()
    named = [(end, entity) for _, end, entity in mentions_within(spans, claim.article, claim.start, verb_at)]
    if not named:
        return None
    end, entity = max(named)
    return entity if PAYER_REACH.fullmatch(claim.text, end - claim.start, verb_at - claim.start) else None
