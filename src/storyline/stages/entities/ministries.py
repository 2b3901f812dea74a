"""The ministry a report names only as "the ministry" or "her ministry": the one its minister heads.

A report that names a minister by portfolio ("Public Works Minister Marta Quiroga") and never the ministry
means that minister's ministry by "the ministry"; the portfolio is read from the role's words, in either
English order ("Interior Minister", "Minister of Public Works"). Hand-written over the roles of
``entities.mentions``; split from ``entities.descriptions``; ``entities.organisation_descriptions`` calls it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, content_words, fold_name

__all__ = ["office_of_minister"]

# A role's possessor ("Estmark's Interior Minister") and the word "minister" with what follows it.
POSSESSOR = re.compile(r"^.*['’]s\s+")
MINISTER_OF = re.compile(r"\bminister\s+(?:of|for)\s+(?:the\s+)?(\w[\w\s]*)", re.IGNORECASE)
MINISTER = re.compile(r"\bminister\b", re.IGNORECASE)


def office_of_minister(
    doc: Doc, description: str, people: list[Mention], lexicon: EntityLexicon
) -> str | None:
    """ "her ministry", "the ministry" in a report naming no ministry but one minister's portfolio ("Public
    Works Minister Marta Quiroga") is that minister's ministry: "Public Works Ministry" — the form
    ``organisations`` also gives "Ministry of Public Works", so both spellings meet."""
    words = content_words(description, lexicon)
    if words != ["ministry"]:
        return None
    demonyms = {fold_name(ent.text) for ent in doc.ents if ent.label_ in {"NORP", "GPE"}}
    # Every minister of the article counts: beside a prime minister, "her ministry" may be the premier's.
    ministers = [p.role for p in people if p.role and MINISTER.search(p.role)]
    portfolios = {_portfolio(role, demonyms, lexicon) for role in ministers}
    only = portfolios.pop() if len(portfolios) == 1 else None
    return f"{only} Ministry" if only else None


def _portfolio(role: str, places: set[str], lexicon: EntityLexicon) -> str | None:
    """What a minister is minister of: "Interior" of "Estmark's Interior Minister", "Public Works" of
    "Minister of Public Works"; none for a prime or deputy minister, or a role that is no minister's."""
    role = POSSESSOR.split(role)[-1]
    after = MINISTER_OF.search(role)
    if after:
        words = after.group(1).split()
    else:
        before = MINISTER.split(role)
        if len(before) < 2:
            return None
        words = before[0].split()
    words = [w for w in words if fold_name(w) not in lexicon.ignorable_words and fold_name(w) not in places]
    if not words or any(fold_name(w) in lexicon.non_portfolio_words for w in words):
        return None
    return " ".join(w[:1].upper() + w[1:] for w in words)
