"""What a long run shows while it works and says when it stops: the inputs counted before the first parse,
a bar with its total and time remaining, the inputs a resumed run found stored, and why nothing was usable.

Counting walks the given folders without reading files (a JSON Lines file is scanned for its lines), so
the total is on screen within a second while the first article still waits for spaCy to load. Where a
count cannot be known without reading (a feed, a URL, a compressed JSON Lines file) the bar runs without a
total and says so. Skipped inputs print one line each above the bar.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from storyline.cli.common import err
from storyline.config import IngestSettings
from storyline.records import Article, SkippedInput
from storyline.stages.ingest.compressed import content_suffix
from storyline.stages.ingest.formats import FORMAT_BY_SUFFIX, SINGLE_ARTICLE_FORMATS
from storyline.stages.ingest.inputs import SIDECAR_NAME, walk_files

# Reasons shown when every input was skipped; the lines above the summary name each input.
REASONS_SHOWN = 3


@dataclass
class InputSurvey:
    """What the given paths hold before anything is read: files found under each path (a named file
    counts 1; URLs and texts in hand are absent) and the inputs the run will report, None when some
    input's count is only known once it is read."""

    files_by_path: dict[str, int] = field(default_factory=dict)
    expected: int | None = 0

    def add(self, count: int | None) -> None:
        self.expected = None if count is None or self.expected is None else self.expected + count


def survey_inputs(paths: Sequence[str], settings: IngestSettings, meta: Path | None) -> InputSurvey:
    survey = InputSurvey()
    for given in paths:
        root = Path(given)
        if "://" in given or not root.exists():
            survey.add(None)
            continue
        files = [path for path in walk_files(root) if path.name != SIDECAR_NAME] if root.is_dir() else [root]
        if meta is not None:
            files = [path for path in files if path.resolve() != meta.resolve()]
        survey.files_by_path[given] = len(files)
        for path in files:
            survey.add(_inputs_in(path, settings.max_file_bytes))
    return survey


def _inputs_in(path: Path, max_bytes: int) -> int | None:
    """The inputs one file yields: one for a single article (or a file that will be skipped), a line each
    for JSON Lines, unknown for a feed or compressed JSON Lines."""
    input_format = FORMAT_BY_SUFFIX.get(content_suffix(path.name))
    if input_format is None or input_format in SINGLE_ARTICLE_FORMATS:
        return 1
    try:
        size = path.stat().st_size
    except OSError:
        return 1  # reported as skipped when read
    if size > max_bytes:
        return 1  # refused whole
    if input_format != "jsonl" or path.name.lower().endswith(".gz"):
        return None
    with path.open("rb") as lines:
        return max(1, sum(1 for line in lines if line.strip()))


def progress_display(quiet: bool, console: Console = err) -> Progress:
    """The bar on stderr, drawn only on a terminal and not with --quiet. (Rich would leave out the bar on
    a pipe by itself but still end it with an empty line.)"""
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("inputs"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )


class ProgressReporter:
    """Advances the bar for each input finished (analysed, skipped, or found already stored) and counts
    the articles this run stored, for the message an interruption prints."""

    def __init__(self, progress: Progress, expected: int | None) -> None:
        self.progress = progress
        self.task: TaskID = progress.add_task("Reading inputs…", total=expected)
        self.stored = 0
        self.already_stored = 0

    def __call__(self, done: int, item: object) -> None:
        """The pipeline's progress callback: ``item`` is the article analysed and stored, the input skipped,
        or (``pipeline.AlreadyStored``) an article the store held already."""
        if isinstance(item, SkippedInput):
            self.progress.console.print(f"[yellow]skipped[/] {escape(str(item))}", markup=True)
        elif isinstance(item, Article):
            self.stored += 1
        else:
            self.already_stored += 1
        self.progress.update(self.task, completed=done, description="Analysing")


def nothing_usable(survey: InputSurvey, skipped: Sequence[SkippedInput]) -> str:
    """Why a run stored nothing: the folders that held no files, and what was wrong with the inputs read."""
    readable = " ".join(sorted(FORMAT_BY_SUFFIX))
    parts = [
        f"{path}: no files found{' but hidden ones' if _has_hidden(path) else ''} (readable: {readable})"
        for path, files in survey.files_by_path.items()
        if files == 0
    ]
    if skipped:
        reasons = Counter(item.reason for item in skipped).most_common()
        shown = ", ".join(f"{count}× {reason}" for reason, count in reasons[:REASONS_SHOWN])
        more = f" and {len(reasons) - REASONS_SHOWN} other reasons" if len(reasons) > REASONS_SHOWN else ""
        parts.append(f"{len(skipped)} inputs read, all skipped: {shown}{more}")
    return "; ".join(parts) or "no input held an article"


def _has_hidden(path: str) -> bool:
    return Path(path).is_dir() and any(name.startswith(".") for name in os.listdir(path))
