"""The JSON API under ``/api``: read endpoints over the snapshot, exports, and token-guarded ingest."""

from __future__ import annotations

import dataclasses
import secrets
from datetime import date
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storyline.config import DEFAULT_SETTINGS
from storyline.errors import StorylineInputError
from storyline.pipeline import IngestResult
from storyline.records import Article, Claim, Entity, Story
from storyline.report import exports
from storyline.server.changes import CHANGE_KINDS, LedgerChanges, QuestionChange
from storyline.server.snapshot import ClaimFilter, Page, QuestionFilter, Snapshot, StoryFilter
from storyline.server.state import ServerState
from storyline.stages import ingest

router = APIRouter(prefix="/api")

MAX_PAGE_SIZE = 100
MAX_BATCH_ARTICLES = 100
MAX_METADATA_CHARS = 2000

Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page.")]

_bearer = HTTPBearer(auto_error=False, description="The server's write token (STORYLINE_TOKEN).")


def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.storyline
    return state


def snapshot(request: Request) -> Snapshot:
    state = server_state(request)
    state.watch_in_background()  # another process may have ingested since: checked, never waited for
    return state.snapshot


CurrentSnapshot = Annotated[Snapshot, Depends(snapshot)]


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    expected = server_state(request).token
    given = credentials.credentials if credentials else ""
    # Compared in constant time, so the answer's timing tells nothing about how much of a guess was right.
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401, "this endpoint needs 'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"}
        )


# --- records as JSON --------------------------------------------------------------------------------------


def plain(record: Any) -> Any:
    return dataclasses.asdict(record)


def page_body(page: Page[Any], items: list[Any]) -> dict[str, Any]:
    return {"total": page.total, "offset": page.offset, "limit": page.limit, "items": items}


def story_summary(story: Story, snap: Snapshot) -> dict[str, Any]:
    first, last = snap.published_range(story)
    return {
        "id": story.id,
        "title": story.title,
        "articles": len(story.articles),
        "first_published": first,
        "last_published": last,
        "questions": len(story.questions),
        # positions that differ, a series of one source's values by date (``ledger.series``) aside
        "contested_questions": sum(
            1 for question in story.questions if len(question.positions) > 1 and question.status != "series"
        ),
        "statuses": sorted({question.status for question in story.questions}),
        # the event stories this developing story joined under its id: their ids find it too
        "joined": snap.joined.get(story.id, []),
    }


def claim_body(claim: Claim, snap: Snapshot) -> dict[str, Any]:
    article = snap.article(claim.article)
    speaker_name = snap.index.speaker_name(claim.speaker) if claim.speaker else claim.speaker_text
    return {
        **plain(claim),
        "speaker_name": speaker_name,
        "outlet": article.outlet if article else None,
        "story": snap.story_of_article.get(claim.article),
        "question": place.question_id if (place := snap.ledger_place.get(claim.id)) else None,
    }


def entity_summary(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "mentions": len(entity.mentions),
    }


def known_entity(snap: Snapshot, entity_id: str | None, name: str) -> str | None:
    """An entity id from a filter, refused (422) when the snapshot holds no such entity: an unknown id
    would only ever give an empty list, which reads as "none" rather than "mistyped"."""
    if entity_id and snap.entity(entity_id) is None:
        raise HTTPException(422, f"{name}: no entity with id {entity_id!r}")
    return entity_id or None


def known_outlet(snap: Snapshot, outlet: str | None) -> str | None:
    if not outlet:
        return None
    known = snap.known_outlet(outlet)
    if known is None:
        raise HTTPException(422, f"outlet: no article is from {outlet!r} (see the outlets of /api/stories)")
    return known


def _story_or_404(snap: Snapshot, story_id: str) -> Story:
    """The story with this id, or the developing story that joined the event story with this id."""
    story = snap.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return story


def joined_story_redirect(snap: Snapshot, story_id: str, path: str) -> RedirectResponse | None:
    """To the developing story's own address when ``story_id`` is an event story it joined: the address
    then names the story shown (temporary: a later ingest may split the story off again)."""
    if story_id not in snap.aliases:
        return None
    return RedirectResponse(path + quote(snap.aliases[story_id], safe=""), status_code=307)


# --- read -----------------------------------------------------------------------------------------------


class Status(StrEnum):
    corroborated = "corroborated"
    contested = "contested"
    denied = "denied"
    unconfirmed = "unconfirmed"
    single_source = "single-source"
    series = "series"


