"""Korean personal names across romanisations: "Choi Seong-ho", "Tschoi Song-ho", "Tchoï Seong-ho".

A Korean name is a surname (one syllable, from a short list) and a given name of one or two syllables,
written hyphenated, joined or apart — so its folded key is "choi seong ho", "choi seongho" or, in Western
order, "seong ho choi". The surname is the *first* word, which the Western-order passes of
``entities.names`` (surname = last word) cannot see. ``lexicons/korean_names.toml`` rewrites every
romanisation (RR, McCune-Reischauer, German and French press spellings) to one lossy *skeleton*; a name's
Korean reading is (its surname's row in the surname table, the skeleton of its given name). Like the other
readings, it only proposes a match: the merge still needs a shared context (``names._merge_readings``),
and two people surnamed Kim stay apart unless their given names read alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.lexicons import load_lexicon
from storyline.stages.entities.lexicon import fold_name

__all__ = [
    "given_name_skeleton",
    "korean_order_reading",
    "korean_readings",
    "korean_surname_reading",
    "korean_surname_row",
    "korean_tables",
    "skeleton",
    "western_order_reading",
]

# A romanised Korean syllable is at most seven letters ("dschoung"); a longer word is not one.
MAX_SYLLABLE_LETTERS = 7
# The given name: one word ("Seongho") or two syllables ("Seong-ho", folded "seong ho").
MAX_GIVEN_WORDS = 2


@dataclass(frozen=True)
class KoreanTables:
    pattern: re.Pattern[str]
    skeletons: tuple[str, ...]
    surname_rows: dict[str, int]


@lru_cache(maxsize=1)
def korean_tables() -> KoreanTables:
    """``lexicons/korean_names.toml`` compiled once: the rewrite rows as one alternation, the surnames by
    skeleton."""
    data = load_lexicon("korean_names")
    pattern = re.compile("|".join(f"({row['pattern']})" for row in data["rows"]))
    skeletons = tuple(row["skeleton"] for row in data["rows"])
    tables = KoreanTables(pattern, skeletons, {})
    surname_rows = {
        skeleton(_letters(spelling), tables): index
        for index, spellings in enumerate(data["surnames"])
        for spelling in spellings
    }
    return KoreanTables(pattern, skeletons, surname_rows)


def _letters(word: str) -> str:
    return re.sub(r"[^a-z]", "", fold_name(word))


def skeleton(letters: str, tables: KoreanTables | None = None) -> str:
    """Folded letters rewritten by the Korean rows in one pass, doubled letters made single."""
    return given_name_skeleton([letters], tables)


def given_name_skeleton(words: Sequence[str], tables: KoreanTables | None = None) -> str:
    """The skeleton of a given name's words ("seong", "ho"), each rewritten on its own so that a row may
    read a letter at the start of a syllable (German "Kjo" for "Gyo"), doubled letters made single once
    joined (so "Sang-gil" and "Sanggil" give one skeleton)."""
    tables = tables or korean_tables()
    rewritten = "".join(
        tables.pattern.sub(lambda match: tables.skeletons[(match.lastindex or 1) - 1], word) for word in words
    )
    return re.sub(r"([a-z])\1", r"\1", rewritten)


def korean_surname_row(word: str) -> int | None:
    """The row of the surname table a folded word is a spelling of, if any."""
    return korean_tables().surname_rows.get(skeleton(word))


def _rejoined(tokens: Sequence[str]) -> list[str]:
    """A key's words with the McCune-Reischauer aspiration apostrophe undone: folding cuts "Ch'oe T'ae-jin"
    into "ch oe t ae jin"; a word of consonants only is the start of the next syllable."""
    words: list[str] = []
    for token in reversed(tokens):
        if words and not re.search("[aeiouwy]", token):
            words[-1] = token + words[-1]
        else:
            words.append(token)
    return words[::-1]


def _given_name(words: Sequence[str]) -> bool:
    """One or two syllables as a key splits them: joined ("seongho") or hyphenated ("seong ho")."""
    return (
        1 <= len(words) <= MAX_GIVEN_WORDS
        and all(word.isalpha() for word in words)
        and len("".join(words)) <= MAX_GIVEN_WORDS * MAX_SYLLABLE_LETTERS
    )


def korean_order_reading(tokens: Sequence[str]) -> tuple[str, str] | None:
    """("korean <surname row>", given-name skeleton) of a folded name read surname first ("choi seong ho")."""
    tokens = _rejoined(tokens)
    row = korean_surname_row(tokens[0]) if len(tokens) >= 2 else None
    if row is None or not _given_name(tokens[1:]):
        return None
    return f"korean {row}", given_name_skeleton(tokens[1:])


def western_order_reading(tokens: Sequence[str]) -> tuple[str, str] | None:
    """The same reading of a name written given name first, the given name in two syllables
    ("min dschun pak")."""
    tokens = _rejoined(tokens)
    row = korean_surname_row(tokens[-1]) if len(tokens) >= 3 else None
    if row is None or not _given_name(tokens[:-1]):
        return None
    return f"korean {row}", given_name_skeleton(tokens[:-1])


def korean_readings(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    """The Korean readings of a folded full name, in both orders when both ends are surnames ("Min" and
    "Pak" of "Min-dschun Pak"): a reading only proposes a match, which a shared context must confirm."""
    return frozenset(
        reading for reading in (korean_order_reading(tokens), western_order_reading(tokens)) if reading
    )


def korean_surname_reading(tokens: Sequence[str]) -> tuple[str, str] | None:
    """The one reading a lone surname may join a name by: Korean order when the first word is a surname,
    else Western order ("Choi Seong-ho" is never a Heo, for its last syllable "ho")."""
    return korean_order_reading(tokens) or western_order_reading(tokens)
