"""A country's government named by a description: "the Ukrainian government", "Russia's authorities",
"officials in Kyiv", "the government of Lithuania" → "Government of <country>", the entity the metonymy
of ``entities.mentions`` gives "Moscow said" and "the Kremlin said".

Precision first: the phrase itself must name exactly one country the lexicon knows — by name, demonym
("Ukrainian" ~ "Ukraine", compared as ``words_match`` compares country forms), other name ("DPRK") or
seat of government ("Kyiv"). A bare "the government" is the government of the one country its sentence
names, else of the government phrase named before it, else of the country the article names most (issue
#17: unresolved, it was no actor at all); where two countries are named as often it is left alone, as is
"the authorities" (an article may speak of several governments, and the lexicon does not know every
country). A phrase holding another actor's name ("the Biden administration", "Boeing officials") is left
alone.
Read from the parse: the head word's left modifiers, and the object of an "of" or "in" after it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.records import Mention
from storyline.stages.entities.lexicon import DEMONYM_ENDINGS, EntityLexicon, fold_name, words_match

__all__ = ["government_references", "seats_standing_for_bodies"]

# Head words of a phrase that may name a country's government, and the prepositions introducing the
# country after them ("the government of Lithuania", "officials in Kyiv").
GOVERNMENT_HEADS = frozenset({"government", "authorities", "officials", "administration"})
COUNTRY_PREPOSITIONS = frozenset({"of", "in"})
DASHES = frozenset({"-", "–", "—", "--"})
# What stands between a possessor's name and the head: "Ukraine|'s |government".
POSSESSIVE_GAP = re.compile(r"(?:\s|['’]s\b|['’])*")


def government_references(
    doc: Doc, text: str, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """Mentions of "Government of <country>" for the government phrases of one article."""
    found: list[Mention] = []
    heads = [t for t in doc if t.lower_ in GOVERNMENT_HEADS and t.pos_ in {"NOUN", "PROPN"}]
    if not heads:
        return found
    countries = {
        fold_name(country): country
        for country in (*lexicon.country_aliases.values(), *lexicon.seats_of_government.values())
    }
    home = _most_named_country(doc[:], countries, lexicon)
    for token in heads:
        span = _left_part(token)
        qualifiers = [t for t in doc[span[0] : span[1]] if t.i != token.i] + _object_after(token)
        if _names_another_actor(qualifiers, names):
            continue
        country = _one_country(qualifiers, countries, lexicon)
        if country is None and _bare_government(token, qualifiers):
            # whose: the country its sentence names ("In Athens, the minister said the government …"),
            # else the government named last, else the country the article names most
            country = _most_named_country(token.sent, countries, lexicon) or _last_government(found) or home
        start, end = _outside_names(text, doc, span, names)
        if country is None or start >= end:
            continue
        government = f"Government of {country}"
        found.append(Mention(article_id, start, end, text[start:end], "ORG", refers_to=government))
    return found


def _bare_government(head: Token, qualifiers: list[Token]) -> bool:
    """ "the government" (or "both the government and …") with no word saying whose. Not "the provincial
    government" (a level below the country's), "a government", nor "the governments"."""
    words = [t.lower_ for t in qualifiers if t.dep_ != "preconj"]
    return head.lower_ == "government" and words == ["the"]


def _last_government(found: list[Mention]) -> str | None:
    """The country of the last government phrase named before: "The Greek government … the government"."""
    return found[-1].refers_to.removeprefix("Government of ") if found and found[-1].refers_to else None


def _most_named_country(span: Span, countries: dict[str, str], lexicon: EntityLexicon) -> str | None:
    """The one country a stretch of the article names most, by name, other name, seat of government or
    demonym, inside an organisation's name too ("Human Rights Commission of Pakistan"): whose government a
    bare "the government" is (issue #17: "Georgia's sports minister said the government had nothing to
    hide"). None where none is named, or two as often."""
    named = Counter(
        country
        for token in span
        if token.pos_ in {"PROPN", "ADJ"} or token.ent_type_ == "NORP"
        if (country := _country_of([token], countries, lexicon))
    )
    ranked = named.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _left_part(head: Token) -> tuple[int, int]:
    """Token range of the head word and the words before it in its phrase ("the Ukrainian government"),
    from after the last dash standing between spaces: a dateline the parse ran into the phrase ("YEREVAN,
    Oct 15 - Armenian election officials") is no part of it, nor are its words qualifiers."""
    left = [t for t in head.subtree if t.i <= head.i]
    after_dash = [t for t in left if t.i > max((t.i for t in left if _spaced_dash(t)), default=-1)]
    # "both| the government and …": a correlative opens no part of the phrase
    return next(t.i for t in after_dash if not t.is_punct and t.dep_ != "preconj"), head.i + 1


