"""The entities lexicon, typed once, and the folding that makes two spellings of a name one key.

Every module of the stage compares names the same way: ``fold_name`` (unidecode, case, punctuation and
hyphens removed) and ``words_match`` (one word in two forms, by a shared prefix). Kept apart from the
mention rules so that resolution and the organisation rules read them without importing the parse rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from storyline.lexicons import load_lexicon

__all__ = [
    "PLACE_LABELS",
    "STEM_CHARS",
    "EntityLexicon",
    "content_words",
    "entity_lexicon",
    "fold_name",
    "institution_words",
    "is_acronym",
    "words_match",
]

# NER labels of places: spaCy often swaps GPE and LOC for one place, so they are one kind of actor.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NON_WORD = re.compile(r"[^a-z0-9]+")
# An acronym: capitals, where a romanised Russian one keeps the digraph of one Cyrillic letter ("KChS" of
# Komitet po Chrezvychaynym Situatsiyam, "VTsIOM", "TsIK"): a small letter only between two capitals and
# with three capitals or more, so "PhD", "DoD", "McCain" or "OpenAI" are none. Two to six characters.
ACRONYM = re.compile(r"(?=.{2,6}$)[A-Z](?:[A-Z&]|[a-z](?=[A-Z]))*[A-Z]")
# The Arabic article written lower case as a word of its own inside a name ("Hamid el Ammari", "Nour al
# Sabbagh"): the same particle as the hyphenated one ``_name_particles`` drops. Lower case between two
# words, the second capitalised, only: "Al Gore" and "El Paso" keep theirs.
SPACED_ARTICLE = re.compile(r"(?<=\w )(?:al|el) (?=[A-Z])")
# The apostrophe the Georgian national and scholarly romanisations (and Armenian, Chechen and Mayan ones) put
# after an ejective consonant, "k'", "p'", "t'", "ts'", "ch'", "q'", inside a word: "Ts'iklauri", "K'ip'iani"
# are "Tsiklauri", "Kipiani" in papers that drop it, not two words. Only between such a consonant and two
# more letters: "O'Brien", "D'Alema" and a possessive "Argus's" keep their apostrophe (a word break).
EJECTIVE_MARK = re.compile(r"(?:(?<=[a-z][kpqtsh])|(?<=\b[kpqt]))['’ʼ](?=[a-z]{2})")
# Prefix length from which two words are taken as forms of one ("Lithuania" ~ "Lithuanian", "Ukraine's"
# ~ "Ukrainian"): long enough to keep "Iran"/"Iraq" apart, short enough for demonyms.
STEM_CHARS = 5
# Endings that make a word naming a place into its people or adjective ("Lithuanian", "Japanese").
DEMONYM_ENDINGS = ("an", "ians", "ans", "ese", "ish", "i", "ic", "ean")
# Endings of a place's name that its demonym drops: Persian "-stan" (land of) in "Kazakhstan" / "Kazakh",
# "Uzbekistan" / "Uzbek", "Tajikistan" / "Tajik".
PLACE_NAME_ENDINGS = ("stan", "istan")


@dataclass(frozen=True)
class EntityLexicon:
    title_words: frozenset[str]
    personal_titles: frozenset[str]
    honorifics: frozenset[str]
    honorific_suffixes: frozenset[str]
    org_head_words: frozenset[str]
    generic_org_heads: frozenset[str]
    # Generic head → the generic heads of the same kind of body, itself included ("firm" → company, firm).
    generic_org_kinds: dict[str, frozenset[str]]
    broad_org_heads: frozenset[str]
    # Generic heads that are also a person's trade ("a film producer"): no name introduced so is made an
    # organisation by it (entities.repair).
    person_trade_heads: frozenset[str]
    # Lower-case kind words that make the name before them an organisation ("Free City bloc"; entities.kinds).
    introduced_org_kinds: frozenset[str]
    # Plural members standing for the one body a report counts them with ("the observers"; entities.members).
    member_nouns: frozenset[str]
    # Plural staff standing for their office ("Prosecutors said"; entities.descriptions).
    staff_plurals: frozenset[str]
    # A company's governing body standing for it ("the board of X" … "the board said"; entities.bodies).
    governing_body_nouns: frozenset[str]
    # Heads naming any body, a description only with a modifier ("the governing body"; entities.descriptions).
    qualified_org_heads: frozenset[str]
    # An armed group by its kind and its members (entities.groups): the head nouns of a group phrase, the
    # words making one armed, its members' plurals, the words of an armed group's name, and the words
    # making a phrase another group's ("a rival faction").
    group_heads: frozenset[str]
    armed_kind_words: frozenset[str]
    armed_member_plurals: frozenset[str]
    armed_name_words: frozenset[str]
    other_group_words: frozenset[str]
    ignorable_words: frozenset[str]
    acronym_stopwords: frozenset[str]
    short_name_words: frozenset[str]
    # Longest first, so that "co ltd" is taken before "ltd".
    legal_forms: tuple[tuple[str, ...], ...]
    # Legal forms printed before a company's name ("PT"), as written.
    leading_legal_forms: frozenset[str]
    # "environmental" + "group": an organisation introduced so is a campaign, no business.
    civic_group_modifiers: frozenset[str]
    civic_group_heads: frozenset[str]
    generic_org_tails: frozenset[str]
    # Folded foreign tail word of a company's name → its English word ("conseil" → "advisory").
    org_tail_translations: dict[str, str]
    coordinated_trade_words: frozenset[str]
    country_aliases: dict[str, str]
    seats_of_government: dict[str, str]
    # A seat (folded) → the international bodies news calls by it ("brussels" → European Commission, …).
    seats_of_bodies: dict[str, tuple[str, ...]]
    # Demonym (folded) → its country, for those that do not share the country's stem ("greek" → Greece).
    irregular_demonyms: dict[str, str]
    non_portfolio_words: frozenset[str]
    # Folded names of the countries the lexicon knows (the values of the two tables above).
    countries: frozenset[str]
    portfolio_titles: frozenset[str]
    inverted_org_heads: frozenset[str]
    field_list_org_heads: frozenset[str]
    reordered_org_heads: frozenset[str]
    # Adjective (folded) qualifying a state body → the noun another rendering uses ("republican" → republic).
    org_qualifier_adjectives: dict[str, str]
    place_first_org_heads: frozenset[str]
    head_titles: frozenset[str]
    # Titles of a side of a contest ("challenger"): never read by salience (descriptions).
    contest_titles: frozenset[str]
    # Verb → the role noun its subject (its passive subject) is then called by (entities.roles).
    role_verbs: dict[str, str]
    passive_role_verbs: dict[str, str]
    # Organisation words naming the office a title's holder runs ("the ombudsman's office"; descriptions).
    holder_office_heads: frozenset[str]
    office_level_words: frozenset[str]
    # Local or abbreviated title → the English title of its office ("hokim" → "governor", "sen" → "senator").
    title_synonyms: dict[str, str]
    # Local institution word → the English head word of its descriptions ("rada" → "parliament").
    institution_glosses: dict[str, str]
    institution_synonyms: tuple[tuple[re.Pattern[str], str], ...]
    # Folded portfolio → the form kept, longest first ("national defence" before "defense").
    portfolio_synonyms: tuple[tuple[str, str], ...]
    # Words naming a country's state body, and words saying a body is international (entities.scopes).
    state_body_heads: frozenset[str]
    international_words: frozenset[str]
    # Generic heads naming a business, the heads of names of bodies that are none, and the last words of
    # names that make one a business (descriptions: "the company" is never the federation).
    business_heads: frozenset[str]
    non_business_name_heads: frozenset[str]
    subsidiary_words: frozenset[str]
    business_name_heads: frozenset[str]
    # Names of unions of states, never what a lower-case "the union" (a trade union) refers back to.
    unions_of_states: frozenset[str]
    # Words introducing a vessel's name (a thing, not an actor), and descriptions of a business by what it
    # owns or runs ("the operator", "the tanker's owner") with the things they name (entities.owners).
    vessel_words: frozenset[str]
    business_relation_heads: frozenset[str]
    vessel_owner_words: frozenset[str]
    operated_things: frozenset[str]
    # Heads of bodies an article may name only by a description ("the strike committee"; entities.bodies).
    described_body_heads: tuple[str, ...]
    # Heads of bodies named so only where the article repeats the description ("the border service").
    recurring_body_heads: tuple[str, ...]
    # Levels of a country's subdivisions and the heads of a description of one's executive.
    subdivision_levels: frozenset[str]
    subdivision_government_heads: frozenset[str]
    # A subdivision's noun → its level word ("province" → "provincial"), for "the province said".
    subdivision_nouns: dict[str, str]
    # Levels whose "office" is the executive ("the county office"), not an agency's branch.
    subdivision_office_levels: frozenset[str]
    # Where a subdivision's noun is its executive, beside the subject of an act (entities.bodies).
    actor_object_verbs: frozenset[str]
    executive_possessions: frozenset[str]
    # Nouns of a kind of place, and prepositions putting a name as a place (entities.places).
    place_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    place_name_openings: frozenset[str]
    place_name_endings: tuple[str, ...]
    place_adjectives: frozenset[str]
    # Verbs whose subject is an executive, not a place: the reporting verbs of ``cues`` and acts of office.
    executive_verbs: frozenset[str]
    # A woman's title → the man's title of the same office ("chairwoman" → "chairman").
    gendered_titles: dict[str, str]
    # Folded endings of a patronymic written before the given name (Mongolian "-yn", "-iin").
    patronymic_endings: tuple[str, ...]
    # Folded endings of a Russian-form patronymic between given name and surname ("-ovich", "-ovna").
    middle_patronymic_endings: tuple[str, ...]
    # Words after a place and a hyphen that make it a modifier ("Quetta-based"; entities.located).
    location_affixes: frozenset[str]
    # Heads of a description of an armed body, and each kind word's name words (entities.forces).
    armed_force_heads: frozenset[str]
    armed_force_kinds: dict[str, frozenset[str]]
    # Owners of a body named in apposition ("the military's media wing, ISPR"; entities.descriptions).
    body_possessors: frozenset[str]
    # Occupations heading a description of the one person just written about ("the retired teacher").
    occupation_nouns: frozenset[str]
    # Collective nouns of people whose head is one of them ("a jirga of 11 elders"; entities.roles).
    people_bodies: frozenset[str]
    # Nouns making a surname before them a family's ("the Xanthakis brothers"; entities.noise).
    family_nouns: frozenset[str]
    # A lawyer's titles, and the nouns for the person a lawyer defends ("her client"; entities.clients).
    counsel_titles: frozenset[str]
    client_nouns: frozenset[str]
    # A person's kin and counsel ("X's wife", "the lawyer of X"): a speaker so named is not X (resolve).
    relation_nouns: frozenset[str]
    # Prefixes making "pro-Clinton" an adjective, not the actor (entities.noise).
    stance_prefixes: frozenset[str]


def _folded_abbreviations(abbreviations: dict[str, str]) -> dict[str, str]:
    """ "sen." → "senator" keyed as ``content_words`` folds a role's words ("Vermont Sen." → "sen")."""
    return {fold_name(short): title for short, title in abbreviations.items()}


