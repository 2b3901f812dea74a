"""Short forms of a person's name inside one article: a lone surname, a lone given name.

An article names a person in full once and then shortens the name; the small model tags the short form as
anything (a surname as a place, a given name as a person of its own). Read per article, before resolution
across articles, because which full name a short form stands for depends on the names of its article.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name

__all__ = ["link_given_names", "relabel_surnames"]


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


def link_given_names(names: list[Mention]) -> list[Mention]:
    """ "Steve said" after "Steve Jobs": a lone word that begins the full name of exactly one person named
    before it in the article, and ends nobody's, is that person (quotes and informal copy call people by
    their given name; MEANTIME apple). Refers back only: "Steve Ballmer", named later, does not compete."""
    full_names = [
        m for m in names if m.label == "PERSON" and m.refers_to is None and " " in fold_name(m.text)
    ]
    surnames = {fold_name(m.text).split()[-1] for m in full_names}
    linked = []
    for mention in names:
        key = fold_name(mention.text)
        earlier = {
            fold_name(person.text): person.text
            for person in full_names
            if person.end <= mention.start and fold_name(person.text).split()[0] == key
        }
        lone_given_name = mention.label == "PERSON" and mention.refers_to is None and " " not in key
        if lone_given_name and key not in surnames and len(earlier) == 1:
            mention = replace(mention, refers_to=next(iter(earlier.values())))
        linked.append(mention)
    return linked
