"""The brief as one self-contained HTML file: inline CSS, an inline SVG timeline, no script, no external URL.

Rendered with Jinja2 with autoescaping on; Python only prepares plain data (views, highlight tokens, chart
geometry) and every character of user text is escaped by the template. A Content-Security-Policy in the
page forbids scripts and remote loads, as a second wall should escaping ever be bypassed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from storyline.records import BRIEF_SCHEMA, Article, Brief, Claim
from storyline.report.chart import TimelineChart, build_timeline_chart
from storyline.report.highlight import Highlight, Token, tokenize
from storyline.report.views import (
    TEXT_FILTERS,
    BriefIndex,
    ClaimRef,
    QuestionRef,
    StoryView,
    article_title,
    build_story_view,
    format_published,
)

# Only these schemes become clickable links; anything else (javascript:, data:, file:) is shown as text.
LINKABLE_SCHEMES = frozenset({"http", "https"})
# An attributed act ("voted to strike") is marked where a claim is shown: no ledger question weighs it.
ACT_LABEL = "act, "


@dataclass(frozen=True, slots=True)
class StoryRef:
    story_id: str
    title: str


@dataclass(frozen=True, slots=True)
class LedgerLink:
    """A claim of an article and the ledger questions it answers: the way back from a text to the ledger."""

    claim: ClaimRef
    questions: tuple[QuestionRef, ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    title: str
    published: str
    link: str | None  # the article's URL when it is safe to link
    stories: tuple[StoryRef, ...]  # the stories the article belongs to
    tokens: tuple[Token, ...]
    ledger_links: tuple[LedgerLink, ...]  # its claims that answer ledger questions, in text order


@dataclass(frozen=True, slots=True)
class StorySection:
    view: StoryView
    timeline_anchors: tuple[str, ...]
    chart: TimelineChart | None


def render_html(brief: Brief) -> str:
    """The whole report as one HTML document."""
    index = BriefIndex(brief)
    sections = [story_section(build_story_view(story, index)) for story in brief.stories]
    return (
        _environment()
        .get_template("brief.html.j2")
        .render(
            brief=brief,
            brief_schema=BRIEF_SCHEMA,
            stories=sections,
            articles=[_article_view(article, index) for article in brief.articles],
            skipped=brief.skipped,
        )
    )


@functools.cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("storyline.report", "templates"),
        autoescape=True,  # every template here writes HTML; markdown.py has its own environment
        undefined=StrictUndefined,  # a misspelt field fails the render instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["fragment"] = anchor_fragment
    environment.filters.update(TEXT_FILTERS)
    return environment


def anchor_fragment(anchor_id: str) -> str:
    """An element id as it goes after "#" in a link: browsers percent-decode the fragment before matching."""
    return quote(anchor_id, safe="")


def safe_link(url: str | None) -> str | None:
    if url and urlsplit(url.strip()).scheme.lower() in LINKABLE_SCHEMES:
        return url.strip()
    return None


def story_section(view: StoryView) -> StorySection:
    anchors = tuple(f"timeline-{view.story_id}-{number}" for number in range(1, len(view.timeline) + 1))
    return StorySection(view, anchors, build_timeline_chart(view.timeline, anchors))


def _article_view(article: Article, index: BriefIndex) -> ArticleView:
    stories = tuple(
        StoryRef(story.id, story.title) for story in index.brief.stories if article.id in story.articles
    )
    return ArticleView(
        article=article,
        title=article_title(article),
        published=format_published(article),
        link=safe_link(article.url),
        stories=stories,
        tokens=tuple(tokenize(article.text, article_highlights(article, index.claims_in(article.id), index))),
        ledger_links=ledger_links(article, index),
    )


def ledger_links(article: Article, index: BriefIndex) -> tuple[LedgerLink, ...]:
    claims = sorted(index.claims_in(article.id), key=lambda claim: claim.start)
    return tuple(
        LedgerLink(index.claim_ref(claim.id), tuple(index.questions_of(claim.id)))
        for claim in claims
        if index.questions_of(claim.id)
    )


def article_highlights(article: Article, claims: list[Claim], index: BriefIndex) -> list[Highlight]:
    """Claim contents, their speakers and cues, and foreign-language fragments of one article."""
    highlights = [
        Highlight(
            fragment.start,
            fragment.end,
            "foreign",
            key=fragment.language,
            title=f"language: {fragment.language}",
        )
        for fragment in article.foreign_fragments
    ]
    for claim in claims:
        speaker = index.speaker_name(claim.speaker) if claim.speaker else (claim.speaker_text or "unknown")
        highlights.append(
            Highlight(
                claim.start,
                claim.end,
                "claim",
                key=claim.id,
                variant=claim.modality,
                title=f"{speaker} — {claim.cue} ({ACT_LABEL if claim.kind == 'act' else ''}"
                f"{claim.modality}, {claim.quote} quote)",
            )
        )
        highlights.append(Highlight(claim.cue_start, claim.cue_end, "cue", title="cue"))
        if claim.speaker_start is not None and claim.speaker_end is not None:
            highlights.append(Highlight(claim.speaker_start, claim.speaker_end, "speaker", title=speaker))
    return highlights
