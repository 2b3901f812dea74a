"""Organisation names across a collection: the forms one organisation goes by in the news.

One organisation is written many ways: with or without its legal form ("EADS N.V."), with or without a
generic last word ("AirTran Airways"), qualified or not ("South Korean National Intelligence Service"),
shortened to its last words ("the Red Cross" for "the International Committee of the Red Cross"), or as an
acronym ("USAF", "SIA"). Each rule merges two forms only when the collection offers one candidate for
it, because a wrong merge (the Royal Air Force into the United States Air Force, Qatar the country into
Qatar Airways) misleads more than a missed one. Two kinds of steps:
- *localising* rewrites a mention's key from what its own article says (a short name after its full name
  in the same report), before keys are grouped;
- *merging* joins keys collection-wide (qualified names, short names, generic last words, acronyms).
Hand-written, like the rest of the stage, because no library resolves organisation names offline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet

from storyline.config import EntitiesSettings
from storyline.records import Mention
from storyline.stages.entities.lexicon import (
    STEM_CHARS,
    EntityLexicon,
    described_words,
    entity_lexicon,
    fold_name,
    institution_words,
    trade_union_for_union_of_states,
    words_match,
)
from storyline.stages.entities.names import NameContext
from storyline.stages.entities.nationalities import is_national_description
from storyline.stages.entities.prosecutions import is_prosecution_description, named_as_prosecution
from storyline.stages.entities.romanised_organisations import merge_romanised_names, read_as_one_name

__all__ = [
    "OrganisationNames",
    "attach_organisation_descriptions",
    "localise_organisation_names",
    "merge_organisation_names",
    "own_names_of_organisations",
    "without_generic_tail",
    "without_legal_form",
]

# A mention with its folded key (as in ``resolve``).
Keyed = tuple[str, Mention]

MAX_QUALIFIER_WORDS = 3
# How long an acronym may be ("NIS", "USAF", "NATO"; longer capitalised words are names, not acronyms).
ACRONYM_LENGTHS = range(2, 7)
# The fewest letters of an acronym spelt by part of a long form: two letters match any name by chance.
MIN_INNER_ACRONYM = 3
# The fewest letters of a ticker read as the opening of a company's name ("THERM"): a word of three capitals
# opens too many names by chance.
MIN_TICKER = 4


@dataclass(frozen=True)
class OrganisationNames:
    """What localising learnt and merging needs: which names several qualified names share, and the
    places of the collection (a short name that is also a place — "Qatar" — never stands for a company)."""

    qualified_names: dict[str, set[str]]
    place_keys: frozenset[str]


def localise_organisation_names(
    keyed: Sequence[Keyed], place_keys: frozenset[str]
) -> tuple[list[Keyed], OrganisationNames]:
    """Keys rewritten from each article's own full names; what the merging steps need to know."""
    country_named = [(_with_country_name(without_legal_form(key)), mention) for key, mention in keyed]
    keys = {key for key, _ in country_named}
    countries = entity_lexicon().countries | place_keys
    without_legal_forms = [
        (_head_last(_without_own_country(key, keys, countries)), mention) for key, mention in country_named
    ]
    qualified_names = _qualified_names({key for key, _ in without_legal_forms})
    localised = _localise_shared_names(without_legal_forms, qualified_names)
    localised = _localise_short_names(localised, place_keys)
    return localised, OrganisationNames(qualified_names, place_keys)


def merge_organisation_names(
    keyed: Sequence[Keyed],
    groups: DisjointSet,
    names: OrganisationNames,
    context: NameContext,
    settings: EntitiesSettings,
) -> None:
    """Collection-wide merges of one organisation's names (``keyed`` as localised)."""
    min_shared = settings.transliteration_min_shared_actors
    _merge_qualified_names(groups, names.qualified_names)
    _merge_short_names(groups, context, min_shared)
    _merge_first_portfolios(groups, context, min_shared)
    _merge_leading_words(groups, context, min_shared, names.place_keys)
    _merge_generic_tails(groups, names.place_keys)
    merge_romanised_names(groups, context, min_shared)
    _merge_acronyms(keyed, groups, settings.long_form_min_ratio)


