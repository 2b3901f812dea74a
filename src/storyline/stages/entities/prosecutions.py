"""The prosecution a story names by its court: "a spokesman for the prosecutor's office of the Economic
Crimes Chamber" … "the prosecution said", "prosecutors said", "the financial prosecutor's office said".

Where a state prosecutes financial or organised crime through a specialised court or judicial centre (a
"judicial pole", a "special court", a "chamber"), news names that body and calls its prosecutors by their
trade. A prosecution description (``is_prosecution_description``: headed by "prosecution", a staff plural,
or "office" owned by "prosecutor's") stands for the organisation named right after it with "of" or "at"
("the prosecutor's office of the X", "prosecutors at the X"), else for the one organisation whose
prosecution the article names so elsewhere. Where it ties the prosecution to two organisations, or to none,
the description stays unresolved here (a prosecutor's office named as such is found by its words,
``organisation_descriptions``), and the story may resolve it through another report (``organisations``).
Issue #17, generalise sfax-bank-fraud. Hand-written over the article's names.
"""

from __future__ import annotations

import re

from storyline.records import Mention
from storyline.stages.entities.company_bodies import organisation_tied_by
from storyline.stages.entities.lexicon import EntityLexicon, content_words, words_match

__all__ = ["is_prosecution_description", "named_as_prosecution", "prosecuting_body"]

# "prosecution", "prosecutors", "prosecutor's office", "prosecutor office", the heads of a description of
# the prosecution; folded, so a possessive's apostrophe is gone.
PROSECUTION_HEADS = (("prosecution",), ("prosecution", "service"), ("prosecutors",), ("prosecutor", "office"))
# Between a prosecution phrase and the body it belongs to: "of the X", "at the X", "attached to the X".
OF_BODY = re.compile(r"\s+(?:of|at|attached\s+to)\s+(?:the\s+)?", re.IGNORECASE)
# A prosecution phrase ending where a body's name starts (the phrase's "of the"/"at the" included).
PROSECUTION_OF = re.compile(
    r"\bprosecut(?:ion|ors?(?:['’]s?)?(?:\s+office)?)(?:\s+service)?\s+(?:of|at|attached\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# How far before a name the phrase is looked for (characters).
PROSECUTION_OF_CHARS = 50
# Qualifiers of a prosecution that say nothing of which one: every prosecutor's office is the public's.
UNSPECIFIC_QUALIFIERS = frozenset({"public", "state"})


def is_prosecution_description(description: str, lexicon: EntityLexicon) -> bool:
    """ "The prosecution", "prosecutors", "the financial prosecutor's office": a description headed by a
    word of the prosecution."""
    words = tuple(content_words(description, lexicon))
    return any(words[-len(head) :] == head for head in PROSECUTION_HEADS)


def prosecuting_body(
    text: str, description: str, start: int, end: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The organisation whose prosecution the description at ``start:end`` is (see the module)."""
    if not is_prosecution_description(description, lexicon):
        return None
    return organisation_tied_by(
        text, start, end, organisations, OF_BODY, (PROSECUTION_OF, PROSECUTION_OF_CHARS)
    )


def named_as_prosecution(names: set[str], wanted: list[str], lexicon: EntityLexicon) -> bool:
    """Whether an organisation of the story going by ``names`` (folded names and descriptions, as
    ``organisations.attach_organisation_descriptions`` gathers them) is the prosecution the description's
    ``wanted`` words give: one of its names has the prosecution's words ("prosecutor office", which another
    report called it), and each qualifier before them is in one of its names ("financial" of "Economic and
    Financial Judicial Pole"), says no particular office ("public") or is a country's ("Tunisian")."""
    at = next((i for i, word in enumerate(wanted) if word.startswith("prosecut")), None)
    if at is None:
        return False
    head, qualifiers = wanted[at:], wanted[:at]
    words = {word for name in names for word in name.split()}

    def in_one_name(word: str, named: set[str] | list[str]) -> bool:
        return any(words_match(word, other) for other in named)

    if not any(all(in_one_name(word, name.split()) for word in head) for name in names):
        return False
    countries = {word for country in lexicon.countries for word in country.split()}
    return all(
        word in UNSPECIFIC_QUALIFIERS
        or word in lexicon.irregular_demonyms
        or in_one_name(word, words)
        or in_one_name(word, countries)
        for word in qualifiers
    )
