"""What the renderers show of a brief, per story: the ledger, timeline, entities and copies with every id
already looked up (speaker names, outlet labels, claim links). HTML and Markdown render the same views, so
they cannot disagree about what a brief says; the views hold plain text, never markup.

The views also word the brief for a reader: a source is named by its outlet (or site), never by a headline
or a local path; partial dates read as words; a denial is quoted with the words that make it one."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
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
from storyline.report.wording import display_source, hide_local_paths, readable_date


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """A link to an article in the report: its id (the anchor), a short label (outlet or title), its title."""

    article_id: str
    label: str
    title: str


# How much of a claim's words a position shows inline: about one line of the ledger's position box.
EXCERPT_CHARS = 90
# What a report calls the carrier of an article whose outlet and site are unknown.
UNNAMED_SOURCE = "unnamed source"
# Modalities whose meaning lies in the cue ("called the reports a hoax", "could not confirm"): their content
# alone reads as the opposite, so a report quotes it with the cue.
CUE_BEARING_MODALITIES = frozenset({"denied", "unconfirmed"})
# The longest stretch from cue to content quoted as one piece (about three lines of a position box); a
# longer one, or one across lines, is shown as the content with the cue beside it.
MAX_CUE_STRETCH_CHARS = 300


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A link to a claim's highlighted span: its id, a label (the outlet carrying it), the words a report
    quotes (``quoted_words``) and the cue those words must keep, if any."""

    claim_id: str
    label: str
    text: str
    cue: str | None = None

    @property
    def excerpt(self) -> str:
        """The claim's own words, cut at a word boundary: what an analyst reads before following the link.
        A cue the cut would lose ("… called a hoax") is kept at the end."""
        words = " ".join(self.text.split())
        if len(words) <= EXCERPT_CHARS:
            return words
        cue = " ".join(self.cue.split()) if self.cue else ""
        if cue and cue not in _cut_words(words, EXCERPT_CHARS):
            return _cut_words(words, max(0, EXCERPT_CHARS - len(cue) - 3)) + " … " + cue
        return _cut_words(words, EXCERPT_CHARS) + " …"


def _cut_words(words: str, limit: int) -> str:
    return words[:limit].rsplit(" ", 1)[0].rstrip(",;:") if len(words) > limit else words


@dataclass(frozen=True, slots=True)
class QuestionRef:
    """A link to a ledger question: the story it is in, its id and its wording."""

    story_id: str
    question_id: str
    question: str

    @property
    def anchor(self) -> str:
        """The id of the question's row in the HTML brief."""
        return f"question-{self.story_id}-{self.question_id}"


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
        """More than one position: the renderers highlight the question's positions as disagreeing; a series
        (one source's values by date, ``ledger.series``) is a count moving, not a disagreement."""
        return len(self.positions) > 1 and self.status != "series"


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

    @property
    def relation(self) -> str:
        """The relation as a reader says it, copy first: "republishes", "syndicated from", …"""
        return COPY_RELATIONS.get(self.kind, self.kind)


# How each kind of copy relation reads between the copy and its original ("a2 republishes a1").
COPY_RELATIONS = {
    "near-duplicate": "republishes",
    "syndicated": "syndicated from",
    "translation": "translated from",
}


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
        self._questions_by_claim: dict[str, list[QuestionRef]] = defaultdict(list)
        for story in brief.stories:
            for question in story.questions:
                ref = QuestionRef(story.id, question.id, question.question)
                for claim_id in dict.fromkeys(c for p in question.positions for c in p.claims):
                    self._questions_by_claim[claim_id].append(ref)

    def article_ref(self, article_id: str) -> ArticleRef:
        article = self.articles.get(article_id)
        if article is None:  # a story naming an article the brief lacks: still listed, by its id
            return ArticleRef(article_id, article_id, article_id)
        return ArticleRef(article_id, article.label, article_title(article))

    def claim_ref(self, claim_id: str) -> ClaimRef:
        claim = self.claims.get(claim_id)
        if claim is None:  # a ledger pointing at a claim the brief lacks: still shown, by its id
            return ClaimRef(claim_id, claim_id, "")
        article = self.articles.get(claim.article)
        words, cue = quoted_words(claim, article)
        label = source_name(article) if article else claim.article
        # the outlet's own statement: the analyst must see that no one is quoted
        label = f"{label} (own voice)" if claim.outlet_voice else label
        return ClaimRef(claim_id, label, words, cue)

    def speaker_name(self, speaker: str) -> str:
        """Positions list entity ids where the speaker was resolved, the speaker's words otherwise."""
        entity = self.entities.get(speaker)
        return entity.name if entity else speaker

    def speaker_names(self, position: Position) -> tuple[str, ...]:
        """Who takes a position: resolved speakers by their entity's name, then the others as written."""
        return tuple(dict.fromkeys((*map(self.speaker_name, position.speakers), *position.speaker_texts)))

    def claims_in(self, article_id: str) -> list[Claim]:
        return self._claims_by_article.get(article_id, [])

    def questions_of(self, claim_id: str) -> list[QuestionRef]:
        """The ledger questions a claim takes a position in, in story order."""
        return self._questions_by_claim.get(claim_id, [])

    def outlets_of(self, claim_ids: Sequence[str]) -> tuple[str, ...]:
        """The sources carrying these claims, each once (``source_name``)."""
        articles = (self.articles.get(self.claims[c].article) for c in claim_ids if c in self.claims)
        return tuple(dict.fromkeys(source_name(article) for article in articles if article))