def without_legal_form(key: str) -> str:
    """ "eads n v" → "eads", "aer lingus group plc" → "aer lingus group": a legal form at the end of a name
    is not part of what the news calls the organisation (a one-word name keeps its word)."""
    words = key.split()
    for suffix in entity_lexicon().legal_forms:
        size = len(suffix)
        if len(words) > size and tuple(words[-size:]) == suffix:
            return " ".join(words[:-size])
    return key


def _head_last(key: str) -> str:
    """ "ministry of the interior" → "interior ministry", "iraqi ministry of health" → "iraqi health
    ministry": a head written before its subject (``inverted_org_heads``, ``reordered_org_heads``) is moved
    after it, behind any qualifier before it, so both word orders of one name are one key; a place after a
    second "of" stays last ("union of building workers of x" → "building workers union of x"); a qualifier's
    adjective is written as its noun ("republican" → "republic", ``org_qualifier_adjectives``); and the
    portfolio is written one way ("ministry of internal affairs" → "interior ministry",
    ``portfolio_synonyms``). A head named after its place (``place_first_org_heads``) puts the place first:
    "regional art museum of imereti" → "imereti regional art museum"."""
    words = key.split()
    lexicon = entity_lexicon()
    heads = lexicon.inverted_org_heads | lexicon.reordered_org_heads | lexicon.place_first_org_heads
    at = next((i for i, word in enumerate(words[: MAX_QUALIFIER_WORDS + 1]) if word in heads), None)
    if at is None:
        return _one_portfolio(key)
    qualifiers, head, rest = words[:at], words[at], words[at + 1 :]
    if head not in lexicon.place_first_org_heads:
        qualifiers = [lexicon.org_qualifier_adjectives.get(word, word) for word in qualifiers]
    if len(rest) < 2 or rest[0] not in {"of", "for"}:
        return _one_portfolio(" ".join([*qualifiers, head, *rest]))
    subject = rest[2:] if rest[1] == "the" else rest[1:]
    if head in lexicon.place_first_org_heads:
        # "regional art museum of imereti": the place first; not "university of washington", which a bare
        # head may name apart from "washington university"
        return " ".join([*subject, *qualifiers, head]) if subject and qualifiers else key
    # "foreign ministry of ukraine": a qualified head's "of" names its country, not its portfolio; and
    # "construction workers union of x": a body's head after two words or more already follows its subject
    named_after = head in lexicon.reordered_org_heads and len(qualifiers) > 1
    if not subject or named_after or (qualifiers and " ".join(subject) in lexicon.countries):
        return " ".join([*qualifiers, head, *rest])
    # "of republika srpska" after the subject: whose body it is, kept after the head
    own = subject.index("of") if "of" in subject[1:] else len(subject)
    return " ".join([_one_portfolio(" ".join([*qualifiers, *subject[:own], head])), *subject[own:]])


def _one_portfolio(key: str) -> str:
    """ "internal affairs ministry" → "interior ministry": the portfolio before a ministry's or department's
    head word written in the form ``portfolio_synonyms`` keeps."""
    lexicon = entity_lexicon()
    words = key.split()
    if len(words) < 2 or words[-1] not in lexicon.inverted_org_heads:
        return key
    subject = " ".join(words[:-1])
    for portfolio, kept in lexicon.portfolio_synonyms:
        if subject == portfolio or subject.endswith(" " + portfolio):
            return f"{subject[: len(subject) - len(portfolio)]}{kept} {words[-1]}"
    return key


def _without_own_country(key: str, keys: set[str], countries: frozenset[str]) -> str:
    """ "federation of independent trade unions of tajikistan" → "… trade unions" where the collection
    also names it so: a body's country after its name is left out as often as written (issue #17; the
    small model also cuts it off). Only names of two words or more before "of" ("Bank of America" is no
    "bank"; "National Bank of the Kyrgyz Republic" is the "National Bank" of the trial reports, issue #17),
    and only a country (by any name the lexicon knows, after "the") or a place of the collection."""
    words = key.split()
    aliases = entity_lexicon().country_aliases
    for at in range(len(words) - 2, 1, -1):
        country = " ".join(words[at + 2 :] if words[at + 1] == "the" else words[at + 1 :])
        if words[at] == "of" and (country in countries or country in aliases):
            shorter = " ".join(words[:at])
            return shorter if shorter in keys else key
    return key


