"""The typed records every stage passes along.

Records are frozen dataclasses: a stage takes records and returns new ones (``dataclasses.replace``), it never
mutates what it was given. Every extracted thing carries character offsets into ``Article.text`` — the
*cleaned* text — so that ``article.text[start:end]`` equals the stored surface string.

Field names follow the brief's JSON contract (``storyline.brief/1``, see ``report/schema.json``).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

if TYPE_CHECKING:  # spaCy and pandas are heavy (pandas optional); only the types are needed here
    import pandas
    from spacy.tokens import Doc

    from storyline.corrections import Correction

BRIEF_SCHEMA = "storyline.brief/1"

# Closed vocabularies of the records, defined once for the code (report/schema.json checks the JSON).
# How the content is put: ``claims.modality`` decides it.
Modality = Literal["asserted", "hedged", "denied", "unconfirmed"]
# Which side of a proposition a claim takes: ``claims.modality.stance_of`` decides it.
Stance = Literal["affirm", "deny", "unconfirmed"]
# Where a question stands once its positions are weighed (``ledger.positions.judge_status``).
QuestionStatus = Literal["corroborated", "contested", "denied", "unconfirmed", "single-source", "series"]
# How one article copies another (``copies``).
CopyKind = Literal["near-duplicate", "syndicated", "translation"]
# Whether the content is the speaker's words: in quotation marks, reported, or partly quoted.
QuoteKind = Literal["direct", "indirect", "mixed"]
# What the speaker is said to have done: stated something ("said the dam was safe"), or an act the article
# attributes ("voted to strike", "demanded a pay rise"). The ledger weighs statements only (issue #16).
ClaimKind = Literal["statement", "act"]
# What signed text the article prints a claim in, its signer the speaker with no cue: a reader's letter on a
# letters page (``claims.letters``) or an embedded social post (``claims.posts``).
Signed = Literal["letter", "post"]


# --- articles -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the clean stage dropped, kept so the user can see what was removed and why."""

    text: str
    reason: str  # e.g. "author-bio", "recent-posts", "subscribe-prompt", "hashtags", "photo-caption"


@dataclass(frozen=True, slots=True)
class Credit:
    """A provenance line such as "Source: Do Rzeczy" or "Via LRT" (removed from the text, kept here)."""

    kind: str  # "source" | "via" | "according-to" | "wire"
    outlet: str
    text: str = ""  # the whole credit line as it stood


@dataclass(frozen=True, slots=True)
class ForeignFragment:
    """A stretch of the cleaned text in a language other than the article's."""

    text: str
    language: str  # ISO 639-1 code, e.g. "pl"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. Ingest fills the metadata and the raw text; clean replaces ``text`` by the cleaned
    text and fills ``removed`` and ``credits``; language fills ``language`` and ``foreign_fragments``."""

    id: str  # content hash of the raw text (stable: the same article twice is stored once)
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    # ISO 8601 date ("2024-10-18"), or None when unknown; an inferred one may be partial: "--10-18" when the
    # text cannot fix the year, "2024-08" / "--08" when the newest evidence names only a month
    published: str | None = None
    published_inferred: bool = False
    published_evidence: str | None = None  # why an inferred date is what it is (or why none could be found)
    published_window: str | None = None  # ISO 8601 interval holding it: "--10-18/--11-01", "2024-10-18/.."
    language: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    credits: tuple[Credit, ...] = ()
    foreign_fragments: tuple[ForeignFragment, ...] = ()

    @property
    def source(self) -> str:
        """Where the article came from, for messages: its path, its URL or its id."""
        return self.path or self.url or self.id

    @property
    def label(self) -> str:
        """A short name for an analyst: the outlet, else the title, else the URL or the file's name (a
        relative path such as "../seeds/000.txt" says less and takes more room than its last part)."""
        if self.outlet or self.title or self.url or not self.path:
            return self.outlet or self.title or self.source
        return PurePath(self.path).name or self.path

    @property
    def outlet_name(self) -> str | None:
        """Who published the article: the outlet, else the site's domain; None when neither is known (a
        headline or a file name says what the article is, not who carried it)."""
        if self.outlet:
            return self.outlet
        try:
            host = urlsplit(self.url).hostname if self.url else None
        except ValueError:  # "http://[oops": a malformed URL names no site
            host = None
        return host.removeprefix("www.") if host else None


@dataclass(frozen=True, slots=True)
class SkippedInput:
    """An input that could not be analysed, with a one-line reason naming the file (and line)."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class ParsedArticle:
    """An article with its one spaCy parse, shared by every per-article stage after ``nlp``."""

    article: Article
    doc: Doc


