"""Line shapes the clean rules share — a name line, a teaser, a list item's title — and the walk to the
nearest kept neighbour.

Shapes are judged on the line alone (word count, capitals, how it ends), never on a model: a rule combines
a shape with where the line stands, and "kept" always means non-empty and not yet given a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.stages.clean.lexicon import Lexicon

# Teasers under list items are cut off by the CMS with an ellipsis.
ELLIPSIS_ENDINGS = ("…", "...")
# A line ending like this is a sentence (or several), never a list item title or a name.
SENTENCE_ENDINGS = (".", "!", ";", ":")


def word_count(line: str) -> int:
    return len(line.split())


def is_name_line(line: str, max_words: int, lexicon: Lexicon) -> bool:
    """A line that is only a personal name: a few capitalised words or name particles, nothing else."""
    words = line.split()
    if not 1 <= len(words) <= max_words or line.endswith((*SENTENCE_ENDINGS, ",", "?")):
        return False
    return all(
        (word[0].isupper() and not any(ch.isdigit() for ch in word)) or word.lower() in lexicon.name_particles
        for word in words
    )


def is_teaser(line: str) -> bool:
    return line.endswith(ELLIPSIS_ENDINGS)


def is_title_like(line: str, max_words: int) -> bool:
    """A list item's title: short and not ending like a sentence (titles end bare or with "?")."""
    return 0 < word_count(line) <= max_words and not line.endswith(SENTENCE_ENDINGS)


def previous_kept(lines: Sequence[str], number: int, reasons: dict[int, str]) -> int | None:
    for earlier in range(number - 1, -1, -1):
        if lines[earlier] and earlier not in reasons:
            return earlier
    return None


def next_kept(lines: Sequence[str], number: int, reasons: dict[int, str]) -> int | None:
    for later in range(number + 1, len(lines)):
        if lines[later] and later not in reasons:
            return later
    return None
