"""What the server reads: the store's brief (``pipeline.load_brief``), loaded once and held in memory, with
the look-ups and filters the routes need. A snapshot is never changed; an ingest builds a new one and swaps
it in, so a request always sees one consistent brief, and reads never wait for the database or for a
running ingest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeGuard, TypeVar

from storyline.records import Article, Brief, Claim, Entity, Mention, Story
from storyline.report.views import BriefIndex

ItemT = TypeVar("ItemT")

MAX_CACHED_PAGES = 2000

YEAR_FIRST = re.compile(r"\d{4}(?:-|$)")


@dataclass(frozen=True, slots=True)
class Page(Generic[ItemT]):
    """One page of a filtered list, and how many items the whole list holds."""

    items: tuple[ItemT, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class StoryFilter:
    text: str | None = None  # matched, case-insensitively, in titles and entity names
    entity: str | None = None  # an entity id the story's articles must mention
    date_from: str | None = None  # ISO dates; a story matches when one of its articles lies in the range
    date_to: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    text: str | None = None  # in the claim's words, its speaker or its cue
    speaker: str | None = None  # an entity id
    modality: str | None = None
    story: str | None = None


class Snapshot:
    """The brief of one store at one moment, indexed for the routes."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.index = BriefIndex(brief)
        self.stories: dict[str, Story] = {story.id: story for story in brief.stories}
        self.story_of_article: dict[str, str] = {
            article_id: story.id for story in brief.stories for article_id in story.articles
        }
        self._pages: dict[tuple[str, ...], str] = {}
        self._entities_by_article: dict[str, set[str]] = defaultdict(set)
        for entity in brief.entities:
            for mention in entity.mentions:
                self._entities_by_article[mention.article].add(entity.id)

    def cached(self, key: tuple[str, ...], build: Callable[[], str]) -> str:
        """A rendered page, built once per snapshot: the snapshot never changes, so neither does the page.
        Bounded, so a crawl over a large store cannot hold every page in memory."""
        page = self._pages.get(key)
        if page is None:
            page = build()
            if len(self._pages) < MAX_CACHED_PAGES:
                self._pages[key] = page
        return page

    def cached_pages(self) -> int:
        return len(self._pages)

    # --- look-ups -------------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        return self.index.articles.get(article_id)

    def entity(self, entity_id: str) -> Entity | None:
        return self.index.entities.get(entity_id)

    def claims_of_story(self, story: Story) -> list[Claim]:
        return [claim for article_id in story.articles for claim in self.index.claims_in(article_id)]

    def claims_of_speaker(self, entity_id: str) -> list[Claim]:
        return [claim for claim in self.brief.claims if claim.speaker == entity_id]

    def mentions_in(self, article_id: str) -> list[tuple[Entity, Mention]]:
        """Every entity mention inside one article, in text order."""
        found = [
            (self.index.entities[entity_id], mention)
            for entity_id in self._entities_by_article.get(article_id, ())
            for mention in self.index.entities[entity_id].mentions
            if mention.article == article_id
        ]
        return sorted(found, key=lambda pair: (pair[1].start, pair[1].end))

    def mentions_by_story(self, entity: Entity) -> list[tuple[Story, list[Mention]]]:
        """An entity's mentions grouped by the story of their article, stories in the brief's order."""
        grouped: dict[str, list[Mention]] = defaultdict(list)
        for mention in entity.mentions:
            story_id = self.story_of_article.get(mention.article)
            if story_id:
                grouped[story_id].append(mention)
        return [(story, grouped[story.id]) for story in self.brief.stories if story.id in grouped]

    def published_range(self, story: Story) -> tuple[str | None, str | None]:
        dates = sorted(
            article.published
            for article_id in story.articles
            if (article := self.article(article_id)) and _is_calendar_date(article.published)
        )
        return (dates[0], dates[-1]) if dates else (None, None)

    # --- filters --------------------------------------------------------------------------------------

    def find_stories(self, wanted: StoryFilter, offset: int, limit: int) -> Page[Story]:
        return paginate([s for s in self.brief.stories if self._story_matches(s, wanted)], offset, limit)

    def _story_matches(self, story: Story, wanted: StoryFilter) -> bool:
        if wanted.entity and not any(
            wanted.entity in self._entities_by_article.get(article_id, ()) for article_id in story.articles
        ):
            return False
        if (wanted.date_from or wanted.date_to) and not any(
            _within(article.published, wanted.date_from, wanted.date_to)
            for article_id in story.articles
            if (article := self.article(article_id))
        ):
            return False
        return not wanted.text or _contains(self._story_words(story), wanted.text)

    def _story_words(self, story: Story) -> list[str]:
        words = [story.title]
        for article_id in story.articles:
            article = self.article(article_id)
            if article:
                words += [article.title or "", article.outlet or ""]
            words += [self.index.entities[e].name for e in self._entities_by_article.get(article_id, ())]
        return words

    def find_claims(self, wanted: ClaimFilter, offset: int, limit: int) -> Page[Claim]:
        claims: Sequence[Claim] = self.brief.claims
        if wanted.story:
            story = self.stories.get(wanted.story)
            claims = self.claims_of_story(story) if story else []
        matching = [claim for claim in claims if self._claim_matches(claim, wanted)]
        return paginate(matching, offset, limit)

    def _claim_matches(self, claim: Claim, wanted: ClaimFilter) -> bool:
        if wanted.speaker and claim.speaker != wanted.speaker:
            return False
        if wanted.modality and claim.modality != wanted.modality:
            return False
        speaker = self.index.speaker_name(claim.speaker) if claim.speaker else claim.speaker_text or ""
        return not wanted.text or _contains([claim.text, speaker, claim.cue], wanted.text)

    def find_entities(self, text: str | None, offset: int, limit: int) -> Page[Entity]:
        matching = [
            entity
            for entity in self.brief.entities
            if not text or _contains([entity.name, *entity.aliases], text)
        ]
        return paginate(matching, offset, limit)


def paginate(items: Sequence[ItemT], offset: int, limit: int) -> Page[ItemT]:
    return Page(tuple(items[offset : offset + limit]), len(items), offset, limit)


def _contains(haystack: list[str], needle: str) -> bool:
    wanted = needle.casefold().strip()
    return any(wanted in text.casefold() for text in haystack)


def _is_calendar_date(published: str | None) -> TypeGuard[str]:
    """A date with its year ("2024-05-12", "2024-05"); not "--05-10", whose year is unknown."""
    return published is not None and YEAR_FIRST.match(published) is not None


def _within(published: str | None, date_from: str | None, date_to: str | None) -> bool:
    # ISO dates compare as strings; an article with no date, or no year, cannot be placed in a range.
    if not _is_calendar_date(published):
        return False
    return (date_from is None or published >= date_from) and (date_to is None or published <= date_to)
