"""A speaker passing on another's words is that other's voice: a relay is no second source.

``ledger.sources`` already counts "Davis said the FBI said …" once when the FBI's claim is a claim of its
own; this module reads the relays the claims stage leaves whole, where the relayed speaker has no claim of
their own in the sentence:

- a content opening on another's attribution: McCaul said "The FBI director said she exercised extreme
  carelessness …";
- a marker right after the cue: "“… extremely careless …” Trump tweeted, quoting Comey's statement";
- words quoted back to the one who said them: an interviewer's "Last night you said the president was the
  founder of ISIS" passes on the words of the one spoken to, who is no name in the sentence; the relay
  counts as the one other speaker of its position who asserts the thing themselves (``quotes_back``), and
  the interviewer is no source of it (PolNeAR second-amendment-isis-founder: Hewitt stood beside Trump as
  a second source of Obama founding ISIS, issue #14);
- an article's headline in its own voice crediting words to someone, beside a claim its body credits to one
  speaker on the same side ("Mayor Calls Dam Safe" over the mayor's quoted "the dam is safe"): the headline
  tells what its body reports, the same outlet's summary of that speaker, not the outlet as a second
  source (``headline_relays``; PolNeAR second-amendment-isis-founder: HuffPost's headline "Trump Is Now
  Calling Obama …" stood beside Trump as a second source of what he called Obama, issue #14).

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
from datetime import date
from functools import cache, lru_cache
from types import MappingProxyType

from storyline.lexicons import load_lexicon
from storyline.records import Article, Claim, Entity, Stance
from storyline.stages.claims import claim_lexicon, stance_of
from storyline.stages.ledger.addressees import time_words
from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.grouping import WORD, ledger_lexicon, speaker_key
from storyline.stages.ledger.voices import NO_VOICES, Voices, voice_of

# the longest relayed name read ("the FBI director", "Secretary of State John Kerry")
LONGEST_RELAYED = 6


@dataclass(frozen=True, slots=True)
class RelayLexicon:
    opening: re.Pattern[str]  # a content opening on "<someone> said"
    back: re.Pattern[str]  # a content opening on "you said", after words of when ("Last night you said")
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
        back=re.compile(rf"^(?P<when>(?:[^\W\d_]+,?\s+){{0,3}}?)you\s+(?:{cues})\b", re.IGNORECASE),
        after_cue=re.compile(rf"^\s*,?\s*(?:{markers})\s+(?P<who>{name})\s*(?:[,.;:]|$)"),
        nouns=frozenset(data["nouns"]),
    )


def known_as(entities: Sequence[Entity], voices: Voices = NO_VOICES) -> dict[str, frozenset[str]]:
    """Person entity id → the words a reader may name them by: their name, aliases and roles, and the
    roles of another person entity of the same surname (one person the entities stage kept as two). An
    organisation a person speaks for (``voices``) is known by its names and by the words of each of its
    voices: sources are counted after ``voices.as_voices``, so Comey asserting "extremely careless" is the
    FBI's claim, and McCaul's "The FBI director said …" and Trump's "quoting Comey's statement" relay the
    FBI (PolNeAR fbi-no-charges: the FBI, Trump and McCaul read as 2 sources, issue #14)."""
    known = _people_known_as(entities)
    organisations = {entity.id: entity for entity in entities if entity.type == "ORG"}
    for person, organisation in voices.people.items():
        if organisation in organisations and person in known:
            entity = organisations[organisation]
            own = known.get(organisation, frozenset(_words(" ".join((entity.name, *entity.aliases)))))
            known[organisation] = own | known[person]
    return known


def _people_known_as(entities: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Person entity id → their name, aliases and roles as words, with the roles of a namesake."""
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


def quotes_back(claim: Claim) -> bool:
    """Whether a content opens on words quoted back to the one spoken to: "you said …", "Last night you
    told …" (words of when before it only)."""
    found = relay_lexicon().back.match(claim.text.strip().lstrip("\"“‘'"))
    return found is not None and set(_words(found["when"])) <= time_words()


def as_relayed(
    claims: Sequence[Claim], texts: Mapping[str, str], known: Mapping[str, frozenset[str]]
) -> list[Claim]:
    """The claims with each relay's speaker replaced by the one speaker asserting it themselves whom the
    relay names (``relayed_words`` within ``known``), or for words quoted back to their speaker
    (``quotes_back``) the one other speaker asserting it; the relaying speaker kept as ``via_text``."""
    relayed = {claim.id: relayed_words(claim, texts.get(claim.article, "")) for claim in claims}
    back = {claim.id for claim in claims if quotes_back(claim)}
    asserting = {
        claim.speaker for claim in claims if claim.speaker and not relayed[claim.id] and claim.id not in back
    }
    result = []
    for claim in claims:
        words = relayed[claim.id]
        named = [
            s
            for s in asserting
            if s != claim.speaker and (claim.id in back or (words and words <= known.get(s, frozenset())))
        ]
        if len(named) != 1:
            result.append(claim)
            continue
        result.append(replace(claim, speaker=named[0], via_text=claim.speaker_text))
    return headline_relays(result, texts)


def headline_relays(claims: Sequence[Claim], texts: Mapping[str, str]) -> list[Claim]:
    """The claims with an outlet's own headline (``in_headline``) given to the one speaker whom its article's
    body credits with a claim of the same side among ``claims``: the headline summarises the body, so it is
    that speaker's voice once more, no second source. A headline beside no such speaker, or two, stays the
    outlet's (precision first: fewer sources only where the article names whose the thing is)."""
    headlines = {
        c.id
        for c in claims
        if c.outlet_voice and not c.speaker and in_headline(c, texts) and credits_words(c)
    }
    if not headlines:
        return list(claims)
    speakers: dict[tuple[str, Stance], set[str]] = {}
    for claim in claims:
        if claim.speaker and not claim.outlet_voice and not in_headline(claim, texts):
            speakers.setdefault((claim.article, stance_of(claim)), set()).add(claim.speaker)
    result = []
    for claim in claims:
        body = speakers.get((claim.article, stance_of(claim)), set()) if claim.id in headlines else set()
        result.append(replace(claim, speaker=next(iter(body))) if len(body) == 1 else claim)
    return result


def credits_words(claim: Claim) -> bool:
    """Whether a sentence credits words to someone: its finite verb is a verb of saying, as a headline writes
    it ("Mayor Says …", "Mayor Is Now Calling the Dam …", ``claims`` cue verbs in their present forms). A
    headline telling what the speaker did ("Mayor Speaks to Flood Victims") reports an act the outlet saw
    or heard itself, beside the body's account of it: PolNeAR police-shootings' gold counts HuffPost's
    "Clinton Speaks 'Directly To White People'" as a source of her having said so."""
    forms = _saying_forms()
    for offset in claim.finite_verbs or ():
        word = WORD.match(claim.text, offset)
        if word is not None and word.group().lower() in forms:
            return True
    return False


@cache
def _saying_forms() -> frozenset[str]:
    """The claims stage's cue verbs in their regular present forms: "say", "says", "saying", "calls" …"""
    forms = set()
    for verb in claim_lexicon().cue_verbs:
        stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
        third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else verb + "s"
        forms |= {verb, third, verb + "es", stem + "ing"}
    return frozenset(forms)


def in_headline(claim: Claim, texts: Mapping[str, str]) -> bool:
    """Whether a claim lies in its article's headline: the text's first line when more lines follow (the
    convention of ``stories.names.headline_subjects``)."""
    end = _headline_end(texts.get(claim.article, ""))
    return claim.end <= end


@lru_cache(maxsize=4096)
def _headline_end(text: str) -> int:
    """Where a text's first line ends when more lines follow, else 0 (no headline)."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    return end if end > 0 and text[end:].strip() else 0


def _words(text: str) -> list[str]:
    """Lower-case words of two letters or more: a possessive's "s" is no word ("Comey's" → "comey")."""
    return [word.lower() for word in WORD.findall(text) if len(word) > 1]


def only_relaying(
    claims: Sequence[Claim], relayed: Sequence[Claim], articles: Mapping[str, Article] = MappingProxyType({})
) -> frozenset[str]:
    """The speakers of ``claims`` each of whose claims is a relay in ``relayed`` (``as_relayed``, same
    order): they pass the thing on and assert it nowhere themselves, so a reason names them apart. With the
    ``articles``, an outlet whose own voice here is only headlines given to their body's speaker
    (``headline_relays``) is named apart too, by its label as its position shows it."""
    pairs = list(zip(claims, relayed, strict=True))
    kept = {claim.speaker for claim, after in pairs if claim.speaker == after.speaker}
    speakers = {claim.speaker for claim in claims if claim.speaker and claim.speaker not in kept}
    outlets = [
        (articles[claim.article].label, claim.speaker == after.speaker)
        for claim, after in pairs
        if claim.outlet_voice and claim.article in articles
    ]
    own = {label for label, unchanged in outlets if unchanged}
    return frozenset(speakers | {label for label, _ in outlets if label not in own})


def relay_outlet_figures(group: Sequence[Measure], voices: Voices, rounding: float) -> list[Measure]:
    """A measured thing's figures with each outlet-voice claim that only restates one attributed source's
    figures given to that source: the outlet repeating an agency's count ("about 2,400 tonnes had leaked by
    Tuesday", the coast guard's 2,400 of Tuesday) relays it, no second source beside it (issue #14). In the
    generalise spill story three outlets restating the coast guard's estimates read as three sources of
    values of other days, and its rising estimate as a contest. Each of the claim's figures in the group
    must be ``_relayed_from`` one and the same source; a claim with a figure of its own, or one that two
    sources give, stays the outlet's (precision first: fewer sources only where the words repeat one).
    ``rounding``: how far an approximate figure may lie from the value it restates (the ledger's
    ``same_speaker_tolerance``: ``ledger.sides`` folds one speaker's approximate value into their exact
    one within it)."""
    attributed = [measure for measure in group if _named_source(measure.claim)]
    by_claim: dict[str, list[Measure]] = {}
    for measure in group:
        if measure.claim.outlet_voice:
            by_claim.setdefault(measure.claim.id, []).append(measure)
    relayed: dict[str, Claim] = {}
    for claim_id, figures in by_claim.items():
        sources = [_relayed_from(figure, attributed, voices, rounding) for figure in figures]
        given = [source for source in sources if source is not None]
        if len(given) == len(sources) and len({_voice_key(source, voices) for source in given}) == 1:
            relayed[claim_id] = _as_relay_of(figures[0].claim, given[0])
    return [replace(m, claim=relayed[m.claim.id]) if m.claim.id in relayed else m for m in group]


def _relayed_from(
    figure: Measure, attributed: Sequence[Measure], voices: Voices, rounding: float
) -> Claim | None:
    """The one source's claim whose figure ``figure`` restates, or None (none, or two sources): the same
    value given on the same day or before it, or an approximate figure ("about 2,400") within ``rounding``
    of the source's value of the same day. Of one source's claims, the earliest stands for it."""
    if figure.day is None:
        return None
    found: dict[str, Claim] = {}
    for given in sorted(attributed, key=lambda m: (m.day or date.max, m.claim.article, m.claim.start)):
        if given.day is None or given.day > figure.day:
            continue
        value, restated = given.quantity.value, figure.quantity.value
        near = figure.quantity.approx and abs(value - restated) <= rounding * max(abs(value), 1.0)
        if value == restated or (near and given.day == figure.day):
            found.setdefault(_voice_key(given.claim, voices), given.claim)
    return next(iter(found.values())) if len(found) == 1 else None


def _named_source(claim: Claim) -> bool:
    """Whether a claim names whose it is: a resolved speaker, or one written with words of a name ("the
    coast guard"); not an outlet's own voice, a pronoun ("he": only the outlet knows who) nor a poll's
    "73 percent" of respondents."""
    if claim.outlet_voice:
        return False
    written = (claim.speaker_text or "").lower().strip()
    named = written not in ledger_lexicon().stopwords and not any(c.isdigit() for c in written)
    return bool(claim.speaker) or (bool(written) and named)


def _voice_key(claim: Claim, voices: Voices) -> str:
    """The source a claim speaks as: its organisation's entity for a spokesperson (``voices.voice_of``),
    else the speaker as written (``grouping.speaker_key``)."""
    return voice_of(claim, voices) or speaker_key(claim)


def _as_relay_of(claim: Claim, source: Claim) -> Claim:
    """An outlet's claim spoken by ``source``'s speaker: no span, since the outlet's sentence need not name
    them (the outlet stays the position's carrier through its article)."""
    return replace(
        claim,
        speaker=source.speaker,
        speaker_text=source.speaker_text or "",
        speaker_start=None,
        speaker_end=None,
    )
