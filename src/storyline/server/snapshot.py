"""What the server reads: the store's brief (``pipeline.load_brief``), loaded once and held in memory, with
the look-ups and filters the routes need. A snapshot is never changed; an ingest builds a new one and swaps
it in, so a request always sees one consistent brief, and reads never wait for the database or for a
running ingest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeGuard, TypeVar

from storyline.records import Article, Brief, Claim, Entity, Mention, Question, Story
from storyline.report.views import BriefIndex
from storyline.server.search import Query, words_of
from storyline.store.history import ChangeStamp

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
class StoryPage(Page[Story]):
    """A page of stories; ``undated`` of the ``total`` have no dated article and were kept under a date
    filter (they come after the dated ones)."""

    undated: int = 0


@dataclass(frozen=True, slots=True)
class StoryFilter:
    text: str | None = None  # whole words of titles, outlets, entity names and aliases (``search``)
    entity: str | None = None  # an entity id the story's articles must mention
    date_from: str | None = None  # ISO dates; a story matches when one of its articles lies in the range
    date_to: str | None = None
    include_undated: bool = True  # under a date filter, keep stories no article of which has a date
    status: str | None = None  # a question of the story has this status
    speaker: str | None = None  # an entity id that speaks in one of the story's claims
    outlet: str | None = None  # one of the story's articles is from this outlet

    @property
    def has_dates(self) -> bool:
        return bool(self.date_from or self.date_to)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    text: str | None = None  # words of the claim, its speaker or its cue
    speaker: str | None = None  # an entity id
    modality: str | None = None
    story: str | None = None
    outlet: str | None = None  # the outlet of the claim's article


@dataclass(frozen=True, slots=True)
class QuestionFilter:
    status: str | None = None
    speaker: str | None = None  # an entity id among a position's speakers
    outlet: str | None = None  # an outlet carrying a position


@dataclass(frozen=True, slots=True)
class LedgerPlace:
    """Where a claim stands in a ledger: its story, the question and the position's label."""

    story: str
    question_id: str
    question: str


