"""The entities stage: one entity per real-world actor across articles.

Mentions come from ``entities.mentions`` (names, roles, descriptions, acronyms, metonymy, per article).
Resolution across articles is blocking + guarded merging, never all-pairs over the corpus:
1. each mention has a *key*: the folded form (unidecode, case, punctuation and hyphens removed) of the name
   it stands for (``refers_to``) or of its own text — "Yoon Suk-yeol" = "Yoon Suk Yeol", and a description
   or acronym joins its antecedent; keys equal once spaces go ("Min-jun" / "Minjun") are one;
2. a key that is a person's full name or surname anywhere in the collection is a person everywhere (the
   small model tags one surname as a place in one sentence and a person in the next), and so is a full
   name that reads as a person's in another romanisation, given name and surname both ("Bolat
   Jounoussov", tagged a place, beside "Bolat Zhunusov");
3. person keys are blocked by near spellings of their surname (``entities.index``: one edit apart, one
   jellyfish Metaphone code: Zelensky ~ Zelenskyy) and merged when surnames are near-identical (rapidfuzz)
   and given names compatible (Volodymyr ~ Volodimir); a lone surname joins the full name its own article
   gives where the scope names two people of that surname, else the one full name with that surname, only
   when exactly one exists: it never makes two people of one surname one;
4. an acronym joins the one organisation whose initials it spells (NCSC ↔ National Cyber Security Centre);
5. a person description no article explained ("the Lithuanian foreign minister") joins the one person
   whose roles match it, across the collection.
Hand-written because no library does cross-document name resolution over news mentions offline; the
string metrics come from rapidfuzz and jellyfish, the grouping from scipy's DisjointSet.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import combinations

from scipy.cluster.hierarchy import DisjointSet

from storyline.config import DEFAULT_SETTINGS, EntitiesSettings
from storyline.records import ROLE_LABEL, Entity, Mention
from storyline.stages.entities.bodies import bodies_of_recurring_descriptions
from storyline.stages.entities.employers import split_by_employer
from storyline.stages.entities.index import SimilarWords
from storyline.stages.entities.inflections import inflected_surnames_keyed_as_their_name
from storyline.stages.entities.known import known_organisation_key
from storyline.stages.entities.known_as import other_names_across_story
from storyline.stages.entities.korean import korean_surname_reading, korean_surname_row
from storyline.stages.entities.lexicon import (
    DEMONYM_ENDINGS,
    PLACE_LABELS,
    PLACE_NAME_ENDINGS,
    STEM_CHARS,
    entity_lexicon,
    fold_name,
)
from storyline.stages.entities.mentions import extract_mentions
from storyline.stages.entities.names import (
    NameContext,
    merge_person_variants,
    surname_particles_joined,
    without_middle_patronymic,
)
from storyline.stages.entities.organisation_descriptions import is_organisation_description
from storyline.stages.entities.organisations import (
    attach_organisation_descriptions,
    localise_organisation_names,
    merge_organisation_names,
    own_names_of_organisations,
    without_generic_tail,
    without_legal_form,
)
from storyline.stages.entities.people import lone_given_names_keyed_as_their_article_name
from storyline.stages.entities.person_descriptions import role_matches, role_stems
from storyline.stages.entities.places import tagged_place_keys
from storyline.stages.entities.scopes import is_state_body, link_scopes, scope_country, story_scopes
from storyline.stages.entities.transliteration import (
    name_readings,
    opens_with_given_name,
    readings,
    readings_without_first_given_name,
    surname_first_readings,
)

__all__ = ["extract_mentions", "fold_name", "resolve_entities", "span_index"]

# How alike two spellings of a name must be, and how generic a role may be before it is left unresolved,
# are the stage's settings (``config.EntitiesSettings``).
WORD = re.compile(r"[\w-]+")
# The lower-case words right after a name's possessive, up to a comma or a capital: "'s longtime friend";
# the rest of the name may come first where the tagger split it ("Keith" + " Lamont Scott's wife").
POSSESSED_WORDS = re.compile(r"(?:\s+[A-Z][\w-]*)*(?:'s|’s|'|’)((?:\s+[a-z][\w-]*){1,3})")
# A relation noun and "of" right before a name: "the wife of ", "a lawyer for " is no relation.
RELATION_OF = re.compile(r"\b(\w+)\s+of\s+(?:the\s+)?$")

# A mention with its folded key, computed once per resolution.
Keyed = tuple[str, Mention]


def mention_key(mention: Mention) -> str:
    return known_organisation_key(mention.refers_to or mention.text)


def _broad_type(label: str) -> str:
    # spaCy often swaps GPE and LOC for one place; they are one kind of actor for merging.
    return "PLACE" if label in PLACE_LABELS else label


class _PersonNames:
    """Full person names of the collection and their surnames: a mention with such a key — or a lone
    word spelling such a surname differently ("Zelenskyy" beside "Volodymyr Zelensky") — is a person even
    where the small model tagged it as a place or organisation."""

    def __init__(self, keyed: Sequence[Keyed], surname_min_ratio: float) -> None:
        # A name the small model tags an organisation more often than a person is an organisation's
        # ("Northrop Grumman" once PERSON, seven times ORG).
        # So is a name tagged a place more often than a person ("Dhi Qar", twice PERSON, five times a place).
        # And no person's name ends in a generic company word, which makes the name tagged a person in
        # some reports an organisation in the rest too ("Vertikal Inženjering"; issue #17, drina-bridge).
        labels = Counter((key, _broad_type(mention.label)) for key, mention in keyed if " " in key)
        # Nor is a name the collection also writes with a company's legal form ("Suryo Agrotech", tagged a
        # person, beside "Suryo Agrotech Pvt. Ltd."; issue #17, gas-leak).
        written_with_legal_form = {bare for key, _ in labels if (bare := without_legal_form(key)) != key}
        self.full_names = {
            key
            for (key, label) in labels
            if label == "PERSON"
            and without_generic_tail(key) == key
            and key not in written_with_legal_form
            and labels[key, "PERSON"] >= labels[key, "ORG"]
            and labels[key, label] > labels[key, "PLACE"]
        }
        read_as_names, printed_surname_first = _read_as_full_names(
            {key for key, _ in labels}, self.full_names, labels
        )
        self.full_names |= read_as_names
        self.full_names |= _read_as_tagged_surnames(keyed, {key for key, _ in labels}, self.full_names)
        # "Garuda Indonesia" tagged a person: Indonesia stays a place; so does a capital ("Electric Yerevan")
        lexicon = entity_lexicon()
        # a name read surname first ("Sargsjan Lilit") lends its first word too: "said Sargsjan"
        surnames = (
            (
                {name.split()[-1] for name in self.full_names}
                | {name.split()[0] for name in printed_surname_first}
            )
            - lexicon.countries
            - set(lexicon.seats_of_government)
        )
        self.surnames = SimilarWords(surnames, surname_min_ratio)
        # A Korean surname is the first word of its full name: "Tschoi" alone is a person beside "Choi
        # Seong-ho" (entities.korean), whatever the small model tagged it.
        self.korean_surnames = {
            reading[0] for name in self.full_names if (reading := korean_surname_reading(name.split()))
        }

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not key:
            return False
        if key in self.full_names:
            return True
        if " " in key:
            return False
        return bool(self.surnames.similar(key)) or f"korean {korean_surname_row(key)}" in self.korean_surnames


def _read_as_full_names(
    keys: set[str], full_names: set[str], labels: Counter[tuple[str, str]]
) -> tuple[set[str], set[str]]:
    """Names never tagged a person that read as a person's full name of the collection in another
    romanisation, given name and surname both ("Bolat Jounoussov", tagged a place, beside the person "Bolat
    Zhunusov"): the small model knows English spellings of names better than French or German ones. Two or
    three words, as a full name has; two may be printed surname first ("Sargsjan Lilit", tagged an
    organisation, beside the person "Lilit Sargsyan"), as ``names`` reads them (``surname_first_readings``).
    All those names, and those of them read surname first (whose first word is the surname a lone
    "Sargsjan" spells)."""
    surname_readings = {reading for key in full_names for reading in readings(key.rsplit(" ", 1)[-1])}
    candidates = [
        words
        for key in keys - full_names
        if 2 <= len(words := key.split()) <= 3
        and not labels[key, "PERSON"]
        and not readings(words[-1]).isdisjoint(surname_readings)  # cheap: most keys stop here
    ]
    surname_first = [
        words
        for key in keys - full_names
        if len(words := key.split()) == 2
        and not labels[key, "PERSON"]
        and not readings(words[0]).isdisjoint(surname_readings)
    ]
    person_readings = {block for key in full_names for block in name_readings(key.split())}
    read_surname_first = {
        " ".join(words) for words in surname_first if surname_first_readings(words, person_readings)
    }
    # a word before the given name ("Kazakh Dauren Schaksylykow", tagged an organisation) is left out as
    # ``names`` leaves it out when merging (issue #17, generalise tbilisi-doping)
    read_in_order = {
        " ".join(words)
        for words in candidates
        if not (name_readings(words) | readings_without_first_given_name(words)).isdisjoint(person_readings)
    }
    return read_in_order | read_surname_first, read_surname_first - read_in_order


def _read_as_tagged_surnames(keyed: Sequence[Keyed], keys: set[str], full_names: set[str]) -> set[str]:
    """Two-word names never tagged a person whose surname reads as a lone word tagged only a person, where
    no full name of the collection has that surname: the small model tagged every full spelling of a person
    a place ("Nino Abaszidze", "Nino Abaschidse", "Nino Abashidze") and only the bare surname a person
    ("Abaszidze said"; issue #17, generalise tbilisi-doping). Two words of letters, neither of them a
    country or capital, the first no lone person's name, the name never tagged an organisation: on MEANTIME
    "McDonnell Douglas", "Northrop Grumman" and "iPod Nano" end in a word tagged a person alone."""
    labels = Counter((key, _broad_type(mention.label)) for key, mention in keyed if key and " " not in key)
    lone_people = {
        key
        for (key, label), count in labels.items()
        if label == "PERSON"
        and count == sum(labels[key, other] for other in ("PERSON", "ORG", "PLACE", "NORP"))
    }
    lexicon = entity_lexicon()
    places = lexicon.countries | set(lexicon.seats_of_government)
    full_surnames = {reading for key in full_names for reading in readings(key.rsplit(" ", 1)[-1])}
    surname_readings = {
        reading for key in lone_people - places for reading in readings(key) if reading not in full_surnames
    }
    tagged_organisation = {key for key, mention in keyed if mention.label == "ORG"}
    return {
        key
        for key in keys - full_names - tagged_organisation
        if len(words := key.split()) == 2  # a given name and a surname
        and all(word.isalpha() for word in words)
        and not places.intersection(words)
        and words[0] not in lone_people
        and not readings(words[-1]).isdisjoint(surname_readings)
    }


def _organisation_words(keyed: Sequence[Keyed]) -> set[str]:
    """Single words that name, begin or end an organisation somewhere ("Yonhap" of "Yonhap news agency",
    "Ukrenergo" of "National Energy Company Ukrenergo": the small model tags the short name a person). A
    name ending in a generic company word ("… Sanayi Holding", tagged a person) is an organisation's."""
    org_keys = [
        key
        for key, mention in keyed
        if mention.label == "ORG" or (mention.label == "PERSON" and without_generic_tail(key) != key)
    ]
    edges = {word for key in org_keys if key for word in (key.split()[0], key.split()[-1])}
    # "Suryo Agrotech" of "Suryo Agrotech Pvt. Ltd.": the name without its legal form is the company's too
    return edges | set(org_keys) | {without_legal_form(key) for key in org_keys}


def _type_of(
    key: str,
    mention: Mention,
    person_keys: _PersonNames,
    organisation_words: set[str],
    place_keys: frozenset[str],
) -> str:
    """A full name or surname of a person is a person; a name tagged PERSON that is no person's name or
    surname but an organisation's name elsewhere is that organisation (outlets: "Politico"; "Northrop
    Grumman", tagged a person once and an organisation seven times); a
    capital the lexicon knows is a place, whatever the small model tagged ("frustrated Kyiv"). No person's
    name ends in a generic company word ("… Sanayi Holding", tagged a person: issue #17)."""
    if mention.label == "PERSON" and " " in key and without_generic_tail(key) != key:
        return "ORG"
    if key in person_keys or opens_with_given_name(key):
        return "PERSON"
    if mention.refers_to is None and key in place_keys:
        return "PLACE"
    if mention.label == "PERSON" and key in organisation_words:
        return "ORG"
    # Capitals only: many countries are also names ("Jordan", "Chad"), a capital alone rarely is.
    if mention.refers_to is None and key in entity_lexicon().seats_of_government:
        return "PLACE"
    return _broad_type(mention.label)


def _is_demonym(key: str, place_keys: frozenset[str]) -> bool:
    """A single word that is the demonym of a place of the collection ("lithuanian" beside "lithuania"):
    the small model tags such words as organisations in headlines ("Lithuanian FM calls …"), but a
    nationality is not an actor of its own. "Kazakh" beside "Kazakhstan" is one too."""
    if " " in key or len(key) < STEM_CHARS:
        return False
    if any(key + ending in place_keys for ending in PLACE_NAME_ENDINGS):
        return True
    if not key.endswith(DEMONYM_ENDINGS) or len(key) == STEM_CHARS:
        return False
    return any(
        place != key and " " not in place and place[:STEM_CHARS] == key[:STEM_CHARS] for place in place_keys
    )


def _merge_spacing_variants(groups: DisjointSet) -> None:
    """Keys equal once spaces go are one name: "kim min jun" (from "Min-jun") = "kim minjun"."""
    first_with: dict[str, str] = {}
    for key in list(groups):
        compact = key.replace(" ", "")
        if compact in first_with:
            groups.merge(first_with[compact], key)
        else:
            first_with[compact] = key


def _group_names(
    keyed: Sequence[Keyed],
    broad_type: str,
    settings: EntitiesSettings,
    context: NameContext,
    place_keys: frozenset[str],
) -> dict[str, list[Mention]]:
    organisation_names = None
    if broad_type == "ORG":
        keyed, organisation_names = localise_organisation_names(keyed, place_keys)
    if broad_type == "PERSON":
        keyed = [(without_middle_patronymic(key), mention) for key, mention in keyed]
        joined = surname_particles_joined({key for key, _ in keyed})
        keyed = [(joined.get(key, key), mention) for key, mention in keyed]
    groups = DisjointSet(key for key, _ in keyed)
    _merge_spacing_variants(groups)
    if broad_type == "PERSON":
        merge_person_variants(list(groups), groups, settings, context)
    if organisation_names is not None:
        merge_organisation_names(keyed, groups, organisation_names, context, settings)
    members: dict[str, list[Mention]] = defaultdict(list)
    for key, mention in keyed:
        members[groups[key]].append(mention)
    return members


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Resolution builds hundreds of thousands of small keys, sets and lists that form no reference cycles;
    left on, the cycle collector re-walks the whole live heap again and again as it grows, which made
    10× the mentions cost ~19× the time (×10 with it paused; ``benchmarks/entities_scaling.py``). Memory
    is freed by reference counting as usual; the collector is restored, as it was, on the way out."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def resolve_entities(
    mentions: Sequence[Mention], settings: EntitiesSettings = DEFAULT_SETTINGS.entities
) -> list[Entity]:
    """Group mentions into entities: one per real-world actor, with aliases, roles and every mention. Each
    story scope is resolved alone, then the same actor is joined across scopes (``entities.scopes``)."""
    with _cycle_collector_paused():
        scopes = story_scopes(mentions, settings.transliteration_min_shared_actors)
        if len(scopes) <= 1:
            return _resolve(mentions, settings)
        scoped = [_resolve(scope, settings) for scope in scopes]
        lexicon = entity_lexicon()
        countries = [scope_country(scope, lexicon) for scope in scopes]

        def country_bound(scope: int, entity: Entity) -> str | None:
            return countries[scope] if is_state_body(entity, lexicon) else None

        collection = _resolve(mentions, settings, within_story=False)
        return link_scopes(scoped, collection, _make_entity, _broad_type, country_bound)


def _resolve(
    mentions: Sequence[Mention], settings: EntitiesSettings, *, within_story: bool = True
) -> list[Entity]:
    """One scope's entities; ``within_story`` False for the whole collection's proposals, which do not read
    a story's places into another ("Jordan", a place in one story, a person in the next)."""
    if within_story:  # an own-language name one report gives an organisation is its name story-wide
        mentions = other_names_across_story(mentions)
    # Each mention's key is folded once here and travels with it: the passes below look it up often.
    keyed = lone_given_names_keyed_as_their_article_name(
        _lone_surnames_keyed_as_their_article_name(
            inflected_surnames_keyed_as_their_name(
                [(mention_key(mention), mention) for mention in mentions if mention.label != ROLE_LABEL]
            )
        )
    )
    person_keys = _PersonNames(keyed, settings.surname_min_ratio)
    organisation_words = _organisation_words(keyed)
    tagged_places = tagged_place_keys(keyed) if within_story else frozenset()
    short_names = own_names_of_organisations(keyed) if within_story else frozenset()
    by_type: dict[str, list[Keyed]] = defaultdict(list)
    for key, mention in keyed:
        broad_type = _type_of(key, mention, person_keys, organisation_words, tagged_places - short_names)
        if key in short_names and broad_type == "PLACE" and mention.refers_to is None:
            broad_type = "ORG"  # "Altınova" of "Altınova Sanayi Holding", tagged a place
        by_type[broad_type].append((key, mention))
    context = _name_context(by_type)
    place_keys = frozenset(key for key, _ in by_type["PLACE"])
    by_type["ORG"] = [(key, m) for key, m in by_type["ORG"] if not _is_demonym(key, place_keys)]
    groups: list[list[Mention]] = []
    types: list[str] = []
    for broad_type, typed_mentions in sorted(by_type.items(), key=lambda item: item[0]):
        for group in _group_names(typed_mentions, broad_type, settings, context, place_keys).values():
            parts = _people_by_employer(group, place_keys) if broad_type == "PERSON" else [group]
            groups.extend(parts)
            types.extend(broad_type for _ in parts)
    lexicon = entity_lexicon()
    descriptions = [m for m in mentions if m.label == ROLE_LABEL]
    of_organisations = [m for m in descriptions if is_organisation_description(m.text, lexicon)]
    of_people = [m for m in descriptions if not is_organisation_description(m.text, lexicon)]
    _attach_role_descriptions(of_people, groups, context, settings)
    attach_organisation_descriptions(of_organisations, groups, context, settings)
    if within_story:  # "the border service" of one story is no other story's
        bodies_of_recurring_descriptions(of_organisations, groups, lexicon)
        types.extend("ORG" for _ in range(len(groups) - len(types)))
    entities = [_make_entity(group, broad_type) for group, broad_type in zip(groups, types, strict=True)]
    return sorted(entities, key=lambda entity: (-len(entity.mentions), entity.name))


def _people_by_employer(group: list[Mention], place_keys: frozenset[str]) -> list[list[Mention]]:
    """A person group split where its articles give one title for two bodies (``entities.employers``); a
    place of the collection, its demonym or a country of the lexicon says where, not for whom."""
    lexicon = entity_lexicon()

    def is_place(word: str) -> bool:
        return word in place_keys or word in lexicon.countries or _is_demonym(word, place_keys)

    return split_by_employer(group, lexicon, is_place)


def _lone_surnames_keyed_as_their_article_name(keyed: list[Keyed]) -> list[Keyed]:
    """A lone surname tagged a person stands for the one person its own article names in full with that
    surname, where the scope names two people or more of that surname: keyed so, it joins that name and
    never bridges two people of one surname ("Lena Moreau" and "Moreau" in one article, "Paul Moreau" and
    "Moreau" in another; a mayor Ghazaryan and an interior minister Ghazaryan; "Kim" beside "Kim Jong Il"
    and beside "Kim Jong Un", a Korean surname being the name's first word). An article that names two
    people of the surname ("Paul Moreau and Lena Moreau … Mr Moreau") or none leaves its lone surname to
    the scope-wide rule, which joins it to a full name only where one person has that surname. Where the
    scope names one person of the surname the scope-wide rule decides alone (read by this one, MEANTIME
    apple's lone "Cook" took a description the gold gives another person: B3 0.863 -> 0.862). The lone
    "Jackman" of ECB+ topic 2, its own entity beside "Hugh Jackman" before (a mis-tagged "Having Jackman"
    made two candidates), now joins him in each report that names him alone; the reports, no longer sharing
    that second entity, fell into one more story (topics 1-5 B3 R 0.746 -> 0.732, P 0.935 unchanged) until
    the mis-tag itself was cut (``noise.without_leading_word``: R 0.747)."""
    full_names = _full_names_by_article(keyed)
    names_of: dict[str, set[str]] = defaultdict(set)
    for (_, surname), names in full_names.items():
        names_of[surname] |= names
    read: dict[tuple[str, str], str] = {}
    for key, mention in keyed:
        if mention.label != "PERSON" or " " in key:
            continue
        for surname in _surname_handles(key):
            names = full_names.get((mention.article, surname), set())
            if len(names) == 1 and _names_two_people(names_of[surname], surname):
                read[mention.article, key] = next(iter(names))
    return [
        (read.get((mention.article, key), key) if mention.label == "PERSON" else key, mention)
        for key, mention in keyed
    ]


def _names_two_people(names: Iterable[str], surname: str) -> bool:
    """Whether full names of one surname are two people or more: two whose given names are not one the
    short form of the other ("Tim Cook" and "Timothy D. Cook" may be one man; "Kim Jong Il" and "Kim Jong
    Un" are two)."""
    given = sorted({_given_names(name, surname) for name in names}, key=len)
    return any(not longer.startswith(shorter) for shorter, longer in combinations(given, 2))


def _given_names(name: str, surname: str) -> str:
    """The words of a full name other than its surname (the last word, or the first of a Korean name),
    spaces removed."""
    words = name.split()
    return "".join(words[:-1] if words[-1] == surname else words[1:])


def _surname_handles(lone: str) -> list[str]:
    """What a lone word is matched to full names by: itself as the last word, and its row of the Korean
    surname table as the first word of a Korean name ("Kim" of "Kim Jong Un")."""
    row = korean_surname_row(lone)
    return [lone] if row is None else [lone, f"korean {row}"]


def _full_names_by_article(keyed: Sequence[Keyed]) -> dict[tuple[str, str], set[str]]:
    """(article, surname) -> the keys of the full person names that article gives with that surname: the
    last word, or the Korean surname row of a name read in Korean order. A name tagged a person anywhere
    in the scope counts wherever it is written: the small model tagged "Hugh Jackman" a place in two ECB+
    reports whose lone "Jackman" it tagged a person."""
    people = {key for key, mention in keyed if mention.label == "PERSON" and " " in key}
    full_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, mention in keyed:
        words = key.split()
        if key in people:
            full_names[(mention.article, words[-1])].add(key)
            if korean := korean_surname_reading(words):
                full_names[(mention.article, korean[0])].add(key)
    return full_names


def _name_context(by_type: dict[str, list[Keyed]]) -> NameContext:
    """Where each key is used and with which roles, for the weak merges of ``names``."""
    context = NameContext()
    ignorable = entity_lexicon().ignorable_words
    for broad_type, typed_mentions in by_type.items():
        for key, mention in typed_mentions:
            role_words = [w for w in fold_name(mention.role or "").split() if w not in ignorable]
            context.add(key, mention.article, role_words, is_place=broad_type == "PLACE")
    return context


def _attach_role_descriptions(
    descriptions: Sequence[Mention],
    groups: list[list[Mention]],
    context: NameContext,
    settings: EntitiesSettings,
) -> None:
    """A description like "the Lithuanian foreign minister" joins the one person of its article, else of
    its story (its article chain, ``NameContext.nearest``), whose roles match it: never a person of an
    unrelated story, so what a role resolves to does not change as other stories are ingested. People
    are blocked by the stems of their role words (``role_matches`` compares words by that prefix), so
    each description is compared only with the people whose roles hold all its words. A description
    whose rarest word is in more than ``max_role_candidates`` people's roles is too generic to resolve
    across a whole collection ("the minister" in a month of news) and stays unresolved."""
    lexicon = entity_lexicon()
    max_role_candidates, min_shared = settings.max_role_candidates, settings.transliteration_min_shared_actors
    roles_of = [{m.role for m in group if m.role and m.label == "PERSON"} for group in groups]
    by_stem: dict[str, set[int]] = defaultdict(set)
    for index, roles in enumerate(roles_of):
        for role in roles:
            for stem in role_stems(role, lexicon):
                by_stem[stem].add(index)
    for description in descriptions:
        # the role a description gives is its text, or its text with the body of the office it names
        # ("The head| of the Imereti police": ``person_descriptions``)
        described = description.role or description.text
        stems = role_stems(described, lexicon)
        blocks = sorted((by_stem.get(stem, set()) for stem in stems), key=len)
        if not blocks or len(blocks[0]) > max_role_candidates:
            continue
        candidates = set.intersection(*blocks)
        fitting = (i for i in candidates if any(role_matches(described, r, lexicon) for r in roles_of[i]))
        matches = context.nearest(description.article, fitting, groups, min_shared)
        if len(matches) == 1:
            group = groups[matches[0]]
            person = group[0]
            group.append(
                Mention(
                    description.article,
                    description.start,
                    description.end,
                    description.text,
                    "PERSON",
                    refers_to=person.refers_to or person.text,
                )
            )


def _make_entity(group: list[Mention], broad_type: str) -> Entity:
    names = Counter(m.text if m.refers_to is None else m.refers_to for m in group)
    spelled = {m.text for m in group}
    own_names = Counter({text: count for text, count in names.items() if text in spelled})
    # The canonical name is the longest full form, then the one most articles use: "Mark Rutte" over
    # "Rutte"; a name no mention spells ("Government of Russia") only when the group has nothing else.
    candidates = own_names or names
    articles_with = Counter(text for text, _ in {(m.text, m.article) for m in group})
    name = max(candidates, key=lambda text: (len(text.split()), articles_with[text], candidates[text], text))
    place_labels = Counter(m.label for m in group if m.label in PLACE_LABELS)
    label = broad_type
    if broad_type == "PLACE":  # a place only ever mistagged (a capital tagged PERSON) is a GPE
        label = place_labels.most_common(1)[0][0] if place_labels else "GPE"
    entity_id = "e-" + hashlib.sha1(f"{_broad_type(label)}:{fold_name(name)}".encode()).hexdigest()[:10]
    # A description or title carries itself as its role ("Apple CEO" of "Apple CEO Steve Jobs").
    ordered_group = sorted(group, key=lambda m: (m.article, m.start))
    surfaces = dict.fromkeys(m.text for m in ordered_group if m.role != m.text)
    # Aliases are other spellings of the name; descriptions ("the interior minister") stay mentions only.
    aliases = tuple(sorted(s for s in surfaces if s != name and s[:1].isupper() and not s.startswith("The ")))
    roles = _distinct_roles(m.role for m in group if m.role)
    ordered = tuple(ordered_group)
    return Entity(id=entity_id, name=name, type=label, aliases=aliases, roles=roles, mentions=ordered)


def _distinct_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Roles without repeats: case and "the" ignored, and a role whose words all stand in a longer one
    dropped ("General" beside "NATO Secretary General")."""
    by_words: dict[str, str] = {}
    for role in roles:
        by_words.setdefault(" ".join(w for w in fold_name(role).split() if w != "the"), role)
    return tuple(
        role
        for words, role in by_words.items()
        if not any(words != other and set(words.split()) < set(other.split()) for other in by_words)
    )


def span_index(entities: Sequence[Entity]) -> Callable[..., str | None]:
    """A lookup from an article span to the entity best naming it: persons and organisations before
    places ("Ukrainian President Volodymyr Zelensky" → Zelensky, not Ukraine), then the longest mention.

    Given the span's words, a speaker described by a role and no name ("North Korea's representative to the
    United Nations") is linked only to an actor named *before* the role word — the one the speaker speaks
    for ("the Kremlin spokesman", "North Korea's representative") — never to one after it (the United
    Nations is where the envoy speaks, not who)."""
    by_article: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            by_article[mention.article].append((mention, entity.id))
    rank = {"PERSON": 0, "ORG": 1}

    def entity_at(article: str, start: int, end: int, words: str | None = None) -> str | None:
        inside = [
            (mention, entity_id)
            for mention, entity_id in by_article.get(article, ())
            if mention.start < end and start < mention.end
        ]
        role_at = _role_word_offset(words) if words else None
        if role_at is not None and not any(mention.label == "PERSON" for mention, _ in inside):
            inside = [(mention, entity_id) for mention, entity_id in inside if mention.end <= start + role_at]
        elif words:
            inside = [
                (mention, entity_id)
                for mention, entity_id in inside
                if not (_owned_by_person(mention, start, words) or _relation_of_person(mention, start, words))
            ]
        if not inside:
            return None
        best = min(inside, key=lambda pair: (rank.get(pair[0].label, 2), -(pair[0].end - pair[0].start)))
        return best[1]

    return entity_at


def _owned_by_person(mention: Mention, start: int, words: str) -> bool:
    """A person's name before a plural common noun that heads the speaker's words ("Clinton supporters, who
    had hoped …", "some of Clinton's allies"): the speaker is people of that person's, not the person
    (issue #14, PolNeAR classified-emails). A thing of theirs ("Clinton's campaign", "another Slaughter
    email") still speaks for them; a role word after the name goes by ``_role_word_offset``."""
    if mention.label != "PERSON":
        return False
    after = [match.group() for match in WORD.finditer(words[max(0, mention.end - start) :])]
    head = after[-1] if after else ""
    return head.islower() and len(head) > 2 and head.endswith("s") and not head.endswith(("ss", "selves"))


def _relation_of_person(mention: Mention, start: int, words: str) -> bool:
    """The speaker is a relation the person is named by ("Keith Lamont Scott's wife", "Clinton's longtime
    friend", "the lawyer of Ana Ruiz"): someone else, never the person (issue #14, PolNeAR
    police-shootings). A name in apposition stays a speaker ("Scott's wife, Rakeyia Scott"); a relay of the
    person ("X's spokesman", "X's campaign") is no relation, so it still speaks for them."""
    if mention.label != "PERSON":
        return False
    relations = entity_lexicon().relation_nouns
    possessed = POSSESSED_WORDS.match(words[max(0, mention.end - start) :])
    if possessed and any(word in relations for word in possessed.group(1).split()):
        return True
    of = RELATION_OF.search(words[: max(0, mention.start - start)])
    return of is not None and of.group(1).lower() in relations


def _role_word_offset(words: str) -> int | None:
    """Where the first title word ("representative", "spokesman") starts in a speaker's words, if any."""
    title_words = entity_lexicon().title_words
    for match in WORD.finditer(words):
        if match.group().lower() in title_words:
            return match.start()
    return None