@router.get("/stories", summary="Stories, filtered and paginated")
def list_stories(
    snap: CurrentSnapshot,
    offset: Offset = 0,
    limit: Limit = 20,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Whole words of titles, outlets, entity names or aliases."),
    ] = None,
    entity: Annotated[str | None, Query(max_length=100, description="An entity id.")] = None,
    date_from: Annotated[date | None, Query(description="Earliest publication date (ISO).")] = None,
    date_to: Annotated[date | None, Query(description="Latest publication date (ISO).")] = None,
    undated: Annotated[
        bool, Query(description="Under a date filter, keep stories with no dated article (after the rest).")
    ] = True,
    status: Annotated[Status | None, Query(description="A question of the story has this status.")] = None,
    speaker: Annotated[str | None, Query(max_length=100, description="An entity id speaking in it.")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="An outlet of its articles.")] = None,
) -> dict[str, Any]:
    wanted = StoryFilter(
        text=q or None,
        entity=known_entity(snap, entity, "entity"),
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        include_undated=undated,
        status=status.value if status else None,
        speaker=known_entity(snap, speaker, "speaker"),
        outlet=known_outlet(snap, outlet),
    )
    page = snap.find_stories(wanted, offset, limit)
    return {
        **page_body(page, [story_summary(story, snap) for story in page.items]),
        "undated": page.undated,
        "outlets": list(snap.outlets),
    }


@router.get(
    "/stories/{story_id}",
    summary="One story's brief: ledger, timeline, entities, articles",
    response_class=JSONResponse,
)
def get_story(story_id: str, snap: CurrentSnapshot) -> Response:
    _story_or_404(snap, story_id)
    if redirect := joined_story_redirect(snap, story_id, "/api/stories/"):
        return redirect
    # Built once per snapshot: cutting one story out of the brief reads the whole brief.
    text = snap.cached(
        ("api-story", story_id), lambda: exports.story_brief(snap.brief, story_id).to_json(indent=None)
    )
    return Response(text, media_type="application/json")


@router.get("/articles/{article_id}", summary="An article: cleaned text, removed lines, claims, entities")
def get_article(article_id: str, snap: CurrentSnapshot) -> dict[str, Any]:
    article = snap.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return {
        **plain(article),
        "story": snap.story_of_article.get(article_id),
        "claims": [plain(claim) for claim in snap.index.claims_in(article_id)],
        "entities": [
            {"entity": entity.id, "name": entity.name, **plain(mention)}
            for entity, mention in snap.mentions_in(article_id)
        ],
        "copies": [plain(edge) for edge in snap.brief.copies if article_id in (edge.article, edge.of)],
    }


@router.get("/entities", summary="Entities, searched by name or alias")
def list_entities(
    snap: CurrentSnapshot,
    offset: Offset = 0,
    limit: Limit = 20,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    page = snap.find_entities(q or None, offset, limit)
    return page_body(page, [entity_summary(entity) for entity in page.items])


@router.get("/entities/{entity_id}", summary="An entity and its mentions across stories")
def get_entity(entity_id: str, snap: CurrentSnapshot) -> dict[str, Any]:
    entity = snap.entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return {
        **entity_summary(entity),
        "stories": [
            {"story": story.id, "title": story.title, "mentions": [plain(m) for m in mentions]}
            for story, mentions in snap.mentions_by_story(entity)
        ],
        "claims": [claim_body(claim, snap) for claim in snap.claims_of_speaker(entity.id)],
    }


class Modality(StrEnum):
    asserted = "asserted"
    hedged = "hedged"
    denied = "denied"
    unconfirmed = "unconfirmed"


@router.get("/claims", summary="Claims, searched and paginated")
def search_claims(
    snap: CurrentSnapshot,
    offset: Offset = 0,
    limit: Limit = 20,
    q: Annotated[
        str | None, Query(max_length=200, description="Whole words of the claim, its speaker or its cue.")
    ] = None,
    speaker: Annotated[str | None, Query(max_length=100, description="An entity id.")] = None,
    modality: Modality | None = None,
    story: Annotated[str | None, Query(max_length=100)] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="The outlet of its article.")] = None,
) -> dict[str, Any]:
    wanted = ClaimFilter(
        text=q or None,
        speaker=known_entity(snap, speaker, "speaker"),
        modality=modality.value if modality else None,
        story=story,
        outlet=known_outlet(snap, outlet),
    )
    page = snap.find_claims(wanted, offset, limit)
    return page_body(page, [claim_body(claim, snap) for claim in page.items])


@router.get("/questions", summary="Ledger questions across stories, by status, speaker and outlet")
def list_questions(
    snap: CurrentSnapshot,
    offset: Offset = 0,
    limit: Limit = 20,
    status: Status | None = None,
    speaker: Annotated[str | None, Query(max_length=100, description="An entity id of a position.")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="An outlet carrying a position.")] = None,
) -> dict[str, Any]:
    wanted = QuestionFilter(
        status=status.value if status else None,
        speaker=known_entity(snap, speaker, "speaker"),
        outlet=known_outlet(snap, outlet),
    )
    page = snap.find_questions(wanted, offset, limit)
    return page_body(page, [{"story": story.id, **plain(question)} for story, question in page.items])