# --- entities -------------------------------------------------------------------------------------------


# The label of a person description no name in its article explained ("the Lithuanian foreign minister"):
# resolution may link it through roles across articles; it is not an actor name of its own.
ROLE_LABEL = "ROLE"


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article naming an actor (person, organisation, place, government …)."""

    article: str
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | FAC, or ROLE_LABEL
    # The name this mention stands for, when it is not a name itself or not the canonical one: a
    # description's antecedent in the same article ("the interior minister" → "Sara Lind"), an acronym's
    # long form, a capital used for its government ("Moscow denied" → "Government of Russia").
    refers_to: str | None = None
    role: str | None = None  # a title or role the article gives the actor here ("NATO Secretary General")


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor across articles: a canonical name, its variants and roles, every mention."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


# --- claims ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number inside a claim: "about 11,000 North Korean infantrymen" → 11000, "personnel", approx."""

    value: float
    unit: str  # normalised unit class ("personnel", "USD", "percent", …) or the head noun's lemma
    approx: bool
    text: str
    start: int
    end: int
    # The verb its counted noun hangs on, read from the article's parse by the worker that found it ("were
    # deemed classified", "did she delete"): the ledger's label names what happened to what is counted
    # (``ledger.label_predicates.with_predicate``). "" when the parse gives none; None in stores older than
    # schema 7.
    predicate: str | None = None
    # An earlier value of a chain its sentence tells the count moving through ("fell from 46 to 31 and then
    # to 12": 46 and 31, not 12; ``quantities.changes``): the ledger dates it by its own words only. False
    # in stores older than schema 9.
    earlier_in_chain: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression, normalised against the article's publication date where one is known."""

    text: str
    start: int
    end: int
    date: str | None  # ISO 8601 at its precision: "2024-10-18", "2024-10", "2024", "--10-18", "2024-W42"
    precision: str  # day | week | month | season | year | range | unknown
    inferred: bool = False  # the value rests on an inferred publication date
    # TimeML's TIMEX3 type and value. ``date`` stays None for a DURATION ("three years" → "P3Y"), a SET
    # ("every week" → "P1W") and a reference ("now" → "PRESENT_REF"): none of them is a point a timeline
    # can place. ``value`` writes a DATE in TimeML's notation ("1989-Q3", "199" for the 1990s).
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An attribution: a speaker, a cue and the content span the speaker is said to assert."""

    id: str
    article: str
    text: str  # the content span, verbatim
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    speaker_text: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None  # entity id, filled once entities are resolved across articles
    quote: QuoteKind = "indirect"
    modality: Modality = "asserted"
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    # Nested attribution: who passed the speaker's words on ("a source told Yonhap", "according to Yonhap,
    # the envoy confirmed …", "the source cited by Yonhap") — the speaker said it, via this outlet or person.
    via_text: str | None = None
    via_start: int | None = None
    via_end: int | None = None
    # An act is shown with the article's claims but is no proposition: the ledger, outlet-voice statements
    # and quantity questions leave it out (``claims.learned`` finds acts; the rules find statements).
    kind: ClaimKind = "statement"
    # Where the content's own finite verbs are (characters from ``start``), read from the article's parse by
    # the worker (``claims.finite``): whether the content states a clause ("Clinton will win", not "Clinton
    # to win") is then a lookup for the ledger, not a parse. None in stores older than schema 7.
    finite_verbs: tuple[int, ...] | None = None
    # The claim is a signed text the article prints (``Signed``), its signer the speaker: the ledger counts a
    # post's author as a source and a reader's letter as no source (``ledger.status``). None for any other
    # claim, and in stores older than schema 10.
    signed: Signed | None = None

    @property
    def outlet_voice(self) -> bool:
        """The article states this itself (``claims.outlet_voice``): no speaker, no cue. Derived rather than
        stored, so the store's claim table needs no column for it."""
        return not self.cue and self.speaker_text is None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the per-article stages found in one article; what the store keeps per article and what
    the cross-article stages consume. Holds no spaCy objects, so it pickles (worker processes, Dask)."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    # Lemmas of the events the lead reports ("strike", "earthquake"): what tells two events of one place
    # apart (``stages.stories.triggers``).
    triggers: tuple[str, ...] = ()