class Snapshot:
    """The brief of one store at one moment, indexed for the routes."""

    def __init__(
        self, brief: Brief, stamp: ChangeStamp | None = None, aliases: Mapping[str, str] | None = None
    ) -> None:
        self.brief = brief
        # How far the store had got when this brief was read (what a page's live banner compares with).
        self.stamp = stamp or ChangeStamp(len(brief.articles), 0, 0)
        self.index = BriefIndex(brief)
        self.stories: dict[str, Story] = {story.id: story for story in brief.stories}
        # The id of each event story a developing story joined under another's -> that id
        # (``pipeline.story_aliases``): such an id still finds its story, as the listing names it.
        self.aliases: dict[str, str] = dict(aliases or {})
        self.joined: dict[str, list[str]] = defaultdict(list)
        for event_id, story_id in self.aliases.items():
            self.joined[story_id].append(event_id)
        self.story_of_article: dict[str, str] = {
            article_id: story.id for story in brief.stories for article_id in story.articles
        }
        self._pages: dict[tuple[str, ...], str] = {}
        self._entities_by_article: dict[str, set[str]] = defaultdict(set)
        for entity in brief.entities:
            for mention in entity.mentions:
                self._entities_by_article[mention.article].add(entity.id)
        self._story_words: dict[str, list[str]] = {}  # filled as searches need them
        self.outlets: tuple[str, ...] = tuple(
            sorted({a.outlet for a in brief.articles if a.outlet}, key=str.casefold)
        )
        self.ledger_place: dict[str, LedgerPlace] = {
            claim_id: LedgerPlace(story.id, question.id, question.question)
            for story in brief.stories
            for question in story.questions
            for position in question.positions
            for claim_id in position.claims
        }

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

    def story(self, story_id: str) -> Story | None:
        """The story with this id, or the developing story that joined the event story with this id."""
        return self.stories.get(self.aliases.get(story_id, story_id))

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

    def is_undated(self, story: Story) -> bool:
        return self.published_range(story) == (None, None)

    def speakers(self) -> list[Entity]:
        """The entities that speak in some claim, by name: the choices of a speaker filter."""
        speaking = {claim.speaker for claim in self.brief.claims if claim.speaker}
        return sorted((self.index.entities[e] for e in speaking if e in self.index.entities), key=_by_name)

    def known_outlet(self, outlet: str) -> str | None:
        """The outlet as stored, for one given in any case; None when no article is from it."""
        return next((known for known in self.outlets if known.casefold() == outlet.casefold()), None)

    # --- filters --------------------------------------------------------------------------------------

    def find_stories(self, wanted: StoryFilter, offset: int, limit: int) -> StoryPage:
        matching = [story for story in self.brief.stories if self._story_matches(story, wanted)]
        undated: list[Story] = []
        if wanted.has_dates:
            # Under a date filter, stories no date places are neither in nor out of the range: they are
            # kept (unless asked not to), after the dated ones, and counted apart.
            undated = [story for story in matching if self.is_undated(story)]
            matching = [story for story in matching if not self.is_undated(story)]
            if wanted.include_undated:
                matching += undated
            else:
                undated = []
        page = paginate(matching, offset, limit)
        return StoryPage(page.items, page.total, page.offset, page.limit, undated=len(undated))

    def _story_matches(self, story: Story, wanted: StoryFilter) -> bool:
        articles = [article for article_id in story.articles if (article := self.article(article_id))]
        if wanted.entity and not any(
            wanted.entity in self._entities_by_article.get(article_id, ()) for article_id in story.articles
        ):
            return False
        if (
            wanted.has_dates
            and not self.is_undated(story)
            and not any(_within(article.published, wanted.date_from, wanted.date_to) for article in articles)
        ):
            return False
        if wanted.status and all(question.status != wanted.status for question in story.questions):
            return False
        if wanted.outlet and all((a.outlet or "").casefold() != wanted.outlet.casefold() for a in articles):
            return False
        if wanted.speaker and all(c.speaker != wanted.speaker for c in self.claims_of_story(story)):
            return False
        return not wanted.text or Query(wanted.text).matches(self._words_of_story(story))

    def _words_of_story(self, story: Story) -> list[str]:
        """The story's searchable fields, folded once per snapshot: its title, its articles' titles and
        outlets, and the names and aliases of the entities they mention."""
        words = self._story_words.get(story.id)
        if words is None:
            texts = [story.title]
            for article_id in story.articles:
                article = self.article(article_id)
                if article:
                    texts += [article.title or "", article.outlet or ""]
                for entity_id in self._entities_by_article.get(article_id, ()):
                    entity = self.index.entities[entity_id]
                    texts += [entity.name, *entity.aliases]
            words = [words_of(text) for text in dict.fromkeys(texts) if text]
            self._story_words[story.id] = words
        return words

    def find_claims(self, wanted: ClaimFilter, offset: int, limit: int) -> Page[Claim]:
        claims: Sequence[Claim] = self.brief.claims
        if wanted.story:
            story = self.story(wanted.story)
            claims = self.claims_of_story(story) if story else []
        query = Query(wanted.text) if wanted.text else None
        matching = [claim for claim in claims if self._claim_matches(claim, wanted, query)]
        return paginate(matching, offset, limit)

    def _claim_matches(self, claim: Claim, wanted: ClaimFilter, query: Query | None) -> bool:
        if wanted.speaker and claim.speaker != wanted.speaker:
            return False
        if wanted.modality and claim.modality != wanted.modality:
            return False
        if wanted.outlet:
            article = self.article(claim.article)
            if article is None or (article.outlet or "").casefold() != wanted.outlet.casefold():
                return False
        speaker = self.index.speaker_name(claim.speaker) if claim.speaker else claim.speaker_text
        return query is None or query.matches_text([claim.text, speaker, claim.speaker_text, claim.cue])

    def find_questions(self, wanted: QuestionFilter, offset: int, limit: int) -> Page[tuple[Story, Question]]:
        """The ledgers' questions across stories (in story order) that match every filter given."""
        outlet = wanted.outlet.casefold() if wanted.outlet else None
        matching = [
            (story, question)
            for story in self.brief.stories
            for question in story.questions
            if (not wanted.status or question.status == wanted.status)
            and (not wanted.speaker or any(wanted.speaker in p.speakers for p in question.positions))
            and (not outlet or any(outlet in map(str.casefold, p.outlets) for p in question.positions))
        ]
        return paginate(matching, offset, limit)

    def find_entities(self, text: str | None, offset: int, limit: int) -> Page[Entity]:
        query = Query(text) if text else None
        matching = [
            entity
            for entity in self.brief.entities
            if query is None or query.matches_text([entity.name, *entity.aliases])
        ]
        return paginate(matching, offset, limit)


def paginate(items: Sequence[ItemT], offset: int, limit: int) -> Page[ItemT]:
    return Page(tuple(items[offset : offset + limit]), len(items), offset, limit)


def _by_name(entity: Entity) -> str:
    return entity.name.casefold()


def _is_calendar_date(published: str | None) -> TypeGuard[str]:
    """A date with its year ("2024-05-12", "2024-05"); not "--05-10", whose year is unknown."""
    return published is not None and YEAR_FIRST.match(published) is not None


def _within(published: str | None, date_from: str | None, date_to: str | None) -> bool:
    # ISO dates compare as strings; an article with no date, or no year, cannot be placed in a range.
    if not _is_calendar_date(published):
        return False
    return (date_from is None or published >= date_from) and (date_to is None or published <= date_to)
