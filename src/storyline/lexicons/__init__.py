"""Storyline's word lists: data, not code. One loader for every stage.

Each ``*.toml`` file beside this one holds the words one or more stages look up (cue verbs, hedges, denial
words, unit classes, boilerplate patterns …), each list with a comment on where its entries come from.
Stages read them only through :func:`load_lexicon`, which parses a file once per process; a stage that
needs them typed or compiled builds its own cached view from the parsed tables, named after the stage
(``clean_lexicon()``, ``time_lexicon()``, ``entity_lexicon()``, ``number_lexicon()``, ``claim_lexicon()``,
``ledger_lexicon()``). Each word list is written once: a stage that needs another's list reads that file.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """One lexicon file (``"cues"`` → ``lexicons/cues.toml``), parsed once per process."""
    source = resources.files("storyline.lexicons").joinpath(f"{name}.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))
