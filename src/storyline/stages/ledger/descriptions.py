"""What descriptions resolution gave one entity alone: "the court" for the Pervomaisky District Court,
"the judge" for Curiel, read for whose voice an unresolved speaker is (``ledger.voices``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from storyline.records import Entity, Mention


def people_described(entities: Sequence[Entity]) -> dict[tuple[str, str], str]:
    """(article id, description) → the one person it describes (``descriptions``), for the articles
    where resolution gave it that person: "The judge" speaks as Curiel only where the article itself
    calls him so, not in an article whose judge resolution never reached."""
    described = descriptions(entities, "PERSON")
    return {
        (article_id, text): entity.id
        for entity in entities
        if entity.type == "PERSON"
        for article_id, text in described_as(entity).mentions
        if described.get(text) == entity.id
    }


def descriptions(entities: Sequence[Entity], kind: str = "ORG") -> dict[str, str]:
    """Descriptions of one organisation (or person, ``kind``) alone ("the court" for the Pervomaisky
    District Court, where the Supreme Court is never "the court"; "the judge" for Curiel where no other
    person is called so), lower case → its entity id: mentions opening on "the" that are none of its
    names. Two people both called "the judge" give the description to neither."""
    found: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type == kind:
            for text in described_as(entity).texts:
                found.setdefault(text, set()).add(entity.id)
    return {text: ids.pop() for text, ids in found.items() if len(ids) == 1}


@dataclass(frozen=True, slots=True)
class Described:
    """An entity's mentions opening on "the" that are none of its names, lower case, each once in the
    order first met: the descriptions it is called by (``texts``) and where (``mentions``)."""

    texts: tuple[str, ...]
    mentions: tuple[tuple[str, str], ...]  # (article id, description)


# Every story's ledger reads the descriptions of the entities its articles name, and an entity named all
# over a collection is in hundreds of stories, each time with every mention it has: read per story, the
# walk was quadratic (377 stories of 1,000 generated articles: 7.1 M ``str.lower`` calls, a quarter of the
# serial tail's CPU). Within ``descriptions_read_once`` (every story's ledger at once) each entity is read
# once, looked up by identity (the entry holds the entity, so its id is not reused meanwhile); the cache is
# dropped after, so no run's entities outlive it.
_described: ContextVar[dict[int, tuple[Entity, Described]] | None] = ContextVar("described", default=None)


# Each story also reads its own articles' mentions of an entity (roles, honorifics, how often it is named:
# ``ledger.voices``, ``story_reading.person_genders``): walking every mention of an entity named all over a
# collection once per story was as quadratic (377 stories of 1,000 generated articles: a sixth of the serial
# tail's CPU). Its mentions are indexed by article once, in the same block and by the same identity.
_by_article: ContextVar[dict[int, tuple[Entity, Mapping[str, tuple[Mention, ...]]]] | None] = ContextVar(
    "by_article", default=None
)


@contextmanager
def descriptions_read_once() -> Iterator[None]:
    """Each entity's descriptions, and its mentions by article, read once in the block (a decorator of
    ``positions.build_ledgers``)."""
    token = _described.set({})
    indexed = _by_article.set({})
    try:
        yield
    finally:
        _by_article.reset(indexed)
        _described.reset(token)


def described_as(entity: Entity) -> Described:
    cache = _described.get()
    cached = None if cache is None else cache.get(id(entity))
    if cached is not None and cached[0] is entity:
        return cached[1]
    names = {name.lower() for name in (entity.name, *entity.aliases)}
    mentions: dict[tuple[str, str], None] = {}
    for mention in entity.mentions:
        text = mention.text.lower()
        if text.startswith("the ") and text not in names:
            mentions[(mention.article, text)] = None
    described = Described(tuple(dict.fromkeys(text for _, text in mentions)), tuple(mentions))
    if cache is not None:
        cache[id(entity)] = (entity, described)
    return described


def mentions_by_article(entity: Entity) -> Mapping[str, tuple[Mention, ...]]:
    """Article id → the entity's mentions there, in their order; articles in the order first named."""
    cache = _by_article.get()
    cached = None if cache is None else cache.get(id(entity))
    if cached is not None and cached[0] is entity:
        return cached[1]
    grouped: dict[str, list[Mention]] = {}
    for mention in entity.mentions:
        grouped.setdefault(mention.article, []).append(mention)
    by_article = {article: tuple(mentions) for article, mentions in grouped.items()}
    if cache is not None:
        cache[id(entity)] = (entity, by_article)
    return by_article


def mentions_within(entity: Entity, articles: Iterable[str]) -> list[Mention]:
    """The entity's mentions in ``articles`` (each article once, however often listed), article by article
    in the order of ``articles``: what a filter of ``entity.mentions`` on the story's articles holds, read
    from ``mentions_by_article`` in the story's articles' time rather than the whole collection's."""
    by_article = mentions_by_article(entity)
    return [mention for article in dict.fromkeys(articles) for mention in by_article.get(article, ())]