def _with_country_name(key: str) -> str:
    """ "u s air force" → "united states air force": a country's short form opening an organisation's name
    is that country (``country_aliases``), so "U.S. Air Force" and "United States Air Force" are one key."""
    words = key.split()
    aliases = entity_lexicon().country_aliases
    for size in (3, 2, 1):
        opening = " ".join(words[:size])
        if len(words) > size and opening in aliases:
            return f"{fold_name(aliases[opening])} {' '.join(words[size:])}"
    return key


def _is_acronym(mention: Mention) -> bool:
    return mention.text.isupper() and len(mention.text.replace(".", "")) in ACRONYM_LENGTHS


def _initials(key: str) -> str:
    stopwords = entity_lexicon().acronym_stopwords
    return "".join(word[0] for word in key.split() if word not in stopwords)


def _acronyms_spelt(key: str) -> set[str]:
    """The acronyms a long form may go by: its initials, and the initials from an organisation word on
    (three letters at least), which name a body without its parent ("OCHA" for "United Nations Office for
    the Coordination of Humanitarian Affairs", beside "UNOCHA")."""
    words = key.split()
    heads = entity_lexicon().org_head_words
    inner = {_initials(" ".join(words[i:])) for i in range(1, len(words) - 1) if words[i] in heads}
    return {_initials(key)} | {initials for initials in inner if len(initials) >= MIN_INNER_ACRONYM}


def _merge_acronyms(keyed: Sequence[Keyed], groups: DisjointSet, long_form_min_ratio: float) -> None:
    """A bare acronym joins the one organisation it stands for in the collection: the long form an article
    defined it as ("Singapore Airlines (SIA)"; initials need not match) or whose initials it spells (NCSC
    ↔ National Cyber Security Centre; OCHA ↔ United Nations Office for the Coordination of
    Humanitarian Affairs). Two candidates — defined one way, spelt by another name — and it
    stays itself. Long forms defining one acronym that are spellings of one name ("European Aeronautic
    Defence & Space NV", "European Aeronautic Defense & Space Company" for EADS; "Temir Zhol Kazakhstan",
    "Temir Schol Kasachstan" for TZK, ``romanised_organisations``) are one candidate; so are long forms that
    each define an acronym spelling none of them, the acronym of the name in the body's own language given
    beside two English translations of it ("National Bureau of Investigation (KRP)", "Central Criminal
    Police (KRP)" for the Finnish Keskusrikospoliisi; issue #17, generalise cable). Blocked by the
    initials."""
    acronyms = {key for key, m in keyed if m.refers_to is None and _is_acronym(m)}
    defined: dict[str, set[str]] = defaultdict(set)
    for key, mention in keyed:
        acronym = fold_name(mention.text).replace(" ", "")
        # "EADS N.V. (EADS)" defines the acronym as itself (its legal form dropped): no long form
        if mention.refers_to is not None and _is_acronym(mention) and key in groups and key != acronym:
            defined[acronym].add(key)
    candidates: dict[str, set[str]] = defaultdict(set)
    for acronym, long_forms in defined.items():
        if _spellings_of_one_name(long_forms, long_form_min_ratio) or _translations_of_one_name(
            acronym, long_forms
        ):
            for key in long_forms:
                groups.merge(next(iter(long_forms)), key)
        candidates[acronym] = {groups[key] for key in long_forms}
    for key in groups:
        if key not in acronyms and len(key.split()) > 1:
            for initials in _acronyms_spelt(key):
                candidates[initials].add(groups[key])
    by_opening = _names_by_opening(groups, acronyms)
    for acronym in acronyms:
        long_forms = candidates.get(acronym.replace(" ", ""), set()) - {groups[acronym]}
        if not long_forms:
            opening = by_opening.get(acronym.replace(" ", ""), set())
            long_forms = {groups[key] for key in opening} - {groups[acronym]}
        if len(long_forms) == 1:
            groups.merge(acronym, long_forms.pop())


def _names_by_opening(groups: DisjointSet, acronyms: set[str]) -> dict[str, set[str]]:
    """ "THERM" for "Thermaikos Shipping and Ports": a capitalised word that spells no name's initials may be
    a stock ticker, the first letters of the company's name (issue #17, generalise thessaloniki-bid). The
    names of the collection by each opening of their first word, from ``MIN_TICKER`` letters to one short
    of the word (indexed once: the collection's acronyms each look it up)."""
    by_opening: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if key not in acronyms:
            first = key.split()[0]
            for length in range(MIN_TICKER, len(first)):
                by_opening[first[:length]].add(key)
    return by_opening


