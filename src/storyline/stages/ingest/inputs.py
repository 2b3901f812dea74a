"""Ingest: files, directories and URLs → :class:`Article` records (or :class:`SkippedInput` for bad input).

Formats are read in ``ingest.formats``, URLs fetched in ``ingest.fetch``; this module walks the inputs,
applies explicit metadata (a ``storyline.toml`` sidecar, a ``--meta`` CSV), computes content ids and drops
repeated articles. Bad input never raises out of :func:`iter_inputs`: it comes out as a ``SkippedInput``.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import os
import stat
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from storyline.config import DEFAULT_SETTINGS, IngestSettings
from storyline.errors import StorylineInputError
from storyline.records import Article, SkippedInput
from storyline.stages.ingest.compressed import content_suffix, gunzip_bounded, is_gzip
from storyline.stages.ingest.fetch import fetch_url
from storyline.stages.ingest.formats import (
    FORMAT_BY_MEDIA_TYPE,
    FORMAT_BY_SUFFIX,
    SINGLE_ARTICLE_FORMATS,
    ArticleFields,
    normalise_date,
    read_format,
    sniff_format,
    split_headline,
)

SIDECAR_NAME = "storyline.toml"
META_FIELDS = ("outlet", "published", "author", "title", "url")
URL_SCHEMES = ("http://", "https://")
# Longer article texts are refused: spaCy's parser needs about 1 GB per 100,000 characters and refuses
# texts over 1,000,000 (nlp.max_length); the longest news features run to ~50,000 characters, so anything
# beyond this is a scraper's mistake (a whole site in one line) rather than an article.
MAX_ARTICLE_CHARS = 200_000

# Explicit metadata for one file: field → value, only the fields given.
FileMeta = Mapping[str, str]


def make_article_id(text: str) -> str:
    """Content id: the same article with other line endings or spacing gets the same id."""
    collapsed = " ".join(text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()[:16]


def article_from_text(
    text: str,
    *,
    source: str,
    path: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    author: str | None = None,
    language: str | None = None,
) -> Article:
    """An article from text already in hand; ``published`` is normalised to ``YYYY-MM-DD`` (or None).
    Raises :class:`StorylineInputError` naming ``source`` when there is no text. NUL characters are dropped
    from every field: PostgreSQL refuses them in text, and no article or page has a use for one."""
    text = text.replace("\x00", "")
    title, url, outlet, author = (_without_nul(value) for value in (title, url, outlet, author))
    if not text.strip():
        raise StorylineInputError(source, "no article text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise StorylineInputError(
            source, f"article text longer than {MAX_ARTICLE_CHARS} characters ({len(text)})"
        )
    return Article(
        id=make_article_id(text),
        text=text,
        path=path,
        url=url,
        title=title,
        outlet=outlet,
        author=author,
        published=normalise_date(published),
        language=language,
    )


def _without_nul(value: str | None) -> str | None:
    return value.replace("\x00", "") if value else value


def article_from_plain_text(text: str, *, source: str) -> Article:
    """An article from a plain text in hand, read like a .txt file (a headline-like first line is the
    title)."""
    title, body = split_headline(text)
    return article_from_text(body, source=source, title=title)


def iter_inputs(
    inputs: Sequence[str | Path],
    settings: IngestSettings = DEFAULT_SETTINGS.ingest,
    meta_csv: Path | None = None,
    *,
    allow_private_urls: bool = False,
) -> Iterator[Article | SkippedInput]:
    """Every article in ``inputs`` (files, directories walked recursively in sorted order, http(s) URLs),
    each once: a repeated article yields ``SkippedInput(source, "duplicate of <first source>")``.

    ``meta_csv`` gives metadata per file (columns path, outlet, published, author, title, url; paths
    relative to the CSV); it and ``storyline.toml`` sidecars win over what a file says about itself.
    URLs resolving to loopback, private, link-local or reserved addresses are refused unless
    ``allow_private_urls``. Nothing here raises for bad input: it comes out as a ``SkippedInput``."""
    first_source: dict[str, str] = {}
    metadata = _ExplicitMetadata()
    if meta_csv is not None:
        yield from metadata.load_csv(Path(meta_csv))
    for item in _iter_all(inputs, settings, metadata, allow_private_urls):
        if isinstance(item, Article):
            if item.id in first_source:
                yield SkippedInput(item.source, f"duplicate of {first_source[item.id]}")
                continue
            first_source[item.id] = item.source
        yield item


def _iter_all(
    inputs: Sequence[str | Path],
    settings: IngestSettings,
    metadata: _ExplicitMetadata,
    allow_private_urls: bool,
) -> Iterator[Article | SkippedInput]:
    for given in inputs:
        if isinstance(given, str) and "://" in given:
            yield from _read_url(given, settings, allow_private_urls)
            continue
        root = Path(given)
        if root.is_dir():
            for file_path in walk_files(root):
                suffix = content_suffix(file_path.name)
                if metadata.is_metadata_file(file_path):
                    continue
                if suffix and suffix not in FORMAT_BY_SUFFIX:
                    # Found by the walk, not named by the user: an image or a spreadsheet beside the
                    # articles is reported, not read as text. A named file is sniffed instead.
                    yield SkippedInput(str(file_path), f"unsupported file type {suffix!r}")
                    continue
                yield from _read_file(file_path, root, settings, metadata)
        elif root.exists() or root.is_symlink():
            yield from _read_file(root, root.parent, settings, metadata)
        else:
            yield SkippedInput(str(given), "no such file or directory")


def walk_files(root: Path) -> Iterator[Path]:
    """Files under ``root``, sorted, hidden files and folders left out; a symlinked folder is followed
    once, so a link back up the tree cannot loop."""
    seen_dirs: set[tuple[int, int]] = set()
    for dir_path, dir_names, file_names in os.walk(root, followlinks=True):
        info = os.stat(dir_path)
        if (info.st_dev, info.st_ino) in seen_dirs:
            dir_names[:] = []
            continue
        seen_dirs.add((info.st_dev, info.st_ino))
        dir_names[:] = sorted(name for name in dir_names if not name.startswith("."))
        for name in sorted(file_names):
            if not name.startswith("."):
                yield Path(dir_path) / name


def _read_file(
    file_path: Path, root: Path, settings: IngestSettings, metadata: _ExplicitMetadata
) -> Iterator[Article | SkippedInput]:
    source = str(file_path)
    try:
        data = _read_bounded(file_path, settings.max_file_bytes)
        data = gunzip_bounded(data, settings.max_file_bytes, source) if is_gzip(data) else data
    except StorylineInputError as error:
        yield SkippedInput(source, error.reason)
        return
    if not data.strip():
        yield SkippedInput(source, "empty file")
        return
    input_format = FORMAT_BY_SUFFIX.get(content_suffix(file_path.name)) or sniff_format(data)
    file_meta: FileMeta = {}
    if input_format in SINGLE_ARTICLE_FORMATS:
        yield from metadata.load_sidecars(file_path, root)
        file_meta = metadata.for_file(file_path, root)
    for fields in read_format(input_format, data, source):
        yield _build_article(fields, file_meta, source=source, path=source)


def _read_bounded(file_path: Path, max_bytes: int) -> bytes:
    # Size is checked before reading, and the read is capped too: the file may grow, or be a device.
    try:
        info = file_path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StorylineInputError(str(file_path), "not a regular file")
        if info.st_size > max_bytes:
            raise StorylineInputError(str(file_path), f"larger than {max_bytes} bytes ({info.st_size})")
        with file_path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise StorylineInputError(str(file_path), f"unreadable ({error.strerror or error})") from error
    if len(data) > max_bytes:
        raise StorylineInputError(str(file_path), f"larger than {max_bytes} bytes")
    return data


def _read_url(
    url: str, settings: IngestSettings, allow_private_urls: bool
) -> Iterator[Article | SkippedInput]:
    if not url.lower().startswith(URL_SCHEMES):
        yield SkippedInput(url, f"unsupported URL scheme {urlsplit(url).scheme!r}")
        return
    try:
        page = fetch_url(url, settings, allow_private=allow_private_urls)
        # A server sending a .gz file as it is (no Content-Encoding) leaves it compressed.
        data = gunzip_bounded(page.data, settings.max_file_bytes, url) if is_gzip(page.data) else page.data
    except StorylineInputError as error:
        yield SkippedInput(url, error.reason)
        return
    if not data.strip():
        yield SkippedInput(url, "empty response")
        return
    input_format = (
        FORMAT_BY_SUFFIX.get(content_suffix(urlsplit(page.url).path))
        or FORMAT_BY_MEDIA_TYPE.get(page.media_type or "")
        or sniff_format(data)
    )
    explicit = {"url": page.url} if input_format in SINGLE_ARTICLE_FORMATS else {}
    for fields in read_format(input_format, data, url, url=page.url):
        yield _build_article(fields, explicit, source=url, path=None)


def _build_article(
    fields: ArticleFields | SkippedInput, explicit: FileMeta, *, source: str, path: str | None
) -> Article | SkippedInput:
    """Explicit metadata wins over what the input says about itself."""
    if isinstance(fields, SkippedInput):
        return fields
    merged = dataclasses.replace(fields, **explicit)
    if not merged.text.strip():  # e.g. Markdown that was all markup
        return SkippedInput(source, "no article text")
    try:
        return article_from_text(
            merged.text,
            source=source,
            path=path,
            title=merged.title,
            url=merged.url,
            outlet=merged.outlet,
            published=merged.published,
            author=merged.author,
            language=merged.language,
        )
    except StorylineInputError as error:  # e.g. longer than any article
        return SkippedInput(source, error.reason)


class _ExplicitMetadata:
    """Metadata the user gave for single-article files (text, Markdown, HTML; a feed or JSON Lines file
    holds many articles and carries its own): sidecars (the nearest folder wins per field) and a CSV (wins
    over sidecars: it is named on the command line). Keys are resolved absolute paths."""

    def __init__(self) -> None:
        self._csv: dict[Path, dict[str, str]] = {}
        self._csv_path: Path | None = None
        self._sidecars: dict[Path, dict[Path, dict[str, str]]] = {}  # folder → file → fields

    def is_metadata_file(self, file_path: Path) -> bool:
        return file_path.name == SIDECAR_NAME or (
            self._csv_path is not None and file_path.resolve() == self._csv_path
        )

    def load_csv(self, csv_path: Path) -> Iterator[SkippedInput]:
        self._csv_path = csv_path.resolve()
        try:
            with csv_path.open(newline="", encoding="utf-8-sig") as stream:
                reader = csv.DictReader(stream, strict=True)  # strict: a stray quote is an error
                rows = list(reader)
                columns = list(reader.fieldnames or [])
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            yield SkippedInput(str(csv_path), f"unreadable metadata CSV ({error})")
            return
        problem = _header_problem(columns)
        if problem:
            yield SkippedInput(str(csv_path), f"metadata CSV not used: {problem}", line=1)
            return
        for line, row in enumerate(rows, start=2):  # line 1 is the header
            if None in row:  # DictReader files surplus cells under None
                yield SkippedInput(str(csv_path), "metadata row has more cells than the header", line=line)
                continue
            relative = (row.get("path") or "").strip()
            if not relative:
                yield SkippedInput(str(csv_path), "metadata row without a path", line=line)
                continue
            key = (csv_path.parent / relative).resolve()
            self._csv[key] = _meta_fields(row)

    def load_sidecars(self, file_path: Path, root: Path) -> Iterator[SkippedInput]:
        """Read (once) every sidecar from the file's folder up to ``root``; yields a skip per bad one."""
        for folder in _folders_up_to(file_path.parent, root):
            if folder in self._sidecars:
                continue
            self._sidecars[folder] = {}
            sidecar = folder / SIDECAR_NAME
            if not sidecar.is_file():
                continue
            try:
                table = tomllib.loads(sidecar.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                yield SkippedInput(str(sidecar), f"unreadable sidecar ({error})")
                continue
            for relative, entry in table.items():
                if isinstance(entry, dict):
                    self._sidecars[folder][(folder / relative).resolve()] = _meta_fields(entry)

    def for_file(self, file_path: Path, root: Path) -> dict[str, str]:
        key = file_path.resolve()
        merged: dict[str, str] = {}
        for folder in reversed(_folders_up_to(file_path.parent, root)):  # the nearest sidecar last: it wins
            merged.update(self._sidecars.get(folder, {}).get(key, {}))
        merged.update(self._csv.get(key, {}))
        return merged


def _header_problem(columns: list[str]) -> str | None:
    """Why a metadata CSV's header cannot be used, or None: a file meant for us whose columns we would
    silently ignore is a mistake the user should hear about."""
    names = [column.strip() for column in columns]
    if "path" not in names:
        return f"no 'path' column (columns: {', '.join(names) or 'none'})"
    unknown = [name for name in names if name != "path" and name not in META_FIELDS]
    if unknown:
        return f"unknown column {unknown[0]!r} (known: path, {', '.join(META_FIELDS)})"
    return None


def _meta_fields(entry: Mapping[str, object]) -> dict[str, str]:
    fields = {}
    for key in META_FIELDS:
        value = entry.get(key)
        if value is not None and str(value).strip():
            fields[key] = str(value).strip()
    # A date we cannot read is dropped rather than kept verbatim: the brief promises ISO dates or null.
    published = normalise_date(fields.pop("published", None))
    if published:
        fields["published"] = published
    return fields


def _folders_up_to(folder: Path, root: Path) -> list[Path]:
    """``folder`` and its parents up to and including ``root``, nearest first (lexically: the walk joins
    paths onto the root, so a followed symlink still counts as inside it)."""
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        return [folder]
    return [root.joinpath(*parts[:depth]) for depth in range(len(parts), -1, -1)]
