"""The ``storyline`` command: parses arguments, calls the library, prints with rich. No analysis here.

Start-up is the user's first impression and ``--help`` is most of its uses: this package imports typer,
rich and the light records only; each command imports the pipeline, the store or the server when it runs
(spaCy alone costs seconds). ``tests/test_cli_startup.py`` guards that.

Exit codes: 0 success; 1 nothing could be analysed, or a ``StorylineError`` (bad input, a store that cannot
be opened or written, a setting that cannot work), printed as one line ``storyline: <message>``; 2 bad
usage (unknown option, missing path, a store to read that does not exist); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli import analysis, stores
from storyline.cli.help import ReadableCommand, ReadableGroup

app = typer.Typer(
    cls=ReadableGroup,
    no_args_is_help=True,
    add_completion=False,
)


def _print_version(wanted: bool) -> None:
    if wanted:
        import storyline

        typer.echo(f"storyline {storyline.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn news articles about developing stories into a sourced brief."""


for command in (analysis.analyze, analysis.ingest, stores.stories, stores.export, stores.serve):
    app.command(cls=ReadableCommand)(command)

__all__ = ["app"]
