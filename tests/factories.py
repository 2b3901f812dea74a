"""Records built in tests and benchmarks, one line each: ``make_claim("troops arrived", article=first)``.

A factory fills what a test does not care about with plain defaults and takes any other field as a keyword.
Offsets are never typed by hand: given the text a record lies in, a factory places the record at the first
occurrence of its surface there, as whole words, so ``text[start:end]`` equals the surface as the records
promise, and a sample whose text changed fails where it is built (``span_of`` raises) instead of drifting.
Given no text, a record is the whole of its text and starts at 0.

Benchmarks import this module as ``tests.factories`` with the repository root on ``sys.path``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from storyline.records import Article, Claim, Mention, Position, Quantity, Question, Story, TimeExpr
from storyline.stages.ledger import StoryRecords

WORD_CHARACTER = re.compile(r"\w")


def span_of(text: str, surface: str, after: int = 0) -> tuple[int, int]:
    """Where ``surface`` first occurs in ``text`` at or after ``after`` as whole words: a claim "it" is not
    the "it" inside "Witnesses". ValueError when it does not occur."""
    starts_word = r"(?<!\w)" if WORD_CHARACTER.match(surface[:1]) else ""
    ends_word = r"(?!\w)" if WORD_CHARACTER.match(surface[-1:]) else ""
    found = re.compile(starts_word + re.escape(surface) + ends_word).search(text, after)
    if found is None:
        raise ValueError(f"{surface!r} is not in the text as whole words")
    return found.span()


def make_article(
    text: str = "Officials said 1,000 troops arrived.", *, id: str = "a", **fields: Any
) -> Article:
    return Article(id=id, text=text, **fields)


def make_claim(
    text: str = "1,000 troops arrived",
    *,
    article: Article | str = "a",
    id: str = "c1",
    cue: str = "said",
    speaker_text: str | None = None,
    after: int = 0,
    **fields: Any,
) -> Claim:
    """A claim whose content is ``text``. In an ``Article`` the content is its first occurrence at or after
    ``after``, and the cue and speaker their first occurrences on the content's line (a cue may follow the
    content: "a figure Moscow called a hoax"). Given an article id only, the content is the whole article
    text and the cue has an empty span at 0: tests of stages that read neither offsets nor cue need no text.
    """
    offsets: dict[str, Any] = {"start": 0, "end": len(text), "cue_start": 0, "cue_end": 0}
    if isinstance(article, Article):
        offsets = claim_offsets(article.text, text, cue, speaker_text, after)
    article_id = article if isinstance(article, str) else article.id
    return Claim(
        id=id, article=article_id, text=text, cue=cue, speaker_text=speaker_text, **offsets, **fields
    )


def claim_offsets(
    article_text: str, text: str, cue: str, speaker_text: str | None, after: int
) -> dict[str, Any]:
    """Offsets of a claim's content (its first occurrence at or after ``after``), cue and speaker (their
    first occurrences on the content's line)."""
    start, end = span_of(article_text, text, after)
    line_start = article_text.rfind("\n", 0, start) + 1
    cue_start, cue_end = span_of(article_text, cue, line_start)
    offsets: dict[str, Any] = {"start": start, "end": end, "cue_start": cue_start, "cue_end": cue_end}
    if speaker_text:
        offsets["speaker_start"], offsets["speaker_end"] = span_of(article_text, speaker_text, line_start)
    return offsets


def make_quantity(
    text: str,
    value: float,
    *,
    within: str | None = None,
    after: int = 0,
    unit: str = "personnel",
    approx: bool = False,
    earlier_in_chain: bool = False,
) -> Quantity:
    """``value`` written as ``text`` at its first occurrence in ``within`` (the article text: a quantity's
    offsets are the article's, not its claim's), else at 0."""
    start, end = span_of(text if within is None else within, text, after)
    return Quantity(value, unit, approx, text, start, end, earlier_in_chain=earlier_in_chain)