def _spellings_of_one_name(keys: set[str], min_ratio: float) -> bool:
    """Whether every two of these names are one name spelt two ways (rapidfuzz token set ratio: word order,
    an extra word and one changed letter cost little; "singapore airlines" and "semiconductor industry
    association" score far apart), or romanised two ways (``read_as_one_name``: "temir zhol kazakhstan",
    "temir schol kasachstan")."""
    ordered = sorted(keys)
    return all(
        fuzz.token_set_ratio(first, second) >= min_ratio or read_as_one_name(first, second)
        for index, first in enumerate(ordered)
        for second in ordered[index + 1 :]
    )


def _translations_of_one_name(acronym: str, keys: set[str]) -> bool:
    """Whether names of several words, each defining ``acronym`` (folded) in brackets, are translations of
    one foreign name: the acronym spells none of them, so it is that name's, not an English one's. Two
    bodies of one collection defining one foreign acronym each are far rarer than two papers translating
    one name two ways."""
    return len(keys) > 1 and all(len(key.split()) > 1 and acronym not in _acronyms_spelt(key) for key in keys)


def _qualified_names(keys: set[str]) -> dict[str, set[str]]:
    """Names of two or more words → the keys that put a qualifier before them ("national intelligence
    service" → {"south korean national intelligence service"}). Qualifiers of any length count, so that a
    short name two full names end in ("red cross": "valdoran red cross", "international committee of the
    red cross") is known to be shared; only those of up to three words merge collection-wide."""
    qualified_by_base: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        for cut in range(1, len(words) - 1):
            if " ".join(words[cut:]) in keys:
                qualified_by_base[" ".join(words[cut:])].add(key)
                break
    return qualified_by_base


def _merge_qualified_names(groups: DisjointSet, qualified_names: dict[str, set[str]]) -> None:
    """ "South Korean National Intelligence Service" is the "National Intelligence Service" when no other
    qualifier is put before that name in the collection. A name several qualifiers share ("Royal Air
    Force", "United States Air Force" → "Air Force") names several organisations, so none of them is
    merged through it (``_localise_shared_names`` settles those mention by mention)."""
    for base, qualified in qualified_names.items():
        if len(qualified) == 1:
            full_name = next(iter(qualified))
            # Localising short names may have replaced either key by a full name: merge only what is left.
            fits = len(full_name.split()) - len(base.split()) <= MAX_QUALIFIER_WORDS
            if fits and full_name in groups and base in groups:
                groups.merge(full_name, base)


def _localise_shared_names(keyed: Sequence[Keyed], qualified_names: dict[str, set[str]]) -> list[Keyed]:
    """A name several qualified names share ("the Air Force") stands, in an article, for the one of them
    that article uses ("United States Air Force", or its acronym "USAF"), when it uses exactly one;
    elsewhere it stays itself."""
    shared = {base: q for base, q in qualified_names.items() if len(q) > 1}
    if not shared:
        return list(keyed)
    keys_in_article: dict[str, set[str]] = defaultdict(set)
    for key, mention in keyed:
        keys_in_article[mention.article].add(key)
    localised = []
    for key, mention in keyed:
        in_article = keys_in_article[mention.article]
        used_here = {
            name for name in shared.get(key, ()) if name in in_article or _initials(name) in in_article
        }
        localised.append((used_here.pop() if len(used_here) == 1 else key, mention))
    return localised


def _merge_short_names(groups: DisjointSet, context: NameContext, min_shared: int) -> None:
    """A short name used in an article without its full name ("Ukrenergo" in a report that never spells
    out "National Energy Company Ukrenergo") joins the one full name of the collection ending in it, when
    the two are used in one story (``NameContext.related``: shared actors); a short name that ends several
    full names stays itself. Blocked by the name's last word."""
    by_last_word: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if " " in key:
            by_last_word[key.rsplit(" ", 1)[1]].add(key)
    for key in list(groups):
        claimants = {
            other for other in by_last_word.get(key.rsplit(" ", 1)[-1], ()) if other.endswith(" " + key)
        }
        if len(claimants) == 1:
            full_name = claimants.pop()
            if context.related(key, full_name, groups, min_shared):
                groups.merge(key, full_name)


