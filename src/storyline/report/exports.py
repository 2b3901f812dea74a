"""Exports of a brief for other tools: one story as a brief of its own, claims as JSON Lines, the ledger as
CSV with one column per source, and the ledger's positions as schema.org ClaimReview-shaped JSON-LD.
``EXPORTS`` is the one table of export formats (name → media type, file suffix, renderer) that the API's
``/api/export`` and ``storyline export`` both read, so a format added here appears in both.

Each is a pure function of a ``Brief``. None adds a judgement: the JSON-LD carries who said what where, and
deliberately no ``reviewRating`` — Storyline reports positions and their sources, it does not rate them.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from storyline.errors import unknown_story
from storyline.records import Brief, Claim, Position, Question, Story
from storyline.report.html import safe_link
from storyline.report.markdown import render_markdown
from storyline.report.views import BriefIndex, article_title, position_label, source_name

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP); a leading
# apostrophe makes it text in Excel, LibreOffice and Google Sheets and is visible, so nothing is hidden.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CSV_FIXED_COLUMNS = ("story", "question_id", "question", "unit", "status", "status_reason")

# schema.org types for a speaker, by the entity type the entities stage gives.
SPEAKER_TYPES = {"PERSON": "Person", "ORG": "Organization", "NORP": "Organization", "GPE": "Organization"}


def story_brief(brief: Brief, story_id: str, aliases: Mapping[str, str] | None = None) -> Brief:
    """The part of ``brief`` one story needs: its articles, their claims, the entities mentioned in them
    (with those mentions only) and the copy relations from them. ``aliases``: the ids of event stories a
    developing story joined -> its id (``pipeline.story_aliases``). An unknown id is an input error."""
    story_id = (aliases or {}).get(story_id, story_id)
    story = next((story for story in brief.stories if story.id == story_id), None)
    if story is None:
        raise unknown_story(story_id)
    members = set(story.articles)
    entities = []
    for entity in brief.entities:
        mentions = tuple(mention for mention in entity.mentions if mention.article in members)
        if mentions:
            entities.append(dataclasses.replace(entity, mentions=mentions))
    return Brief(
        articles=tuple(article for article in brief.articles if article.id in members),
        entities=tuple(entities),
        claims=tuple(claim for claim in brief.claims if claim.article in members),
        copies=tuple(edge for edge in brief.copies if edge.article in members),
        stories=(story,),
    )


def neutralise_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula. Spreadsheets skip leading white
    space before a formula (" =1+1") and some read full-width signs ("＝1+1") as ASCII ones, so the test
    looks past the first and through NFKC at the second."""
    text = "" if value is None else str(value)
    # A leading tab or carriage return is itself a trigger, so the raw first character counts too.
    opening = unicodedata.normalize("NFKC", text.lstrip()[:1])
    return (
        "'" + text if text[:1].startswith(FORMULA_TRIGGERS) or opening.startswith(FORMULA_TRIGGERS) else text
    )


def claims_json_lines(brief: Brief) -> str:
    """One JSON object per line for each claim of each story, with its article's metadata, the speaker's
    resolved name and the ledger questions it takes a position in."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in _claim_rows(brief))


def _claim_rows(brief: Brief) -> Iterator[dict[str, Any]]:
    index = BriefIndex(brief)
    for story in brief.stories:
        questions_of = _questions_by_claim(story)
        for article_id in story.articles:
            article = index.articles.get(article_id)
            for claim in index.claims_in(article_id):
                yield {
                    "story": story.id,
                    "claim": claim.id,
                    "article": claim.article,
                    "outlet": article.outlet if article else None,
                    "title": article.title if article else None,
                    "published": article.published if article else None,
                    "url": article.url if article else None,
                    "speaker": claim.speaker,
                    "speaker_name": _speaker_name(claim, index),
                    "cue": claim.cue,
                    "text": claim.text,
                    "start": claim.start,
                    "end": claim.end,
                    "quote": claim.quote,
                    "modality": claim.modality,
                    "quantities": [
                        {"value": q.value, "unit": q.unit, "approx": q.approx, "text": q.text}
                        for q in claim.quantities
                    ],
                    "questions": questions_of.get(claim.id, []),
                }


def _questions_by_claim(story: Story) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for question in story.questions:
        for position in question.positions:
            for claim_id in position.claims:
                found.setdefault(claim_id, []).append(question.id)
    return found


def _speaker_name(claim: Claim, index: BriefIndex) -> str | None:
    if claim.speaker:
        return index.speaker_name(claim.speaker)
    return claim.speaker_text


def ledger_csv(brief: Brief) -> str:
    """The ledger as CSV: one row per question, then one column per source (the outlet, or the article's
    title when it has none) holding the positions that source carried, "; "-joined; empty where it took
    none. Sources are ordered by first appearance in the stories' article lists."""
    index = BriefIndex(brief)
    sources: list[str] = []
    for story in brief.stories:
        for article_id in story.articles:
            label = index.article_ref(article_id).label
            if label not in sources:
                sources.append(label)
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow([neutralise_cell(name) for name in (*CSV_FIXED_COLUMNS, *sources)])
    for story in brief.stories:
        for question in story.questions:
            carried: dict[str, list[str]] = {}
            for position in question.positions:
                label = position_label(position, question.unit)
                for claim_id in position.claims:
                    source = index.claim_ref(claim_id).label
                    if label not in carried.setdefault(source, []):
                        carried[source].append(label)
            fixed = (story.id, question.id, question.question, question.unit or "", question.status)
            row = [*fixed, question.status_reason, *("; ".join(carried.get(s, [])) for s in sources)]
            writer.writerow([neutralise_cell(cell) for cell in row])
    return stream.getvalue()


