"""Each stage package's ``__init__`` is its contract: the pipeline calls nothing else of it."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import storyline.pipeline

STAGE_PACKAGES = ("ingest", "entities", "dates", "claims", "copies", "stories", "ledger")
STAGE_MODULES = ("clean", "language", "nlp", "quantities", "timeline")
STAGES_DIR = Path(storyline.pipeline.__file__).parent / "stages"


def _attributes_used(module_file: Path, alias: str) -> set[str]:
    """Every ``alias.name`` the module's source reads."""
    tree = ast.parse(module_file.read_text(encoding="utf-8"))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == alias
    }


@pytest.mark.parametrize("name", STAGE_PACKAGES)
def test_pipeline_uses_only_the_package_contract(name: str) -> None:
    package = importlib.import_module(f"storyline.stages.{name}")
    used = _attributes_used(Path(storyline.pipeline.__file__), name)
    assert used, f"the pipeline no longer calls the {name} stage"
    assert used <= set(package.__all__), f"{name}: pipeline uses {sorted(used - set(package.__all__))}"
    for exported in package.__all__:
        assert callable(getattr(package, exported))


def test_stages_folder_shows_the_pipeline() -> None:
    entries = {path.stem for path in STAGES_DIR.iterdir() if not path.name.startswith("__")}
    assert entries == set(STAGE_PACKAGES) | set(STAGE_MODULES)
    for name in STAGE_PACKAGES:
        assert (STAGES_DIR / name / "__init__.py").is_file()
