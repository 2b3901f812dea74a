"""Short forms of a person's name inside one article: a lone surname.

An article names a person in full once and then shortens the name; the small model tags the short form as
anything (a surname as a place, a given name as a person of its own). Read per article, before resolution
across articles, because which full name a short form stands for depends on the names of its article.
"""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name

__all__ = ["relabel_surnames"]


def relabel_surnames(names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """A lone word equal to the surname of a person named in full in the article is that person, unless
    it is a country ("Indonesia" beside "Garuda Indonesia", an airline the small model tags a person)."""
    surnames = {
        fold_name(m.text).split()[-1]
        for m in names
        if m.label == "PERSON" and len(fold_name(m.text).split()) > 1
    } - lexicon.countries
    return [
        Mention(m.article, m.start, m.end, m.text, "PERSON", m.refers_to, m.role)
        if m.label != "PERSON" and m.refers_to is None and fold_name(m.text) in surnames
        else m
        for m in names
    ]
