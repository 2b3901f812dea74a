"""Institutions a state numbers and news names by their number: "Correctional Colony No. 19", "Prison
No. 2", "School No. 5".

The small English model tags such a name a number ("19"), a work of art, or nothing, so the institution
never becomes an actor and "the colony" has nothing to refer back to. A run of up to three capitalised words
ending in a kind word of ``numbered_institution_kinds`` (``lexicons/entities.toml``) followed by "No." (or
"Number", "#") and a number is an organisation mention wherever it is written; a name NER tagged across or
inside it gives way to it. Hand-written: a regular expression over the lexicon, as no NER model at hand
knows the pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.lexicons import load_lexicon
from storyline.records import Mention

__all__ = ["numbered_institution_mentions"]

# Capitalised words before the kind word ("Correctional", "City Clinical"), at most three.
QUALIFIERS = r"(?:[A-Z][\w'’-]*[ \t]+){0,3}"
# The number after the kind word: "No. 19", "No 19", "Number 19", "#19", "No. 19a".
NUMBER = r"[ \t]+(?:No\.?|Number|#)[ \t]*\d+[A-Za-z]?(?![\w-])"


@lru_cache(maxsize=1)
def _numbered_name() -> re.Pattern[str]:
    kinds = load_lexicon("entities")["numbered_institution_kinds"]
    alternatives = "|".join(re.escape(kind.capitalize()) for kind in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-]){QUALIFIERS}(?:{alternatives}){NUMBER}")


def numbered_institution_mentions(text: str, article_id: str, names: list[Mention]) -> list[Mention]:
    """The article's names with every numbered institution written in it as an organisation mention of its
    own, less the names that overlap one."""
    numbered = [_without_leading_stop_words(article_id, match) for match in _numbered_name().finditer(text)]
    kept = [m for m in names if not any(m.start < n.end and n.start < m.end for n in numbered)]
    return sorted(kept + numbered, key=lambda mention: (mention.start, mention.end))


def _without_leading_stop_words(article: str, match: re.Match[str]) -> Mention:
    """The mention of a matched name less the capitalised function words a sentence opens with ("The",
    "At", "In"), which the run of capitalised words took in."""
    start, surface = match.start(), match.group()
    first, _, rest = surface.partition(" ")
    while rest and first.lower() in STOP_WORDS and not rest.startswith(("No", "Number", "#")):
        start += len(first) + 1
        surface = rest
        first, _, rest = surface.partition(" ")
    return Mention(article, start, match.end(), surface, "ORG")
