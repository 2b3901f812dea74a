"""`storyline --help` answers at once and reads like a manual (issue #18).

Start-up speed is measured in benchmarks/cli_startup.py; here it is guarded by what it depends on: which
modules the command line imports before a command runs.
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from storyline.cli import app

HEAVY_MODULES = (
    "spacy",
    "lingua",
    "sentence_transformers",
    "torch",
    "pandas",
    "sqlalchemy",
    "fastapi",
    "uvicorn",
    "trafilatura",
    "storyline.pipeline",
    "storyline.store",
    "storyline.server",
    "storyline.report",
)
COMMANDS = ("analyze", "ingest", "stories", "export", "serve")


def heavy_modules_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter holds after running ``code``."""
    probe = f"{code}\nimport sys\nprint(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return eval(result.stdout.strip().splitlines()[-1])  # a list literal printed by the probe


def test_importing_the_command_line_loads_no_heavy_module() -> None:
    assert heavy_modules_after("import storyline.cli") == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["analyze", "--help"],
        ["serve", "--help"],
        ["analyze", "--no-such-option", "x"],
        ["analyze", "/no/such/path"],
        ["analyze", ".", "--scheduler", "tcp://host:8786"],  # --scheduler needs --engine dask
    ],
)
def test_help_and_usage_errors_load_no_heavy_module(arguments: list[str]) -> None:
    code = (
        "import contextlib\nfrom storyline.cli import app\n"
        f"with contextlib.suppress(SystemExit):\n    app({arguments!r}, prog_name='storyline')"
    )
    assert heavy_modules_after(code) == []


def test_the_store_opens_without_the_models() -> None:
    """`stories`, `export` and a reader's missing-store error need the store only: it must not bring spaCy
    (the corrections it reads once did, through the ledger stage: 3 s before a missing store was named)."""
    loaded = heavy_modules_after("import storyline.store")
    assert not {"spacy", "lingua", "torch", "sentence_transformers", "storyline.pipeline"} & set(loaded)


def test_version_is_the_installed_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"storyline {importlib.metadata.version('storyline')}"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_readable_names_not_python_types(command: str | None) -> None:
    arguments = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(app, arguments, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(list|str|bool|path|int)[^>]*>|\{paths\}", result.output), result.output
    if command in ("analyze", "ingest"):
        assert f"{command} [OPTIONS] PATH..." in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_says_what_it_does(command: str) -> None:
    group = get_command(app)
    click_command = group.get_command(None, command)
    for param in click_command.params:
        assert getattr(param, "help", None), f"{command} {param.name}: no help"
        if not getattr(param, "is_flag", False):
            # a word (FILE, DB, PATH...) or the choices (local|dask), never a Python type
            assert param.metavar and not re.search(r"[<>{}\[\]]", param.metavar), (command, param.name)


def test_a_usage_error_names_the_argument_by_its_metavar() -> None:
    result = CliRunner().invoke(app, ["analyze"])
    assert result.exit_code == 2
    assert "PATH..." in result.output and "{paths}" not in result.output
