"""Organisations the lexicon knows by several names: "Doctors Without Borders", "Médecins Sans Frontières"
and "MSF" are one organisation, which no spelling rule can tell.

``known_organisations`` in ``lexicons/entities.toml`` lists each organisation's names in the languages the
news translates them from. Two uses, both plain lookups:
- in an article, a listed name of two words or more is an organisation wherever it is written, whatever the
  small model tagged there (it tags "Without Borders" of "Doctors Without Borders" a person);
- in resolution, a key that is a listed name is the key of the organisation's first name, so every name of
  one row — and every description or acronym pointing at one of them — is one entity.
Single-word names (acronyms) are looked up only where NER found them: "WHO" written out is not scanned for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.lexicons import load_lexicon
from storyline.records import Mention
from storyline.stages.entities.lexicon import fold_name

__all__ = [
    "described_known_organisation",
    "is_known_organisation",
    "known_organisation_key",
    "known_organisation_mentions",
]


@lru_cache(maxsize=1)
def _canonical_keys() -> dict[str, str]:
    """Folded name → folded first name of its row."""
    rows = load_lexicon("entities")["known_organisations"]
    return {fold_name(name): fold_name(row[0]) for row in rows for name in row}


@lru_cache(maxsize=1)
def _written_names() -> re.Pattern[str]:
    """The listed names of two words or more, as written (case matters: "who" is no organisation), longest
    first so that a name is not cut at a shorter one inside it."""
    names = {name for row in load_lexicon("entities")["known_organisations"] for name in row if " " in name}
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def known_organisation_key(name: str) -> str:
    """The folded key of a name, or of the organisation's first listed name when it is one of its names. A
    one-word name counts only written as an acronym: "PAM" is the World Food Programme, "Pam" a person."""
    key = fold_name(name)
    if " " not in key and not name.isupper():
        return key
    return _canonical_keys().get(key, key)


def is_known_organisation(name: str) -> bool:
    """Whether a name of two words or more is one the lexicon lists ("Amnesty International")."""
    return " " in name.strip() and fold_name(name) in _canonical_keys()


def known_organisation_mentions(text: str, names: list[Mention]) -> list[Mention]:
    """The article's names with every listed organisation name written in it as an organisation mention of
    its own: a name NER tagged across or inside it gives way to it."""
    if not names:
        return names
    article = names[0].article
    known = [
        Mention(article, match.start(), match.end(), match.group(), "ORG")
        for match in _written_names().finditer(text)
    ]
    kept = [m for m in names if not any(m.start < k.end and k.start < m.end for k in known)]
    return sorted(kept + known, key=lambda mention: (mention.start, mention.end))


@lru_cache(maxsize=1)
def _descriptions() -> dict[str, frozenset[str]]:
    """Folded name → the description heads the news gives it (``known_organisation_descriptions``)."""
    heads: dict[str, frozenset[str]] = {}
    for names, words in load_lexicon("entities")["known_organisation_descriptions"]:
        for name in names:
            heads[fold_name(name)] = frozenset(words)
    return heads


def described_known_organisation(
    description: str, start: int, organisations: list[Mention]
) -> Mention | None:
    """ "the alliance" after "NATO": the one listed organisation named before ``start`` whose description
    heads hold the description's words less its article, at its mention nearest the description; None
    where an organisation named before holds the words itself ("the Civic Alliance"), or two are listed."""
    words = description.lower().split()
    phrase = " ".join(words[1:] if words[:1] == ["the"] else words)
    before = [org for org in organisations if org.end <= start]
    if not phrase or any(phrase in fold_name(org.text) for org in before):
        return None
    fitting = [org for org in before if phrase in _descriptions().get(fold_name(org.text), ())]
    if len({known_organisation_key(org.text) for org in fitting}) != 1:
        return None
    return max(fitting, key=lambda org: org.start)
