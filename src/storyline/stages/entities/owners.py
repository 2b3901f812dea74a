"""Descriptions of a business by what it owns or runs: "the operator", "the tanker's owner", "the owner of
the mine".

A report names the company behind a ship, a mine or a plant once, then calls it by its relation to the
thing ("Haedong Marine Shipping said …" … "the operator had set aside 50 billion won"). Such a description
stands for the business named right after it ("The operator, the Saryarka Coal Mining Company"), else the
one business the report named before it, else the one business the report names at all. Precision first: a
wrong join costs more than a miss, so two businesses and none is chosen; a plural ("the owners") is several;
"owner" needs the thing owned ("the restaurant's owner" is a person; ``operated_things``), and a modifier
or an object must be such a thing ("the grid operator", not "the crane operator" nor "the operator of the
crane"). An owner of a vessel ("the shipowner", "the tanker's owner") is the one business the report
says owns a vessel ("The ship's owner, X", "X, which owns the ship"), wherever it says so, before the
others it names; "the shipowner" of a report that says so of none is left out. A business is an
organisation's name that makes it one ("… Ltd"), that the report introduces by a business word ("the
shipping company X", "owned by X"), says owns a vessel, or that a business description already stood for
("the company" → X); never a vessel the small model tagged an organisation. Word lists in
``lexicons/entities.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from storyline.records import Mention
from storyline.stages.entities.businesses import names_a_business, names_no_business, vessel_names
from storyline.stages.entities.lexicon import EntityLexicon, fold_name
from storyline.stages.entities.located import locates_a_description
from storyline.stages.entities.repair import introduced_as_any

__all__ = ["business_relation_descriptions", "business_relation_span"]

# Determiners a relation description opens with ("the operator", "its owner").
DETERMINERS = frozenset({"the", "its", "their"})
# Modifiers a relation description may have before its head: its determiner, an adjective ("the national
# operator"), the thing as a possessor ("the tanker's owner") or as a compound ("the grid operator").
MODIFIER_DEPS = frozenset({"det", "amod", "poss", "compound", "case"})
# "owned by Busan-based Haedong Marine Shipping": a verb of ownership right before a name ties it to a thing.
OWNED_BY = re.compile(r"\b(?:owned|operated|run|managed|chartered)\s+by\s+(?:[\w-]+-based\s+)?$")
# What may stand between a description and the name in apposition after it: "The operator, the SCMC".
APPOSED_NAME_GAP = re.compile(r"\s*,?\s*(?:the\s+)?")
# How far before a name "owned by" is looked for.
OWNED_BY_CHARS = 60


def business_relation_descriptions(
    doc: Doc, article_id: str, names: list[Mention], descriptions: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "the operator", "the tanker's owner" of one article as mentions of the business each stands for;
    those with no single business to stand for are left out."""
    text = doc.text
    # "the Quetta-based operator": the place's name is no rival of the description it modifies (``located``)
    taken = [(m.start, m.end) for m in names + descriptions if not locates_a_description(text, m, lexicon)]
    businesses = _businesses(text, names, descriptions, lexicon)
    found = []
    for token in doc:
        span = business_relation_span(token, lexicon)
        if span is None or any(span[0] < end and start < span[1] for start, end in taken):
            continue
        if token.lemma_.lower() in lexicon.vessel_owner_words and _person_named_at(text, span[1], names):
            continue  # "the shipowner Nikos Vardakis": a person's title
        business = _apposed_name(text, span[1], names)
        if business is None and _owns_a_vessel(token, lexicon):
            business = _one_vessel_owner(text, businesses, lexicon)
        if business is None and token.lemma_.lower() not in lexicon.vessel_owner_words:
            # "the shipowner" of a report that says of no business that it owns the ship: some other
            # business it names (a cable's operator) is no likelier than not to be it
            business = _one_business(span[0], businesses)
        if business is not None:
            surface = text[span[0] : span[1]]
            found.append(Mention(article_id, span[0], span[1], surface, "ORG", refers_to=business.text))
    return found


def business_relation_span(head: Token, lexicon: EntityLexicon) -> tuple[int, int] | None:
    """The span of a definite description headed by an owner or operator word, read from the head's left
    edge; None for a plural, an indefinite phrase, a modifier that is no thing, or an owner of no thing."""
    if (
        head.lemma_.lower() not in lexicon.business_relation_heads | lexicon.vessel_owner_words
        or head.pos_ != "NOUN"
        or head.tag_ == "NNS"
    ):
        return None
    left = [child for child in head.children if child.i < head.i]
    if any(child.dep_ not in MODIFIER_DEPS for child in left):
        return None
    things = [child for child in left if child.dep_ in {"poss", "compound"}]
    if any(child.lemma_.lower() not in lexicon.operated_things for child in things):
        return None
    determiners = [t for t in (*left, *(g for c in things for g in c.children)) if t.dep_ in {"det", "poss"}]
    if not any(t.lower_ in DETERMINERS for t in determiners):
        return None
    objects = _objects_of(head)
    if any(obj.lemma_.lower() not in lexicon.operated_things for obj in objects):
        return None  # "the operator of the crane", "the owner of the bakery": a person as often
    if head.lemma_.lower() == "owner" and not (things or objects):
        return None
    if head.lemma_.lower() in lexicon.vessel_owner_words and _titles_a_person(head):
        return None  # "the shipowner Janis Papadakis": a person's title (``roles``), not a business
    first = min((t for child in left for t in child.subtree), key=lambda t: t.i)
    return first.idx, head.idx + len(head.text)


