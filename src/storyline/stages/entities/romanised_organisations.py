"""One organisation's name as each outlet romanises it: "Temir Zhol", "Temir Schol", "Temir Jol".

A company or agency of a country writing another alphabet reaches English readers through German, French
and Spanish outlets, each romanising its name its own way, as they do people's names. Their spellings are
too far apart for string similarity ("temir zhol kazakhstan" and "temir schol kasachstan" score 76 in
rapidfuzz's ratio), but word by word they read as one name through the letter tables people's names are
read with (``entities.transliteration``). Reading alone never merges: two names also need the same number
of words that say which body it is (function words left out), words that differ only where names differ
(never "health" against "energy" of two "… Ministry"s: a word the lexicon knows as an organisation's kind,
a generic tail or a title must be the same word in both), and one more sign that they are one body — the
same acronym defined for both (``organisations._merge_acronyms``), or use in one story
(``NameContext.related``). Hand-written because no library compares names across romanisations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations, product

from scipy.cluster.hierarchy import DisjointSet

from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.names import NameContext
from storyline.stages.entities.transliteration import readings

__all__ = ["merge_romanised_names", "read_as_one_name"]

# The fewest words a name merged by story context alone has: a one-word name read as another ("Hamas",
# "Chamas") has nothing but its letters to go by; with a shared acronym one word is enough.
MIN_WORDS_BY_CONTEXT = 2


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """Words that say what kind of body a name is, or whose head it is: two names differing in one of them
    are two bodies, however they read ("national health ministry", "national heath ministry")."""
    lexicon = entity_lexicon()
    return (
        lexicon.org_head_words
        | lexicon.generic_org_heads
        | lexicon.broad_org_heads
        | lexicon.generic_org_tails
        | lexicon.title_words
        | lexicon.portfolio_titles
    )


def _content_words(key: str) -> tuple[str, ...]:
    """A folded name's words less the function words an acronym skips ("of", "the", "de")."""
    stopwords = entity_lexicon().acronym_stopwords
    return tuple(word for word in key.split() if word not in stopwords)


def _words_read_as_one(first: str, second: str) -> bool:
    if first == second:
        return True
    kind_words = _kind_words()
    if first in kind_words or second in kind_words or not (first.isalpha() and second.isalpha()):
        return False
    return not readings(first).isdisjoint(readings(second))


def read_as_one_name(first: str, second: str, min_words: int = 1) -> bool:
    """Whether two different folded organisation names are one name romanised two ways: as many content
    words, at least ``min_words``, each pair the same word or two spellings sharing a reading (names'
    words only: kind words, titles and numbers must be equal)."""
    first_words, second_words = _content_words(first), _content_words(second)
    return (
        first_words != second_words
        and len(first_words) == len(second_words) >= min_words
        and all(_words_read_as_one(a, b) for a, b in zip(first_words, second_words, strict=True))
    )


def _blocks(keys: Iterable[str]) -> dict[tuple[int, str, str], set[str]]:
    """Names by (number of content words, a reading of the first, a reading of the last): two names read
    as one share a block, and a collection's blocks stay small (most names share no first word)."""
    blocks: dict[tuple[int, str, str], set[str]] = defaultdict(set)
    for key in keys:
        words = _content_words(key)
        if len(words) >= MIN_WORDS_BY_CONTEXT:
            for opening, closing in product(readings(words[0]), readings(words[-1])):
                blocks[len(words), opening, closing].add(key)
    return blocks


def merge_romanised_names(groups: DisjointSet, context: NameContext, min_shared: int) -> None:
    """Organisation names of two words or more read as one name (``read_as_one_name``) merged where they
    are used in one story: one article, or ``min_shared`` other actors around both (``NameContext.related``;
    an acronym defined for both is ``organisations._merge_acronyms``'s sign)."""
    seen: set[tuple[str, str]] = set()
    for block in _blocks(list(groups)).values():
        for first, second in combinations(sorted(block), 2):
            if (first, second) in seen or groups.connected(first, second):
                continue
            seen.add((first, second))
            if read_as_one_name(first, second, MIN_WORDS_BY_CONTEXT) and context.related(
                first, second, groups, min_shared
            ):
                groups.merge(first, second)
