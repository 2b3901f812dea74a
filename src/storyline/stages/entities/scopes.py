"""Resolution scopes: a story's entity decisions never depend on unrelated stories in the store.

Many decisions of resolution are "the one candidate of the collection" (a lone surname joins the one full
name with that surname, a short name the one full name ending in it, an acronym the one name it spells) or
counts over the collection (a name tagged an organisation more often than a person is one). Run over a whole
store, such a decision changes when an unrelated story brings a second candidate: "the Red Cross" of a
prisoner-exchange report stopped joining the International Committee of the Red Cross once an earthquake
story named the Red Cross Society of Georgia. So resolution runs per *scope* and then links across scopes:
1. a scope is a set of articles connected by shared actors: two articles are linked when they share
   ``min_shared`` actors (names by folded name, people also by surname; places left out, since every
   story of a war shares its countries) — the story test ``NameContext.in_story`` already applies to
   descriptions. Links are found through each article's pairs (triples …) of actors, so the work grows with
   the articles, not with their square; what links two articles depends on those two articles only;
2. each scope is resolved alone, so its partition of its own mentions is what it would be in an empty store;
3. the same actor in two scopes (one person in two stories) is one entity: a resolution over the whole
   collection proposes which scope entities belong together, and a proposal is taken only when it never
   puts two entities of one scope together — a scope's own decisions stand — and never joins a country's
   state body to one of another country: "the Ministry of Health" of a story set in Uzbekistan is not the
   Iraqi one of a story set in Iraq, though both stories may call theirs by that bare name. A scope's
   country is the one its place names name most often (names, other names and capitals the lexicon knows).
   Nor does it join two people whose full names the collection keeps apart through what else they share
   (a surname each story also writes alone: "Lena Moreau" of one story, "Paul Moreau" of another).
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

from scipy.cluster.hierarchy import DisjointSet

from storyline.records import ROLE_LABEL, Entity, Mention
from storyline.stages.entities.lexicon import PLACE_LABELS, EntityLexicon, fold_name
from storyline.stages.entities.transliteration import readings

__all__ = ["is_state_body", "link_scopes", "scope_country", "story_scopes"]

# Prefix of a handle that is an English reading of a surname, kept apart from the names themselves.
READING_HANDLE = "~"
# (article, start, end): one mention, whatever resolution relabelled it as.
SpanKey = tuple[str, int, int]


def story_scopes(mentions: Sequence[Mention], min_shared: int) -> list[list[Mention]]:
    """The mentions grouped by scope (articles sharing ``min_shared`` actors, transitively), in the order
    of each scope's first mention."""
    articles = DisjointSet(dict.fromkeys(mention.article for mention in mentions))
    first_with: dict[tuple[str, ...], str] = {}
    for article, owners in _handles_by_article(mentions).items():
        for shared in combinations(sorted(owners), min_shared):
            if not _of_distinct_actors(shared, owners):
                continue
            if shared in first_with:
                articles.merge(first_with[shared], article)
            else:
                first_with[shared] = article
    scopes: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        scopes[articles[mention.article]].append(mention)
    return list(scopes.values())


def _handles_by_article(mentions: Iterable[Mention]) -> dict[str, dict[str, set[str]]]:
    """Per article, the handles an actor is matched by → the names (folded keys) they come from: every
    name by itself, and a person's name also by its last word, so that "Zelensky" and "Volodymyr
    Zelensky" are one actor. An organisation is not matched by its last word ("ministry", "cross" end
    the names of unrelated bodies); one the small model tagged a person ("Ingrida Simonyte" as ORG) still
    matches by its full name."""
    handles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    actors = [
        (mention, key)
        for mention in mentions
        if mention.label not in PLACE_LABELS
        and mention.label != ROLE_LABEL
        and (key := fold_name(mention.refers_to or mention.text))
    ]
    spellings = _surname_spellings({key.rsplit(" ", 1)[-1] for m, key in actors if m.label == "PERSON"})
    for mention, key in actors:
        owners = handles[mention.article]
        owners[key].add(key)
        if mention.label == "PERSON":
            surname = key.rsplit(" ", 1)[-1]
            owners[surname].add(key)
            if surname in spellings:
                owners[spellings[surname]].add(key)
    return handles


def _surname_spellings(surnames: set[str]) -> dict[str, str]:
    """Surnames of the collection spelt two ways → one handle for all their spellings: "Charczilawa"
    (Polish) and "Chartschilawa" (German) are one minister by a shared English reading. Without it a
    translated report was tied to its story only by a village the small model tagged a person (generalise
    racha-quake). One handle per spelling group, not one per reading: a handle per reading multiplied the
    pairs of handles tried per article (resolution took twice as long)."""
    by_reading = DisjointSet()
    for surname in surnames:
        by_reading.add(surname)
        for reading in readings(surname):
            by_reading.add(READING_HANDLE + reading)
            by_reading.merge(surname, READING_HANDLE + reading)
    groups = [group & surnames for group in by_reading.subsets()]
    return {surname: READING_HANDLE + min(group) for group in groups if len(group) > 1 for surname in group}


def _of_distinct_actors(shared: tuple[str, ...], owners: dict[str, set[str]]) -> bool:
    """Whether no two of these handles come from one name of the article (a full name and its own last
    word are one actor, not two)."""
    return all(owners[first].isdisjoint(owners[second]) for first, second in combinations(shared, 2))


