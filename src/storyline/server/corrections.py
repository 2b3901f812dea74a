"""Analysts' corrections over HTTP: the JSON API (``/api/corrections``: list, add, remove) and the form
actions of the entity, article and story pages, plus what those pages show of them.

Every write passes the app's ``TokenGate`` (the bearer header, or the HttpOnly cookie a browser holds), as
ingest does; the API also checks the bearer itself. A correction is checked against the brief the analyst
sees (``storyline.corrections.make_correction``: a bad one is a 422 saying why), stored, and the snapshot
rebuilt with every correction replayed. A correction is a small write, so it runs in the server's process
between ingests (``ServerState.change_store``) rather than in the writer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storyline.corrections import (
    Correction,
    claim_key,
    corrections_of,
    make_correction,
    position_key,
    rejected_claims,
)
from storyline.corrections.records import MAX_AUTHOR_CHARS, MAX_NOTE_CHARS
from storyline.errors import StorylineInputError
from storyline.records import Article, Brief, Entity, Story
from storyline.server.api import CurrentSnapshot, require_token, server_state
from storyline.server.snapshot import Snapshot
from storyline.store import Store

router = APIRouter()

ResultT = TypeVar("ResultT")

MAX_ID_CHARS = 200


class CorrectionIn(BaseModel):
    """A correction as a client sends it: ids as the brief shows them (see ``storyline.corrections``)."""

    kind: str = Field(max_length=40, description="merge-entities, split-entity, reassign-speaker, …")
    targets: list[Annotated[str, Field(max_length=MAX_ID_CHARS)]] = Field(min_length=1, max_length=2)
    alias: str | None = Field(default=None, max_length=MAX_ID_CHARS, description="split-entity: spelling")
    position: str | None = Field(default=None, max_length=64, description="split-question: 'value:24'")
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    author: str = Field(default="", max_length=MAX_AUTHOR_CHARS)


def correction_body(correction: Correction) -> dict[str, Any]:
    return dataclasses.asdict(correction)


def _add(given: CorrectionIn) -> Callable[[Store, Brief], Correction]:
    def change(store: Store, brief: Brief) -> Correction:
        correction = make_correction(
            brief,
            given.kind,
            given.targets,
            alias=given.alias,
            position=given.position,
            note=given.note,
            author=given.author,
        )
        return store.add_correction(correction)

    return change


async def _change(request: Request, change: Callable[[Store, Brief], ResultT]) -> ResultT:
    """Run a store change off the event loop (it rebuilds the snapshot)."""
    return await run_in_threadpool(server_state(request).change_store, change)


def _remove(correction_id: int) -> Callable[[Store, Brief], bool]:
    return lambda store, _brief: store.remove_correction(correction_id)


def _replayed(snap: Snapshot, correction_id: int | None) -> Correction | None:
    return next((c for c in snap.brief.corrections if c.id == correction_id), None)


# --- API ------------------------------------------------------------------------------------------------


@router.get("/api/corrections", summary="Analysts' corrections, oldest first, each applied or not")
def list_corrections(snap: CurrentSnapshot) -> dict[str, Any]:
    return {"items": [correction_body(c) for c in snap.brief.corrections]}


@router.post(
    "/api/corrections",
    summary="Add a correction (merge/split entities or questions, speaker, wrong claim, note)",
    dependencies=[Depends(require_token)],
    status_code=201,
)
async def add_correction(request: Request, body: CorrectionIn) -> JSONResponse:
    stored = await _change(request, _add(body))
    replayed = _replayed(server_state(request).snapshot, stored.id) or stored
    return JSONResponse(correction_body(replayed), status_code=201)


@router.delete(
    "/api/corrections/{correction_id}",
    summary="Remove a correction (the analysis shows again what it found)",
    dependencies=[Depends(require_token)],
    status_code=204,
)
async def remove_correction(request: Request, correction_id: int) -> Response:
    if not await _change(request, _remove(correction_id)):
        raise HTTPException(404, f"no correction with id {correction_id}")
    return Response(status_code=204)


# --- form actions (the pages) -------------------------------------------------------------------------------


def _back(url: str) -> str:
    """Where a form returns to: a path on this site only (never another host: "//evil", "/\\evil")."""
    return url if url.startswith("/") and not url.startswith(("//", "/\\")) else "/"


FormText = Annotated[str, Form(max_length=MAX_ID_CHARS)]


@router.post("/corrections", include_in_schema=False)
async def add_correction_form(
    request: Request,
    kind: Annotated[str, Form(max_length=40)],
    target: FormText,
    other: FormText = "",
    alias: FormText = "",
    position: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=MAX_NOTE_CHARS)] = "",
    author: Annotated[str, Form(max_length=MAX_AUTHOR_CHARS)] = "",
    back: Annotated[str, Form(max_length=2000)] = "/",
) -> RedirectResponse:
    given = CorrectionIn(
        kind=kind,
        targets=[target, other] if other else [target],
        alias=alias or None,
        position=position or None,
        note=note,
        author=author,
    )
    try:
        await _change(request, _add(given))
    except StorylineInputError as error:
        raise HTTPException(422, str(error)) from error  # the HTML error page, for a person
    return RedirectResponse(_back(back), status_code=303)


@router.post("/corrections/{correction_id}/delete", include_in_schema=False)
async def remove_correction_form(
    request: Request, correction_id: int, back: Annotated[str, Form(max_length=2000)] = "/"
) -> RedirectResponse:
    await _change(request, _remove(correction_id))
    return RedirectResponse(_back(back), status_code=303)


# --- what the pages show ------------------------------------------------------------------------------------


def entity_corrections(snap: Snapshot, entity: Entity) -> dict[str, Any]:
    return {"items": corrections_of(snap.brief, entity.id), "back": "/entities/" + quote(entity.id, safe="")}


def article_corrections(snap: Snapshot, article: Article) -> dict[str, Any]:
    claims = snap.index.claims_in(article.id)
    items = [c for claim in claims for c in corrections_of(snap.brief, claim.id)]
    items += [rejected for rejected, _start, _end in rejected_claims(snap.brief, article.id)]
    rejected = [
        {"correction": correction, "text": article.text[start:end]}
        for correction, start, end in rejected_claims(snap.brief, article.id)
    ]
    options = [(claim.id, f"{claim.cue}: {claim.text[:80]}", claim_key(claim)) for claim in claims]
    return {
        "items": items,
        "rejected": rejected,
        "claims": options,
        "back": "/articles/" + quote(article.id, safe=""),
    }


def story_corrections(snap: Snapshot, story: Story) -> dict[str, Any]:
    questions = [
        (question.id, question.question, [position_key(p) for p in question.positions])
        for question in story.questions
    ]
    found = {c.id: c for question in story.questions for c in corrections_of(snap.brief, question.id)}
    back = "/stories/" + quote(story.id, safe="")
    return {"items": list(found.values()), "questions": questions, "back": back}
