"""The web UI's finding pages: claims searched and filtered (each linked to its sentence and to its ledger
question), the ledgers' questions across stories by status, speaker and outlet, and what the last ingest
changed in the ledgers. Same snapshot and filters as the API
(``/api/claims``, ``/api/changes``); the pages only parse the form and format.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from storyline.records import Claim
from storyline.server.api import CurrentSnapshot, Modality, known_entity, known_outlet, server_state
from storyline.server.changes import CHANGE_KINDS
from storyline.server.pages import STATUSES, form_choice, form_query, page_links, render, story_url
from storyline.server.snapshot import ClaimFilter, QuestionFilter, Snapshot

router = APIRouter(include_in_schema=False)

CLAIMS_PER_PAGE = 50
QUESTIONS_PER_PAGE = 50
MODALITIES = tuple(modality.value for modality in Modality)

CHANGE_HEADINGS = {
    "new": "New questions",
    "status": "Status changed",
    "moved": "Positions moved",
    "gone": "No longer in the ledger",
}


def question_url(story_id: str, question_id: str) -> str:
    return story_url(story_id) + "#question-" + quote(question_id, safe="")


@router.get("/claims", response_class=HTMLResponse)
def claim_search(
    snap: CurrentSnapshot,
    q: Annotated[str | None, Query(max_length=200)] = None,
    speaker: Annotated[str | None, Query(max_length=100)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    modality: Annotated[str | None, Query(max_length=20)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    wanted = ClaimFilter(
        text=q or None,
        speaker=known_entity(snap, speaker, "speaker"),
        outlet=known_outlet(snap, outlet),
        modality=form_choice(modality, "modality", MODALITIES),
    )
    found = snap.find_claims(wanted, (page - 1) * CLAIMS_PER_PAGE, CLAIMS_PER_PAGE)
    query = form_query(q=q, speaker=wanted.speaker, outlet=wanted.outlet, modality=wanted.modality)
    return render(
        "claims.html.j2",
        live=snap.stamp,
        claims=[_claim_row(claim, snap) for claim in found.items],
        total=found.total,
        query=query,
        pages=page_links(query, found.total, CLAIMS_PER_PAGE, page, path="/claims"),
        speakers=snap.speakers(),
        outlets=snap.outlets,
        modalities=MODALITIES,
    )


def _claim_row(claim: Claim, snap: Snapshot) -> dict[str, Any]:
    article = snap.article(claim.article)
    place = snap.ledger_place.get(claim.id)
    return {
        "claim": claim,
        "speaker": snap.index.speaker_name(claim.speaker) if claim.speaker else claim.speaker_text,
        "outlet": article.label if article else claim.article,
        "question": place.question if place else None,
        "question_url": question_url(place.story, place.question_id) if place else None,
    }


@router.get("/questions", response_class=HTMLResponse)
def question_list(
    snap: CurrentSnapshot,
    status: Annotated[str | None, Query(max_length=20)] = None,
    speaker: Annotated[str | None, Query(max_length=100)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    wanted = QuestionFilter(
        status=form_choice(status, "status", STATUSES),
        speaker=known_entity(snap, speaker, "speaker"),
        outlet=known_outlet(snap, outlet),
    )
    found = snap.find_questions(wanted, (page - 1) * QUESTIONS_PER_PAGE, QUESTIONS_PER_PAGE)
    query = form_query(status=wanted.status, speaker=wanted.speaker, outlet=wanted.outlet)
    return render(
        "questions.html.j2",
        live=snap.stamp,
        rows=[
            {"story": story, "question": question, "url": question_url(story.id, question.id)}
            for story, question in found.items
        ],
        total=found.total,
        query=query,
        pages=page_links(query, found.total, QUESTIONS_PER_PAGE, page, path="/questions"),
        statuses=STATUSES,
        speakers=snap.speakers(),
        outlets=snap.outlets,
    )


@router.get("/changes", response_class=HTMLResponse)
def changes_page(request: Request, snap: CurrentSnapshot) -> HTMLResponse:
    changes = server_state(request).changes()
    groups = [
        {
            "kind": kind,
            "heading": CHANGE_HEADINGS[kind],
            "rows": [
                {
                    "change": change,
                    "story_title": story.title if (story := snap.stories.get(change.story)) else change.story,
                    "url": question_url(change.story, change.question_id)
                    if kind != "gone" and change.story in snap.stories
                    else None,
                }
                for change in changes.of_kind(kind)
            ],
        }
        for kind in CHANGE_KINDS
    ]
    return render("changes.html.j2", live=snap.stamp, changes=changes, groups=groups)
