"""Whose voice a claim is: the entity its speaker speaks as, one source with it (``ledger.sources``).

- a person speaking for an organisation is that organisation's voice, one source with it: "NCDD director
  Lucía Barrios" giving the toll is the NCDD giving it, not a second source beside it (the demo's flood dead:
  her 71 stood apart from the NCDD's 27 → 52 → 63, so the NCDD's count lost its latest value). Read from the
  roles the entities stage gives a person: a role word of ``[voices]`` (director, spokesman, head …) and an
  organisation's name or alias in one role ("NCDD director", "a spokesman for … Hanbit Shipping"), never a
  former holder, and only when the roles name one organisation (``organisation_voices``); so does a title
  naming an organisation's portfolio ("Health Minister Dilshod Yuldashev": the Ministry of Health, a title
  of ``[voices.offices]`` whose other words are the name's other words). A speaker the
  entities stage left unresolved, or resolved to a place, whose words are one organisation's name ("Armenian
  police", "Police in Armenia": the Police of Armenia) speaks as that organisation too (``voice_of``).
- a speaker the entities stage left unresolved whose words are a description resolution gave one person
  alone ("The judge", a mention of Curiel's and of no one else's) is that person: one source with the
  name, not a second one beside it (issue #14); two people both called so keep the words apart
  (``ledger.descriptions``). A definite description of a side or a trade ("the Republican presidential
  candidate") in an article about one person is already that person's claim (``claims.lead_described``,
  applied when the pipeline links speakers; carson-biography-scrutiny counted Ben Carson twice, issue #14).
- organisations of one story whose names are one body's name with its words in another order (two
  translations: "Republic Administration for Civil Protection", "Republican Civil Protection
  Administration") are one voice, where the entities stage kept them apart; ``_one_body``. A name cut short
  ("the Committee of Emergency Situations" of "... and Civil Defence", or that name beside the same name
  with its acronym, "KChS") is the entities stage's to join (``organisations._merge_first_portfolios``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import combinations
from types import MappingProxyType

from scipy.cluster.hierarchy import DisjointSet

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Entity, Mention
from storyline.stages.claims import description_head
from storyline.stages.ledger.descriptions import descriptions, mentions_within, people_described
from storyline.stages.ledger.grouping import WORD, ledger_lexicon, stem

ROLE_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# the longest organisation name looked up among a role's words ("National Civil Defence Directorate")
LONGEST_NAME = 8
PLACE_TYPES = frozenset({"GPE", "LOC"})
# The word ``ROLE_WORD`` reads off a possessive's "'s" ("the committee's spokesman": the, committee, s, …).
POSSESSIVE_S = "s"


# An organisation's voice, the organisation written as a common noun: "the court's press service", "a
# spokeswoman for the court" (``_owner_voice``; the role is checked against ``[voices]``).
OWNED_ROLE = re.compile(r"^(?:the\s+)?(?P<owner>[^\W\d_]+)['’]s\s+(?P<role>[^\W\d_][\w -]*)$", re.I)
# An owner before a description's noun, as written: "the sport's " of "the sport's integrity body".
POSSESSOR = re.compile(r"^(?:the\s+)?[^\W\d_]+['’]s\s+", re.IGNORECASE)
# A role held for a body written as common nouns: "spokesman for the financial prosecutor's office at the
# pole" (``_bodies_spoken_for``).
# A named owner before an organisation written as common nouns: "Republika Srpska's civil protection
# administration" (``_named_owners_body``).
NAMED_OWNER = re.compile(r"^(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['’]s\s+(?P<body>[a-z][a-z -]*)$")
ROLE_FOR_BODY = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<role>[\w-]+(?:\s+[\w-]+)?)\s+(?:for|of|at)\s+the\s+(?P<body>.+)$", re.I
)
ROLE_FOR = re.compile(
    r"^(?:an?|the)\s+(?P<role>[\w -]+?)\s+(?:for|of|at)\s+the\s+(?P<owner>[^\W\d_]+)$", re.I
)


@dataclass(frozen=True, slots=True)
class VoiceLexicon:
    roles: frozenset[str]  # role words of a person speaking for an organisation
    press: frozenset[str]  # an organisation's press staff, who speak as it ("press service")
    former: frozenset[str]  # words of a role no longer held
    links: frozenset[str]  # words between a role word and the organisation it is held at ("head of the")
    offices: Mapping[str, str]  # a title → the noun of the office its holder heads ("minister" → "ministry")
    groups: frozenset[str]  # nouns of a group of unnamed officials ("officials")
    governing: frozenset[str]  # stems of words with which a place speaks as its government ("officials")
    domain_stem: int  # letters two words share to share a stem ("elect": election, electoral)


@cache
def voice_lexicon() -> VoiceLexicon:
    data = load_lexicon("ledger")["voices"]
    return VoiceLexicon(
        roles=frozenset(data["roles"]),
        press=frozenset(data["press"]),
        former=frozenset(data["former"]),
        links=frozenset(data["links"]),
        offices=dict(data["offices"]),
        groups=frozenset(data["groups"]["nouns"]),
        governing=frozenset(stem(word) for word in (*data["places"]["governing"], *data["roles"])),
        domain_stem=data["groups"]["domain_stem"],
    )


@dataclass(frozen=True, slots=True)
class Voices:
    """Who speaks as an organisation (``organisation_voices``)."""

    people: Mapping[str, str] = field(default_factory=dict)  # person entity id → organisation entity id
    # an organisation's name as its content words (stemmed, demonyms folded) → its entity id
    named: Mapping[frozenset[str], str] = field(default_factory=dict)
    places: frozenset[str] = frozenset()  # entity ids of places (a speaker text naming one's police)
    # each organisation's name words, lower case, for a group of officials named by its domain
    organisations: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # each organisation's head nouns, a name's word before its first link or its last ("court" of the
    # Pervomaisky District Court, "ministry" of the Ministry of Health), for a description naming it
    heads: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # a description resolution gave one organisation alone ("the court"), lower case → its entity id
    described: Mapping[str, str] = field(default_factory=dict)
    # (article id, a description resolution gave one person alone there and in no other article to anyone
    # else: "the judge"), lower case → the person's entity id
    people_described: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # a body no entity names, as one person's role says they speak for it ("spokesman for the financial
    # prosecutor's office at the pole": "financial prosecutor's office"), lower case → the person's voice
    bodies: Mapping[str, str] = field(default_factory=dict)
    # organisation entity id → the entity of the same body whose voice it is, where the story names one
    # body by names in two word orders (``_one_body``); an organisation absent is its own voice
    one_body: Mapping[str, str] = field(default_factory=dict)
    # (article id, a role's head noun) → the one person mentioned there whose roles in the story are headed
    # by it ("mayor": the mayor), for an unresolved description of a role ("the city's new mayor")
    holders: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # place entity id → the content words of its name and aliases (``name_words``), for a speaker resolved
    # to a place whose name only says where the speaker is from ("a New Hampshire Republican")
    place_names: Mapping[str, frozenset[str]] = field(default_factory=dict)


NO_VOICES = Voices()


def organisation_voices(entities: Sequence[Entity], articles: Collection[str] | None = None) -> Voices:
    """Person entity id → the organisation entity id the person speaks for (``_spoken_for``); people whose
    roles name none, or several, are their own voice. With them, the organisations by the words of their
    names, for speakers the entities stage left unresolved or resolved to a place (``voice_of``).
    ``articles``: the story's article ids, whose roles alone are read (``_roles_in``); None: every role."""
    organisations = {**_described_names(entities), **_organisations_by_name(entities)}
    portfolios = _portfolios(entities)
    one_body = _one_body(entities, articles)
    people = {}
    for entity in entities:
        roles = _roles_in(entity, articles)
        if entity.type == "PERSON" and roles:
            organisation = _spoken_for(roles, organisations, portfolios)
            if organisation is not None:
                people[entity.id] = one_body.get(organisation, organisation)
    places = frozenset(entity.id for entity in entities if entity.type in PLACE_TYPES)
    return Voices(
        people,
        _by_name_words(entities),
        places,
        _organisation_words(entities),
        _head_nouns(entities),
        descriptions(entities),
        people_described(entities),
        _bodies_spoken_for(entities, articles, people),
        one_body,
        _role_holders(entities, articles),
        {
            entity.id: frozenset().union(*(name_words(name) for name in (entity.name, *entity.aliases)))
            for entity in entities
            if entity.id in places
        },
    )