def _merge_first_portfolios(groups: DisjointSet, context: NameContext, min_shared: int) -> None:
    """ "Committee of Emergency Situations" is the "Committee of Emergency Situations and Civil Defence" a
    report cut after its first portfolio (issue #17, generalise pamir-air-crash; "the Emergency Situations
    Ministry" of "… and Civil Defence Ministry" alike): a body's name joins the one longer name of the
    collection that goes on from its portfolio with "and", when the two are used in one story. A name that
    holds no body's head word ("Marks" of "Marks and Spencer"), or that several longer names go on from,
    stays itself."""
    heads = entity_lexicon().org_head_words
    by_first_word: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if " and " in key:
            by_first_word[key.split(" ", 1)[0]].add(key)
    for key in list(groups):
        words = key.split()
        if len(words) < 2 or not heads & {words[0], words[-1]}:
            continue
        claimants = {other for other in by_first_word.get(words[0], ()) if _goes_on_with_and(key, other)}
        if len({groups[other] for other in claimants}) != 1:
            continue
        full_name = claimants.pop()
        if context.related(key, full_name, groups, min_shared):
            groups.merge(key, full_name)


def _goes_on_with_and(short: str, full: str) -> bool:
    """ "committee of emergency situations" → "… and civil defence"; "health ministry" → "health and social
    care ministry" (a head written last, ``_head_last``)."""
    if full.startswith(short + " and "):
        return True
    subject, _, head = short.rpartition(" ")
    return full.startswith(subject + " and ") and full.endswith(" " + head)


def _merge_leading_words(
    groups: DisjointSet, context: NameContext, min_shared: int, place_keys: frozenset[str]
) -> None:
    """ "Northrop" is "Northrop Grumman": a one-word name joins the one longer name of the collection that
    opens with it, used in its story, when the longer name is used in more articles. A parent
    company is named more often than its divisions, so "Boeing" (in every report) never joins "Boeing
    Commercial Airplanes"; a one-word name that opens several names ("Apple TV", "Apple Music") or is a
    place ("Qatar" of "Qatar Airways") or names one ("Shirak" beside "Shirak province": "the Shirak
    territorial electoral commission" is no "Shirak Development Party") stays itself."""
    place_nouns = entity_lexicon().place_nouns
    split_places = (key.split() for key in place_keys)
    place_words = {words[0] for words in split_places if len(words) == 2 and words[1] in place_nouns}
    place_keys = place_keys | place_words
    by_first_word: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if " " in key:
            by_first_word[key.split(" ", 1)[0]].add(key)
    for key in list(groups):
        claimants = by_first_word.get(key, set()) if " " not in key and key not in place_keys else set()
        if len(claimants) != 1:
            continue
        full_name = next(iter(claimants))
        more_used = len(context.articles_of[full_name]) > len(context.articles_of[key])
        if more_used and context.related(key, full_name, groups, min_shared):
            groups.merge(key, full_name)


def _localise_short_names(keyed: Sequence[Keyed], place_keys: frozenset[str]) -> list[Keyed]:
    """An organisation's short name after its full name in one article stands for that full name: the last
    words ("the Red Cross" after "the International Committee of the Red Cross", "Ukrenergo" after
    "National Energy Company Ukrenergo") of exactly one longer organisation name of the article. A short
    name that is a place of the collection keeps its own key. First words are not taken: they name the
    parent company ("Boeing" of "Boeing Commercial Airplanes") or a product line ("Apple" of "Apple TV")
    as often as the company itself ("Northrop" of "Northrop Grumman"); allowing them cost 0.08 B³ F1 on
    MEANTIME apple. Except a name of two words or more going on with an organisation word, after the
    country if any ("the Red Cross" after "the Red Cross Society of Georgia" or "the Mongolian Red Cross
    Society"): a national body of a movement is called by the movement's name in its own report, and
    resolving that in the article keeps it from joining another story's "Red Cross"."""
    keys_in_article: dict[str, set[str]] = defaultdict(set)
    for key, mention in keyed:
        keys_in_article[mention.article].add(key)
    full_name_of: dict[tuple[str, str], str] = {}
    for key, mention in keyed:
        if mention.refers_to is None and key not in place_keys:
            longer = {
                other
                for other in keys_in_article[mention.article]
                if other != key and (other.endswith(" " + key) or _core_of_organisation_name(key, other))
            }
            if len(longer) == 1:
                full_name_of[mention.article, key] = longer.pop()
    # A description pointing at the short name ("the aid organisation" → "Red Cross") follows it.
    return [(full_name_of.get((mention.article, key), key), mention) for key, mention in keyed]