@lru_cache(maxsize=1)
def entity_lexicon() -> EntityLexicon:
    """The entities lexicon, typed once per process."""
    data = load_lexicon("entities")
    return EntityLexicon(
        title_words=frozenset(data["title_words"]) | frozenset(data["title_abbreviations"]),
        personal_titles=frozenset(data["personal_titles"]),
        honorifics=frozenset(data["honorifics"]),
        honorific_suffixes=frozenset(data["honorific_suffixes"]),
        org_head_words=frozenset(data["org_head_words"]) | frozenset(data["generic_org_heads"]),
        generic_org_heads=frozenset(data["generic_org_heads"]),
        generic_org_kinds={word: frozenset(kind) for kind in data["generic_org_kinds"] for word in kind},
        broad_org_heads=frozenset(data["broad_org_heads"]),
        person_trade_heads=frozenset(data["person_trade_heads"]),
        introduced_org_kinds=frozenset(data["introduced_org_kinds"]),
        member_nouns=frozenset(data["member_nouns"]),
        staff_plurals=frozenset(data["staff_plurals"]),
        governing_body_nouns=frozenset(data["governing_body_nouns"]),
        qualified_org_heads=frozenset(data["qualified_org_heads"]),
        group_heads=frozenset(data["group_heads"]),
        armed_kind_words=frozenset(data["armed_kind_words"]),
        armed_member_plurals=frozenset(data["armed_member_plurals"]),
        armed_name_words=frozenset(data["armed_name_words"]),
        other_group_words=frozenset(data["other_group_words"]),
        ignorable_words=frozenset(data["ignorable_description_words"]),
        acronym_stopwords=frozenset(data["acronym_stopwords"]),
        short_name_words=frozenset(data["short_name_words"]),
        legal_forms=tuple(
            sorted((tuple(form.split()) for form in data["legal_forms"]), key=len, reverse=True)
        ),
        leading_legal_forms=frozenset(data["leading_legal_forms"]),
        civic_group_modifiers=frozenset(data["civic_group_modifiers"]),
        civic_group_heads=frozenset(data["civic_group_heads"]),
        generic_org_tails=frozenset(data["generic_org_tails"]) | frozenset(data["org_tail_translations"]),
        org_tail_translations=dict(data["org_tail_translations"]),
        coordinated_trade_words=frozenset(data["coordinated_trade_words"]),
        country_aliases=dict(data["country_aliases"]),
        seats_of_government=dict(data["seats_of_government"]),
        seats_of_bodies={seat: tuple(bodies) for seat, bodies in data["seats_of_bodies"].items()},
        irregular_demonyms=dict(data["irregular_demonyms"]),
        non_portfolio_words=frozenset(data["non_portfolio_words"]),
        countries=frozenset(
            fold_name(country)
            for table in ("country_aliases", "seats_of_government")
            for country in data[table].values()
        ),
        portfolio_titles=frozenset(data["portfolio_titles"]),
        inverted_org_heads=frozenset(data["inverted_org_heads"]),
        field_list_org_heads=frozenset(data["field_list_org_heads"]),
        reordered_org_heads=frozenset(data["reordered_org_heads"]),
        org_qualifier_adjectives=dict(data["org_qualifier_adjectives"]),
        place_first_org_heads=frozenset(data["place_first_org_heads"]),
        head_titles=frozenset(data["head_titles"]),
        contest_titles=frozenset(data["contest_titles"]),
        role_verbs=dict(data["role_verbs"]),
        passive_role_verbs=dict(data["passive_role_verbs"]),
        holder_office_heads=frozenset(data["holder_office_heads"]),
        office_level_words=frozenset(data["office_level_words"]),
        title_synonyms=dict(data["title_synonyms"]) | _folded_abbreviations(data["title_abbreviations"]),
        institution_glosses=dict(data["institution_glosses"]),
        institution_synonyms=tuple(
            (re.compile(rf"\b{re.escape(phrase)}\b"), english)
            for phrase, english in data["institution_synonyms"].items()
        ),
        portfolio_synonyms=tuple(
            sorted(data["portfolio_synonyms"].items(), key=lambda pair: len(pair[0]), reverse=True)
        ),
        state_body_heads=frozenset(data["state_body_heads"]),
        international_words=frozenset(data["international_words"]),
        business_heads=frozenset(data["business_heads"]),
        non_business_name_heads=frozenset(data["non_business_name_heads"]),
        subsidiary_words=frozenset(data["subsidiary_words"]),
        business_name_heads=frozenset(data["business_name_heads"]),
        unions_of_states=frozenset(data["unions_of_states"]),
        vessel_words=frozenset(data["vessel_words"]),
        business_relation_heads=frozenset(data["business_relation_heads"]),
        vessel_owner_words=frozenset(data["vessel_owner_words"]),
        operated_things=frozenset(data["operated_things"]) | frozenset(data["vessel_words"]),
        described_body_heads=tuple(data["described_body_heads"]),
        recurring_body_heads=tuple(data["recurring_body_heads"]),
        subdivision_levels=frozenset(data["subdivision_levels"]),
        subdivision_government_heads=frozenset(data["subdivision_government_heads"]),
        subdivision_nouns=dict(data["subdivision_nouns"]),
        subdivision_office_levels=frozenset(data["subdivision_office_levels"]),
        actor_object_verbs=frozenset(data["actor_object_verbs"]),
        executive_possessions=frozenset(data["executive_possessions"]),
        place_nouns=frozenset(data["place_nouns"]),
        place_prepositions=frozenset(data["place_prepositions"]),
        place_name_openings=frozenset(data["place_name_openings"]),
        place_name_endings=tuple(data["place_name_endings"]),
        place_adjectives=frozenset(data["place_adjectives"]),
        executive_verbs=frozenset(data["subdivision_acts"])
        | frozenset(load_lexicon("cues")["reporting_verbs"]),
        gendered_titles=dict(data["gendered_titles"]),
        patronymic_endings=tuple(data["patronymic_endings"]),
        middle_patronymic_endings=tuple(data["middle_patronymic_endings"]),
        location_affixes=frozenset(data["described_bodies"]["location_affixes"]),
        armed_force_heads=frozenset(data["described_bodies"]["armed_force_heads"]),
        body_possessors=frozenset(data["described_bodies"]["body_possessors"]),
        occupation_nouns=frozenset(data["described_people"]["occupation_nouns"]),
        people_bodies=frozenset(data["described_people"]["people_bodies"]),
        family_nouns=frozenset(data["described_people"]["family_nouns"]),
        counsel_titles=frozenset(data["described_people"]["counsel_titles"]),
        client_nouns=frozenset(data["described_people"]["client_nouns"]),
        relation_nouns=frozenset(data["described_people"]["relation_nouns"]),
        stance_prefixes=frozenset(data["described_people"]["stance_prefixes"]),
        armed_force_kinds={
            word: frozenset(names) for word, names in data["described_bodies"]["armed_force_kinds"].items()
        },
    )


