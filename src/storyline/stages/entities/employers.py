"""One name, two employers: a person group whose articles give one title for two different bodies is two
people ("coast guard spokesman Giorgos Christodoulou" and "Giorgos Christodoulou, the spokesman of the fire
service": a common name, two stories set in one country that share a scope).

A role is read as its title words (``title_words`` of the lexicon: "spokesman", "minister") and what
qualifies them, its *employer words*: the other content words, less places and their demonyms, which say
where rather than for whom ("Russian President", "President of Russia"). Articles whose employer words
share a word (``words_match``: "fire service", "fire brigade") are one person; two such parts split only
when both give one title and share no employer word. A role with no employer word says nothing ("the
spokesman"), and an article without a role stays with the part of most articles: nothing tells it apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from scipy.cluster.hierarchy import DisjointSet

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, content_words, words_match

__all__ = ["RoleReading", "read_role", "split_by_employer"]

# "the agency's", "its": a body the reader must find elsewhere in the story.
POSSESSIVE = re.compile(r"['’]s?\b|\bits\b|\btheir\b", re.IGNORECASE)


@dataclass(frozen=True)
class RoleReading:
    """A role's title words and employer words (both folded)."""

    titles: frozenset[str]
    employers: frozenset[str]

    def shares_employer(self, other: RoleReading) -> bool:
        return any(words_match(a, b) for a in self.employers for b in other.employers)


def read_role(role: str, lexicon: EntityLexicon, is_place: Callable[[str], bool]) -> RoleReading | None:
    """The role's titles and the body it names by a modified head ("coast guard", "fire service": a head of
    ``org_head_words`` after a common word), or None when it lacks either. A body named by a possessive
    ("the agency's spokeswoman"), a bare head ("the commission") or an acronym ("GSIN spokeswoman") may be
    any body the story named: it tells no two employers apart."""
    if POSSESSIVE.search(role):
        return None
    words = content_words(role, lexicon)
    titles = frozenset(word for word in words if word in lexicon.title_words)
    employers: set[str] = set()
    for before, head in pairwise(words):
        if head in lexicon.org_head_words and _is_modifier(before, lexicon, is_place):
            employers |= {before, head}
    return RoleReading(titles, frozenset(employers)) if titles and employers else None


def _is_modifier(word: str, lexicon: EntityLexicon, is_place: Callable[[str], bool]) -> bool:
    """A common word qualifying a body's head: no title, place, demonym or other head ("state", "police")."""
    return (
        len(word) > 2
        and word not in lexicon.title_words
        and word not in lexicon.org_head_words
        and not is_place(word)
    )


def split_by_employer(
    group: Sequence[Mention], lexicon: EntityLexicon, is_place: Callable[[str], bool]
) -> list[list[Mention]]:
    """The group as one list, or as one list per person where its articles name one title for employers
    that share no word (the module doc)."""
    readings: dict[str, list[RoleReading]] = defaultdict(list)
    for mention in group:
        if mention.role and (reading := read_role(mention.role, lexicon, is_place)):
            readings[mention.article].append(reading)
    parts = _employer_parts(readings)
    if len(parts) < 2 or not _one_title_each_pair(parts, readings):
        return [list(group)]
    part_of = {article: index for index, part in enumerate(parts) for article in part}
    largest = max(range(len(parts)), key=lambda index: len(parts[index]))
    split: list[list[Mention]] = [[] for _ in parts]
    for mention in group:
        split[part_of.get(mention.article, largest)].append(mention)
    return split


def _employer_parts(readings: dict[str, list[RoleReading]]) -> list[set[str]]:
    """The articles with readings, joined where two share an employer word."""
    parts = DisjointSet(readings)
    for first, second in combinations(readings, 2):
        if any(a.shares_employer(b) for a in readings[first] for b in readings[second]):
            parts.merge(first, second)
    return [set(part) for part in parts.subsets()]


def _one_title_each_pair(parts: list[set[str]], readings: dict[str, list[RoleReading]]) -> bool:
    """Whether every two parts give one title word in common: "spokesman" for the coast guard and for the
    fire service is two posts; "Kremlin leader" and "Russian President" are titles of one man."""

    def titles(part: set[str]) -> frozenset[str]:
        return frozenset(word for article in part for reading in readings[article] for word in reading.titles)

    return all(titles(first) & titles(second) for first, second in combinations(parts, 2))