def _core_of_organisation_name(short: str, full: str) -> bool:
    """ "red cross" of "red cross society of georgia" and of "mongolian red cross society": two words or
    more, after at most ``MAX_QUALIFIER_WORDS`` qualifiers (the country), then an organisation word; not a
    museum, gallery or university (``place_first_org_heads``), named after what it shows or serves ("the Air
    Force" is not the "Halvik Air Force Museum")."""
    short_words, words = short.split(), full.split()
    if len(short_words) < 2:
        return False
    lexicon = entity_lexicon()
    body_heads = lexicon.org_head_words - lexicon.place_first_org_heads
    last_start = min(MAX_QUALIFIER_WORDS, len(words) - len(short_words) - 1)
    return any(
        words[start : start + len(short_words)] == short_words
        and words[start + len(short_words)] in body_heads
        for start in range(last_start + 1)
    )


def _merge_generic_tails(groups: DisjointSet, place_keys: frozenset[str]) -> None:
    """ "AirTran" is "AirTran Airways", "China Eastern" is "China Eastern Airlines": a name joins the
    names of the collection that add only generic words to it (``generic_org_tails``: airlines, group,
    holdings …; "Thermaikos" of "Thermaikos Shipping" and "Thermaikos Shipping and Ports", where "and" and a
    trade word go too), when each of those names opens the longest of them, read with its tail in English
    ("Hannibal Audit & Conseil" is "Hannibal Audit & Advisory"; two different tails, "X Airlines" and "X
    Holdings", are two companies of one parent), unless it is a place ("Qatar" the country beside "Qatar
    Airways"). Names that read alike in English join whatever other tails the short name has."""
    by_short_form: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        short = without_generic_tail(key)
        if short != key:
            by_short_form[short].add(key)
    for short, full_names in by_short_form.items():
        if short in place_keys:
            continue
        # "hannibal audit conseil" reads "hannibal audit advisory": a translated tail is the same tail
        english = {name: _english_tail(name, short) for name in full_names}
        for name in full_names:
            for other in full_names:
                if english[other] == english[name]:
                    groups.merge(name, other)
        longest = max(english.values(), key=len)
        if short in groups and all(
            longest == name or longest.startswith(name + " ") for name in english.values()
        ):
            for name in full_names:
                groups.merge(short, name)


def _english_tail(key: str, short: str) -> str:
    """ "hannibal audit conseil" (short "hannibal audit") → "hannibal audit advisory": the generic tail's
    words in English (``org_tail_translations``), the rest as written."""
    translations = entity_lexicon().org_tail_translations
    tail = key[len(short) :].split()
    return " ".join([short, *(translations.get(word, word) for word in tail)])


def own_names_of_organisations(keyed: Sequence[Keyed]) -> frozenset[str]:
    """ "altinova" of "Altınova Sanayi Holding": the names a story's organisations go by less their generic
    tails, where the story also calls the short name an actor (tags it an organisation or a person) and
    the lexicon knows no country or capital of that name ("Qatar" of "Qatar Airways"). The small model tags
    an unfamiliar company's short name a place as often as not (issue #17, generalise thessaloniki-bid:
    "Altınova" nine times a place, seven times an actor); its full name, which the story also prints, says
    what it is."""
    lexicon = entity_lexicon()
    actors = {key for key, m in keyed if m.label in {"ORG", "PERSON"} and m.refers_to is None}
    shorts = {without_generic_tail(key) for key in actors if without_generic_tail(key) != key}
    return frozenset(
        short
        for short in shorts & actors
        if short not in lexicon.countries and short not in lexicon.seats_of_government
    )


def without_generic_tail(key: str) -> str:
    """ "altinova sanayi holding" → "altinova", "thermaikos shipping and ports" → "thermaikos": a name less
    its last generic words, and the coordinated trade words with them; one word at least stays."""
    lexicon = entity_lexicon()
    trades = lexicon.coordinated_trade_words
    words = key.split()
    tail = len(words)
    while tail > 1:
        if words[tail - 1] in lexicon.generic_org_tails:
            tail -= 1
        elif tail > 3 and words[tail - 2] == "and" and {words[tail - 1], words[tail - 3]} <= trades:
            tail -= 2  # "… shipping and ports" → "… shipping", whose "shipping" may go next
        else:
            break
    return " ".join(words[:tail])


