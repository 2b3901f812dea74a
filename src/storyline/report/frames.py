"""A brief as pandas DataFrames, for analysts working in a notebook: ``brief.claims_frame()``,
``brief.entities_frame()``, ``brief.questions_frame()`` (one row per position).

Rows are built as plain dicts from the same views the reports use (speaker names, outlet names, quoted
words), so a frame says what the HTML brief says. pandas is an optional extra (``storyline[pandas]``): it
is imported only when a frame is asked for, and its absence is an ``ImportError`` that names the extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from storyline.records import Brief
from storyline.report.views import BriefIndex, position_label, source_name

if TYPE_CHECKING:
    import pandas

CLAIM_COLUMNS = (
    "claim", "article", "outlet", "published", "speaker", "speaker_name", "speaker_text", "cue", "text",
    "modality", "quote", "start", "end", "quantities", "questions",
)  # fmt: skip
ENTITY_COLUMNS = ("entity", "name", "type", "aliases", "roles", "mentions", "articles")
POSITION_COLUMNS = (
    "story", "story_title", "question_id", "question", "unit", "status", "status_reason", "position",
    "label", "value", "stance", "speakers", "speaker_texts", "speaker_names", "outlets",
    "independent_sources", "earliest", "claims",
)  # fmt: skip


def claims_frame(brief: Brief) -> pandas.DataFrame:
    """One row per claim of the brief, with its article's outlet and date and the questions it answers."""
    return _frame(_claim_rows(brief), CLAIM_COLUMNS)


def entities_frame(brief: Brief) -> pandas.DataFrame:
    """One row per entity, with how often and in how many articles it is mentioned."""
    rows = (
        {
            "entity": entity.id,
            "name": entity.name,
            "type": entity.type,
            "aliases": entity.aliases,
            "roles": entity.roles,
            "mentions": len(entity.mentions),
            "articles": len({mention.article for mention in entity.mentions}),
        }
        for entity in brief.entities
    )
    return _frame(rows, ENTITY_COLUMNS)


def questions_frame(brief: Brief) -> pandas.DataFrame:
    """One row per position of each ledger question (the question's fields repeat on each of its rows)."""
    return _frame(_position_rows(brief), POSITION_COLUMNS)


def _claim_rows(brief: Brief) -> Iterator[dict[str, Any]]:
    index = BriefIndex(brief)
    for claim in brief.claims:
        article = index.articles.get(claim.article)
        yield {
            "claim": claim.id,
            "article": claim.article,
            "outlet": source_name(article) if article else None,
            "published": article.published if article else None,
            "speaker": claim.speaker,
            "speaker_name": index.speaker_name(claim.speaker) if claim.speaker else claim.speaker_text,
            "speaker_text": claim.speaker_text,
            "cue": claim.cue,
            "text": claim.text,
            "modality": claim.modality,
            "quote": claim.quote,
            "start": claim.start,
            "end": claim.end,
            "quantities": tuple(quantity.value for quantity in claim.quantities),
            "questions": tuple(ref.question_id for ref in index.questions_of(claim.id)),
        }


def _position_rows(brief: Brief) -> Iterator[dict[str, Any]]:
    index = BriefIndex(brief)
    for story in brief.stories:
        for question in story.questions:
            for number, position in enumerate(question.positions, start=1):
                yield {
                    "story": story.id,
                    "story_title": story.title,
                    "question_id": question.id,
                    "question": question.question,
                    "unit": question.unit,
                    "status": question.status,
                    "status_reason": question.status_reason,
                    "position": number,
                    "label": position_label(position, question.unit),
                    "value": position.value,
                    "stance": position.stance,
                    "speakers": position.speakers,
                    "speaker_texts": position.speaker_texts,
                    "speaker_names": index.speaker_names(position),
                    "outlets": index.outlets_of(position.claims),
                    "independent_sources": position.independent_sources,
                    "earliest": position.earliest,
                    "claims": position.claims,
                }


def _frame(rows: Iterator[dict[str, Any]], columns: tuple[str, ...]) -> pandas.DataFrame:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "Brief frames need pandas, an optional extra: pip install 'storyline[pandas]'"
        ) from error
    return pandas.DataFrame(list(rows), columns=list(columns))
