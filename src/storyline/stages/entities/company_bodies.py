"""A company's governing body standing for it: "The board of Thermaikos rejected the approach" … "the board
said", "the directors said".

Takeover news quotes a company through its board, which speaks as the company does. A description headed by
a governing body's noun (``governing_body_nouns``) stands for the organisation named right after it with
"of" ("the board of X"), else for the one organisation whose body the article names so elsewhere. Where it
names the body of two organisations, or of none, the description stays unresolved: the organisation named
nearest is as often the bidder, the regulator or the exchange (issue #17, generalise thessaloniki-bid).
Hand-written over the article's names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, content_words, fold_name

__all__ = ["body_owner", "is_body_description", "organisation_tied_by"]

# Between a body's noun and its owner's name: "the board of Thermaikos", "the directors of the Bank".
OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?")
# How far before a name "the board of" is looked for (characters).
BODY_OF_CHARS = 40


def is_body_description(description: str, lexicon: EntityLexicon) -> bool:
    """ "The board", "the directors": a description headed by a governing body's noun."""
    words = content_words(description, lexicon)
    return bool(words) and words[-1] in lexicon.governing_body_nouns


def body_owner(
    text: str, description: str, start: int, end: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The organisation whose governing body the description at ``start:end`` is (see the module)."""
    if not is_body_description(description, lexicon):
        return None
    pattern = _body_of_pattern(lexicon.governing_body_nouns)
    return organisation_tied_by(text, start, end, organisations, OF_OWNER, (pattern, BODY_OF_CHARS))


def organisation_tied_by(
    text: str,
    start: int,
    end: int,
    organisations: list[Mention],
    between: re.Pattern[str],
    phrase_before: tuple[re.Pattern[str], int],
) -> Mention | None:
    """The organisation a description at ``start:end`` belongs to: the one named right after it,
    ``between`` them ("the board| of |X"); else the one organisation the article names right after a
    phrase (``phrase_before``: a pattern ending where the name starts, looked for that many characters
    before it), its mention nearest before the description. None where the article so names two."""
    of_after = between.match(text, end)
    named_after = next((org for org in organisations if of_after and org.start == of_after.end()), None)
    if named_after is not None:
        return named_after
    pattern, chars = phrase_before
    owners = {
        fold_name(org.text)
        for org in organisations
        if pattern.search(text, max(0, org.start - chars), org.start)
    }
    if len(owners) != 1:
        return None
    owner = [org for org in organisations if fold_name(org.text) in owners]
    before = [org for org in owner if org.end <= start]
    return max(before, key=lambda org: org.start) if before else min(owner, key=lambda org: org.start)


@lru_cache(maxsize=4)
def _body_of_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """ "board of " (or "directors of the ") ending right where a name starts."""
    words = "|".join(re.escape(noun) for noun in sorted(nouns))
    return re.compile(rf"\b(?:{words})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