def source_name(article: Article) -> str:
    """Who carried an article, as a report names it: its outlet or site, else a neutral label."""
    return article.outlet_name or UNNAMED_SOURCE


def quoted_words(claim: Claim, article: Article | None) -> tuple[str, str | None]:
    """The words a report quotes for a claim, and the cue they must keep. A denial's content alone says the
    opposite ("the reports" of "called the reports a hoax"), so it goes with its cue: the article's stretch
    from cue to content when that is short and on one line, else the content with the cue beside it."""
    if claim.modality not in CUE_BEARING_MODALITIES or not claim.cue.strip():
        return claim.text, None
    start, end = min(claim.start, claim.cue_start), max(claim.end, claim.cue_end)
    stretch = article.text[start:end] if article and claim.cue_end > claim.cue_start else ""
    if claim.cue in stretch and len(stretch) <= MAX_CUE_STRETCH_CHARS and "\n" not in stretch:
        return stretch, claim.cue
    return f"{claim.text} ({claim.cue})", claim.cue


def article_title(article: Article) -> str:
    return article.title or f"Untitled ({display_source(article.source)})"


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
    return readable_date(article.published, inferred=article.published_inferred)


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
        status_reason=recount_positions(question.status_reason, question.positions),
        positions=tuple(_position_view(position, question.unit, index) for position in question.positions),
    )


# A count of positions in a ledger reason ("3 speakers, 2 positions").
POSITION_COUNT = re.compile(r"\b\d+ (?:position|value)s?\b")


def recount_positions(reason: str, positions: Sequence[Position]) -> str:
    """``reason`` counting the positions shown beside it. The ledger leaves unconfirmed positions out of
    its count ("2 positions" beside three); a reason that contradicts the box next to it is not believed."""
    noun = "value" if positions and all(p.value is not None for p in positions) else "position"
    return POSITION_COUNT.sub(lambda _: count_noun(len(positions), noun), reason)


def _position_view(position: Position, unit: str | None, index: BriefIndex) -> PositionView:
    return PositionView(
        label=position_label(position, unit),
        speakers=index.speaker_names(position),
        outlets=index.outlets_of(position.claims),
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
    """One row per copy, relation and original: a credit found twice (two credit lines, or a passage match
    besides the credit) is listed once, with its best score."""
    rows: dict[tuple[str, str, str], CopyRow] = {}
    for edge in index.brief.copies:
        if edge.article in story_articles:
            row = _copy_row(edge, index)
            key = (edge.article, edge.kind, row.original_name)
            if key not in rows or row.score > rows[key].score:
                rows[key] = row
    return tuple(rows.values())


def _copy_row(edge: CopyEdge, index: BriefIndex) -> CopyRow:
    original = index.article_ref(edge.of) if edge.of in index.articles else None
    return CopyRow(
        copy=index.article_ref(edge.article),
        original=original,
        original_name=original.label if original else edge.of,
        kind=edge.kind,
        score=edge.score,
    )


# The Jinja filters the HTML and Markdown templates share: numbers and names worded the same way in both.
TEXT_FILTERS = {
    "score": lambda score: f"{score:.2f}",
    "count": count_noun,
    "local_name": display_source,
    "hide_local_paths": hide_local_paths,
}