@lru_cache(maxsize=1 << 18)  # names repeat across a collection; folding them is the resolution's hot path
def fold_name(name: str) -> str:
    """Spelling-insensitive key: "Budánov" → "budanov", "Yoon Suk-yeol" → "yoon suk yeol", "Dżaparidze" →
    "dzhaparidze" (a letter whose diacritic marks another sound keeps it as a digraph, so the
    transliteration tables can read it; "Ts'iklauri" → "tsiklauri", see ``EJECTIVE_MARK``)."""
    lowered = EJECTIVE_MARK.sub("", _name_particles().sub("", SPACED_ARTICLE.sub("", name).lower()))
    return NON_WORD.sub(" ", unidecode(lowered.translate(_sound_letters())).lower()).strip()


def trade_union_for_union_of_states(description: str, name: str, lexicon: EntityLexicon) -> bool:
    """Whether a description with "union" in lower case ("the union", a trade union) meets a union of
    states ("European Union", ``unions_of_states``): it never refers back to one."""
    return re.search(r"\bunion\b", description) is not None and fold_name(name) in lexicon.unions_of_states


def is_acronym(text: str) -> bool:
    """ "IAC", "MAK", "KChS": an organisation's short name of initials (``ACRONYM``)."""
    return ACRONYM.fullmatch(text) is not None and (text.isupper() or sum(map(str.isupper, text)) >= 3)


