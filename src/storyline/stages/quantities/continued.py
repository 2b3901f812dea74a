"""A bare number that goes on with a count its paragraph has just given: "the ballots at 31 polling stations
still had to be recounted on Tuesday evening; a day earlier there had been 46" — 46 stations.

The recogniser labels "a day earlier there had been 46" DATE as a whole, so ``not_counts.is_name_or_date``
would drop the number. A single bare number with that label only (``[continued] labels`` of numbers.toml),
no noun of its own, standing as an argument of its clause (``[continued] deps``: "there had been 46", not
"on 12" or "at 5") and with no month, time unit or sign beside it, is a value of the count before it; which
count, and whether it is one count only, ``find`` decides from the figures of the paragraph before it.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from storyline.lexicons import load_lexicon
from storyline.stages.quantities.numbers import NumberLexicon, is_digits

# Signs beside a number that make it a time, a share or a score, not a count ("5:30", "46%", "3-1").
NOT_COUNT_SIGNS = frozenset({":", "%", "-", "–", "/"})


@cache
def _continued_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    continued = load_lexicon("numbers")["continued"]
    return frozenset(continued["labels"]), frozenset(continued["deps"])


def is_bare_continuation(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """Whether a number labelled a date has the shape of a further value of an earlier count (see the
    module doc): the earlier count itself is the caller's to find."""
    labels, deps = _continued_lexicon()
    if noun is not None or len(phrase) != 1:
        return False
    token = phrase[0]
    if not (is_digits(token) or token.lower_ in lexicon.words) or token.dep_ not in deps:
        return False
    if {token.ent_type_} - labels:
        return False
    return not any(_marks_time(neighbour, lexicon) for neighbour in _neighbours(token))


def _neighbours(token: Token) -> list[Token]:
    doc = token.doc
    return [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]


def _marks_time(neighbour: Token, lexicon: NumberLexicon) -> bool:
    word = neighbour.lower_.rstrip(".")
    return (
        word in lexicon.months
        or neighbour.lemma_.lower() in lexicon.time_units
        or neighbour.text in NOT_COUNT_SIGNS
        or neighbour.text in lexicon.prefixes
    )
