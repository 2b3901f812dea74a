"""The commands that analyse: ``analyze`` (inputs → a brief and its reports) and ``ingest`` (inputs → a
store). Both run one ingest (``pipeline.ingest_articles``) under a progress bar and end an interruption
with one line saying what was kept.

Every article is stored in its own transaction as it finishes, so Ctrl-C loses only the articles in
flight; the line says how many the store holds and that the same command resumes (exit code 130, the
shell's code for SIGINT). The pipeline and the store are imported inside the commands.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from storyline.cli.common import check_paths, check_writable, err, fail, one_line_errors, writing

if TYPE_CHECKING:
    from storyline.cli.progress import InputSurvey
    from storyline.config import Settings
    from storyline.pipeline import IngestResult
    from storyline.records import Brief
    from storyline.store import Store

INTERRUPTED_EXIT = 130  # 128 + SIGINT, what a shell reports for a command stopped with Ctrl-C


class Engine(StrEnum):
    local = "local"
    dask = "dask"


PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH...", help="Files, directories (read recursively) or http(s) URLs.", show_default=False
    ),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        metavar="local|dask",
        help="Where the per-article stages run: local (worker processes) or dask (dask.distributed).",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); default: a local cluster.",
    ),
]
MetaOption = Annotated[
    Path | None,
    typer.Option(
        "--meta",
        metavar="CSV",
        help="A CSV file mapping input files to outlet/published/author/title/url.",
        exists=True,
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No progress bar and no summary; skipped inputs and errors only."),
]


def _output_option(flag: str, what: str, short: str | None = None) -> typer.models.OptionInfo:
    names = (flag, short) if short else (flag,)
    return typer.Option(*names, metavar="FILE", help=f"Write {what} here.")


def analyze(
    paths: PathsArgument,
    json_path: Annotated[Path | None, _output_option("--json", "the brief as JSON")] = None,
    html_path: Annotated[Path | None, _output_option("--output", "the HTML report", "-o")] = None,
    md_path: Annotated[Path | None, _output_option("--md", "the Markdown report")] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="DB",
            help="Keep the store in this SQLite file (or a database URL); a re-run resumes.",
        ),
    ] = None,
    meta: MetaOption = None,
    story: Annotated[
        str | None,
        typer.Option("--story", metavar="ID", help="Brief one stored story only (ids: `storyline stories`)."),
    ] = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Analyse articles into a sourced brief: entities, claims, copies, stories, ledger, timeline."""
    check_paths(paths)
    settings = _engine_settings(engine, scheduler)
    with one_line_errors():
        check_writable(json_path, html_path, md_path)
    # After the checks: a usage error answers before spaCy is imported.
    from storyline import pipeline
    from storyline.store import Store

    run = _Run(db, quiet)
    with run.interruptible(), one_line_errors(), Store.open(db) as store:
        result = run.ingest(store, paths, settings, meta)
        with run.building_brief():
            brief = pipeline.stored_brief(store, story, settings)
    brief = dataclasses.replace(brief, skipped=result.skipped)
    if story is not None and not quiet:
        _say_if_joined(story, brief)
    if not brief.articles:
        fail(f"nothing could be analysed: {run.nothing_usable(result)}")
    if not quiet:
        err.print(_summary(brief, len(result.already_stored)))
    with one_line_errors():
        _write_reports(brief, json_path, html_path, md_path)
    if not (json_path or html_path or md_path):
        typer.echo(brief.to_json())


def _say_if_joined(asked: str, brief: Brief) -> None:
    """An event story's id finds the developing story that joined it: say so, not as if it were the same."""
    shown = [story.id for story in brief.stories]
    if shown and shown != [asked]:
        err.print(f"story {asked} is part of the developing story {shown[0]}: its brief follows")


