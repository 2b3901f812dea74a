"""Storyline: turn news articles about developing stories into a sourced brief.

>>> import storyline
>>> brief = storyline.analyze(["examples/demo"])      # files, directories or URLs
>>> brief = storyline.analyze(["Headline\nText of an article…"])   # or texts in hand
>>> brief.to_json()
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# Torch's OpenMP threads (the story and proposition embeddings) spin between operations by default, burning
# the cores the worker processes and other programs need: on a busy 2-core host, 600 claim contents took
# 16.7 s of CPU on two threads spinning against 5.0 s passive (4.9 s on one thread). The OpenMP runtime reads
# this when it loads, which importing spaCy does (thinc imports torch), so it is set here, before any stage
# is imported; a value the user set is kept.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from storyline.records import Brief

if TYPE_CHECKING:
    from storyline.pipeline import analyze

__all__ = ["Brief", "__version__", "analyze"]


def __getattr__(name: str) -> Any:
    # The pipeline imports spaCy and every stage; load it on first use so that `import storyline.records`
    # (reports, the store, notebooks reading a saved brief) stays light.
    if name == "analyze":
        from storyline import pipeline

        return getattr(pipeline, name)
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


def _installed_version() -> str:
    """The version pyproject.toml gives, as installed: one place to change it. A checkout run from its
    sources without being installed has no metadata and says so."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("storyline")
    except PackageNotFoundError:
        return "unknown (not installed)"
