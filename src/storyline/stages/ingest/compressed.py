"""Gzip-compressed inputs (``page.html.gz``, ``feed.jsonl.gz``, a server's raw ``.gz`` file): decompressed
before the format is read, and bounded like any other input.

The bound is on the decompressed size, checked while decompressing: a few kilobytes of gzip can expand to
gigabytes (a "gzip bomb"), so the size limit a plain file obeys (``IngestSettings.max_file_bytes``) caps
the output, and decompression stops as soon as it is passed. Gzip is recognised by its magic bytes, so a
compressed file is read whatever it is called; its name, less ``.gz``, then tells the format.
"""

from __future__ import annotations

import zlib
from pathlib import PurePosixPath

from storyline.errors import StorylineInputError

GZIP_MAGIC = b"\x1f\x8b"
GZIP_SUFFIX = ".gz"
# zlib's window-bits value for a gzip header and trailer (16 + the largest window).
_GZIP_WBITS = 16 + zlib.MAX_WBITS


def content_suffix(name: str) -> str:
    """The suffix that tells an input's format, lower case: "page.HTML.gz" → ".html", "notes.txt" → ".txt"."""
    path = PurePosixPath(name.lower())
    return path.with_suffix("").suffix if path.suffix == GZIP_SUFFIX else path.suffix


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip_bounded(data: bytes, max_bytes: int, source: str) -> bytes:
    """The decompressed bytes of ``data`` (every gzip member, as ``gzip -d`` does), refused with a
    one-line :class:`StorylineInputError` when they would pass ``max_bytes`` or the data is not gzip."""
    output = bytearray()
    remaining = data
    while remaining:
        decompressor = zlib.decompressobj(_GZIP_WBITS)
        try:
            # max_length (never 0, which means "no limit") stops zlib one byte past the bound: a bomb
            # never reaches memory.
            output += decompressor.decompress(remaining, max_bytes + 1 - len(output))
        except zlib.error as error:
            raise StorylineInputError(source, f"not valid gzip ({error})") from error
        if len(output) > max_bytes:
            raise StorylineInputError(source, f"decompresses to more than {max_bytes} bytes; refused")
        if not decompressor.eof:  # under the bound, so zlib stopped for want of input
            raise StorylineInputError(source, "truncated gzip file")
        remaining = decompressor.unused_data.lstrip(b"\x00")  # some tools pad members with NULs
    return bytes(output)
