"""The commands that read a store: ``stories``, ``export`` and ``serve``.

Each opens an existing store only (``existing_store``): a ``--db`` that names nothing is a usage error, not
a new empty store. The store, the stages and the server are imported inside each command, so that
``storyline --help`` does not pay for them.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from storyline.cli.common import check_writable, err, existing_store, one_line_errors, writing


class ListingFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _db_option(purpose: str) -> Any:
    return typer.Option("--db", metavar="DB", help=f"The SQLite file (or database URL) {purpose}.")


# The names of ``report.exports.ExportFormat``, checked in the command: importing that module (with the HTML
# and Markdown renderers) for the option's type would cost every command's start-up a third of a second.
EXPORT_FORMAT_HELP = (
    "json (the brief), jsonl (claims), csv (the ledger, a column per source), md (the Markdown report) or "
    "jsonld (ledger positions as schema.org ClaimReview)."
)


def stories(
    db: Annotated[str, _db_option("to list stories of")],
    output_format: Annotated[
        ListingFormat,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="table (on screen), jsonl (one story a line) or csv (a column per source outlet).",
        ),
    ] = ListingFormat.table,
) -> None:
    """List the stories of a store as its brief shows them (developing stories, each naming the event
    stories it joined): id, title, articles, first and last dates, representative article."""
    with one_line_errors(), existing_store(db) as store:
        # after the store check: a typo is quick
        from storyline.pipeline import load_stories
        from storyline.stages.stories.listing import list_stories

        listing = list_stories(
            store.load_story_tracks(),
            store.load_article_outlets(),
            store.load_story_events(),
            shown=load_stories(store),
        )
    if output_format is ListingFormat.jsonl:
        for row in listing.rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif output_format is ListingFormat.csv:
        _print_csv(listing.columns, listing.rows)
    else:
        Console(markup=False, highlight=False).print(_story_table(listing.rows))


def _print_csv(columns: list[str], rows: list[dict[str, Any]]) -> None:
    from storyline.report.exports import neutralise_cell

    writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
    # Outlet names are the header: neutralised like every cell (a spreadsheet runs "@SUM(A1)" there too).
    writer.writerow({column: neutralise_cell(column) for column in columns})
    writer.writerows(
        {key: neutralise_cell(_cell(value)) for key, value in {**row, **row["outlets"]}.items()}
        for row in rows
    )


def _cell(value: object) -> object:
    """A list (the event stories a story joined) as one cell, its ids separated by spaces."""
    return " ".join(map(str, value)) if isinstance(value, list) else value


def _story_table(rows: list[dict[str, Any]]) -> Table:
    """The listing on screen. The id column never wraps or shrinks: it is what ``--story`` takes, and a
    narrow terminal cut it to "s-3f9…" before. Titles wrap instead; the merges/splits column is shown
    only when some story has one, so that a title keeps room on an 80-column terminal."""
    table = Table(title=f"{len(rows)} stories")
    id_width = max((len(str(row["id"])) for row in rows), default=2)
    table.add_column("id", no_wrap=True, min_width=id_width)
    shown = ("articles", "first_date", "last_date", "title")
    for column in shown:
        table.add_column(column, no_wrap=column != "title")
    with_joins = any(row["joined"] for row in rows)
    if with_joins:  # the ids of event stories a developing story joined: they find it too
        table.add_column("joined", no_wrap=True)
    with_changes = any(row["events"] for row in rows)
    if with_changes:
        table.add_column("merges/splits")
    for row in rows:
        cells = [Text(str(row["id"])), *(Text(str(row[column] or "")) for column in shown)]
        if with_joins:
            cells.append(Text("\n".join(row["joined"])))
        if with_changes:
            cells.append(Text("; ".join(f"{event['kind']} {event['other']}" for event in row["events"])))
        table.add_row(*cells)
    return table


def export(
    db: Annotated[str, _db_option("to export from")],
    export_format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help=EXPORT_FORMAT_HELP)
    ] = "json",
    story: Annotated[
        str | None,
        typer.Option("--story", metavar="ID", help="Export one story only (ids: `storyline stories`)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead of to standard output."),
    ] = None,
) -> None:
    """Export a store's brief, or one story of it, in one of the formats the API's /api/export serves."""
    from storyline import pipeline
    from storyline.report import exports

    if export_format not in set(exports.ExportFormat):
        choices = ", ".join(exports.ExportFormat)
        raise typer.BadParameter(f"{export_format!r} is not one of {choices}", param_hint="'--format'")
    with one_line_errors(), existing_store(db) as store:
        check_writable(output)
        brief = pipeline.load_brief(store)
        if story is not None:
            brief = exports.story_brief(brief, story, pipeline.story_aliases(store, brief.stories))
        text = exports.EXPORTS[exports.ExportFormat(export_format)].render(brief)
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))  # a terminal's prompt starts on a line of its own
        return
    with one_line_errors(), writing(output):
        output.write_text(text, encoding="utf-8")


def serve(
    db: Annotated[str, _db_option("to serve")],
    host: Annotated[
        str,
        typer.Option(metavar="ADDRESS", help="Address to listen on (loopback unless you mean to share)."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            metavar="NAME",
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

    from storyline.config import ServerSettings, Settings
    from storyline.server.app import (
        TOKEN_ENVIRONMENT_VARIABLE,
        check_token,
        create_app,
        generate_token,
        uvicorn_options,
    )

    token = os.environ.get(TOKEN_ENVIRONMENT_VARIABLE, "")
    with one_line_errors():
        if token:
            check_token(token)  # before loading the store: a blank or short token is refused at once
    with one_line_errors(), existing_store(db) as store:
        shown_token = "$" + TOKEN_ENVIRONMENT_VARIABLE if token else ""
        if not token:
            token = shown_token = generate_token()
            err.print(
                f"write token (set {TOKEN_ENVIRONMENT_VARIABLE} to choose one): {token}", soft_wrap=True
            )
        err.print(f"loading {db} …")
        server_settings = ServerSettings(
            allowed_hosts=(host, *(allow_host or ())), token_for_reads=token_for_reads
        )
        web_app = create_app(store, token, Settings(server=server_settings))
        # The writer process starts now and loads spaCy and lingua while the server already answers
        # reads, so the first write does not wait for them (issue #20).
        web_app.state.storyline.start_writer()
        err.print(f"serving on http://{host}:{port}/")
        # The pages' correction forms write: opening this address once gives the browser the token's cookie.
        err.print(
            f"to correct in the browser, open once: http://{host}:{port}/?token={shown_token}", soft_wrap=True
        )
        options = uvicorn_options(server_settings)
        uvicorn.run(web_app, host=host, port=port, log_level="warning", **options)
