"""What the renderers show of a brief, per story: the ledger, timeline, entities and copies with every id
already looked up (speaker names, outlet labels, claim links). HTML and Markdown render the same views, so
they cannot disagree about what a brief says; the views hold plain text, never markup."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from storyline.lexicons import load_lexicon
from storyline.records import (
    Article,
    Brief,
    Claim,
    CopyEdge,
    Entity,
    Position,
    Question,
    Story,
    TimelineEntry,
)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """A link to an article in the report: its id (the anchor), a short label (outlet or title), its title."""

    article_id: str
    label: str
    title: str


# How much of a claim's words a position shows inline: about one line of the ledger's position box.
EXCERPT_CHARS = 90


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A link to a claim's highlighted span: its id, a label (the outlet carrying it) and its text."""

    claim_id: str
    label: str
    text: str

    @property
    def excerpt(self) -> str:
        """The claim's own words, cut at a word boundary: what an analyst reads before following the link."""
        words = " ".join(self.text.split())
        if len(words) <= EXCERPT_CHARS:
            return words
        return words[:EXCERPT_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@dataclass(frozen=True, slots=True)
class PositionView:
    label: str  # "12,000 personnel", or the stance ("affirm", "deny", "unconfirmed")
    speakers: tuple[str, ...]  # entity names where resolved, else the speaker as written
    outlets: tuple[str, ...]
    independent_sources: int
    claims: tuple[ClaimRef, ...]
    earliest: str | None


@dataclass(frozen=True, slots=True)
class QuestionView:
    question_id: str
    question: str
    status: str
    status_reason: str
    positions: tuple[PositionView, ...]

    @property
    def disagreement(self) -> bool:
        """More than one position: the renderers highlight the question's positions as disagreeing."""
        return len(self.positions) > 1


@dataclass(frozen=True, slots=True)
class TimelineItem:
    date: str
    precision: str
    text: str
    inferred: bool
    claims: tuple[ClaimRef, ...]
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mention_count: int  # mentions inside the story's articles


@dataclass(frozen=True, slots=True)
class CopyRow:
    copy: ArticleRef
    original: ArticleRef | None  # None when ``of`` names an outlet outside the corpus
    original_name: str  # the label of ``original``, or the credited outlet's name
    kind: str
    score: float


@dataclass(frozen=True, slots=True)
class StoryView:
    story_id: str
    title: str
    articles: tuple[ArticleRef, ...]
    questions: tuple[QuestionView, ...]
    timeline: tuple[TimelineItem, ...]
    entities: tuple[EntityRow, ...]
    copies: tuple[CopyRow, ...]


class BriefIndex:
    """Look-ups by id over one brief, built once per rendering."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.articles: dict[str, Article] = {article.id: article for article in brief.articles}
        self.claims: dict[str, Claim] = {claim.id: claim for claim in brief.claims}
        self.entities: dict[str, Entity] = {entity.id: entity for entity in brief.entities}
        self._claims_by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in brief.claims:
            self._claims_by_article[claim.article].append(claim)

    def article_ref(self, article_id: str) -> ArticleRef:
        article = self.articles.get(article_id)
        if article is None:  # a story naming an article the brief lacks: still listed, by its id
            return ArticleRef(article_id, article_id, article_id)
        return ArticleRef(article_id, article.label, article_title(article))

    def claim_ref(self, claim_id: str) -> ClaimRef:
        claim = self.claims.get(claim_id)
        if claim is None:  # a ledger pointing at a claim the brief lacks: still shown, by its id
            return ClaimRef(claim_id, claim_id, "")
        label = self.article_ref(claim.article).label
        # the outlet's own statement: the analyst must see that no one is quoted
        label = f"{label} (own voice)" if claim.outlet_voice else label
        return ClaimRef(claim_id, label, claim.text)

    def speaker_name(self, speaker: str) -> str:
        """Positions list entity ids where the speaker was resolved, the speaker's words otherwise."""
        entity = self.entities.get(speaker)
        return entity.name if entity else speaker

    def claims_in(self, article_id: str) -> list[Claim]:
        return self._claims_by_article.get(article_id, [])


def article_title(article: Article) -> str:
    return article.title or f"Untitled ({article.source})"


def unit_word(unit: str) -> str:
    """How a unit class reads after a number: its display word in ``lexicons/units.toml``, else its name."""
    display_words: dict[str, str] = load_lexicon("units")["display"]
    return display_words.get(unit, unit)


def format_value(value: float, unit: str | None) -> str:
    """12000.0, "personnel" → "12,000 people"; 2.5, "percent" → "2.5 percent"."""
    number = f"{int(value):,}" if value.is_integer() else f"{value:,.3f}".rstrip("0").rstrip(".")
    return f"{number} {unit_word(unit)}" if unit else number


def count_noun(count: int, singular: str, plural: str | None = None) -> str:
    """1, "article" → "1 article"; 3 → "3 articles"."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def position_label(position: Position, unit: str | None) -> str:
    """A value with its unit ("12,000 personnel"), or the stance ("deny")."""
    if position.value is not None:
        return format_value(position.value, unit)
    return position.stance or "unknown"


def format_published(article: Article) -> str:
    if article.published is None:
        return "unknown"
    return f"{article.published} (inferred)" if article.published_inferred else article.published


def build_story_views(brief: Brief) -> list[StoryView]:
    index = BriefIndex(brief)
    return [build_story_view(story, index) for story in brief.stories]


def build_story_view(story: Story, index: BriefIndex) -> StoryView:
    return StoryView(
        story_id=story.id,
        title=story.title,
        articles=tuple(index.article_ref(article_id) for article_id in story.articles),
        questions=tuple(_question_view(question, index) for question in story.questions),
        timeline=tuple(_timeline_item(entry, index) for entry in story.timeline),
        entities=_entity_rows(set(story.articles), index),
        copies=_copy_rows(set(story.articles), index),
    )


def _question_view(question: Question, index: BriefIndex) -> QuestionView:
    return QuestionView(
        question_id=question.id,
        question=question.question,
        status=question.status,
        status_reason=question.status_reason,
        positions=tuple(_position_view(position, question.unit, index) for position in question.positions),
    )


def _position_view(position: Position, unit: str | None, index: BriefIndex) -> PositionView:
    return PositionView(
        label=position_label(position, unit),
        speakers=tuple(index.speaker_name(speaker) for speaker in position.speakers),
        outlets=position.outlets,
        independent_sources=position.independent_sources,
        claims=tuple(index.claim_ref(claim_id) for claim_id in position.claims),
        earliest=position.earliest,
    )


def _timeline_item(entry: TimelineEntry, index: BriefIndex) -> TimelineItem:
    return TimelineItem(
        date=entry.date,
        precision=entry.precision,
        text=entry.text,
        inferred=entry.inferred,
        claims=tuple(index.claim_ref(claim_id) for claim_id in entry.claims),
        articles=tuple(index.article_ref(article_id) for article_id in entry.articles),
    )


def _entity_rows(story_articles: set[str], index: BriefIndex) -> tuple[EntityRow, ...]:
    """The entities mentioned in the story's articles, most mentioned first."""
    rows = []
    for entity in index.brief.entities:
        count = sum(1 for mention in entity.mentions if mention.article in story_articles)
        if count:
            rows.append(EntityRow(entity.id, entity.name, entity.type, entity.aliases, entity.roles, count))
    return tuple(sorted(rows, key=lambda row: (-row.mention_count, row.name.casefold())))


def _copy_rows(story_articles: set[str], index: BriefIndex) -> tuple[CopyRow, ...]:
    return tuple(_copy_row(edge, index) for edge in index.brief.copies if edge.article in story_articles)


def _copy_row(edge: CopyEdge, index: BriefIndex) -> CopyRow:
    original = index.article_ref(edge.of) if edge.of in index.articles else None
    return CopyRow(
        copy=index.article_ref(edge.article),
        original=original,
        original_name=original.label if original else edge.of,
        kind=edge.kind,
        score=edge.score,
    )
