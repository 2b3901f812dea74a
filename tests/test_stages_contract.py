"""Each stage package's ``__init__`` is its contract: the pipeline calls nothing else of it.

"The pipeline" is two modules: ``pipeline`` (the corpus-wide run) and ``per_article`` (the stages each
worker runs on one article)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import storyline.per_article
import storyline.pipeline

STAGE_PACKAGES = ("ingest", "clean", "entities", "dates", "claims", "copies", "stories", "ledger")
# Stage packages that other stages call, not the pipeline (quantities: the claims stage and the ledger).
CALLED_BY_STAGES = ("quantities",)
STAGE_MODULES = ("language", "nlp", "timeline")
STAGES_DIR = Path(storyline.pipeline.__file__).parent / "stages"
PIPELINE_MODULES = (Path(storyline.pipeline.__file__), Path(storyline.per_article.__file__))


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
    used = set().union(*(_attributes_used(module, name) for module in PIPELINE_MODULES))
    assert used, f"the pipeline no longer calls the {name} stage"
    assert used <= set(package.__all__), f"{name}: pipeline uses {sorted(used - set(package.__all__))}"
    for exported in package.__all__:
        assert callable(getattr(package, exported))


def test_stages_folder_shows_the_pipeline() -> None:
    entries = {path.stem for path in STAGES_DIR.iterdir() if not path.name.startswith("__")}
    assert entries == set(STAGE_PACKAGES) | set(CALLED_BY_STAGES) | set(STAGE_MODULES)
    for name in STAGE_PACKAGES + CALLED_BY_STAGES:
        assert (STAGES_DIR / name / "__init__.py").is_file()


def _imported_modules(module_file: Path) -> set[str]:
    tree = ast.parse(module_file.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


@pytest.mark.parametrize("module_file", sorted(STAGES_DIR.rglob("*.py")), ids=lambda path: path.name)
def test_a_stage_uses_other_stages_only_through_their_contract(module_file: Path) -> None:
    own = module_file.relative_to(STAGES_DIR).parts[0].removesuffix(".py")
    for imported in _imported_modules(module_file):
        assert not imported.startswith(("storyline.store", "storyline.server", "storyline.cli")), imported
        assert imported != "storyline.pipeline", f"{module_file.name} imports the pipeline"
        parts = imported.split(".")
        if parts[:2] == ["storyline", "stages"] and len(parts) > 3 and parts[2] != own:
            pytest.fail(
                f"{module_file.name} reaches into {imported}; import from storyline.stages.{parts[2]}"
            )
