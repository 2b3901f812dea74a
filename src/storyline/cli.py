"""The ``storyline`` command: parses arguments, calls the library, prints with rich. No analysis here.

Exit codes: 0 success; 1 nothing could be analysed, or a ``StorylineError`` (bad input, a store that cannot
be opened or written, a setting that cannot work), printed as one line ``storyline: <message>``; 2 bad
usage (unknown option, missing path).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from storyline import pipeline
from storyline.config import EngineSettings, ServerSettings, Settings
from storyline.errors import StorylineError, StorylineInputError
from storyline.records import Article, Brief, SkippedInput
from storyline.report import exports, html, json_report, markdown
from storyline.store import Store

app = typer.Typer(
    help="Turn news articles about developing stories into a sourced brief.",
    no_args_is_help=True,
    add_completion=False,
)
# Markup off: paths, URLs, titles and outlets are user text, and "[red]" or "[/x]" in them must print as
# written (Rich would style it, drop it or raise MarkupError). Only our own fixed strings opt in.
err = Console(stderr=True, markup=False)

PathsArgument = Annotated[
    list[str],
    typer.Argument(help="Files, directories (read recursively) or http(s) URLs.", show_default=False),
]


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class ListingFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="Where the per-article stages run: local (worker processes) or dask (dask.distributed).",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
]
MetaOption = Annotated[
    Path | None,
    typer.Option("--meta", help="CSV mapping files to outlet/published/author/title/url.", exists=True),
]


@contextlib.contextmanager
def _one_line_errors() -> Iterator[None]:
    """A ``StorylineError`` becomes one line on stderr and exit code 1; anything else is a bug and keeps
    its traceback. Plain ``typer.echo``: rich would wrap a long path over several lines."""
    try:
        yield
    except StorylineError as error:
        typer.echo(f"storyline: {error}", err=True)
        raise typer.Exit(1) from None


def _check_paths(paths: list[str]) -> None:
    for path in paths:
        if not path.startswith(("http://", "https://")) and not Path(path).exists():
            raise typer.BadParameter(f"{path}: no such file or directory", param_hint="PATH")


class _ProgressReporter:
    """Draws one progress line on stderr and prints each skipped input as one line above it."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("Analysing", total=None, articles=0)

    def __call__(self, done: int, item: Article | SkippedInput) -> None:
        if isinstance(item, SkippedInput):
            self.progress.console.print(f"[yellow]skipped[/] {escape(str(item))}", markup=True)
        self.progress.update(self.task, completed=done, articles=done)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        TextColumn("{task.completed} inputs"),
        TaskProgressColumn(show_speed=True),  # without a total it shows the rate, inputs/s
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _summary(brief: Brief) -> Table:
    table = Table(title="Storyline brief", show_header=False)
    table.add_row("articles analysed", str(len(brief.articles)))
    table.add_row("inputs skipped", str(len(brief.skipped)))
    table.add_row("entities", str(len(brief.entities)))
    table.add_row("claims", str(len(brief.claims)))
    table.add_row("copy relations", str(len(brief.copies)))
    table.add_row("stories", str(len(brief.stories)))
    return table


def _check_writable(*outputs: Path | None) -> None:
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
def _writing(path: Path) -> Iterator[None]:
    """A write that fails anyway (the disk filled meanwhile) is one line naming the file."""
    try:
        yield
    except OSError as error:
        raise StorylineInputError(str(path), f"cannot write ({error.strerror})") from None
    err.print(f"wrote {path}")


def _write_reports(
    brief: Brief, json_path: Path | None, html_path: Path | None, md_path: Path | None
) -> None:
    if json_path:
        with _writing(json_path):
            json_report.write_json(brief, json_path)
    if html_path:
        with _writing(html_path):
            html_path.write_text(html.render_html(brief), encoding="utf-8")
    if md_path:
        with _writing(md_path):
            md_path.write_text(markdown.render_markdown(brief), encoding="utf-8")


@app.command()
def analyze(
    paths: PathsArgument,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the brief as JSON here.")] = None,
    html_path: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the HTML report here.")
    ] = None,
    md_path: Annotated[Path | None, typer.Option("--md", help="Write the Markdown report here.")] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Keep the store in this SQLite file (or a database URL).")
    ] = None,
    meta: MetaOption = None,
    story: Annotated[
        str | None, typer.Option("--story", help="Brief one stored story only (ids: `storyline stories`).")
    ] = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
) -> None:
    """Analyse articles into a sourced brief: entities, claims, copies, stories, ledger, timeline."""
    _check_paths(paths)
    settings = _engine_settings(engine, scheduler)
    with _one_line_errors():
        _check_writable(json_path, html_path, md_path)
    with _one_line_errors(), _progress() as progress:
        brief = pipeline.analyze(
            paths,
            db=db,
            meta_csv=meta,
            on_progress=_ProgressReporter(progress),
            settings=settings,
            story=story,
        )
    err.print(_summary(brief))
    if not brief.articles:
        typer.echo("storyline: nothing could be analysed", err=True)
        raise typer.Exit(1)
    with _one_line_errors():
        _write_reports(brief, json_path, html_path, md_path)
    if not (json_path or html_path or md_path):
        typer.echo(brief.to_json())