def scope_country(mentions: Iterable[Mention], lexicon: EntityLexicon) -> str | None:
    """The country a scope is set in: the one its place names name most often, if one leads."""
    named: Counter[str] = Counter()
    for mention in mentions:
        if mention.label in PLACE_LABELS:
            country = _country_named(fold_name(mention.refers_to or mention.text), lexicon)
            if country is not None:
                named[country] += 1
    ranked = named.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _country_named(key: str, lexicon: EntityLexicon) -> str | None:
    if key in lexicon.countries:
        return key
    other = lexicon.country_aliases.get(key) or lexicon.seats_of_government.get(key)
    return fold_name(other) if other else None


def is_state_body(entity: Entity, lexicon: EntityLexicon) -> bool:
    """Whether an organisation is a country's state body by its name's words ("Ministry of Health",
    "Police of Armenia"; a name saying it is international is none)."""
    words = set(fold_name(entity.name).split())
    return bool(words & lexicon.state_body_heads) and not words & lexicon.international_words


def link_scopes(
    scoped: Sequence[Sequence[Entity]],
    collection: Sequence[Entity],
    make_entity: Callable[[list[Mention], str], Entity],
    broad_type: Callable[[str], str],
    country_bound: Callable[[int, Entity], str | None] = lambda scope, entity: None,
) -> list[Entity]:
    """The scope entities, those ``collection`` (the whole collection resolved at once) puts together
    joined, unless the join would hold two entities of one scope or state bodies of two countries
    (``country_bound``: the country a scope's entity belongs to, None when it is not a state body or the
    scope's country is unknown)."""
    where: dict[SpanKey, int] = {}
    scope_of: list[int] = []
    flat: list[Entity] = []
    for scope, entities in enumerate(scoped):
        for entity in entities:
            for mention in entity.mentions:
                where.setdefault((mention.article, mention.start, mention.end), len(flat))
            scope_of.append(scope)
            flat.append(entity)
    joined = DisjointSet(range(len(flat)))
    scopes_in: dict[int, set[int]] = {index: {scope_of[index]} for index in range(len(flat))}
    countries_in: dict[int, set[str]] = {
        index: {country} if (country := country_bound(scope_of[index], flat[index])) else set()
        for index in range(len(flat))
    }
    named_as = _full_names_named_as(flat, collection)
    for entity in collection:
        proposed = sorted(
            {where[span] for m in entity.mentions if (span := (m.article, m.start, m.end)) in where}
        )
        for other in proposed[1:]:
            first, second = joined[proposed[0]], joined[other]
            if first == second or not scopes_in[first].isdisjoint(scopes_in[second]):
                continue
            if len(countries_in[first] | countries_in[second]) > 1:
                continue
            if named_as[first] and named_as[second] and named_as[first].isdisjoint(named_as[second]):
                continue
            joined.merge(first, second)
            scopes_in[joined[first]] = scopes_in[first] | scopes_in[second]
            countries_in[joined[first]] = countries_in[first] | countries_in[second]
            named_as[joined[first]] = named_as[first] | named_as[second]
    linked = [
        _joined_entity([flat[i] for i in sorted(part)], make_entity, broad_type) for part in joined.subsets()
    ]
    return _distinct_ids(sorted(linked, key=lambda entity: (-len(entity.mentions), entity.name)))


def _full_names_named_as(flat: Sequence[Entity], collection: Sequence[Entity]) -> dict[int, set[int]]:
    """Per scope entity, the collection entities that hold the full person names it is written by. Two
    scope entities whose full names the collection keeps apart are two people, whatever else of theirs it
    puts together: "Moreau" written alone in a report of each of two stories is one name across the
    collection, yet "Lena Moreau" of one story and "Paul Moreau" of the other are not one person."""
    collection_of = {
        (m.article, m.start, m.end): index for index, entity in enumerate(collection) for m in entity.mentions
    }
    return {
        index: {
            collection_of[span]
            for m in entity.mentions
            if _is_full_person_name(m) and (span := (m.article, m.start, m.end)) in collection_of
        }
        for index, entity in enumerate(flat)
    }


def _is_full_person_name(mention: Mention) -> bool:
    """A person's name of two words or more as the article writes it (not a description given a name)."""
    return mention.label == "PERSON" and mention.refers_to is None and " " in fold_name(mention.text)


def _joined_entity(
    parts: list[Entity], make_entity: Callable[[list[Mention], str], Entity], broad_type: Callable[[str], str]
) -> Entity:
    if len(parts) == 1:
        return parts[0]
    largest = max(parts, key=lambda entity: len(entity.mentions))
    return make_entity([m for entity in parts for m in entity.mentions], broad_type(largest.type))


def _distinct_ids(entities: list[Entity]) -> list[Entity]:
    """Ids come from the name and type: two scope entities of one name that could not be joined (each
    would have merged two entities of the other's scope) keep apart under distinct ids."""
    seen: dict[str, int] = {}
    distinct = []
    for entity in entities:
        count = seen.get(entity.id, 0)
        seen[entity.id] = count + 1
        distinct.append(entity if not count else dataclasses.replace(entity, id=f"{entity.id}-{count + 1}"))
    return distinct
