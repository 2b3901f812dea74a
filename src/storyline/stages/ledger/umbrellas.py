"""Kinds under one umbrella noun: "41 hospitals and clinics" counts facilities where the story counts
facilities too ("125 facilities"). The umbrellas and the kinds each covers are data
(``[umbrella_nouns]`` of lexicons/ledger.toml); here the kinds coordinated after a figure's noun are read
(``coordinated_kinds``) and the one umbrella covering them all is found (``umbrella_covering``), for
``counted`` (a coordination is no clause break; ``under_umbrellas``) and ``label_gate`` (a list of kinds
is counted as its umbrella's thing).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.label_cuts import ARTICLES
from storyline.stages.ledger.plurals import is_plural_of
from storyline.stages.quantities import number_lexicon

# The words and commas after a figure's noun, where a coordination of kinds goes on ("and clinics").
COORDINATION_TOKEN = re.compile(r"[^\W_]+|,")
CONJUNCTIONS = frozenset({"and", "or"})
SEPARATORS = CONJUNCTIONS | {","}
# How many words into a conjunct its kind may start ("and rural health posts": the second word).
CONJUNCT_REACH = 3


@cache
def _umbrellas() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Umbrella noun → the kinds it covers, each as its words (``[umbrella_nouns]`` of the lexicon)."""
    table = load_lexicon("ledger")["umbrella_nouns"]
    return {umbrella: tuple(tuple(kind.split()) for kind in kinds) for umbrella, kinds in table.items()}


@cache
def _umbrella_kinds() -> tuple[tuple[str, ...], ...]:
    """Every kind of ``[umbrella_nouns]``, the longest first ("health post" before "post")."""
    kinds = {kind for table in _umbrellas().values() for kind in table}
    return tuple(sorted(kinds, key=lambda kind: (-len(kind), kind)))


def _kind_at_start(words: Sequence[str]) -> tuple[tuple[str, ...], int] | None:
    """The umbrella kind whose words start among the first ``CONJUNCT_REACH`` words, the last in the plural
    or not ("rural health posts": health post), and how many words it takes up to its end; None when no
    kind does."""
    for start in range(min(CONJUNCT_REACH, len(words))):
        for kind in _umbrella_kinds():
            window = words[start : start + len(kind)]
            same = len(window) == len(kind) and list(window[:-1]) == list(kind[:-1])
            if same and is_plural_of(window[-1], kind[-1]):
                return kind, start + len(kind)
    return None


def coordinated_kinds(claim: Claim, quantity: Quantity) -> list[tuple[tuple[str, ...], int]]:
    """The kinds coordinated with the figure's noun after it ("41 hospitals and clinics": clinic;
    "166 hospitals, family polyclinics and rural health posts": polyclinic, health post), each with where
    it ends in the content; none unless an "and" or "or" joins them."""
    after = quantity.end - claim.start
    tokens = [(m.group().lower(), after + m.end()) for m in COORDINATION_TOKEN.finditer(claim.text[after:])]
    found: list[tuple[tuple[str, ...], int]] = []
    joined = False
    index = 0
    while index < len(tokens) and tokens[index][0] in SEPARATORS:
        while index < len(tokens) and tokens[index][0] in SEPARATORS:  # ", and"
            joined = joined or tokens[index][0] in CONJUNCTIONS
            index += 1
        words = [token for token, _ in tokens[index:]]
        conjunct = list(itertools.takewhile(lambda token: token not in SEPARATORS, words))
        kind = _kind_at_start(conjunct)
        if kind is None or any(_is_figure(token) for token in conjunct[: kind[1]]):
            break  # "12 hospitals and 3 clinics", "17 paintings and six icons" are two figures
        index += kind[1]
        found.append((kind[0], tokens[index - 1][1]))
    return found if joined else []


def _is_figure(word: str) -> bool:
    """Whether a conjunct's word is a figure of its own: digits or a number word ("six", "dozen",
    "hundreds"); not an article ("and a clinic" names a kind)."""
    if word[0].isdigit():
        return True
    lexicon = number_lexicon()
    return (
        (word in lexicon.words and word not in ARTICLES) or word in lexicon.scales or (word,) in lexicon.vague
    )


def umbrella_covering(kinds: Sequence[tuple[str, ...]], counted_units: Collection[str]) -> str | None:
    """The one umbrella noun the story counts in (``counted_units``) that covers every one of ``kinds``
    (each as its words: a figure's noun and the kinds coordinated with it); None when none or several do."""
    shared = [
        umbrella
        for umbrella, covered in _umbrellas().items()
        if umbrella in counted_units and all(kind in covered for kind in kinds)
    ]
    return shared[0] if len(shared) == 1 else None
