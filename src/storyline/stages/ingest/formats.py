"""Reading one input's bytes into article fields: plain text and Markdown, HTML, feeds, JSON Lines.

Nothing here knows about paths, sidecars or ids: each reader takes bytes (and a name for messages) and
yields :class:`ArticleFields` or :class:`SkippedInput`; ``decoding`` turns the bytes into text.
``ingest.py`` merges explicit metadata and builds the :class:`Article` records.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import json
import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storyline.records import SkippedInput
from storyline.stages.ingest.decoding import UndecodableInput, decode_text

# Headline rule for plain text: a first line this short, not ending like a sentence, is the title. News
# headlines run 5–20 words; 200 characters leaves room for long ones and excludes a lead paragraph.
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30
# Endings that mark a sentence or a lead-in, not a headline ("…" included: a trailing ellipsis is a teaser).
_NOT_HEADLINE_END = re.compile(r"[.,:;…]['\"’”)]*\s*$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
JSONL_OPTIONAL_FIELDS = ("title", "url", "outlet", "published", "author", "language")


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """What one input says about one article, before explicit metadata and the id are applied."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None


# --- dates ----------------------------------------------------------------------------------------------


def normalise_date(value: str | None) -> str | None:
    """A publication date as metadata gives it → ``YYYY-MM-DD``, or None when it is not a full date."""
    if value is None or not value.strip():
        return None
    iso = _ISO_DATE.match(value)
    if iso:
        try:
            return dt.date(*(int(part) for part in iso.groups())).isoformat()
        except ValueError:
            return None
    try:  # RFC 2822, the feeds' and HTTP headers' format
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _parse_written_date(value)


def _parse_written_date(value: str) -> str | None:
    # dateparser costs ~1 s to import, so only dates in neither ISO nor RFC 2822 form pay for it. Strict
    # parsing needs day, month and year; "absolute-time" refuses "yesterday", which metadata cannot mean.
    import dateparser

    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True, "PARSERS": ["absolute-time"]})
    return parsed.date().isoformat() if parsed else None


# --- plain text and Markdown ----------------------------------------------------------------------------


SECTION_LABEL_MAX_WORDS = 2  # "World", "NATO", "Middle East": labels, too short for a headline


def split_headline(text: str, *, markdown: bool = False) -> tuple[str | None, str]:
    """(title, body): the first non-empty line is the title when it looks like a headline and more text
    follows; the body then starts after it. A Markdown heading (``# …``) is always a headline."""
    stripped = text.lstrip()
    first_line, _, rest = stripped.partition("\n")
    first_line = first_line.strip()
    body = rest.lstrip("\n")
    if not body.strip():
        return None, text  # a one-line text is the article, not a title without one
    if markdown and _MARKDOWN_HEADING.match(first_line):
        return _MARKDOWN_HEADING.sub("", first_line).strip() or None, body
    if _is_section_label(first_line):
        # "NATO" above "NATO: North Korean troops …": a site's section label, not the headline. The headline
        # is the next line; the label stays in the body for the clean stage to drop with its reason.
        next_title, next_body = split_headline(body)
        if next_title and not _is_section_label(next_title):
            return next_title, first_line + "\n\n" + next_body
    if looks_like_headline(first_line):
        return first_line, body
    return None, text


def _is_section_label(line: str) -> bool:
    return 0 < len(line.split()) <= SECTION_LABEL_MAX_WORDS and not _NOT_HEADLINE_END.search(line)


def looks_like_headline(line: str) -> bool:
    return (
        0 < len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and not _NOT_HEADLINE_END.search(line)
    )


def read_plain_text(data: bytes, *, markdown: bool = False) -> ArticleFields:
    """A .txt or .md file: the whole text, with the headline line split off as the title."""
    text = decode_text(data)
    if not text.strip():
        raise UndecodableInput("empty file (whitespace only)")
    title, body = split_headline(text, markdown=markdown)
    if markdown:
        body = markdown_to_text(body)
        title = markdown_to_text(title) or None if title else None
    return ArticleFields(text=body, title=title)


def markdown_to_text(markdown: str) -> str:
    """Markdown → plain text: markup such as ``**bold**``, links and list bullets would otherwise reach
    the sentence parser as words. Rendered by markdown-it (CommonMark), then flattened like feed HTML."""
    from markdown_it import MarkdownIt

    return html_fragment_to_text(MarkdownIt("commonmark").render(markdown))


# --- HTML -----------------------------------------------------------------------------------------------


def extract_html(data: bytes | str, url: str | None = None) -> ArticleFields | None:
    """Main text and metadata of an HTML page via trafilatura (one parse for both); None when the page
    has no main text. Reader comments are dropped: trafilatura keeps them unless told otherwise."""
    import trafilatura  # heavy (lxml, justext, htmldate); only loaded when an HTML page arrives

    # trafilatura logs unusable pages at ERROR level; we report them as SkippedInput, once, instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    document = trafilatura.bare_extraction(
        data, url=url, include_comments=False, with_metadata=True, output_format="python"
    )
    if document is None or isinstance(document, dict):
        return None
    text = (document.text or "").strip()
    if not text:
        return None
    title = (document.title or "").strip() or None
    return ArticleFields(
        text=_drop_repeated_title(text, title),
        title=title,
        url=document.url or url,
        outlet=document.sitename or None,
        published=normalise_date(document.date),
        author=document.author or None,
        language=document.language or None,
    )


