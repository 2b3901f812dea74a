"""The brief as JSON: written atomically, checked against ``schema.json`` (the ``storyline.brief/1``
contract)."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from storyline.records import BRIEF_SCHEMA, Brief

# How many schema violations a BriefSchemaError spells out; the rest are counted, not listed.
MAX_LISTED_ERRORS = 10


class BriefSchemaError(ValueError):
    """A brief that does not match ``storyline.brief/1``: the message lists where and why, one per line."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        lines = [f"  {_json_path(error)}: {error.message}" for error in errors[:MAX_LISTED_ERRORS]]
        if len(errors) > MAX_LISTED_ERRORS:
            lines.append(f"  … and {len(errors) - MAX_LISTED_ERRORS} more")
        super().__init__(f"brief does not match {BRIEF_SCHEMA} ({len(errors)} errors):\n" + "\n".join(lines))


def load_schema() -> dict[str, Any]:
    """The JSON Schema of the brief, read from the installed package (a fresh dict each call)."""
    schema_text = resources.files("storyline.report").joinpath("schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(schema_text)
    return schema


@functools.cache
def _validator() -> Draft202012Validator:
    # Built once: compiling the schema's $refs costs more than validating a small brief.
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_brief(data: dict[str, Any]) -> None:
    """Raise ``BriefSchemaError`` listing every violation when ``data`` is not a valid brief."""
    errors = sorted(_validator().iter_errors(data), key=lambda error: list(map(str, error.absolute_path)))
    if errors:
        raise BriefSchemaError(errors)


def write_json(brief: Brief, path: Path) -> None:
    """Write the brief to ``path`` so that a reader never sees half a file: a temporary file in the same
    directory (same filesystem, so the rename is atomic) is filled, flushed to disk, then moved over."""
    path = Path(path)
    descriptor, temporary_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(brief.to_json())
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); a report should get the mode any new file gets.
        os.chmod(temporary_name, _new_file_mode())
        os.replace(temporary_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary_name)
        raise


def _new_file_mode() -> int:
    umask = os.umask(0)  # the only portable way to read the umask is to set it and put it back
    os.umask(umask)
    return 0o666 & ~umask


def _json_path(error: ValidationError) -> str:
    """``claims[0].modality`` rather than jsonschema's deque, so a user can find the field."""
    where = "brief"
    for part in error.absolute_path:
        where += f"[{part}]" if isinstance(part, int) else f".{part}"
    return where