@router.get("/status", summary="Whether the store has moved on from the data served (for a live banner)")
def live_status(request: Request) -> dict[str, Any]:
    status = server_state(request).live_status()
    return {**dataclasses.asdict(status), "current": status.current}


def change_body(change: QuestionChange, snap: Snapshot) -> dict[str, Any]:
    story = snap.stories.get(change.story)
    return {
        **plain(change),
        "story_title": story.title if story else None,
        "in_ledger": change.kind != "gone" and story is not None,
    }


def changes_body(changes: LedgerChanges, snap: Snapshot) -> dict[str, Any]:
    before, after = changes.before, changes.after
    return {
        "since": before.recorded_at if before else None,
        "at": after.recorded_at if after else None,
        "articles_before": before.articles if before else 0,
        "articles_after": after.articles if after else 0,
        "changes": {kind: [change_body(c, snap) for c in changes.of_kind(kind)] for kind in CHANGE_KINDS},
    }


@router.get("/changes", summary="What the last ingest changed: new questions, moved positions, statuses")
def ledger_changes(request: Request, snap: CurrentSnapshot) -> dict[str, Any]:
    return changes_body(server_state(request).changes(), snap)


@router.get("/export", summary="The brief (or one story of it) as JSON, JSON Lines, CSV, Markdown, JSON-LD")
def export(
    snap: CurrentSnapshot,
    export_format: Annotated[exports.ExportFormat, Query(alias="format")] = exports.ExportFormat.json,
    story: Annotated[str | None, Query(max_length=100, description="Only this story.")] = None,
) -> Response:
    name = "storyline-brief"
    if story is not None:
        story = _story_or_404(snap, story).id  # an event story a developing story joined: that story
        name = f"storyline-{story}"
    chosen = exports.EXPORTS[export_format]

    def render() -> str:
        return chosen.render(snap.brief if story is None else exports.story_brief(snap.brief, story))

    # Rendered once per snapshot: an export reads the whole brief, and the brief changes only on ingest.
    return Response(
        snap.cached(("export", export_format.value, story or ""), render),
        media_type=chosen.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}{chosen.suffix}"'},
    )


# --- write ----------------------------------------------------------------------------------------------


class ArticleIn(BaseModel):
    """One article, as a JSON Lines input holds it: ``text`` required, metadata optional."""

    # The input size limit of Settings, in characters: documented in the OpenAPI schema; the body limit
    # (``app.py``) holds a server run with other settings to its own.
    text: str = Field(min_length=1, max_length=DEFAULT_SETTINGS.ingest.max_file_bytes)
    title: str | None = Field(default=None, max_length=MAX_METADATA_CHARS)
    url: str | None = Field(default=None, max_length=MAX_METADATA_CHARS)
    outlet: str | None = Field(default=None, max_length=MAX_METADATA_CHARS)
    published: str | None = Field(default=None, max_length=64)
    author: str | None = Field(default=None, max_length=MAX_METADATA_CHARS)
    language: str | None = Field(default=None, max_length=16)


ArticleBatch = Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_BATCH_ARTICLES)]


def result_body(result: IngestResult, snap: Snapshot) -> dict[str, Any]:
    return {
        "added": list(result.added),
        "already_stored": list(result.already_stored),
        "skipped": [plain(item) for item in result.skipped],
        "stories": sorted({snap.story_of_article[a] for a in result.added if a in snap.story_of_article}),
    }


def _article(given: ArticleIn, number: int) -> Article:
    source = f"<request article {number}>"
    if not given.text.strip():
        raise StorylineInputError(source, "no article text")
    return ingest.article_from_text(
        given.text.replace("\r\n", "\n"), source=source, **given.model_dump(exclude={"text"})
    )


@router.post(
    "/articles",
    summary="Analyse and store one article or a batch (JSON)",
    dependencies=[Depends(require_token)],
    status_code=201,
)
async def ingest_articles(
    request: Request, body: Annotated[ArticleIn | ArticleBatch, Body()]
) -> JSONResponse:
    given = body if isinstance(body, list) else [body]
    articles = [_article(item, number) for number, item in enumerate(given, start=1)]
    state = server_state(request)
    # The analysis is CPU-bound and blocking; it runs off the event loop so reads go on meanwhile.
    result = await run_in_threadpool(state.ingest_articles, articles)
    return JSONResponse(result_body(result, state.snapshot), status_code=201 if result.added else 200)


@router.post(
    "/upload",
    summary="Analyse and store the articles of one file (text, Markdown, HTML, feed, JSON Lines)",
    dependencies=[Depends(require_token)],
    status_code=201,
)
async def upload(request: Request, file: Annotated[UploadFile, File()]) -> JSONResponse:
    state = server_state(request)
    # The parsed upload is already on disk (spooled past 1 MB); it is copied from there, not read whole.
    result = await run_in_threadpool(state.ingest_file, file.filename or "upload", file.file)
    return JSONResponse(result_body(result, state.snapshot), status_code=201 if result.added else 200)