def _titles_a_person(head: Token) -> bool:
    """Whether a person's name follows the word: a shipowner is a person as often as a company."""
    return head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_type_ == "PERSON"


def _person_named_at(text: str, end: int, names: list[Mention]) -> bool:
    start = len(text) - len(text[end:].lstrip(" "))
    return any(m.label == "PERSON" and m.start == start for m in names)


def _owns_a_vessel(head: Token, lexicon: EntityLexicon) -> bool:
    """ "the shipowner", "the tanker's owner", "the owner of the vessel": an owner of a ship, which a report
    on a ship's accident tells apart from the other businesses it names (cable and grid operators)."""
    if head.lemma_.lower() in lexicon.vessel_owner_words:
        return True
    related = [c for c in head.children if c.dep_ in {"poss", "compound"}] + _objects_of(head)
    return head.lemma_.lower() == "owner" and any(t.lemma_.lower() in lexicon.vessel_words for t in related)


def _one_vessel_owner(text: str, businesses: dict[str, Mention], lexicon: EntityLexicon) -> Mention | None:
    """The one business the report says owns a vessel anywhere; None for none or two."""
    found = [first for first in businesses.values() if _said_to_own_a_vessel(text, first, lexicon)]
    return found[0] if len(found) == 1 else None


def _said_to_own_a_vessel(text: str, first: Mention, lexicon: EntityLexicon) -> bool:
    """Whether the report writes an organisation's name (at ``first`` or after it) as a vessel's owner:
    "The ship's owner, X", "the shipowner, X", "X, which owns the ship", "X, the vessel's owner" (not "run
    by X", which may be a cable's)."""
    before, after = _vessel_owner_patterns(lexicon.vessel_words, lexicon.vessel_owner_words)
    for written in re.compile(re.escape(first.text)).finditer(text, first.start):
        preceding = text[max(0, written.start() - OWNED_BY_CHARS) : written.start()]
        if before.search(preceding) or after.match(text, written.end()):
            return True
    return False


@lru_cache(maxsize=4)
def _vessel_owner_patterns(
    vessel_words: frozenset[str], owner_words: frozenset[str]
) -> tuple[re.Pattern[str], ...]:
    """What stands right before a vessel owner's name, and what right after it."""
    vessels = "|".join(sorted(vessel_words))
    owners = "|".join(sorted(owner_words))
    before = re.compile(rf"\b(?:(?:{vessels})(?:'s|’s)\s+owner|{owners}),?\s+(?:the\s+)?$", re.IGNORECASE)
    after = re.compile(
        rf",\s+(?:(?:which|that)\s+owns\s+the\s+(?:{vessels})\b"
        rf"|the\s+(?:{vessels})(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?owner\b)",
        re.IGNORECASE,
    )
    return before, after


def _objects_of(head: Token) -> list[Token]:
    """What the head is an owner or operator "of": "the tanker" of "the owner of the tanker"."""
    return [
        obj
        for child in head.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for obj in child.children
        if obj.dep_ == "pobj"
    ]


def _apposed_name(text: str, end: int, names: list[Mention]) -> Mention | None:
    """The organisation named right after the description, in apposition ("The grid operator Ukrenergo",
    "The operator, the Saryarka Coal Mining Company")."""
    gap = APPOSED_NAME_GAP.match(text, end)
    after = gap.end() if gap else end
    return next((m for m in names if m.label == "ORG" and m.start == after and m.refers_to is None), None)


def _businesses(
    text: str, names: list[Mention], descriptions: list[Mention], lexicon: EntityLexicon
) -> dict[str, Mention]:
    """The businesses of the article: folded name → its first mention."""
    vessels = vessel_names(text, names, lexicon)
    described = {
        fold_name(m.refers_to) for m in descriptions if m.refers_to and _is_business_word(m, lexicon)
    }
    business_words = lexicon.business_heads | lexicon.business_relation_heads
    organisations = [
        m
        for m in names
        if m.label == "ORG"
        and m.refers_to is None
        and fold_name(m.text) not in vessels
        and not names_no_business(m.text, lexicon)
    ]
    keys = {
        fold_name(m.text)
        for m in organisations
        if fold_name(m.text) in described
        or names_a_business(m.text, lexicon)
        or introduced_as_any(text, m, business_words)
        or OWNED_BY.search(text[max(0, m.start - OWNED_BY_CHARS) : m.start])
        or _said_to_own_a_vessel(text, m, lexicon)
    }
    first: dict[str, Mention] = {}
    for mention in sorted(organisations, key=lambda m: m.start):
        first.setdefault(fold_name(mention.text), mention)  # a name counts from its first mention
    return {key: mention for key, mention in first.items() if key in keys}


def _is_business_word(description: Mention, lexicon: EntityLexicon) -> bool:
    words = fold_name(description.text).split()
    return bool(words) and words[-1] in lexicon.business_heads


def _one_business(start: int, businesses: dict[str, Mention]) -> Mention | None:
    """The one business named before ``start``, else the one business of the article; None if two."""
    before = [mention for mention in businesses.values() if mention.start < start]
    chosen = before if before else list(businesses.values())
    return chosen[0] if len(chosen) == 1 else None