def _role_holders(entities: Sequence[Entity], articles: Collection[str] | None) -> dict[tuple[str, str], str]:
    """(article id, head noun) → the one person mentioned in that article whose current roles in the story
    (``_roles_in``, none of a former holder) have that head noun (``_head_noun``: "elected Muslim mayor",
    "the mayor of London": mayor); two people of an article with roles of one head give it to neither."""
    lexicon = voice_lexicon()
    found: dict[tuple[str, str], set[str]] = {}
    for entity in entities:
        if entity.type != "PERSON" or not entity.roles:
            continue
        worded = [_words(role) for role in _roles_in(entity, articles)]
        heads = {
            _head_noun(words, lexicon.links) for words in worded if words and not lexicon.former & set(words)
        }
        named_in = {mention.article for mention in _mentions_of(entity, articles)}
        for article in named_in:
            for head in heads:
                found.setdefault((article, head), set()).add(entity.id)
    return {key: ids.pop() for key, ids in found.items() if len(ids) == 1}


def role_head(description: str) -> str | None:
    """The head noun of a definite description of a role (``claims.description_head``: "The British
    capital's new mayor on Tuesday": mayor); None for words that open on no "the" or name a former holder
    ("the former mayor")."""
    return None if voice_lexicon().former & set(_words(description)) else description_head(description)