def _drop_repeated_title(text: str, title: str | None) -> str:
    # trafilatura keeps the page's <h1> as the first line of the main text; the title field already holds
    # it, and the plain-text rule keeps titles out of the text, so both formats agree.
    first_line, _, rest = text.partition("\n")
    if title and rest.strip() and _squash(first_line) == _squash(title):
        return rest.lstrip("\n")
    return text


def _squash(value: str) -> str:
    return " ".join(value.split()).casefold()


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML snippet (a feed entry's content): block elements end lines, tags go, entities are
    decoded. Hand-written over lxml because trafilatura drops short fragments as boilerplate."""
    import lxml.etree
    import lxml.html
    import lxml.html.defs

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment.strip()
    lxml.etree.strip_elements(root, "script", "style", with_tail=False)
    # lxml's own list of block-level tags (plus <br>): after each of them a line break belongs.
    line_ending_tags = lxml.html.defs.block_tags | {"br"}
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in line_ending_tags:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


# --- feeds ----------------------------------------------------------------------------------------------


def read_feed(data: bytes, source: str) -> Iterator[ArticleFields | SkippedInput]:
    """RSS/Atom: one article per entry, full content when the feed carries it, else the summary.

    The bytes are first parsed by defusedxml with DTDs and entities forbidden: a feed that declares them is
    refused (XXE, billion laughs), and one that is not well-formed XML is refused too, because feedparser's
    loose parser would then read declarations we could not check."""
    import defusedxml
    import defusedxml.ElementTree
    import feedparser

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        yield SkippedInput(source, "feed declares a DTD or entities; refused")
        return
    except defusedxml.ElementTree.ParseError as error:
        yield SkippedInput(source, f"malformed feed XML ({error})")
        return
    # A stream, not bytes: feedparser treats a bytes argument as a possible file name first.
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        yield SkippedInput(source, "feed has no entries" if not feed.bozo else "malformed feed")
        return
    outlet = _feed_text(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        text = html_fragment_to_text(_entry_body(entry))
        if not text:
            yield SkippedInput(source, f"feed entry {number} has no text")
            continue
        yield ArticleFields(
            text=text,
            title=_feed_text(entry.get("title")),
            url=entry.get("link") or None,
            outlet=outlet,
            published=_entry_date(entry),
            author=_feed_text(entry.get("author")),
            language=(entry.get("language") or feed.feed.get("language") or None),
        )


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    longest = max((item.get("value") or "" for item in contents), key=len, default="")
    return longest or entry.get("summary") or ""


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return normalise_date(entry.get("published") or entry.get("updated"))


def _feed_text(value: str | None) -> str | None:
    return html_fragment_to_text(value).strip() or None if value else None


# --- JSON Lines -----------------------------------------------------------------------------------------


def read_jsonl(data: bytes, source: str) -> Iterator[ArticleFields | SkippedInput]:
    """One article per line; a bad line is skipped with its line number and the rest of the file goes on."""
    text = decode_text(data)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_article(line)
        except ValueError as error:  # json.JSONDecodeError is a ValueError
            yield SkippedInput(source, f"bad JSON Lines record: {_one_line(str(error))}", line=number)
        except RecursionError:  # "[" × 100,000: json's parser recurses once per level
            yield SkippedInput(source, "bad JSON Lines record: nested too deeply", line=number)


def _jsonl_article(line: str) -> ArticleFields:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("a line must hold a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'text' is missing or empty")
    optional: dict[str, str | None] = {}
    for key in JSONL_OPTIONAL_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a string")
        optional[key] = value.strip() or None if value else None
    optional["published"] = normalise_date(optional["published"])
    return ArticleFields(text=text.replace("\r\n", "\n"), **optional)


def _one_line(message: str, limit: int = 120) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --- format detection and dispatch ----------------------------------------------------------------------

FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Media types a server may send; generic XML is sniffed because it may be XHTML as well as a feed.
FORMAT_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}
SINGLE_ARTICLE_FORMATS = frozenset({"text", "markdown", "html"})
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


def sniff_format(data: bytes) -> str:
    """The format of bytes with no telling name: a feed or HTML by their root markup, else text."""
    head = data[:4096].lower()
    if any(root in head for root in _FEED_ROOTS):
        return "feed"
    if any(marker in head for marker in _HTML_MARKERS):
        return "html"
    return "text"


def read_format(
    input_format: str, data: bytes, source: str, url: str | None = None
) -> Iterator[ArticleFields | SkippedInput]:
    """Every article (or skipped part) of one input's bytes in the given format."""
    try:
        if input_format == "feed":
            yield from read_feed(data, source)
        elif input_format == "jsonl":
            yield from read_jsonl(data, source)
        elif input_format == "html":
            fields = extract_html(data, url)
            yield fields if fields else SkippedInput(source, "no main text found in HTML")
        else:
            yield read_plain_text(data, markdown=input_format == "markdown")
    except UndecodableInput as error:
        yield SkippedInput(source, str(error))