def claim_review_jsonld(brief: Brief) -> dict[str, Any]:
    """Each position of each ledger question as a schema.org ``ClaimReview``-shaped node: the question
    reviewed, the claim (who said what, in their words), and every article it appeared in with the exact
    words. No ``reviewRating``: no verdict."""
    index = BriefIndex(brief)
    nodes = []
    for story in brief.stories:
        for question in story.questions:
            for number, position in enumerate(question.positions, start=1):
                nodes.append(
                    {
                        "@type": "ClaimReview",
                        "identifier": f"{story.id}/{question.id}/{number}",
                        "name": question.question,
                        "claimReviewed": question.question,
                        "itemReviewed": _claim_node(position, question, index),
                    }
                )
    return {"@context": "https://schema.org", "@graph": nodes}


def _claim_node(position: Position, question: Question, index: BriefIndex) -> dict[str, Any]:
    """The position as a schema.org ``Claim``: its text is a speaker's words (the first claim's, a denial
    with its cue), never a bare stance word; the stance or value is in the description."""
    names = index.speaker_names(position)
    words = index.claim_ref(position.claims[0]).text if position.claims else ""
    appearances = [_appearance(claim_id, index) for claim_id in position.claims]
    node: dict[str, Any] = {
        "@type": "Claim",
        "text": f"{', '.join(names)}: “{words}”" if names else f"“{words}”",
        "description": f"Position on “{question.question}”: {position_label(position, question.unit)}",
        "author": [
            *(_speaker_node(speaker, index) for speaker in position.speakers),
            *({"@type": "Thing", "name": text} for text in position.speaker_texts),
        ],
        "appearance": [node for node in appearances if node],
    }
    if position.earliest:
        node["datePublished"] = position.earliest
    return node


def _speaker_node(speaker: str, index: BriefIndex) -> dict[str, str]:
    entity = index.entities.get(speaker)
    kind = SPEAKER_TYPES.get(entity.type, "Thing") if entity else "Thing"
    return {"@type": kind, "name": index.speaker_name(speaker)}


def _appearance(claim_id: str, index: BriefIndex) -> dict[str, Any] | None:
    claim = index.claims.get(claim_id)
    article = index.articles.get(claim.article) if claim else None
    if claim is None or article is None:
        return None
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "identifier": article.id,
        "headline": article_title(article),
        "publisher": {"@type": "Organization", "name": source_name(article)},
        "text": claim.text,
    }
    link = safe_link(article.url)
    if link:
        node["url"] = link
    if article.published:
        node["datePublished"] = article.published
    return node


# --- the table of export formats ------------------------------------------------------------------------


class ExportFormat(StrEnum):
    """The export formats' names, as ``--format``/``?format=`` take them."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"
    jsonld = "jsonld"


@dataclass(frozen=True, slots=True)
class Export:
    media_type: str
    suffix: str  # the file name's ending, dot included
    render: Callable[[Brief], str]


def _claim_review_text(brief: Brief) -> str:
    return json.dumps(claim_review_jsonld(brief), ensure_ascii=False, indent=2)


EXPORTS: dict[ExportFormat, Export] = {
    ExportFormat.json: Export("application/json", ".json", Brief.to_json),
    ExportFormat.jsonl: Export("application/jsonl", ".jsonl", claims_json_lines),
    ExportFormat.csv: Export("text/csv; charset=utf-8", ".csv", ledger_csv),
    ExportFormat.md: Export("text/markdown; charset=utf-8", ".md", render_markdown),
    ExportFormat.jsonld: Export("application/ld+json", ".jsonld", _claim_review_text),
}