def _one_body(entities: Sequence[Entity], articles: Collection[str] | None) -> dict[str, str]:
    """Organisation entity id → the entity whose voice it is, for organisations of the story (mentioned in
    ``articles``; None: every one) that name one body: one's name is another's in another word order
    (``_reordered``). The voice of a body so named is its entity mentioned most in the story. A name cut
    short, which in the generalise crash story gave the emergencies committee's count of the missing as
    three sources of one count falling, read as a contest (issue #17), the entities stage now joins to the
    full name (``organisations._merge_first_portfolios``, acronyms split from their long form): the
    ledger's own reading of it changed no figure on the dev ledger, the demo or the generalise series."""
    present = [
        entity
        for entity in entities
        if entity.type == "ORG" and (articles is None or _mentions_of(entity, articles))
    ]
    names = {entity.id: [_words(name) for name in (entity.name, *entity.aliases)] for entity in present}
    bodies = DisjointSet(entity.id for entity in present)
    for entity, other in combinations(present, 2):  # one body's name in two word orders (two translations)
        if any(_reordered(a, b) for a in names[entity.id] for b in names[other.id]):
            bodies.merge(entity.id, other.id)
    by_id = {entity.id: entity for entity in present}
    found = {}
    for ids in bodies.subsets():
        if len(ids) > 1:
            same = [by_id[entity_id] for entity_id in ids]
            voice = max(same, key=lambda e: (_mentions_in(e, articles), len(e.name), e.id)).id
            found.update({entity.id: voice for entity in same if entity.id != voice})
    return found


def _mentions_in(entity: Entity, articles: Collection[str] | None) -> int:
    return len(_mentions_of(entity, articles))


def _mentions_of(entity: Entity, articles: Collection[str] | None) -> Sequence[Mention]:
    """The entity's mentions in the story's ``articles`` (``descriptions.mentions_within``); None: all."""
    return entity.mentions if articles is None else mentions_within(entity, articles)


