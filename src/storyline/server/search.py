"""Text search for the pages and the API: one way to match what an analyst types against names and titles.

Whole words only, case- and accent-folded: the query's words must stand, consecutively and in order, among
one field's words. "nis" finds the NIS but not "Ministry"; "zelenskyy" finds the entity with that alias;
"seul" finds "Seúl". A substring match found words inside words, which an analyst reads as a false hit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Casefolded, with accents and other combining marks removed (NFKD splits them off first)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words_of(text: str) -> str:
    """A field as its folded words, space-separated with a space at each end, ready for ``matches``."""
    return " " + " ".join(WORD.findall(fold(text))) + " "


class Query:
    """A search as typed, folded once. A query with no word in it matches nothing."""

    def __init__(self, text: str) -> None:
        found = WORD.findall(fold(text))
        self.phrase = " " + " ".join(found) + " " if found else None

    def matches(self, fields: Iterable[str]) -> bool:
        """Whether the query's words stand together in one of ``fields`` (each as ``words_of`` gives it)."""
        return self.phrase is not None and any(self.phrase in field for field in fields)

    def matches_text(self, texts: Iterable[str | None]) -> bool:
        """``matches`` over raw texts (folded here): for fields read once, not worth keeping folded."""
        return self.matches(words_of(text) for text in texts if text)
