"""What every command shares: the stderr console, errors as one line, the checks made before any work
(paths exist, outputs can be written, a store to read exists).

Light on purpose: this module is imported for ``storyline --help``, so the store (SQLAlchemy) and the
library are imported inside the functions that need them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

from storyline.errors import StorylineError, StorylineInputError, StorylineStoreError

if TYPE_CHECKING:
    from storyline.store import Store

# Markup off: paths, URLs, titles and outlets are user text, and "[red]" or "[/x]" in them must print as
# written (Rich would style it, drop it or raise MarkupError). Only our own fixed strings opt in.
err = Console(stderr=True, markup=False)

USAGE_EXIT = 2
# The reasons ``Store.open(create=False)`` gives for a --db that names nothing: a typo, not a damaged store.
_MISSING_STORE_REASONS = ("no such store", "directory does not exist")


def fail(message: str, code: int = 1) -> NoReturn:
    """One line ``storyline: <message>`` and the exit code. Plain ``typer.echo``: rich would wrap a long
    path over several lines."""
    typer.echo(f"storyline: {message}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def one_line_errors() -> Iterator[None]:
    """A ``StorylineError`` becomes one line on stderr and exit code 1; anything else is a bug and keeps
    its traceback."""
    try:
        yield
    except StorylineError as error:
        fail(str(error))


def check_paths(paths: list[str]) -> None:
    for path in paths:
        if not path.startswith(("http://", "https://")) and not Path(path).exists():
            raise typer.BadParameter(f"{path}: no such file or directory", param_hint="PATH")


@contextlib.contextmanager
def existing_store(db: str) -> Iterator[Store]:
    """The store ``db`` names, for a command that only reads: a path that names nothing is a usage error
    (exit 2) — a typo must not become a new empty store that the command then reads as "no stories"."""
    from storyline.store import Store

    try:
        store = Store.open(db, create=False)
    except StorylineStoreError as error:
        if error.reason.startswith(_MISSING_STORE_REASONS):
            fail(str(error), USAGE_EXIT)
        raise
    with store:
        yield store


def check_writable(*outputs: Path | None) -> None:
    """Refuse an output that cannot be written before any work is done: a missing or unwritable folder, a
    folder given as the file, a file that cannot be written. Creating (and removing) a file beside it is
    the one test that also catches what permissions do not show (``/proc/version`` as root)."""
    for path in outputs:
        if path is None:
            continue
        if path.is_dir() or not path.name:
            raise StorylineInputError(str(path), "is a directory, not a file to write")
        if not path.parent.is_dir():
            raise StorylineInputError(str(path), f"cannot write: no directory {path.parent}")
        if path.exists() and not os.access(path, os.W_OK):
            raise StorylineInputError(str(path), "cannot write: permission denied")
        try:
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}."):
                pass
        except OSError as error:
            raise StorylineInputError(
                str(path), f"cannot write in {path.parent} ({error.strerror})"
            ) from None


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """A write that fails anyway (the disk filled meanwhile) is one line naming the file."""
    try:
        yield
    except OSError as error:
        raise StorylineInputError(str(path), f"cannot write ({error.strerror})") from None
    err.print(f"wrote {path}")