def ingest(
    paths: PathsArgument,
    db: Annotated[
        str,
        typer.Option("--db", metavar="DB", help="The SQLite file (or database URL) to add articles to."),
    ],
    meta: MetaOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Add articles to a persistent store; articles already stored are skipped.

    Each new article joins a stored story or starts one."""
    check_paths(paths)
    settings = _engine_settings(engine, scheduler)
    from storyline.store import Store

    run = _Run(db, quiet)
    with run.interruptible(), one_line_errors(), Store.open(db) as store:
        result = run.ingest(store, paths, settings, meta)
        # The ingest's own count: another process may be adding to the same store meanwhile.
        held = store.count_articles()
    err.print(
        f"added {len(result.added)} articles, skipped {len(result.skipped)} inputs, "
        f"{len(result.already_stored)} already in the store; the store holds {held}"
    )
    if held == 0:
        fail(f"nothing stored: {run.nothing_usable(result)}")


class _Run:
    """One ingest under a progress bar, and what it has stored so far should it be interrupted."""

    def __init__(self, db: str | None, quiet: bool) -> None:
        self.db = db
        self.quiet = quiet
        self.held_before = 0
        self.stored_now = 0
        self.survey: InputSurvey | None = None

    def ingest(self, store: Store, paths: list[str], settings: Settings, meta: Path | None) -> IngestResult:
        from storyline import pipeline
        from storyline.cli.progress import ProgressReporter, progress_display, survey_inputs

        self.held_before = store.count_articles()
        self.survey = survey_inputs(paths, settings.ingest, meta)
        with progress_display(self.quiet) as progress:
            reporter = ProgressReporter(progress, self.survey.expected)
            items = pipeline.iter_articles(paths, settings, meta)
            try:
                result = pipeline.ingest_articles(store, items, settings, reporter)
            finally:
                self.stored_now = reporter.stored
        if result.already_stored:
            err.print(f"{len(result.already_stored)} already in the store, skipped")
        return result

    def building_brief(self) -> contextlib.AbstractContextManager[object]:
        """A spinner while the cross-article stages run (minutes on a large store)."""
        if self.quiet:
            return contextlib.nullcontext()
        return err.status("Linking articles: entities, copies, stories, ledger, timeline …")

    def nothing_usable(self, result: IngestResult) -> str:
        from storyline.cli.progress import InputSurvey, nothing_usable

        return nothing_usable(self.survey or InputSurvey(), result.skipped)

    @contextlib.contextmanager
    def interruptible(self) -> Iterator[None]:
        """Ctrl-C ends the run with one line saying what the store kept, and exit code 130."""
        try:
            yield
        except KeyboardInterrupt:
            if self.db is None:
                kept = "nothing stored (without --db the store is temporary)"
            else:
                stored = self.held_before + self.stored_now
                kept = f"{stored} articles stored in {self.db}; run the same command again to resume"
            fail(f"interrupted — {kept}", INTERRUPTED_EXIT)


def _engine_settings(engine: Engine, scheduler: str | None) -> Settings:
    from storyline.config import EngineSettings, Settings

    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    return Settings(
        engine=EngineSettings(name="dask" if engine is Engine.dask else "local", scheduler=scheduler)
    )


def _summary(brief: Brief, already_stored: int) -> Table:
    table = Table(title="Storyline brief", show_header=False)
    table.add_row("articles in the brief", str(len(brief.articles)))
    table.add_row("already in the store", str(already_stored))
    table.add_row("inputs skipped", str(len(brief.skipped)))
    table.add_row("entities", str(len(brief.entities)))
    table.add_row("claims", str(len(brief.claims)))
    table.add_row("copy relations", str(len(brief.copies)))
    table.add_row("stories", str(len(brief.stories)))
    return table


def _write_reports(
    brief: Brief, json_path: Path | None, html_path: Path | None, md_path: Path | None
) -> None:
    from storyline.report import html, json_report, markdown

    if json_path:
        with writing(json_path):
            json_report.write_json(brief, json_path)
    if html_path:
        with writing(html_path):
            html_path.write_text(html.render_html(brief), encoding="utf-8")
    if md_path:
        with writing(md_path):
            md_path.write_text(markdown.render_markdown(brief), encoding="utf-8")