# --- cross-article --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CopyEdge:
    """``article`` is a copy of ``of`` (an article id, or a credited outlet's name when not in the corpus)."""

    article: str
    of: str
    kind: CopyKind
    score: float


@dataclass(frozen=True, slots=True)
class Position:
    """One answer to a question: a value (quantity questions) or a stance (affirm | deny | unconfirmed)."""

    claims: tuple[str, ...]
    speakers: tuple[str, ...]  # entity ids (a ``Brief`` moves any other speaker to ``speaker_texts``)
    outlets: tuple[str, ...]
    independent_sources: int
    value: float | None = None
    stance: Stance | None = None
    earliest: str | None = None  # earliest date the position was carried (ISO), when known
    speaker_texts: tuple[str, ...] = ()  # speakers as written where no entity was resolved ("a source")


@dataclass(frozen=True, slots=True)
class Question:
    """Claims of one story about the same measured thing or proposition, and the positions taken."""

    id: str
    question: str
    unit: str | None
    status: QuestionStatus
    status_reason: str
    positions: tuple[Position, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineSource:
    """One report of a timeline event: the span of an article that dates it (a claim's content, or the
    sentence around a time expression) and the claim it is, if any."""

    article: str
    start: int
    end: int
    claim: str | None = None
    inferred: bool = False  # this report's date rests on an inferred publication date


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: str
    text: str  # the first report's span, verbatim
    claims: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    inferred: bool = False  # the date rests on an inferred publication date (in every report of it)
    sources: tuple[TimelineSource, ...] = ()  # every report of the event, in story order


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    representative: str | None = None  # the article that best stands for the story; its title is the title
    first_date: str | None = None  # earliest and latest publication dates of its articles (ISO), when known
    last_date: str | None = None
    questions: tuple[Question, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryTrack:
    """A story as the incremental clusterer keeps it between runs: its members and the profile a new
    article is compared with (vector sum, actor and word counts), so adding one article never re-reads
    the corpus."""

    id: str
    title: str
    articles: tuple[str, ...]
    representative: str
    representative_score: float = 0.0
    first_date: str | None = None
    last_date: str | None = None
    vector_sum: tuple[float, ...] | None = None  # sum of the members' unit embeddings (None: no embedder)
    actor_counts: tuple[tuple[str, int], ...] = ()  # actor key → members naming it
    word_counts: tuple[tuple[str, int], ...] = ()  # lead word → members using it (the most frequent kept)
    trigger_counts: tuple[tuple[str, int], ...] = ()  # event trigger lemma → members whose lead has it
    salient_counts: tuple[tuple[str, int], ...] = ()  # rare actor key → members naming it most (schema 8)
    # The story this one was merged into. Its ``articles`` still list its members while the merge is
    # provisional (it may be split off again) and are empty once the merge is final.
    merged_into: str | None = None
    # ISO publication day → members published that day (where the story's reports cluster); empty in
    # tracks stored without it, whose first and last days stand in for it.
    day_counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A change of a story's shape when evidence changed: "merge" (``other`` joined ``story``, bridged by
    ``article``) or "split" (``other`` was cut off ``story``)."""

    kind: str
    story: str
    other: str
    article: str | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Brief:
    """The result of ``storyline.analyze``: the contract of ``storyline.brief/1``."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    copies: tuple[CopyEdge, ...] = ()
    stories: tuple[Story, ...] = ()
    skipped: tuple[SkippedInput, ...] = field(default=())
    # Analysts' corrections replayed over the analysis, each marked applied or not (``storyline.corrections``)
    corrections: tuple[Correction, ...] = ()

    def __post_init__(self) -> None:
        # The ledger lists a speaker's entity id where one was resolved and the words otherwise; the
        # contract promises ids in ``speakers``, so the texts move to ``speaker_texts`` here, where the
        # entities are known, whichever way the brief was put together (pipeline, store, a test).
        entity_ids = frozenset(entity.id for entity in self.entities)
        stories = tuple(split_story_speakers(story, entity_ids) for story in self.stories)
        if any(new is not old for new, old in zip(stories, self.stories, strict=True)):
            object.__setattr__(self, "stories", stories)  # frozen: only while the brief is being built

    def __repr__(self) -> str:  # one line: the default would print every article's text
        return (
            f"<Brief: {len(self.articles)} articles, {len(self.entities)} entities, "
            f"{len(self.claims)} claims, {len(self.stories)} stories, {len(self.skipped)} skipped>"
        )

    def to_dict(self) -> dict[str, Any]:
        """The brief as plain JSON-ready data (``schema`` first)."""
        body = _jsonable(self)
        assert isinstance(body, dict)
        return {"schema": BRIEF_SCHEMA, **body}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    # DataFrames for notebooks (needs the ``pandas`` extra); built in ``report/frames.py``.
    def claims_frame(self) -> pandas.DataFrame:
        """One row per claim: article, outlet, speaker, words, modality, the questions it answers."""
        from storyline.report.frames import claims_frame

        return claims_frame(self)

    def entities_frame(self) -> pandas.DataFrame:
        """One row per entity: name, type, aliases, roles, mention and article counts."""
        from storyline.report.frames import entities_frame

        return entities_frame(self)

    def questions_frame(self) -> pandas.DataFrame:
        """One row per position of each ledger question."""
        from storyline.report.frames import questions_frame

        return questions_frame(self)

    def _repr_markdown_(self) -> str:  # notebooks show a brief as a short summary
        return "**Storyline brief**: " + repr(self).removeprefix("<Brief: ").removesuffix(">")


def split_speakers(position: Position, entity_ids: frozenset[str]) -> Position:
    """``position`` with only entity ids in ``speakers``; any other speaker joins ``speaker_texts``."""
    texts = [speaker for speaker in position.speakers if speaker not in entity_ids]
    if not texts:
        return position
    return dataclasses.replace(
        position,
        speakers=tuple(speaker for speaker in position.speakers if speaker in entity_ids),
        speaker_texts=tuple(dict.fromkeys((*position.speaker_texts, *texts))),
    )


def split_story_speakers(story: Story, entity_ids: frozenset[str]) -> Story:
    """``story`` with ``split_speakers`` applied to every position (the same object when nothing moves)."""
    questions = tuple(_split_question_speakers(question, entity_ids) for question in story.questions)
    if all(new is old for new, old in zip(questions, story.questions, strict=True)):
        return story
    return dataclasses.replace(story, questions=questions)


def _split_question_speakers(question: Question, entity_ids: frozenset[str]) -> Question:
    positions = tuple(split_speakers(position, entity_ids) for position in question.positions)
    if all(new is old for new, old in zip(positions, question.positions, strict=True)):
        return question
    return dataclasses.replace(question, positions=positions)


def _jsonable(value: Any) -> Any:
    """Records → plain data. ``path``/``url`` of an article stay as two keys, as the contract says."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        body = {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Claim):  # derived, not stored: the JSON still says so (report/schema.json)
            body["outlet_voice"] = value.outlet_voice
        return body
    if isinstance(value, (tuple, list)):
        return [_jsonable(item) for item in value]
    return value
