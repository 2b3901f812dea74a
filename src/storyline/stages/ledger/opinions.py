"""Statements of opinion and hedged negations: what a question's status may not weigh as fact.

- an opinion ("political correctness has run amok", "that makes me smart", "I think …", "you're right",
  "Pat Kennedy is the greatest!!!"): a content judging rather than describing (lexicon ``ledger``
  ``[opinions]``; a superlative of praise or blame counts only closing a sentence, "the greatest number of
  …" still counts something). Two speakers holding it do
  not corroborate it, nor does one rejecting it contest it: ``status`` gives a question whose every claim
  is one as the opinion of those who hold it (single-source), never as a fact weighed (issue #14: in
  PolNeAR's trump-taxes story a town-hall questioner's opinion and Trump's agreement stood corroborated);
- a negation hedged by a modal ("Trump may not have paid a dime"): the speaker allows that it is not so,
  which is no denial (``[hedged_negations]``); alone it is hedged support of the allegation;
- a negation read around another's quoted words: "footage of Trump saying 'That makes me smart,' when
  Clinton blasted him for not paying income tax" holds Trump's claim of its article, and its "not" lies in
  the words around it: no side against what it quotes (``quotes_around``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# a sentence's end within a claim's content, for a superlative closing it
_SENTENCE_END = re.compile(r"[.!?]+")


@dataclass(frozen=True, slots=True)
class OpinionLexicon:
    evaluative: frozenset[str]
    phrases: tuple[str, ...]
    closing_superlatives: frozenset[str]
    hedged_negations: tuple[str, ...]


@cache
def opinion_lexicon() -> OpinionLexicon:
    data = load_lexicon("ledger")
    return OpinionLexicon(
        frozenset(data["opinions"]["evaluative"]),
        tuple(data["opinions"]["phrases"]),
        frozenset(data["opinions"]["closing_superlatives"]),
        tuple(data["hedged_negations"]["phrases"]),
    )


def _plain(text: str) -> str:
    """Lower case, plain apostrophes, single spaces, padded: phrases match as whole words."""
    return " " + " ".join(_WORD.findall(text.lower().replace("’", "'"))) + " "


def is_opinion(claim: Claim) -> bool:
    """Whether the content judges rather than states (``[opinions]``): an evaluative word, an opinion said
    in the first person or granted to another, or a superlative closing a sentence
    (``_closing_superlative``)."""
    lexicon = opinion_lexicon()
    text = _plain(claim.text)
    return (
        bool(set(text.split()) & lexicon.evaluative)
        or any(f" {p} " in text for p in lexicon.phrases)
        or _closing_superlative(claim.text, lexicon.closing_superlatives)
    )


def _closing_superlative(text: str, superlatives: frozenset[str]) -> bool:
    """ "Pat Kennedy is the greatest!!!", "he's the best.": "the" and a superlative with nothing after them
    in their sentence, a verdict on someone; "the greatest number of deaths" goes on to count something."""
    for sentence in _SENTENCE_END.split(text):
        words = _plain(sentence).split()
        if len(words) >= 2 and words[-2] == "the" and words[-1] in superlatives:
            return True
    return False


def all_opinions(claims: Iterable[Claim]) -> bool:
    found = list(claims)
    return bool(found) and all(is_opinion(claim) for claim in found)


def hedges_its_negation(claim: Claim) -> bool:
    """ "Trump may not have paid a dime": a negation a modal hedges (``[hedged_negations]``)."""
    text = _plain(claim.text)
    return any(f" {phrase} " in text for phrase in opinion_lexicon().hedged_negations)


def quotes_around(claim: Claim, others: Sequence[Claim]) -> bool:
    """Whether ``claim``'s content holds another claim's content of its article whole, starting with it or
    ending with it: words read around another's quote ("… saying 'That makes me smart,' when Clinton blasted
    him for not paying income tax"), whose negation is not the quoted speaker's."""
    return any(
        other is not claim
        and other.article == claim.article
        and (other.start, other.end) != (claim.start, claim.end)
        and claim.start <= other.start
        and other.end <= claim.end
        and (other.start == claim.start or other.end == claim.end)
        for other in others
    )
