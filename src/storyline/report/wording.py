"""How dates and input names read in a report: words an analyst would write, never a machine form or a
local path. Plain functions of strings, shared by the views and the templates' filters."""

from __future__ import annotations

import calendar
import re
from pathlib import PurePosixPath, PureWindowsPath

# ISO 8601 dates at the precisions the dates stage writes: "2024-10-21", "2024-10", "--10-21", "--10".
ISO_DATE_PARTS = re.compile(r"^(\d{4}|-)-(\d{2})(?:-(\d{2}))?$")


def readable_date(iso: str, *, inferred: bool = False) -> str:
    """A date as an analyst reads it: "2024-10-21" stays, "2024-07" → "July 2024", "--07" → "July (year
    unknown)", "--10-21" → "21 October (year unknown)"; an inferred one says so: "… (inferred)"."""
    notes = ["inferred"] if inferred else []
    shown = iso
    parts = ISO_DATE_PARTS.match(iso)
    if parts and 1 <= int(parts[2]) <= 12 and (parts[1] == "-" or parts[3] is None):
        year, month, day = parts[1], calendar.month_name[int(parts[2])], parts[3]
        shown = f"{int(day)} {month}" if day else month
        if year == "-":
            notes.insert(0, "year unknown")
        else:
            shown += f" {year}"
    return f"{shown} ({', '.join(notes)})" if notes else shown


# An absolute local path (POSIX, home-relative or Windows) with at least one folder, not inside a URL;
# group 1 is its last part.
LOCAL_PATH = re.compile(r"(?<![\w.:/\\~-])(?:~?/|[A-Za-z]:\\)(?:[^\s/\\'\"<>()]+[/\\])+([^\s/\\'\"<>()]+)")


def display_source(source: str) -> str:
    """An input as a report names it: a URL or a relative path as given, an absolute path by its file name
    only (it tells where the analyst keeps files, which a shared report should not)."""
    if PurePosixPath(source).is_absolute() or PureWindowsPath(source).is_absolute() or source[:2] == "~/":
        return PureWindowsPath(source).name or source  # a Windows path object splits on "/" and "\\"
    return source


def hide_local_paths(text: str) -> str:
    """``text`` (a skip reason, say) with every absolute local path cut to its file name."""
    return LOCAL_PATH.sub(lambda match: match.group(1), text)