def attach_organisation_descriptions(
    descriptions: Sequence[Mention],
    groups: list[list[Mention]],
    context: NameContext,
    settings: EntitiesSettings,
) -> None:
    """ "the union" in a report that never names it joins the one organisation of its story whose name has
    the description's words ("Velsund Dockers' Union", named in the other reports of the strike), or that
    another report of the story called so ("the cooperative" in a report naming only "Ala-Too Kredit", which
    the other reports call "the savings cooperative": issue #17, generalise trial). The story
    is the article chain of ``NameContext``: an article naming the organisation shares
    ``transliteration_min_shared_actors`` other actors with the description's article; those the
    description's own article names come first (``NameContext.nearest``). Two such organisations, or none,
    and it stays unresolved; organisations of unrelated stories are never candidates. Blocked by the
    description's last word; a word more than ``max_role_candidates`` organisations share ("ministry" in a
    year of news) is left to each article."""
    lexicon = entity_lexicon()
    by_word: dict[str, set[int]] = defaultdict(set)
    names_of: dict[int, set[str]] = defaultdict(set)
    for index, group in enumerate(groups):
        if all(mention.refers_to is not None for mention in group):
            continue  # no name to give the description (descriptions the collection grouped alone)
        for mention in group:
            words = _called_by(mention, lexicon)
            if words:
                names_of[index].add(" ".join(words))
                for word in words:
                    by_word[word[:STEM_CHARS]].add(index)
    for description in descriptions:
        wanted = described_words(description.text, lexicon)
        blocked = {
            index
            for index in (by_word.get(wanted[-1][:STEM_CHARS], set()) if wanted else set())
            if not any(
                trade_union_for_union_of_states(description.text, mention.text, lexicon)
                for mention in groups[index]
                if mention.refers_to is None
            )
        }
        if len(blocked) > settings.max_role_candidates:
            continue
        if is_prosecution_description(description.text, lexicon):
            # "Financial prosecutors": the prosecution of a body another report tied it to (``prosecutions``)
            named_with = (
                index for index in blocked if named_as_prosecution(names_of[index], wanted, lexicon)
            )
        else:
            named_with = (index for index in blocked if _named_with(names_of[index], wanted))
        candidates = context.nearest(
            description.article, named_with, groups, settings.transliteration_min_shared_actors
        )
        if len(candidates) == 1:
            group = groups[candidates[0]]
            name = next(m.text for m in group if m.refers_to is None)
            start, end = description.start, description.end
            group.append(Mention(description.article, start, end, description.text, "ORG", refers_to=name))


def _called_by(mention: Mention, lexicon: EntityLexicon) -> list[str]:
    """The words an organisation's mention calls it by: its name's (``institution_words``), or those of a
    description its own article resolved to it ("the savings cooperative"), but for a generic head ("the
    company"), which says no kind, unless a nationality qualifies it ("the Turkish group"). None for any
    other mention (an acronym's words are its long form's)."""
    if mention.label != "ORG":
        return []
    if mention.refers_to is None:
        return institution_words(mention.text, lexicon)
    if mention.text.split(" ", 1)[0].lower() != "the":
        return []
    words = described_words(mention.text, lexicon)
    specific = words and words[-1] not in lexicon.generic_org_heads
    # "the Turkish conglomerate" says which company as "the union" does (``nationalities``)
    return words if specific or is_national_description(mention.text, lexicon) else []


def _named_with(names: set[str], wanted: list[str]) -> bool:
    return any(all(any(_kind_words_match(w, o) for o in name.split()) for w in wanted) for name in names)


def _kind_words_match(wanted: str, named: str) -> bool:
    """ "union" ~ "unions", "Turkish" ~ "Turkey's" (``words_match``), but not two words of one length apart
    in their last letter only: "the police" of a shipwreck report is no "Insular Policy" centre, and the
    two candidates left it unresolved beside the "Hellenic Police" (issue #17, generalise shipwreck-03)."""
    one_letter_apart = len(wanted) == len(named) and wanted[:-1] == named[:-1] and wanted != named
    return words_match(wanted, named) and not one_letter_apart
