"""Finding a name again by a near spelling without comparing it with every name of the collection.

Transliterations of one surname differ by about one edit: "Zelensky" / "Zelenskyy" / "Zelenskiy" /
"Zelenskyi". A *deletion index* (the idea behind SymSpell) stores each word under itself and every form with
one letter removed; two words one insertion, deletion, substitution or adjacent swap apart share one of
those forms, so a lookup touches only the words that share one — a handful, however large the collection.
Blocking by the phonetic key alone is not enough at scale: a Metaphone code is shared by more and more
different surnames as a collection grows, and comparing within such blocks grows with their square.
Candidates are then confirmed with the same tests as before (one Metaphone code, rapidfuzz ratio), so the
index only removes comparisons that could never match. Hand-written because symspellpy is a spelling
corrector over a frequency dictionary, not an index of a collection's own names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz

__all__ = ["SimilarWords", "sound_of"]


@lru_cache(maxsize=1 << 16)
def sound_of(word: str) -> str:
    """The Metaphone code of a folded word, cached: the same surnames are looked up again and again."""
    return jellyfish.metaphone(word)


def _deletion_forms(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class SimilarWords:
    """Folded single words (surnames) indexed so that ``similar(word)`` returns the stored words that sound
    the same and score at least ``min_ratio`` — the word itself included when stored."""

    def __init__(self, words: Iterable[str], min_ratio: float) -> None:
        self.min_ratio = min_ratio
        self._by_form: dict[str, set[str]] = defaultdict(set)
        for word in set(words):
            for form in _deletion_forms(word):
                self._by_form[form].add(word)

    def similar(self, word: str) -> set[str]:
        candidates: set[str] = set()
        for form in _deletion_forms(word):
            candidates |= self._by_form.get(form, set())
        sound = sound_of(word)
        return {
            candidate
            for candidate in candidates
            if candidate == word
            or (sound_of(candidate) == sound and fuzz.ratio(word, candidate) >= self.min_ratio)
        }
