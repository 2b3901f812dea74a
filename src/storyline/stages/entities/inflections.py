"""A surname a translation left inflected: "According to Virtasen" in a report from Finnish that named
"Commander Jussi Virtanen" a line before. The small model tags the inflected word a person of its own, so the
quote went to a "Virtasen" no one else is. A lone word tagged a person that is the surname of exactly one
full name of its own article with a case ending of a language that inflects names
(``surname_case_endings`` in ``lexicons/entities.toml``, read from the grammars' case tables) is keyed as
that full name. Precision first: the surname has five letters or more (a short one plus an ending is
another name as often: "Paul" + "a"), the word is no given name the tables know ("Martina" beside "John
Martin"), no full name of the scope has it as a word, and an "-a" after a Slavic "-ov" name is the woman's
form of the name ("Ivanova"), never a case. Hand-written: no NER library undoes a translation's
inflection. Issue #17, generalise cable.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from storyline.lexicons import load_lexicon
from storyline.records import Mention
from storyline.stages.entities.transliteration import given_name_rows

__all__ = ["inflected_forms", "inflected_surnames_keyed_as_their_name"]

# The fewest letters of a surname read under an ending.
MIN_SURNAME_CHARS = 5


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """(the rows of [surname end replaced, endings], the surname ends no "-a" follows) of the lexicon."""
    data = load_lexicon("entities")
    rows = tuple((replaced, tuple(endings)) for replaced, endings in data["surname_case_endings"])
    return rows, tuple(data["feminine_surname_stems"])


def inflected_forms(surname: str) -> frozenset[str]:
    """The folded case forms of a folded surname (``surname_case_endings``): "virtanen" → "virtasen", …"""
    if len(surname) < MIN_SURNAME_CHARS:
        return frozenset()
    rows, feminine = _endings()
    forms = set()
    for replaced, endings in rows:
        if not surname.endswith(replaced):
            continue
        stem = surname[: len(surname) - len(replaced)]
        forms |= {stem + ending for ending in endings if not (ending == "a" and surname.endswith(feminine))}
    forms.discard(surname)
    return frozenset(forms)


def inflected_surnames_keyed_as_their_name(keyed: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """``keyed`` (folded key, mention) with each lone inflected surname keyed as the one full name of its
    article it inflects."""
    full_names: dict[str, set[str]] = defaultdict(set)
    name_words: set[str] = set()
    for key, mention in keyed:
        if mention.label == "PERSON" and " " in key:
            full_names[mention.article].add(key)
            name_words.update(key.split())
    read: dict[tuple[str, str], str] = {}
    for key, mention in keyed:
        if mention.label != "PERSON" or " " in key or key in name_words or given_name_rows(key):
            continue
        names = {name for name in full_names.get(mention.article, ()) if key in _forms(name)}
        if len(names) == 1:
            read[mention.article, key] = next(iter(names))
    if not read:
        return keyed
    return [(read.get((mention.article, key), key), mention) for key, mention in keyed]


def _forms(name: str) -> frozenset[str]:
    return inflected_forms(name.split()[-1])