def _reordered(name: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two names hold the same content words, three or more, in another order, each word paired
    with one of the other's of its stem ("Republic Administration for Civil Protection", "Republican Civil
    Protection Administration"): in the generalise bridge story the civil protection administration's
    counts came under its English and its translated names, two sources of one count falling."""
    lexicon = voice_lexicon()
    mine = [word for word in name if word not in lexicon.links and word != POSSESSIVE_S]
    left = [word for word in other if word not in lexicon.links and word != POSSESSIVE_S]
    if len(mine) < 3 or len(mine) != len(left) or mine == left:
        return False
    for word in mine:
        paired = next((o for o in left if o == word or _share_stem(word, o, lexicon.domain_stem)), None)
        if paired is None:
            return False
        left.remove(paired)
    return True


def _bodies_spoken_for(
    entities: Sequence[Entity], articles: Collection[str] | None, people: Mapping[str, str]
) -> dict[str, str]:
    """The bodies written as common nouns that one person's role says they speak for (``ROLE_FOR_BODY``:
    "spokesman for the financial prosecutor's office at the pole"), each also cut before a link ("the
    financial prosecutor's office"), "the" left out, lower case → that person's voice (their
    organisation's, ``Voices.people``, where they have one). A speaker written as the body is the person's
    source, not a second one: in the generalise fraud story the prosecutor's office's latest count of people
    detained, 11, stood as a side against its own spokesman's 3, 6 and 9 (issue #17). A body of one word
    ("the ministry") is left to ``described_organisation``; one two people speak for names neither."""
    lexicon = voice_lexicon()
    found: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for role in _roles_in(entity, articles):
            match = ROLE_FOR_BODY.match(role.strip())
            if match is None or match["role"].lower() not in lexicon.roles | lexicon.press:
                continue
            words = match["body"].split()
            if lexicon.former & set(_words(match["role"])) or not match["body"].islower():
                continue
            cuts = [index for index, word in enumerate(words) if word in lexicon.links]
            for end in (*cuts, len(words)):
                if len(words[:end]) >= 2:
                    found.setdefault(" ".join(words[:end]), set()).add(people.get(entity.id, entity.id))
    return {body: ids.pop() for body, ids in found.items() if len(ids) == 1}


def _roles_in(entity: Entity, articles: Collection[str] | None) -> tuple[str, ...]:
    """The entity's roles given in the story's articles, in the entity's order. One name in two stories is
    one entity, with the roles of both: the wildfire's spokesman for the fire service and a shipwreck's
    spokesman for the coast guard, both Giorgos Christodoulou, read as a person speaking for two
    organisations spoke for neither in either story, and his fire service count stood as a second source
    against his service's (the generalise corpus, issue #17: results must not depend on other stories)."""
    if articles is None or not entity.roles:  # no roles: no need to walk every mention (serial tail)
        return entity.roles
    given = {mention.role for mention in mentions_within(entity, articles) if mention.role}
    return tuple(role for role in entity.roles if role in given)


def _organisation_words(entities: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Each organisation's entity id → the words of its names, lower case, links left out. A name holding a
    group noun is a group of officials resolution joined to the organisation ("Armenian election officials"
    as an alias of the Government of Armenia), no name of it."""
    lexicon = voice_lexicon()
    return {
        entity.id: frozenset(
            word
            for name in (entity.name, *entity.aliases)
            if not lexicon.groups & set(words := _words(name))
            for word in words
            if word not in lexicon.links
        )
        for entity in entities
        if entity.type == "ORG"
    }


def _head_nouns(entities: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Each organisation's entity id → the head nouns of its names (``Voices.heads``), lower case."""
    links = voice_lexicon().links
    heads: dict[str, frozenset[str]] = {}
    for entity in entities:
        if entity.type == "ORG":
            named = [_words(name) for name in (entity.name, *entity.aliases)]
            heads[entity.id] = frozenset(_head_noun(words, links) for words in named if words)
    return heads


def _head_noun(words: Sequence[str], links: Collection[str]) -> str:
    """The noun a name is headed by: its word before the first link after its first word ("Ministry of
    Health": ministry), else its last ("Pervomaisky District Court": court)."""
    for index in range(1, len(words)):
        if words[index] in links:
            return words[index - 1]
    return words[-1]


def _organisations_by_name(entities: Sequence[Entity]) -> dict[tuple[str, ...], str]:
    """Organisations by the words of their names and aliases, and by the tails of two words or more of their
    longer names, opening on a word other than a link, where one organisation alone has the tail: a role
    says "spokesman of the fire service" of the Hellenic Fire Service, the entities stage having joined "the
    fire service" to it as a description, not an alias (the generalise wildfire story: the spokesman's count
    stood as a second source against his own service's)."""
    links = voice_lexicon().links
    named: dict[tuple[str, ...], str] = {}
    tails: dict[tuple[str, ...], set[str]] = {}
    for entity in entities:
        if entity.type != "ORG":
            continue
        for name in (entity.name, *entity.aliases):
            words = _words(name)
            if words:
                named[words] = entity.id
            # "of health" is no name of the Ministry of Health: a tail opens on a word of its own
            for start in range(1, len(words) - 1):
                if words[start] not in links:
                    tails.setdefault(words[start:], set()).add(entity.id)
    return {**{tail: ids.pop() for tail, ids in tails.items() if len(ids) == 1}, **named}


def _described_names(entities: Sequence[Entity]) -> dict[tuple[str, ...], str]:
    """Descriptions of two words or more that resolution gave one organisation alone, "the" left out, as
    the words a role may name it by: the wildfire's spokesman is "spokesman of the fire service" in one
    report and "spokesman of the fire brigade" in another, "the fire brigade" being a description of the
    Hellenic Fire Service, not a name of it; read as a role at another organisation, it left him the voice
    of none (the generalise wildfire story's count of active fronts: two sources, contested)."""
    described = {}
    for text, entity_id in descriptions(entities).items():
        words = _words(text)[1:]
        if len(words) >= 2:
            described[words] = entity_id
    return described


def _by_name_words(entities: Sequence[Entity]) -> dict[frozenset[str], str]:
    """Organisations by the content words of their names, of two words or more, where one organisation
    alone has them ("Police of Armenia": {police, armenia})."""
    found: dict[frozenset[str], set[str]] = {}
    for entity in entities:
        if entity.type == "ORG":
            for name in (entity.name, *entity.aliases):
                words = name_words(name)
                if len(words) >= 2:
                    found.setdefault(words, set()).add(entity.id)
    return {words: ids.pop() for words, ids in found.items() if len(ids) == 1}


def name_words(text: str) -> frozenset[str]:
    """The content words of a name, stemmed, a demonym folded onto its country: "the Armenian police",
    "Police in Armenia" and "Police of Armenia" are {police, armenia}."""
    stopwords = ledger_lexicon().stopwords
    return frozenset(stem(word) for word in WORD.findall(text) if word.lower() not in stopwords)


def voice_of(claim: Claim, voices: Voices) -> str | None:
    """The entity a claim's speaker speaks as: the organisation of a person speaking for one; for a speaker
    left unresolved, or resolved to a place whose name is only part of the speaker's words ("Police in
    Armenia" resolved to Armenia), the one organisation whose name has the speaker's words ("Armenian
    police": the Police of Armenia; in the Yerevan protest story the police's latest count, 301, was an
    unresolved "Armenian police" beside its earlier ones and read as a side); else the speaker."""
    voice = _speaker_voice(claim, voices)
    return voices.one_body.get(voice, voice) if voice else voice


def _speaker_voice(claim: Claim, voices: Voices) -> str | None:
    """``voice_of`` before organisations naming one body are joined (``Voices.one_body``)."""
    if claim.speaker and claim.speaker in voices.people:
        return voices.people[claim.speaker]
    domain = _domain_voice(claim.speaker_text or "", voices) or _named_owners_body(claim.speaker_text, voices)
    if domain is not None:
        return domain
    if claim.speaker and claim.speaker not in voices.places:
        return claim.speaker
    owner = None if claim.speaker else _owner_voice(claim.speaker_text or "", voices)
    # "The judge" beside Gonzalo P. Curiel: the person resolution gave that description, one source with
    # the name, not a second one (curiel-trump-university, issue #14)
    described = (claim.speaker_text or "").strip().lower()
    person = None if claim.speaker else voices.people_described.get((claim.article, described))
    # "The British capital's new mayor on Tuesday" beside Sadiq Khan, elected mayor: the one person of the
    # article holding that role (muslim-ban-proposal, issue #14)
    head = None if claim.speaker or person is not None else role_head(claim.speaker_text or "")
    person = person if head is None else voices.holders.get((claim.article, head))
    if person is not None:
        return voices.people.get(person, person)
    body = None if claim.speaker else voices.bodies.get(_unowned_body(claim.speaker_text or ""))
    if body is not None:
        return body
    # "the sport's integrity body": the Weightlifting Integrity Unit (``described_organisation``)
    unowned = POSSESSOR.sub("the ", (claim.speaker_text or "").strip())
    description = None if claim.speaker else described_organisation(unowned, voices)
    named = voices.named.get(name_words(claim.speaker_text or ""))
    return owner or description or named or _place_voice(claim, voices)


def _place_voice(claim: Claim, voices: Voices) -> str | None:
    """The speaker, unless it is a place whose name is only a modifier of the speaker's words: "Seoul",
    "Russian officials", "the Iranian government" speak as the place, but "a New Hampshire Republican",
    "two-thirds of Republicans in Nevada", "voters in Iowa" are people of the place, no voice of it (the
    speaker's other words hold no word of a government, ``[voices.places] governing``, nor a role word). In
    PolNeAR's iowa-caucus-results story New Hampshire and Nevada stood as sources of party insiders'
    forecasts (issue #14); such a speaker is left unresolved, its words naming no one."""
    place_words = voices.place_names.get(claim.speaker or "")  # keyed by the story's places only
    if place_words is None:
        return claim.speaker
    others = name_words(claim.speaker_text or "") - place_words
    if not others or others & voice_lexicon().governing:
        return claim.speaker
    return None


def _named_owners_body(speaker: str | None, voices: Voices) -> str | None:
    """The one organisation a named owner's body written as common nouns is ("Republika Srpska's civil
    protection administration": the Republic Administration for Civil Protection, ``described_organisation``),
    whatever the entities stage made of the words: in the generalise bridge story it resolved them to the
    owner, and the administration's latest counts of the bodies and the missing read as a second source's
    (still so in round 27: without this the generalise series lose both bridge series, 43/43 → 41/43).
    None where the words are no such body or name none, or several, of the story's organisations."""
    match = NAMED_OWNER.match((speaker or "").strip())
    return None if match is None else described_organisation(f"the {match['body'].strip()}", voices)


def _unowned_body(speaker: str) -> str:
    """A speaker's words as ``Voices.bodies`` holds a body: lower case, without "the"."""
    words = speaker.strip().split()
    return " ".join(words[1:] if words[:1] in (["the"], ["The"]) else words).lower()


def _owner_voice(speaker: str, voices: Voices) -> str | None:
    """The organisation an unresolved speaker speaks as where the words name its press staff or a role held
    for it, the organisation written as a common noun ("the court's press service", "a spokeswoman for the
    court"): the organisation the noun describes (``described_organisation``: the Pervomaisky District
    Court, beside a Supreme Court never called "the court"). In the
    generalise trial story the court's count of defendants sentenced came through its press service, a
    spokeswoman and the court named, three sources of three values (issue #17). None for other words."""
    match = OWNED_ROLE.match(speaker.strip()) or ROLE_FOR.match(speaker.strip())
    lexicon = voice_lexicon()
    if match is None or match["role"].lower() not in lexicon.roles | lexicon.press:
        return None
    return described_organisation(f"the {match['owner'].lower()}", voices)


def described_organisation(description: str, voices: Voices) -> str | None:
    """The one organisation a description names, "the" and lower-case words: the one resolution gave it
    (``Voices.described``), else the one whose names hold each of its words before the head noun
    ("integrity" of "the integrity body": the Weightlifting Integrity Unit), or, with no such words, whose
    name is headed by its head noun ("the court": the Pervomaisky District Court; "the unit": the
    Weightlifting Integrity Unit). None where no organisation, or several, fit. In the generalise doping
    story the unit's latest count came from "the sport's integrity body" and read as a second source
    giving a figure of its own (issue #17)."""
    text = description.strip()
    if text.lower() in voices.described:
        return voices.described[text.lower()]
    words = _words(text)
    if len(words) < 2 or words[0] != "the" or not text[4:].islower():
        return None
    *modifiers, head = words[1:]
    found = [
        organisation
        for organisation, names in voices.organisations.items()
        if (set(modifiers) <= names if modifiers else head in voices.heads.get(organisation, ()))
    ]
    return found[0] if len(found) == 1 else None


def _domain_voice(speaker: str, voices: Voices) -> str | None:
    """The organisation a group of unnamed officials named by their domain speaks for ("Armenian election
    officials": the Central Electoral Commission): the speaker's words are a group noun after lower-case
    domain words and perhaps a demonym, and one organisation alone has, for each domain word, a name word
    of the same stem (``[voices.groups]``). A named group ("CEC officials") is the entities stage's."""
    lexicon = voice_lexicon()
    words = [word for word in ROLE_WORD.findall(speaker) if word.lower() not in lexicon.links]
    if len(words) < 2 or words[-1] not in lexicon.groups:
        return None
    domain = [word for word in words[:-1] if not _is_demonym(word)]
    if not domain or any(not word.islower() or len(word) < lexicon.domain_stem for word in domain):
        return None
    found = [
        organisation
        for organisation, names in voices.organisations.items()
        if all(any(_share_stem(word, name, lexicon.domain_stem) for name in names) for word in domain)
    ]
    return found[0] if len(found) == 1 else None


def _is_demonym(word: str) -> bool:
    """A capitalised demonym ("Armenian", "Korean"): it says whose officials, not which domain."""
    return word[:1].isupper() and word.endswith(("ian", "ean"))


def _share_stem(word: str, other: str, letters: int) -> bool:
    return len(other) >= letters and word[:letters] == other[:letters]


def _spoken_for(
    roles: Sequence[str],
    organisations: Mapping[tuple[str, ...], str],
    portfolios: Mapping[Portfolio, str] = MappingProxyType({}),
) -> str | None:
    """The one organisation a person's roles say they speak for: roles naming it beside a role word
    outnumber the roles of another kind. A role of another kind is one with a word that is neither a role
    word, a link nor a word of the organisation's name ("Secretary", "the official"): resolution gave
    Clinton, beside those, "head of the Center for American Progress", another person's role (PolNeAR).
    ``portfolios``: the organisations a title heads (``_portfolios``)."""
    named = {role: _named_in_role(role, organisations) | _headed_in_role(role, portfolios) for role in roles}
    found = set().union(*named.values())
    if len(found) != 1:
        return None
    organisation = found.pop()
    own_words = {word for name, org in organisations.items() if org == organisation for word in name}
    lexicon = voice_lexicon()
    # "s" of a possessive: "the committee's spokesman" is no role of another kind
    allowed = lexicon.roles | lexicon.links | own_words | {POSSESSIVE_S}
    other_kind = sum(1 for role in roles if not named[role] and set(_words(role)) - allowed)
    return organisation if sum(1 for role in roles if named[role]) > other_kind else None


# an office noun and the other words of an organisation's name: ("ministry", {"health"})
Portfolio = tuple[str, frozenset[str]]


def _portfolio(words: Sequence[str], office: str) -> Portfolio:
    """The office and the words that say which one ("Ministry of the Interior": interior), links aside."""
    links = voice_lexicon().links
    return office, frozenset(word for word in words if word != office and word not in links)


def _portfolios(entities: Sequence[Entity]) -> dict[Portfolio, str]:
    """The organisations whose names hold an office noun of ``[voices.offices]`` ("Ministry of Health",
    "Interior Ministry"), by their portfolio (``_portfolio``), where one organisation alone has it."""
    offices = set(voice_lexicon().offices.values())
    found: dict[Portfolio, set[str]] = {}
    for entity in entities:
        if entity.type == "ORG":
            for name in (entity.name, *entity.aliases):
                words = _words(name)
                for office in offices & set(words):
                    portfolio = _portfolio(words, office)
                    if portfolio[1]:
                        found.setdefault(portfolio, set()).add(entity.id)
    return {portfolio: ids.pop() for portfolio, ids in found.items() if len(ids) == 1}


def _headed_in_role(role: str, portfolios: Mapping[Portfolio, str]) -> set[str]:
    """The organisation a title in the role heads: the title's other words are the name's ("Health
    Minister", "minister of health": the Ministry of Health); none for a former holder, nor when other
    words are there ("Deputy Health Minister", "Uzbekistan's Health Minister": whose ministry is unsure)."""
    words = _words(role)
    lexicon = voice_lexicon()
    if lexicon.former & set(words):
        return set()
    found = set()
    for title, office in lexicon.offices.items():
        if title in words:
            organisation = portfolios.get(_portfolio([w for w in words if w != title], office))
            if organisation is not None:
                found.add(organisation)
    return found


def as_voices(claims: Sequence[Claim], voices: Voices) -> list[Claim]:
    """The claims with each speaker replaced by the entity they speak as (``voice_of``), for counting
    sources and listing a position's speakers (the claim itself keeps the person). A rejection of an offer
    (``spurns_an_offer``: "the mayor rejected the senator's offer") is the outlet's own report that the
    offer was made: the one who spurns it holds no offer of their own, and stood beside the one who made it
    as a second source agreeing that he had (PolNeAR muslim-ban-proposal, issue #14)."""
    voiced = []
    for claim in claims:
        if spurns_an_offer(claim):
            # the outlet's own voice (``Claim.outlet_voice``: no speaker, no cue), asserting the offer
            voiced.append(replace(claim, speaker=None, speaker_text=None, cue="", modality="asserted"))
            continue
        speaker = voice_of(claim, voices)
        voiced.append(claim if speaker == claim.speaker else replace(claim, speaker=speaker))
    return voiced


@dataclass(frozen=True, slots=True)
class SpurnedOffers:
    """``[spurned_offers]`` of the ledger lexicon (``spurns_an_offer``)."""

    verbs: tuple[str, ...]
    nouns: frozenset[str]
    clause_openers: frozenset[str]
    reach: int


@cache
def spurned_offers() -> SpurnedOffers:
    data = load_lexicon("ledger")["spurned_offers"]
    return SpurnedOffers(
        tuple(data["verbs"]), frozenset(data["nouns"]), frozenset(data["clause_openers"]), data["reach"]
    )


def spurns_an_offer(claim: Claim) -> bool:
    """Whether a denial is a rejection of an offer or a proposal put forward ("the mayor rejected the
    senator's offer to make an exception", "she turned down the plan"): its content is a noun phrase headed
    by a noun of ``[spurned_offers]``, not a clause ("rejected the idea that he lied", "rejected reports he
    had been warned": claims, still denied). Spurning an offer denies no one's words; it takes the offer
    for granted (PolNeAR muslim-ban-proposal: the London mayor's rejection of Trump's offer of an exception
    stood as the denial that Trump would make one, and the question read as contested, issue #14)."""
    lexicon = spurned_offers()
    cue = " " + " ".join(WORD.findall(claim.cue.lower()))
    if claim.modality != "denied" or not any(f" {verb}" in cue for verb in lexicon.verbs):
        return False
    words = [word.lower() for word in WORD.findall(claim.text)]
    for place, word in enumerate(words[: lexicon.reach]):
        if word in lexicon.clause_openers:
            return False
        if word in lexicon.nouns:
            return words[place + 1 : place + 2] == [] or words[place + 1] not in lexicon.clause_openers
    return False


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in ROLE_WORD.findall(text))


def _named_in_role(role: str, organisations: Mapping[tuple[str, ...], str]) -> set[str]:
    """The organisations a current role names right beside a role word: after it across links only ("head
    of the Dhi Qar Health Directorate"), or right before it ("NCDD director", "FBI's director"). "The
    director of debate at the University of Michigan" directs a programme; he does not speak for the
    university."""
    words = _words(role)
    lexicon = voice_lexicon()
    if lexicon.former & set(words):
        return set()
    found = [
        (start, end)
        for start in range(len(words))
        for end in range(start + 1, min(start + LONGEST_NAME, len(words)) + 1)
        if words[start:end] in organisations
    ]
    # "Velsund" inside "Velsund Dockers' Union" is part of the longer name, not a second organisation
    longest = [
        (start, end)
        for start, end in found
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in found)
    ]
    return {
        organisations[words[start:end]]
        for start, end in longest
        if _role_word_before(words[:start], lexicon) or _role_word_after(words[end:], lexicon)
    }


def _role_word_before(before: Sequence[str], lexicon: VoiceLexicon) -> bool:
    linked = list(before)
    while linked and linked[-1] in lexicon.links:
        linked.pop()
    return len(linked) < len(before) and bool(linked) and linked[-1] in lexicon.roles


def _role_word_after(after: Sequence[str], lexicon: VoiceLexicon) -> bool:
    """A role word right after the organisation ("NCDD director", "FBI's director"), unless a link and other
    words follow it: "White House Chief of Staff" heads the staff, a post inside the organisation, no voice of
    it (PolNeAR classified-emails: McDonough's praise in a released email stood as the Government of the
    United States', issue #14), as "the director of debate at the University of Michigan" directs a
    programme."""
    rest = list(after[1:]) if after[:1] == ["s"] else list(after)  # "FBI's director": "fbi", "s", …
    if not rest or rest[0] not in lexicon.roles:
        return False
    return not (len(rest) > 2 and rest[1] in lexicon.links and rest[2] not in lexicon.links)
