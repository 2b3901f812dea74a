"""The one mechanism every forward romanisation of ``eval/romanisations.py`` and
``eval/romanisations_west_asia.py`` shares: an ordered list of (pattern on the lower-case native word,
spelling), applied in one pass, first rule first at each position, so a context rule (the start of a word,
after a vowel) comes before the letters it overrides."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Scheme", "spelled_by", "spelled_word_by_word"]


@dataclass(frozen=True)
class Scheme:
    """One convention's rules: context rules first (tried in order), then one spelling per letter."""

    context: tuple[tuple[str, str], ...]
    letters: dict[str, str]

    def extended(
        self, context: Sequence[tuple[str, str]] = (), letters: dict[str, str] | None = None
    ) -> Scheme:
        """The scheme with another language's rules in front of its own and its letters added or replaced."""
        return Scheme(tuple(context) + self.context, {**self.letters, **(letters or {})})

    @cached_property
    def _compiled(self) -> tuple[re.Pattern[str], tuple[str, ...]]:
        rules = [*self.context, *((re.escape(letter), spelling) for letter, spelling in self.letters.items())]
        return re.compile("|".join(f"({pattern})" for pattern, _ in rules)), tuple(s for _, s in rules)

    def spell(self, word: str) -> str:
        pattern, spellings = self._compiled
        return pattern.sub(lambda match: spellings[(match.lastindex or 1) - 1], word)


def spelled_word_by_word(scheme: Scheme, prepare: Callable[[str], str] = str.lower) -> Callable[[str], str]:
    """A whole name spelled word by word, each word capitalised as papers print it."""
    return lambda name: " ".join(scheme.spell(prepare(word)).capitalize() for word in name.split())


def spelled_by(
    schemes: dict[str, Scheme], prepare: Callable[[str], str] = str.lower
) -> dict[str, Callable[[str], str]]:
    return {convention: spelled_word_by_word(scheme, prepare) for convention, scheme in schemes.items()}
