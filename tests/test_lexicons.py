"""The lexicons: every file parses through the one loader, every stage's typed view builds from it, and no
other module reads a lexicon file its own way."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import storyline
from storyline.lexicons import load_lexicon
from storyline.report.views import format_value, unit_word
from storyline.stages.claims.lexicon import claim_lexicon
from storyline.stages.clean.lexicon import clean_lexicon
from storyline.stages.clean.lines import is_name_line
from storyline.stages.dates.patterns import time_lexicon
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.quantities import number_lexicon

PACKAGE = Path(storyline.__file__).parent
LEXICONS = PACKAGE / "lexicons"
LOADER = LEXICONS / "__init__.py"
# Ingest reads ``storyline.toml`` sidecars: metadata the user writes beside an article, not a lexicon.
SIDECAR_READER = PACKAGE / "stages" / "ingest" / "inputs.py"

TYPED_VIEWS: list[Callable[[], Any]] = [
    clean_lexicon,
    time_lexicon,
    entity_lexicon,
    number_lexicon,
    claim_lexicon,
    ledger_lexicon,
]


@pytest.mark.parametrize("name", sorted(path.stem for path in LEXICONS.glob("*.toml")))
def test_every_lexicon_file_parses_through_the_loader(name: str) -> None:
    lexicon = load_lexicon(name)
    assert lexicon, f"{name}.toml is empty"
    assert load_lexicon(name) is lexicon  # parsed once per process


@pytest.mark.parametrize("view", TYPED_VIEWS, ids=lambda view: view.__name__)
def test_every_typed_view_builds(view: Callable[[], Any]) -> None:
    assert view() is view()


def _module_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports_tomllib(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(alias.name == "tomllib" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "tomllib":
            return True
    return False


def _call_arguments_naming_lexicons(tree: ast.Module) -> list[str]:
    """String arguments of calls that point into the lexicons folder (``resources.files``, ``joinpath``)."""
    return [
        argument.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for argument in node.args
        if isinstance(argument, ast.Constant)
        and isinstance(argument.value, str)
        and ("storyline.lexicons" in argument.value or "lexicons/" in argument.value)
    ]


def test_only_the_loader_reads_lexicon_files() -> None:
    modules = [path for path in PACKAGE.rglob("*.py") if path != LOADER]
    assert SIDECAR_READER in modules
    parsers = {path for path in modules if _imports_tomllib(_module_tree(path))}
    assert parsers <= {SIDECAR_READER}, f"tomllib outside the loader: {sorted(map(str, parsers))}"
    for path in modules:
        assert not _call_arguments_naming_lexicons(_module_tree(path)), f"{path} opens a lexicon file itself"


def test_time_counts_are_the_cardinal_words_and_time_counting_words() -> None:
    counts = time_lexicon().counts
    assert counts.items() >= load_lexicon("numbers")["words"].items()
    assert time_lexicon().count("three") == (3, False)
    assert time_lexicon().count("couple") == (2, False)
    assert time_lexicon().count("a few") == (3, True)


def test_name_particles_keep_a_name_line_a_name() -> None:
    lexicon = clean_lexicon()
    assert is_name_line("Ursula von der Leyen", lexicon.max_name_words, lexicon)
    assert not is_name_line("Ursula and the Leyen", lexicon.max_name_words, lexicon)


def test_display_words_name_existing_unit_classes() -> None:
    units = load_lexicon("units")
    assert set(units["display"]) <= set(units["classes"])
    assert unit_word("personnel") == "people"
    assert unit_word("ship") == "ship"  # no display word: the class name
    assert format_value(27.0, "personnel") == "27 people"
    assert format_value(2.5, "percent") == "2.5 percent"