def _spaced_dash(token: Token) -> bool:
    """A dash with a space on either side ("Oct 15 - Armenian"), not a hyphen in a word ("pro-Russian")."""
    if token.i == 0 or token.text not in DASHES:
        return False
    return bool(token.whitespace_) and bool(token.nbor(-1).whitespace_)


def _object_after(head: Token) -> list[Token]:
    """The words of "of Lithuania" / "in Kyiv" right after the head word."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in COUNTRY_PREPOSITIONS:
            return [t for t in child.subtree if t.i != child.i]
    return []


def _names_another_actor(qualifiers: list[Token], names: list[Mention]) -> bool:
    """Whether a person or organisation (other than a government) is named among the qualifying words."""
    return any(
        mention.label in {"PERSON", "ORG"}
        and not (mention.refers_to or "").startswith("Government of ")
        and any(mention.start <= t.idx < mention.end for t in qualifiers)
        for mention in names
    )


def _one_country(qualifiers: list[Token], countries: dict[str, str], lexicon: EntityLexicon) -> str | None:
    """The one country the qualifying words name (single words and pairs: "South Korean"), if one."""
    named = set()
    for index in range(len(qualifiers)):
        pairs = [qualifiers[index : index + 1], qualifiers[index : index + 2]]
        for words in pairs if index + 1 < len(qualifiers) else pairs[:1]:
            country = _country_of(words, countries, lexicon)
            if country is not None:
                named.add(country)
    return named.pop() if len(named) == 1 else None


def _country_of(words: list[Token], countries: dict[str, str], lexicon: EntityLexicon) -> str | None:
    """The country these words name, or whose demonym they are (an adjective with a demonym's ending
    whose words each share a country word's stem: "Ukrainian", "South Korean"; "Indiana" is none)."""
    key = fold_name(" ".join(t.text for t in words))
    if not key:
        return None
    known = countries.get(key) or lexicon.country_aliases.get(key) or lexicon.seats_of_government.get(key)
    adjective = words[-1].pos_ == "ADJ" or words[-1].ent_type_ == "NORP"
    if not known and adjective and key in lexicon.irregular_demonyms:
        return lexicon.irregular_demonyms[key]  # "The Greek government"
    if known or not adjective or not key.endswith(DEMONYM_ENDINGS):
        return known
    demonym = [
        country
        for folded, country in countries.items()
        if len(folded.split()) == len(key.split())
        and all(words_match(a, b) for a, b in zip(folded.split(), key.split(), strict=True))
    ]
    return demonym[0] if len(demonym) == 1 else None


def _outside_names(text: str, doc: Doc, span: tuple[int, int], names: list[Mention]) -> tuple[int, int]:
    """Character span of the phrase after any name inside it ("Ukraine's| government"), possessive
    dropped."""
    start, end = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
    inside = [mention.end for mention in names if start <= mention.start < end]
    if inside:
        start = max(inside)
        gap = POSSESSIVE_GAP.match(text, start)
        start = gap.end() if gap else start
    return start, end


def seats_standing_for_bodies(names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """The names with each seat of government acting ("if Brussels blocks the deal", which the metonymy of
    ``entities.mentions`` made its country's government) referring instead to the one international body
    seated there that the article names ("European Commission"; ``seats_of_bodies``). Where it names none
    of them, or two, the seat stays its government: which body is meant is then a guess."""
    named = {fold_name(m.text): m.text for m in names if m.label == "ORG" and m.refers_to is None}
    result = []
    for mention in names:
        bodies = lexicon.seats_of_bodies.get(fold_name(mention.text), ())
        seated = {named[key] for body in bodies if (key := fold_name(body)) in named}
        governing = (mention.refers_to or "").startswith("Government of ")
        result.append(replace(mention, refers_to=seated.pop()) if governing and len(seated) == 1 else mention)
    return result