@app.command()
def ingest(
    paths: PathsArgument,
    db: Annotated[str, typer.Option("--db", help="The SQLite file (or database URL) to add articles to.")],
    meta: MetaOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
) -> None:
    """Add articles to a persistent store; articles already stored are skipped. Each new article joins
    a stored story or starts one."""
    _check_paths(paths)
    settings = _engine_settings(engine, scheduler)
    with _one_line_errors(), Store.open(db) as store, _progress() as progress:
        inputs = pipeline.iter_articles(paths, settings, meta)
        # The ingest's own count: another process may be adding to the same store meanwhile.
        result = pipeline.ingest_articles(store, inputs, settings, _ProgressReporter(progress))
        held = store.count_articles()
    added = len(result.added)
    err.print(f"added {added} articles, skipped {len(result.skipped)} inputs; the store holds {held}")
    if held == 0:
        raise typer.Exit(1)


def _engine_settings(engine: Engine, scheduler: str | None) -> Settings:
    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    return Settings(
        engine=EngineSettings(name="dask" if engine is Engine.dask else "local", scheduler=scheduler)
    )


@app.command()
def stories(
    db: Annotated[str, typer.Option("--db", help="The SQLite file (or database URL) to list stories of.")],
    output_format: Annotated[
        ListingFormat,
        typer.Option(
            "--format",
            help="table (on screen), jsonl (one story a line) or csv (a column per source outlet).",
        ),
    ] = ListingFormat.table,
) -> None:
    """List the stories of a store: id, title, articles, first and last dates, representative article."""
    from storyline.stages.stories.cluster import list_stories

    with _one_line_errors(), Store.open(db) as store:
        listing = list_stories(
            store.load_story_tracks(), store.load_article_outlets(), store.load_story_events()
        )
    if output_format is ListingFormat.jsonl:
        for row in listing.rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif output_format is ListingFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=listing.columns, extrasaction="ignore")
        # Outlet names are the header: neutralised like every cell (a spreadsheet runs "@SUM(A1)" there too).
        writer.writerow({column: exports.neutralise_cell(column) for column in listing.columns})
        writer.writerows(
            {key: exports.neutralise_cell(value) for key, value in {**row, **row["outlets"]}.items()}
            for row in listing.rows
        )
    else:
        table = Table(title=f"{len(listing.rows)} stories")
        shown = ("id", "articles", "first_date", "last_date", "title")
        for column in (*shown, "merges/splits"):
            table.add_column(column)
        for row in listing.rows:
            changes = "; ".join(f"{event['kind']} {event['other']}" for event in row["events"])
            table.add_row(*(Text(str(row[column] or "")) for column in shown), Text(changes))
        Console(markup=False, highlight=False).print(table)


@app.command()
def export(
    db: Annotated[str, typer.Option("--db", help="The SQLite file (or database URL) to export from.")],
    export_format: Annotated[
        exports.ExportFormat,
        typer.Option(
            "--format",
            help="json (the brief), jsonl (claims), csv (the ledger, a column per source), md (the "
            "Markdown report) or jsonld (ledger positions as schema.org ClaimReview).",
        ),
    ] = exports.ExportFormat.json,
    story: Annotated[
        str | None, typer.Option("--story", help="Export one story only (ids: `storyline stories`).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of to standard output.")
    ] = None,
) -> None:
    """Export a store's brief, or one story of it, in one of the formats the API's /api/export serves."""
    with _one_line_errors(), Store.open(db, create=False) as store:
        _check_writable(output)
        brief = pipeline.load_brief(store)
        if story is not None:
            brief = exports.story_brief(brief, story)
        text = exports.EXPORTS[export_format].render(brief)
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))  # a terminal's prompt starts on a line of its own
        return
    with _one_line_errors(), _writing(output):
        output.write_text(text, encoding="utf-8")


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="The SQLite file (or database URL) to serve.")],
    host: Annotated[str, typer.Option(help="Address to listen on (loopback unless you mean to share).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A host name clients reach this server by (repeatable); loopback names and --host are "
            "always answered, any other Host header is refused (DNS rebinding).",
        ),
    ] = None,
    token_for_reads: Annotated[
        bool,
        typer.Option("--token-for-reads", help="Reads need the token too (a browser opens /?token=… once)."),
    ] = False,
) -> None:
    """Serve the store in the browser (web UI at /, JSON API at /api, API docs at /docs)."""
    # Imported here: the server's packages (FastAPI, uvicorn) are needed by this command only.
    import uvicorn

    from storyline.server.app import (
        TOKEN_ENVIRONMENT_VARIABLE,
        check_token,
        create_app,
        generate_token,
        uvicorn_options,
    )

    token = os.environ.get(TOKEN_ENVIRONMENT_VARIABLE, "")
    with _one_line_errors(), Store.open(db) as store:
        if token:
            check_token(token)  # before loading the store: a blank or short token is refused at once
        else:
            token = generate_token()
            err.print(f"write token (set {TOKEN_ENVIRONMENT_VARIABLE} to choose one): {token}")
        err.print(f"loading {db} …")
        server_settings = ServerSettings(
            allowed_hosts=(host, *(allow_host or ())), token_for_reads=token_for_reads
        )
        web_app = create_app(store, token, Settings(server=server_settings))
        err.print(f"serving on http://{host}:{port}/")
        options = uvicorn_options(server_settings)
        uvicorn.run(web_app, host=host, port=port, log_level="warning", **options)
