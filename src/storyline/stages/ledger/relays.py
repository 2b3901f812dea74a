"""A speaker passing on another's words is that other's voice: a relay is no second source.

``ledger.sources`` already counts "Davis said the FBI said …" once when the FBI's claim is a claim of its
own; this module reads the relays the claims stage leaves whole, where the relayed speaker has no claim of
their own in the sentence:

- a content opening on another's attribution: McCaul said "The FBI director said she exercised extreme
  carelessness …";
- a marker right after the cue: "“… extremely careless …” Trump tweeted, quoting Comey's statement".

The relayed words name someone; the relay counts as that speaker only when they are one of the speakers
who assert the thing themselves in the same question (``as_relayed``), matched by the words a reader knows
them by: name, aliases, roles, and the roles of an entity of the same surname ("the FBI director" is
Comey, whom the entities stage may keep as two entities, "Comey" and "James Comey" the FBI director).
Otherwise the relay stays its speaker's claim, as before: precision first, fewer sources never more. In
PolNeAR's fbi-no-charges story Comey's "extremely careless" was corroborated by Comey, Trump and McCaul,
the last two quoting him (issue #14).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Entity
from storyline.stages.ledger.grouping import WORD, ledger_lexicon

# the longest relayed name read ("the FBI director", "Secretary of State John Kerry")
LONGEST_RELAYED = 6


@dataclass(frozen=True, slots=True)
class RelayLexicon:
    opening: re.Pattern[str]  # a content opening on "<someone> said"
    after_cue: re.Pattern[str]  # ", quoting <someone>" right after the cue
    nouns: frozenset[str]  # what the relayed words are called ("statement"), no part of a name


@cache
def relay_lexicon() -> RelayLexicon:
    data = load_lexicon("ledger")["relays"]
    cues = "|".join(re.escape(cue) for cue in sorted(data["opening_cues"], key=len, reverse=True))
    markers = "|".join(re.escape(marker) for marker in data["markers"])
    name = rf"[^\W\d_][\w’'-]*(?:\s+[\w’'-]+){{0,{LONGEST_RELAYED - 1}}}?"
    return RelayLexicon(
        opening=re.compile(rf"^(?P<who>{name})\s+(?:{cues})\b"),
        after_cue=re.compile(rf"^\s*,?\s*(?:{markers})\s+(?P<who>{name})\s*(?:[,.;:]|$)"),
        nouns=frozenset(data["nouns"]),
    )


def known_as(entities: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Person entity id → the words a reader may name them by: their name, aliases and roles, and the
    roles of another person entity of the same surname (one person the entities stage kept as two)."""
    people = [entity for entity in entities if entity.type == "PERSON"]
    by_surname: dict[str, set[str]] = {}
    for entity in people:
        surname = _words(entity.name)[-1:]
        if surname:
            by_surname.setdefault(surname[0], set()).update(_words(" ".join(entity.roles)))
    known = {}
    for entity in people:
        words = set(_words(" ".join((entity.name, *entity.aliases, *entity.roles))))
        surname = _words(entity.name)[-1:]
        known[entity.id] = frozenset(words | (by_surname.get(surname[0], set()) if surname else set()))
    return known


def relayed_words(claim: Claim, text: str) -> frozenset[str]:
    """The content words naming whom ``claim`` relays (possessives and ``nouns`` left out), empty when it
    relays no one."""
    lexicon = relay_lexicon()
    opening = lexicon.opening.match(claim.text)
    after = (
        lexicon.after_cue.match(text[claim.cue_end : claim.cue_end + 80])
        if claim.cue_end > claim.end
        else None
    )
    found = opening or after
    if found is None:
        return frozenset()
    stopwords = ledger_lexicon().stopwords
    return frozenset(
        word for word in _words(found["who"]) if word not in stopwords and word not in lexicon.nouns
    )


def as_relayed(
    claims: Sequence[Claim], texts: Mapping[str, str], known: Mapping[str, frozenset[str]]
) -> list[Claim]:
    """The claims with each relay's speaker replaced by the one speaker asserting it themselves whom the
    relay names (``relayed_words`` within ``known``); the relaying speaker kept as ``via_text``."""
    relayed = {claim.id: relayed_words(claim, texts.get(claim.article, "")) for claim in claims}
    asserting = {claim.speaker for claim in claims if claim.speaker and not relayed[claim.id]}
    result = []
    for claim in claims:
        words = relayed[claim.id]
        named = [s for s in asserting if s != claim.speaker and words and words <= known.get(s, frozenset())]
        if len(named) != 1:
            result.append(claim)
            continue
        result.append(replace(claim, speaker=named[0], via_text=claim.speaker_text))
    return result


def _words(text: str) -> list[str]:
    """Lower-case words of two letters or more: a possessive's "s" is no word ("Comey's" → "comey")."""
    return [word.lower() for word in WORD.findall(text) if len(word) > 1]


def only_relaying(claims: Sequence[Claim], relayed: Sequence[Claim]) -> frozenset[str]:
    """The speakers of ``claims`` each of whose claims is a relay in ``relayed`` (``as_relayed``, same
    order): they pass the thing on and assert it nowhere themselves, so a reason names them apart."""
    kept = {
        claim.speaker for claim, after in zip(claims, relayed, strict=True) if claim.speaker == after.speaker
    }
    return frozenset(claim.speaker for claim in claims if claim.speaker and claim.speaker not in kept)
