"""The brief as Markdown to paste into a note: per story the ledger as a table, the timeline as a list, then
the sources.

Escaping works like HTML autoescaping: the template's environment passes every ``{{ }}`` value through
``escape_markdown`` unless it is ``MarkdownText`` we wrote ourselves, so a hostile title cannot open a
link, an image, raw HTML or a table cell.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from storyline.records import BRIEF_SCHEMA, Brief
from storyline.report.html import safe_link
from storyline.report.views import TEXT_FILTERS, BriefIndex, article_title, build_story_view, format_published

# Characters with inline meaning in CommonMark/GFM and in common note apps: emphasis (* _ ~), code (`),
# links and images ([ ]), raw HTML and autolinks (< >), entities (&), table cells (|), math ($), and the
# backslash itself. CommonMark lets a backslash escape any ASCII punctuation, so "\\" + char is always safe.
INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>|&~$]")
# Block syntax only counts at the start of a line and before a space (or alone): headings ("# "), bullets
# ("- ", "+ "), rules and setext underlines ("---", "==="), ordered-list numbers ("1. ", "1) ").
LEADING_BLOCK_MARKER = re.compile(r"^(?:[#+=-](?=[#+=-]*(?:\s|$))|\d{1,9}(?=[.)](?:\s|$)))")


class MarkdownText(str):
    """Markdown written by Storyline itself (a link to a checked URL): the template does not escape it."""


def escape_markdown(text: str) -> str:
    """User text as inert Markdown on one line (a table cell or list item cannot hold a line break)."""
    one_line = " ".join(text.split())
    escaped = INLINE_SPECIAL.sub(lambda match: "\\" + match.group(), one_line)
    marker = LEADING_BLOCK_MARKER.match(escaped)
    if marker:
        # "1. " is escaped as "1\. ": the backslash goes before the punctuation after the digits.
        end = marker.end()
        if marker.group()[0].isdigit():
            return escaped[:end] + "\\" + escaped[end:]
        return "\\" + escaped
    return escaped


def render_markdown(brief: Brief) -> str:
    index = BriefIndex(brief)
    return (
        _environment()
        .get_template("brief.md.j2")
        .render(
            brief=brief,
            brief_schema=BRIEF_SCHEMA,
            stories=[build_story_view(story, index) for story in brief.stories],
            articles_by_id=index.articles,
            articles_in_no_story=[
                article
                for article in brief.articles
                if not any(article.id in s.articles for s in brief.stories)
            ],
        )
    )


@functools.cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("storyline.report", "templates"),
        autoescape=False,  # HTML escaping would be wrong here; finalize escapes for Markdown instead
        finalize=_escape_value,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["url"] = markdown_url
    environment.filters["article_title"] = article_title
    environment.filters["published"] = format_published
    environment.filters.update(TEXT_FILTERS)
    return environment


def markdown_url(url: str | None) -> str:
    """An http(s) URL as an autolink; anything else (javascript:, file paths) stays escaped text."""
    link = safe_link(url)
    if link and not re.search(r"[\s<>]", link):
        return MarkdownText(f"<{link}>")
    return url or ""


def _escape_value(value: Any) -> str:
    if isinstance(value, MarkdownText):
        return value
    if value is None:
        return ""
    return escape_markdown(str(value))
