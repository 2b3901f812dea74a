"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same snapshot as the API.

The story page reuses the report's views and timeline chart, the article page the report's highlighter,
so the browser shows exactly what the HTML report and the JSON say.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from storyline.records import Article, Entity, Story
from storyline.report.highlight import Highlight, tokenize
from storyline.report.html import article_highlights, safe_link, story_section
from storyline.report.views import (
    article_title,
    build_story_view,
    count_noun,
    format_published,
)
from storyline.server.api import (
    CurrentSnapshot,
    Status,
    joined_story_redirect,
    known_entity,
    known_outlet,
    story_summary,
)
from storyline.server.corrections import article_corrections, entity_corrections, story_corrections
from storyline.server.snapshot import Snapshot, StoryFilter

router = APIRouter(include_in_schema=False)

STORIES_PER_PAGE = 20
ENTITIES_PER_PAGE = 50
STATUSES = tuple(status.value for status in Status)
UNDATED_CHOICES = ("show", "hide")


# --- URLs -----------------------------------------------------------------------------------------------


def story_url(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def article_url(article_id: str, claim_id: str | None = None) -> str:
    url = "/articles/" + quote(article_id, safe="")
    return url + "#claim-" + quote(claim_id, safe="") if claim_id else url


def entity_url(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


@functools.cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("storyline.server", "templates"),
        autoescape=True,  # every page writes HTML; all article text passes through {{ }} and is escaped
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(story_url=story_url, article_url=article_url, entity_url=entity_url)
    environment.filters["count"] = count_noun
    environment.filters["score"] = lambda score: f"{score:.2f}"
    environment.filters["fragment"] = lambda anchor: quote(anchor, safe="")
    environment.filters["options"] = _options
    # User text shown inline (titles, outlets) is isolated: a right-to-left override inside it must not
    # reorder the text around it.
    environment.filters["bdi"] = lambda text: Markup("<bdi>%s</bdi>") % text
    return environment


def _options(choices: Iterable[str | Entity]) -> list[tuple[str, str]]:
    """A select's (value, label) pairs: an entity is chosen by id and shown by name, a word is itself."""
    return [(c, c) if isinstance(c, str) else (c.id, c.name) for c in choices]


def render_text(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def render(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render_text(template, **context), status_code=status_code)


def render_error(request: Request, status_code: int, detail: str) -> HTMLResponse:
    del request
    return render("error.html.j2", status_code=status_code, status=status_code, detail=detail)


# --- story list -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    url: str
    current: bool


def page_links(
    query: dict[str, str], total: int, per_page: int, current: int, path: str = "/"
) -> list[PageLink]:
    pages = max(1, math.ceil(total / per_page))
    return [
        PageLink(number, path + "?" + urlencode({**query, "page": str(number)}), number == current)
        for number in range(1, pages + 1)
    ]


@router.get("/", response_class=HTMLResponse)
def story_list(
    snap: CurrentSnapshot,
    q: Annotated[str | None, Query(max_length=200)] = None,
    entity: Annotated[str | None, Query(max_length=100)] = None,
    date_from: Annotated[str | None, Query(max_length=10)] = None,
    date_to: Annotated[str | None, Query(max_length=10)] = None,
    undated: Annotated[str | None, Query(max_length=10)] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
    speaker: Annotated[str | None, Query(max_length=100)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    wanted = StoryFilter(
        text=q or None,
        entity=known_entity(snap, entity, "entity"),
        date_from=_form_date(date_from, "date_from"),
        date_to=_form_date(date_to, "date_to"),
        include_undated=form_choice(undated, "undated", UNDATED_CHOICES) != "hide",
        status=form_choice(status, "status", STATUSES),
        speaker=known_entity(snap, speaker, "speaker"),
        outlet=known_outlet(snap, outlet),
    )
    found = snap.find_stories(wanted, (page - 1) * STORIES_PER_PAGE, STORIES_PER_PAGE)
    query = form_query(
        q=q,
        entity=wanted.entity,
        date_from=wanted.date_from,
        date_to=wanted.date_to,
        undated=None if wanted.include_undated else "hide",
        status=wanted.status,
        speaker=wanted.speaker,
        outlet=wanted.outlet,
    )
    chosen_entity = snap.entity(entity) if entity else None
    items = [_story_item(story, snap) for story in found.items]
    return render(
        "stories.html.j2",
        stories=[item for item in items if not (wanted.has_dates and item["undated"])],
        undated_stories=[item for item in items if wanted.has_dates and item["undated"]],
        total=found.total,
        undated_total=found.undated,
        has_dates=wanted.has_dates,
        query=query,
        entity_name=chosen_entity.name if chosen_entity else None,
        pages=page_links(query, found.total, STORIES_PER_PAGE, page),
        article_count=len(snap.brief.articles),
        statuses=STATUSES,
        speakers=snap.speakers(),
        outlets=snap.outlets,
        live=snap.stamp,
    )


def form_query(**fields: str | None) -> dict[str, str]:
    """The filters a page was asked for, without the empty ones: for its links (pages, bookmarks)."""
    return {name: value for name, value in fields.items() if value}


def form_choice(value: str | None, name: str, choices: tuple[str, ...]) -> str | None:
    """One of a select's values; empty means "any" (the form always sends every field)."""
    if not value:
        return None
    if value not in choices:
        raise HTTPException(422, f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value


def _form_date(value: str | None, name: str) -> str | None:
    """A date from the search form: an empty field means no limit (the form always sends both)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _story_item(story: Story, snap: Snapshot) -> dict[str, Any]:
    outlets = []
    for article_id in story.articles:
        article = snap.article(article_id)
        label = article.label if article else article_id
        if label not in outlets:
            outlets.append(label)
    return {**story_summary(story, snap), "outlets": outlets, "undated": snap.is_undated(story)}


# --- story ----------------------------------------------------------------------------------------------


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: str, snap: CurrentSnapshot) -> Response:
    story = snap.stories.get(story_id)
    if story is None and (redirect := joined_story_redirect(snap, story_id, "/stories/")):
        return redirect
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return HTMLResponse(snap.cached(("story", story_id), lambda: _story_html(story, snap)))


def _story_html(story: Story, snap: Snapshot) -> str:
    section = story_section(build_story_view(story, snap.index))
    claim_articles = {claim.id: claim.article for claim in snap.claims_of_story(story)}
    copied = {edge.article for edge in snap.brief.copies if edge.article in story.articles}
    sources = [
        {
            "article": article,
            "title": article_title(article),
            "label": article.label,
            "published": format_published(article),
            "is_copy": article.id in copied,
        }
        for article_id in story.articles
        if (article := snap.article(article_id))
    ]
    return render_text(
        "story.html.j2",
        live=snap.stamp,
        section=section,
        story=section.view,
        claim_articles=claim_articles,
        sources=sources,
        corrections=story_corrections(snap, story),
    )


# --- article --------------------------------------------------------------------------------------------


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, snap: CurrentSnapshot) -> HTMLResponse:
    article = snap.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return HTMLResponse(snap.cached(("article", article_id), lambda: _article_html(article, snap)))


def _article_html(article: Article, snap: Snapshot) -> str:
    article_id = article.id
    claims = snap.index.claims_in(article_id)
    mentions = snap.mentions_in(article_id)
    highlights = article_highlights(article, claims, snap.index)
    highlights += [
        Highlight(mention.start, mention.end, "entity", key=entity.id, title=f"{entity.name} ({entity.type})")
        for entity, mention in mentions
    ]
    story_id = snap.story_of_article.get(article_id)
    return render_text(
        "article.html.j2",
        live=snap.stamp,
        article=article,
        title=article_title(article),
        published=format_published(article),
        link=safe_link(article.url),
        story=snap.stories.get(story_id) if story_id else None,
        tokens=tokenize(article.text, highlights),
        claims=[
            {
                "claim": claim,
                "speaker": snap.index.speaker_name(claim.speaker) if claim.speaker else claim.speaker_text,
            }
            for claim in claims
        ],
        entities=_entities_in(article, snap),
        corrections=article_corrections(snap, article),
        copies=[
            {
                "edge": edge,
                "other": edge.of if edge.article == article_id else edge.article,
                "other_label": _label_of(edge.of if edge.article == article_id else edge.article, snap),
                "is_copy": edge.article == article_id,
                "other_is_article": snap.article(edge.of if edge.article == article_id else edge.article)
                is not None,
            }
            for edge in snap.brief.copies
            if article_id in (edge.article, edge.of)
        ],
    )


def _label_of(article_or_outlet: str, snap: Snapshot) -> str:
    article = snap.article(article_or_outlet)
    return article.label if article else article_or_outlet


def _entities_in(article: Article, snap: Snapshot) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for entity, _mention in snap.mentions_in(article.id):
        counts[entity.id] = counts.get(entity.id, 0) + 1
    return sorted(
        ({"entity": snap.index.entities[entity_id], "count": n} for entity_id, n in counts.items()),
        key=lambda row: (-row["count"], row["entity"].name.casefold()),
    )


# --- entities -------------------------------------------------------------------------------------------


@router.get("/entities", response_class=HTMLResponse)
def entity_list(
    snap: CurrentSnapshot,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    found = snap.find_entities(q or None, (page - 1) * ENTITIES_PER_PAGE, ENTITIES_PER_PAGE)
    pages = max(1, math.ceil(found.total / ENTITIES_PER_PAGE))
    return render(
        "entities.html.j2",
        live=snap.stamp,
        entities=found.items,
        total=found.total,
        q=q or "",
        page=page,
        previous_url=_entities_page_url(q, page - 1) if page > 1 else None,
        next_url=_entities_page_url(q, page + 1) if page < pages else None,
    )


def _entities_page_url(q: str | None, page: int) -> str:
    return "/entities?" + urlencode({**({"q": q} if q else {}), "page": str(page)})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(entity_id: str, snap: CurrentSnapshot) -> HTMLResponse:
    entity = snap.entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return render(
        "entity.html.j2",
        live=snap.stamp,
        entity=entity,
        stories=[
            {
                "story": story,
                "mentions": [
                    {"mention": mention, "label": _label_of(mention.article, snap)} for mention in mentions
                ],
            }
            for story, mentions in snap.mentions_by_story(entity)
        ],
        claims=snap.claims_of_speaker(entity.id),
        labels={article.id: article.label for article in snap.brief.articles},
        corrections=entity_corrections(snap, entity),
    )


# --- shared stylesheet ----------------------------------------------------------------------------------


@functools.cache
def _report_css() -> str:
    return resources.files("storyline.report").joinpath("templates/report.css").read_text(encoding="utf-8")


@router.get("/report.css")
def report_css() -> Response:
    """The HTML report's stylesheet, so the UI's ledger and highlights look as the report's do."""
    return Response(_report_css(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})


# --- API docs -------------------------------------------------------------------------------------------


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a page, rendered here: FastAPI's own docs page loads from a CDN."""
    spec = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **operation}
        for path, methods in spec.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    return render("docs.html.j2", title=spec["info"]["title"], operations=operations)
