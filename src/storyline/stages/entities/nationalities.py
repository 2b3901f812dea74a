"""Descriptions that name an organisation by its nationality: "the Turkish group", "the Greek board".

An article that introduces a company with its nationality ("Turkish conglomerate Altınova", "Thermaikos
Shipping and Ports, the listed Greek operator …") then calls it by that nationality and a generic word. Such
a description stands for the one organisation the article introduced with that nationality; where it
introduced none, or two, the description stands for no organisation: the one named nearest before it is as
often the other party (issue #17, generalise thessaloniki-bid: "the Turkish group" went to the Greek target,
the dockworkers' union, a bank and the European Commission). The nationality is a capitalised word the
small model tags NORP, and an introduction is a kind phrase ending in a word for a body ("conglomerate",
"group", "operator"): "The Turkish group said it owns Thermaikos" introduces no Turkish Thermaikos.
Hand-written over the parse's entity types.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Doc

from storyline.records import Mention
from storyline.stages.entities.lexicon import (
    DEMONYM_ENDINGS,
    EntityLexicon,
    content_words,
    entity_lexicon,
    fold_name,
    words_match,
)

__all__ = [
    "country_ids",
    "demonym_country_ids",
    "description_nationality",
    "government_country_ids",
    "introduced_with_nationality",
    "is_national_description",
]

# How many lower-case words may stand between the nationality and the name it introduces ("the Greek
# shipping and ports company Thermaikos"), or between the article and the nationality after the name
# ("Thermaikos …, the listed Greek operator").
WORDS_BEFORE_NAME = 4
WORDS_BEFORE_NATIONALITY = 3


def description_nationality(doc: Doc, start: int, end: int) -> str | None:
    """The one nationality written in the description at ``start:end`` ("Turkish"), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    found = {token.text for token in span if token.ent_type_ == "NORP" and token.text[:1].isupper()}
    return found.pop() if len(found) == 1 else None


def is_national_description(description: str, lexicon: EntityLexicon) -> bool:
    """ "The Turkish group": a generic head qualified by a capitalised word (its nationality), which an
    article that introduces no company with it leaves for the story (``entities.organisations``: the one
    organisation another report of the story called so), where "the group" alone says too little."""
    words = content_words(description, lexicon)
    qualified = any(word[:1].isupper() for word in description.split()[1:])
    return len(words) > 1 and words[-1] in lexicon.generic_org_heads and qualified


def introduced_with_nationality(
    text: str, nationality: str, start: int, organisations: list[Mention], kinds: frozenset[str]
) -> Mention | None:
    """The one organisation the article introduces with ``nationality`` and one of the body words
    ``kinds`` where it names it, at its mention nearest before ``start`` (else its first after); None where
    it so introduces none, or two."""
    before_name, after_name = _patterns(nationality, kinds)
    introduced = [
        org
        for org in organisations
        if before_name.search(text, text.rfind("\n", 0, org.start) + 1, org.start)
        or after_name.match(text, org.end)
    ]
    # "Altınova" and "Altınova Sanayi Holding" are one organisation: names kept apart by their first word
    if len({fold_name(org.text).partition(" ")[0] for org in introduced}) != 1:
        return None
    named = [org for org in organisations if fold_name(org.text) in {fold_name(o.text) for o in introduced}]
    before = [org for org in named if org.end <= start]
    return max(before, key=lambda org: org.start) if before else min(named, key=lambda org: org.start)


@lru_cache(maxsize=64)
def _patterns(nationality: str, kinds: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "Turkish conglomerate |Altınova", and "Thermaikos|, the listed Greek operator"; the words between
    in lower case ("low cost")."""
    word = re.escape(nationality)
    kind = "(?:" + "|".join(re.escape(k) for k in sorted(kinds)) + ")"
    between = rf"(?:[a-z][\w-]*\s+){{0,{WORDS_BEFORE_NAME - 1}}}"
    return (
        # "Irish low cost airline, Ryanair": the comma of an apposition before the name may stand between
        re.compile(rf"\b{word}\s+{between}{kind},?\s+$"),
        re.compile(
            rf"(?:\s*\([^()\n]{{1,20}}\))?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,{WORDS_BEFORE_NATIONALITY}}}"
            rf"{word}\s+(?:[a-z][\w-]*\s+){{0,2}}{kind}\b"
        ),
    )


def country_ids(names: Mapping[str, str]) -> dict[str, str]:
    """The entities among ``names`` (id → name) that are countries the lexicon knows, by each folded name
    news calls them: "russia"; "america" of the United States (``country_aliases``)."""
    lexicon = entity_lexicon()
    folded = {entity_id: fold_name(name) for entity_id, name in names.items()}
    by_name = {name: entity_id for entity_id, name in folded.items() if name in lexicon.countries}
    aliases = {
        alias: by_name[fold_name(country)]
        for alias, country in lexicon.country_aliases.items()
        if fold_name(country) in by_name
    }
    return by_name | aliases


def demonym_country_ids(word: str, countries: Mapping[str, str]) -> frozenset[str]:
    """The ids of the countries (``country_ids``) a demonym names: an irregular one ("British"), or a word of
    a demonym's ending sharing a one-word country name's stem ("Russian" ~ "Russia", ``words_match``)."""
    folded = fold_name(word)
    irregular = fold_name(entity_lexicon().irregular_demonyms.get(folded, ""))
    if irregular in countries:
        return frozenset({countries[irregular]})
    if folded.endswith(DEMONYM_ENDINGS):
        return frozenset(
            countries[name] for name in countries if " " not in name and words_match(folded, name)
        )
    return frozenset()


def government_country_ids(names: Mapping[str, str], countries: Mapping[str, str]) -> dict[str, str]:
    """The id of each entity among ``names`` (id → name) that is a country's government → the country's id
    (``country_ids``): "Government of Russia" (``entities.governments``, "the Kremlin", "Moscow said") and
    "Russian government". Resolution keeps a government apart from its country (the place is no actor);
    another stage may read the two as one where it compares who a statement is about."""
    governed: dict[str, str] = {}
    for entity_id, name in names.items():
        words = [word for word in fold_name(name).split() if word != "the"]
        if words[:2] == ["government", "of"]:
            found = {countries[country]} if (country := " ".join(words[2:])) in countries else set()
        elif len(words) == 2 and words[1] == "government":
            found = set(demonym_country_ids(words[0], countries))
        else:
            continue
        if len(found) == 1:
            governed[entity_id] = found.pop()
    return governed