def make_time(
    text: str,
    date: str | None,
    precision: str = "day",
    *,
    within: str | None = None,
    after: int = 0,
    inferred: bool = False,
) -> TimeExpr:
    """A time expression at the first ``text`` in ``within`` (an article text), else at 0."""
    start, end = span_of(text if within is None else within, text, after)
    return TimeExpr(text, start, end, date, precision, inferred)


def make_mention(
    text: str, label: str = "PERSON", *, article: Article | str = "a", after: int = 0, **fields: Any
) -> Mention:
    """A mention at the first ``text`` of an ``Article``'s text; given an article id only, at 0."""
    if isinstance(article, str):
        return Mention(article, 0, len(text), text, label, **fields)
    return Mention(article.id, *span_of(article.text, text, after), text, label, **fields)


def make_story(articles: Iterable[Article | str], *, id: str = "s", title: str = "t", **fields: Any) -> Story:
    """A story of ``articles`` (records or ids), in the order given."""
    ids = tuple(article if isinstance(article, str) else article.id for article in articles)
    return Story(id=id, title=title, articles=ids, **fields)


def make_position(
    *claims: str,
    speakers: tuple[str, ...] = (),
    outlets: tuple[str, ...] = (),
    independent_sources: int = 1,
    **fields: Any,
) -> Position:
    return Position(
        claims=claims, speakers=speakers, outlets=outlets, independent_sources=independent_sources, **fields
    )


def make_question(
    question: str, *positions: Position, id: str = "q1", unit: str | None = None, **fields: Any
) -> Question:
    """A question of ``positions``; ``status`` and ``status_reason`` default to one speaker's question.
    They pass as keywords (typed ``Any``) so the factory keeps working whatever vocabulary type the record
    gives ``status``."""
    fields = {"status": "single-source", "status_reason": "one speaker", **fields}
    return Question(id=id, question=question, unit=unit, positions=positions, **fields)


# A ledger story of its own four articles (``ledger_story_records``): ledgers built in rounds and parts.
def _keyed_statement(claim_id: str, article: str, speaker: str, text: str) -> Claim:
    """A statement whose top-level finite verb is its first "was" (keyed links: the encoder's rounds)."""
    verbs = (text.index("was"),)
    return make_claim(text, article=article, id=claim_id, speaker_text=speaker, finite_verbs=verbs)


def _counted(claim_id: str, article: str, speaker: str, value: int) -> Claim:
    text = f"{value} residents were evacuated"
    quantity = make_quantity(str(value), value, within=text, unit="people")
    return make_claim(text, article=article, id=claim_id, speaker_text=speaker, quantities=(quantity,))


_CARELESS = [
    ("Auditor", "{} was careless with secret documents"),
    ("Inspector", "{} was careless in handling classified papers"),
    ("Police", "{} was careless on the icy motorway"),
    ("Witness", "{} was careless on the frozen road at night"),
]
_OUTLETS = ["Harbour Post", "Coast Daily", "River Times", "Hill Gazette"]


def ledger_story_records(number: int) -> StoryRecords:
    """A story of its own four articles: two to four keyed statements, which ask one question or two as
    the encoder decides for four, and in every other story two counts of one thing that disagree."""
    ids = [f"{number}-{letter}" for letter in "abcd"]
    articles = [
        Article(id=i, text="x", outlet=o, published="2024-10-02") for i, o in zip(ids, _OUTLETS, strict=True)
    ]
    who = ["the minister", "the driver", "the mayor"][number % 3]
    claims = [
        _keyed_statement(f"{number}-{n}", ids[n], speaker, text.format(who))
        for n, (speaker, text) in enumerate(_CARELESS[: 2 + number % 3])
    ]
    if number % 2:
        claims += [
            _counted(f"{number}-5", ids[0], "Police", 100),
            _counted(f"{number}-6", ids[1], "Mayor", 300),
        ]
    story = Story(id=f"s{number}", title=f"story {number}", articles=tuple(ids))
    return StoryRecords(story, claims, articles, [], [])
