"""Hostile inputs too large, or too odd, to commit: written into a folder at test time.

``python tests/data/hostile/generate.py OUT`` writes them by hand; ``tests/test_hostile.py`` calls
:func:`write_generated` into its ``tmp_path``. Sizes are chosen against ``IngestSettings.max_file_bytes``
(5 MiB) and ``ingest.MAX_ARTICLE_CHARS``: the 50 MB file is refused before it is read, the 5 MB single line
is read and refused as longer than any article.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BIG_FILE_BYTES = 50 * 1000 * 1000
LONG_LINE_BYTES = 5 * 1000 * 1000
NESTING_LEVELS = 10_000
# A sentence with a speaker, a number and a date, so a generated article gives every stage work to do.
SENTENCE = "Officials said about 1,200 people left the coastal town on Friday, according to the mayor. "


def write_big_file(folder: Path) -> Path:
    """50 MB of plain sentences: written in chunks so the generator itself stays small in memory."""
    path = folder / "huge-50mb.txt"
    chunk = (SENTENCE * 1000 + "\n").encode()
    with path.open("wb") as stream:
        for _ in range(BIG_FILE_BYTES // len(chunk) + 1):
            stream.write(chunk)
    return path


def write_long_line(folder: Path) -> Path:
    """One 5 MB line with no line break: under the file size limit, over any article's length."""
    path = folder / "one-line-5mb.txt"
    path.write_bytes((SENTENCE * (LONG_LINE_BYTES // len(SENTENCE) + 1)).encode()[:LONG_LINE_BYTES])
    return path


def write_deep_html(folder: Path) -> Path:
    """10,000 nested <div>s around one paragraph: parsers that recurse per level overflow the stack."""
    path = folder / "nested-10k.html"
    opening = "<div>" * NESTING_LEVELS
    closing = "</div>" * NESTING_LEVELS
    paragraph = f"<p>{SENTENCE * 3}</p>"
    path.write_text(f"<html><body>{opening}{paragraph}{closing}</body></html>", encoding="utf-8")
    return path


def write_symlink_loop(folder: Path) -> Path:
    """A folder holding one article and a link back to itself: a walk that follows links must stop."""
    loop = folder / "loop"
    loop.mkdir()
    (loop / "inside-loop.txt").write_text("Loop Story\n\n" + SENTENCE * 2, encoding="utf-8")
    (loop / "again").symlink_to(loop, target_is_directory=True)
    return loop


def write_unreadable(folder: Path) -> Path | None:
    """A file without read permission; None where permissions do not bind (running as root)."""
    path = folder / "unreadable.txt"
    path.write_text("Locked Story\n\n" + SENTENCE, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o644)
        path.unlink()
        return None
    return path


def write_fifo(folder: Path) -> Path | None:
    """A named pipe with a text suffix: reading it would block forever. None where there are no FIFOs."""
    path = folder / "pipe.txt"
    if not hasattr(os, "mkfifo"):
        return None
    os.mkfifo(path)
    return path


def write_generated(folder: Path) -> dict[str, Path | None]:
    """Every generated case, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "huge-50mb.txt": write_big_file(folder),
        "one-line-5mb.txt": write_long_line(folder),
        "nested-10k.html": write_deep_html(folder),
        "loop": write_symlink_loop(folder),
        "unreadable.txt": write_unreadable(folder),
        "pipe.txt": write_fifo(folder),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: generate.py OUT_FOLDER")
    for name, path in write_generated(Path(sys.argv[1])).items():
        print(f"{name}: {path or 'not made (permissions do not bind here)'}")
