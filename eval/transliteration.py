"""Score the transliteration tables against the published romanisation standards, not against our stories.

Each name of ``tests/data/transliteration/names.toml`` (in its own script) is spelled in every newspaper
convention of its language by ``eval/romanisations.py``, whose schemes are written from the standards
(BGN/PCGN, Duden, PWN, French and Spanish press usage, the Georgian national system, ELOT 743, RR and
McCune–Reischauer; ALA-LC and press usage for Arabic, Turkish and Armenian names in
``eval/romanisations_west_asia.py``), never from ``lexicons/transliteration.toml``. For each pair of
conventions the eval asks the entities stage whether two spellings could be one name
(``transliteration.readings`` and ``given_name_rows`` for a one-word name, ``name_readings`` for a Korean
full name):

- *same*: the share of names whose two spellings may be one name (recall of the tables);
- *apart*: the share of pairs of different names of the language, one in each convention, that may NOT be
  one name (precision: readings that join different names are candidate merges a context must refuse);
- *near*: the same on the file's pairs of different names a letter or two apart (Ivanov / Ivanova), each
  pair in both orders.

    python eval/transliteration.py               # the table, per language and pair of conventions
    python eval/transliteration.py --misses      # ... and every spelling pair missed or joined wrongly
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import REPO
from eval.romanisations import CONVENTIONS, romanise
from storyline.stages.entities.lexicon import fold_name
from storyline.stages.entities.transliteration import given_name_rows, name_readings, readings

NAMES = REPO / "tests" / "data" / "transliteration" / "names.toml"


@dataclass(frozen=True)
class PairScore:
    """One language's pair of conventions: spellings of one name joined, different names kept apart."""

    language: str
    first: str
    second: str
    same: int
    names: int
    joined_wrongly: int
    different_pairs: int
    near_joined: int
    near_pairs: int
    misses: tuple[tuple[str, str], ...]
    false_joins: tuple[tuple[str, str], ...]

    def line(self) -> str:
        apart = self.different_pairs - self.joined_wrongly
        near = self.near_pairs - self.near_joined
        return (
            f"{self.language:<11} {self.first:>3}/{self.second:<3} same {self.same:3d}/{self.names:<3d}"
            f" {self.same / self.names:6.3f}   apart {apart:5d}/{self.different_pairs:<5d}"
            f" {apart / self.different_pairs:6.3f}   near {near:3d}/{self.near_pairs:<3d}"
        )


@dataclass(frozen=True)
class LanguageNames:
    names: list[str]
    near: list[tuple[str, str]]


def load_names() -> dict[str, LanguageNames]:
    """The names of each language, in its own script, and its pairs of different names a letter apart."""
    data = tomllib.loads(NAMES.read_text(encoding="utf-8"))
    return {
        language: LanguageNames(section["names"], [(a, b) for a, b in section.get("near", [])])
        for language, section in data.items()
    }


def may_be_one_name(first: str, second: str) -> bool:
    """Whether the entities stage would let two printed names be one person: a shared reading (or
    given-name row) of a one-word name, a shared full-name reading (the Korean one among them) otherwise."""
    first_words, second_words = fold_name(first).split(), fold_name(second).split()
    if len(first_words) == 1 and len(second_words) == 1:
        word, other = "".join(first_words), "".join(second_words)
        return bool(readings(word) & readings(other) or given_name_rows(word) & given_name_rows(other))
    return bool(name_readings(first_words) & name_readings(second_words))


def score_pair(language: str, listed: LanguageNames, first: str, second: str) -> PairScore:
    """The three rates for one pair of conventions."""
    names = listed.names
    first_spellings = [romanise(language, first, name) for name in names]
    second_spellings = [romanise(language, second, name) for name in names]
    misses = tuple(
        (a, b) for a, b in zip(first_spellings, second_spellings, strict=True) if not may_be_one_name(a, b)
    )
    different = [(i, j) for i in range(len(names)) for j in range(len(names)) if i != j]
    false_joins = tuple(
        (first_spellings[i], second_spellings[j])
        for i, j in different
        if may_be_one_name(first_spellings[i], second_spellings[j])
    )
    near = [
        (romanise(language, one, a), romanise(language, other, b))
        for a, b in listed.near
        for one, other in ((first, second), (second, first))
    ]
    near_joined = tuple(pair for pair in near if may_be_one_name(*pair))
    return PairScore(
        language,
        first,
        second,
        len(names) - len(misses),
        len(names),
        len(false_joins),
        len(different),
        len(near_joined),
        len(near),
        misses,
        false_joins + near_joined,
    )


def score_all() -> list[PairScore]:
    return [
        score_pair(language, listed, first, second)
        for language, listed in load_names().items()
        for first, second in combinations(CONVENTIONS[language], 2)
    ]


def _rate(kept: int, total: int) -> str:
    return f"{kept:6d}/{total:<6d} {kept / total if total else 1.0:6.3f}"


def totals(scores: Sequence[PairScore]) -> str:
    same = sum(score.same for score in scores)
    names = sum(score.names for score in scores)
    different = sum(score.different_pairs for score in scores)
    apart = different - sum(score.joined_wrongly for score in scores)
    near = sum(score.near_pairs for score in scores)
    near_apart = near - sum(score.near_joined for score in scores)
    return (
        f"all  same {_rate(same, names)}   apart {_rate(apart, different)}   near {_rate(near_apart, near)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--misses", action="store_true", help="list the missed and wrongly joined pairs")
    arguments = parser.parse_args()
    scores = score_all()
    for score in scores:
        print(score.line())
        if arguments.misses:
            for a, b in score.misses:
                print(f"    missed  {a} / {b}")
            for a, b in score.false_joins:
                print(f"    joined  {a} / {b}")
    print(totals(scores))


if __name__ == "__main__":
    main()
