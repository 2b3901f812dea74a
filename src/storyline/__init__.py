"""Storyline: turn news articles about developing stories into a sourced brief.

>>> import storyline
>>> brief = storyline.analyze(["examples/demo"])      # files, directories or URLs
>>> brief = storyline.analyze(["Headline\nText of an article…"])   # or texts in hand
>>> brief.to_json()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storyline.records import Brief

if TYPE_CHECKING:
    from storyline.pipeline import analyze

__all__ = ["Brief", "analyze"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pipeline imports spaCy and every stage; load it on first use so that `import storyline.records`
    # (reports, the store, notebooks reading a saved brief) stays light.
    if name == "analyze":
        from storyline import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
