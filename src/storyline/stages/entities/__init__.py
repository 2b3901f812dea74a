"""The entities stage: mentions per article, then one entity per real-world actor across articles.

Contract: ``extract_mentions(parsed: ParsedArticle) -> list[Mention]`` (per article),
``recover_mentions(articles, mentions) -> list[Mention]`` (names one article tags and another leaves
untagged), ``resolve_entities(mentions) -> list[Entity]`` (cross-article) and ``span_index(entities)``
(which entity a character span belongs to); for other stages, ``country_ids(names)`` and
``demonym_country_ids(word, countries)`` (the countries a story names, and the ones a demonym stands for),
``government_country_ids(names, countries)`` (the entities that are a country's government → the country).
Inside: ``mentions`` (names, roles, acronyms, metonymy), ``noise`` and ``repair`` (NER output dropped
or its spans mended), ``descriptions`` (what "the minister" or "the union" stands for in its article:
found there, resolved by ``person_descriptions`` and ``organisation_descriptions``), ``roles`` (the role
an article gives a named person — "the main defendant, W", "who heads the association" — that a later "the
defendant" or "the head" stands for),
``people`` (a lone surname or given name as the person the article named in full), ``lexicon`` (the word
lists and name folding every module shares), ``resolve`` (blocking and guarded
merges), ``scopes`` (each story resolved alone, then one actor joined across stories), ``names`` and
``organisations`` (the merges of each kind), ``index`` (the deletion index that finds surname variants),
``recovery`` (untagged names the collection knows), ``kinds`` (a name introduced by a lower-case kind
word: "the opposition Free City bloc"), ``members`` ("the observers" for the body that sent
them), ``known`` (organisations the lexicon knows by
several names: "Doctors Without Borders" = "Médecins Sans Frontières" = "MSF").
"""

from storyline.stages.entities.lexicon import entity_lexicon, fold_name
from storyline.stages.entities.mentions import extract_mentions
from storyline.stages.entities.nationalities import (
    country_ids,
    demonym_country_ids,
    government_country_ids,
)
from storyline.stages.entities.recovery import recover_mentions
from storyline.stages.entities.resolve import resolve_entities, span_index

__all__ = [
    "country_ids",
    "demonym_country_ids",
    "entity_lexicon",
    "extract_mentions",
    "fold_name",
    "government_country_ids",
    "recover_mentions",
    "resolve_entities",
    "span_index",
]