# An organisation's own-language name given in brackets after its English one, as translations do ("the
# Border Guard (Rajavartiolaitos)", "the Energy Authority (Energiavirasto)"): one capitalised word of
# letters, long as such compounds are, with no capital inside ("UGent", "KChS" are short names).
NATIVE_NAME = re.compile(r"[^\W\d_][^\W\d_A-Z]{7,}")


def is_native_name(text: str) -> bool:
    """ "Rajavartiolaitos": a one-word own-language name of a body (``NATIVE_NAME``)."""
    return text[:1].isupper() and NATIVE_NAME.fullmatch(text) is not None


@lru_cache(maxsize=1)
def _name_particles() -> re.Pattern[str]:
    """The Arabic article joined to a name by a hyphen, in each romanisation ("al-Jubouri", "el-Joubouri",
    "as-Saadi", "Abd ar-Rahman"): papers write it, drop it or assimilate it at will, so it is no part of
    the name's key (``name_particles`` in ``lexicons/entities.toml``). Only the hyphenated form: "Al Gore"
    keeps his "Al"."""
    particles = "|".join(sorted(load_lexicon("entities")["name_particles"], key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{particles})[-‐](?=\w)")


@lru_cache(maxsize=1)
def chinese_surnames() -> frozenset[str]:
    """Common Chinese surnames in pinyin, folded (``chinese_surnames``)."""
    return frozenset(load_lexicon("entities")["chinese_surnames"])


def chinese_surname_first(words: Sequence[str]) -> bool:
    """ "zhang ruolan" (folded, two words): a Chinese surname first, a word that is none after it
    (``chinese_surnames``), so the name may be printed the other way round too ("ruolan zhang")."""
    surnames = chinese_surnames()
    return len(words) == 2 and words[0] in surnames and words[1] not in surnames


@lru_cache(maxsize=1)
def surname_particle_words() -> frozenset[str]:
    """Words a surname opens with ("van", "den", "de", "dos"), lower case (``surname_particles``)."""
    return frozenset(load_lexicon("entities")["surname_particles"])


def without_name_particle(word: str) -> str:
    """ "Dschuburi" of "al-Dschuburi", "Saadi" of "as-Saadi": a surname as papers also write it, without the
    hyphenated Arabic article (case kept)."""
    match = _name_particles().match(word.lower())
    return word[match.end() :] if match else word


def particle_name_at(text: str, start: int) -> int | None:
    """The end of a hyphenated Arabic article and the capitalised name it is joined to ("as-Saadi") when
    they begin at ``start`` of ``text``; else None."""
    match = _name_particles().match(text.lower(), start)
    if match is None or not text[match.end() : match.end() + 1].isupper():
        return None
    name = re.match(r"\w+", text[match.end() :])
    return match.end() + name.end() if name else None


@lru_cache(maxsize=1)
def _sound_letters() -> dict[int, str]:
    """``folded_letters`` of ``lexicons/transliteration.toml`` as a ``str.translate`` table: letters that
    unidecode would fold into another sound (Polish "ż" is "zh", not "z")."""
    return str.maketrans(load_lexicon("transliteration")["folded_letters"])


def institution_words(text: str, lexicon: EntityLexicon) -> list[str]:
    """The folded words of an organisation's name or description, a local institution word glossed in
    English ("Verkhovna Rada" → verkhovna, parliament), so that the two compare word by word."""
    return [
        lexicon.institution_glosses.get(word, word)
        for word in _with_synonyms(fold_name(text), lexicon).split()
    ]


def described_words(text: str, lexicon: EntityLexicon) -> list[str]:
    """The content words of a description read as ``institution_words`` reads a name ("the fire brigade"
    → fire, service), so that the two compare word by word."""
    words = institution_words(" ".join(content_words(text, lexicon)), lexicon)
    # "the integrity body": a head naming any organisation says nothing of which one
    return words[:-1] if words and words[-1] in lexicon.qualified_org_heads else words


def _with_synonyms(folded: str, lexicon: EntityLexicon) -> str:
    for phrase, english in lexicon.institution_synonyms:
        folded = phrase.sub(english, folded)
    return folded


def content_words(text: str, lexicon: EntityLexicon) -> list[str]:
    """The folded words of a description or role that carry its sense: no article, pronoun or "former"."""
    return [word for word in fold_name(text).split() if word not in lexicon.ignorable_words and len(word) > 1]


def words_match(first: str, second: str) -> bool:
    """One word in two forms: equal, or sharing a long prefix (demonyms and possessives of countries)."""
    first, second = fold_name(first), fold_name(second)
    if first == second:
        return True
    if _two_heads(first, second):
        return False
    return min(len(first), len(second)) >= STEM_CHARS and first[:STEM_CHARS] == second[:STEM_CHARS]


def _two_heads(first: str, second: str) -> bool:
    """Two head words of organisations that share a prefix yet name two kinds of body: "the commission" is
    not "the committee" (issue #17, generalise pamir-air-crash: the government commission investigating a
    crash and the emergencies committee of the same reports). A British and an American spelling
    ("organisation", "organization") are one word."""
    heads = entity_lexicon().org_head_words
    return first in heads and second in heads and first.replace("z", "s") != second.replace("z", "s")
