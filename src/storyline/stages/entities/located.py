"""Names that say where a described thing sits: "Quetta" of "the Quetta-based operator".

A name joined by a hyphen to a word of ``location_affixes`` ("-based", "-headquartered") modifies the
description it stands in; the phrase is the description of an organisation (the operator), not a mention of
the place as an actor, so the name must not block the description that holds it. The name's own mention (a
place) stays. Issue #17, generalise kalat-hostages: "the Quetta-based operator" went to Quetta.
"""

from __future__ import annotations

import re

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon

__all__ = ["locates_a_description"]

AFFIX = re.compile(r"[-‐–](\w+)")


def locates_a_description(text: str, name: Mention, lexicon: EntityLexicon) -> bool:
    """Whether the name is the place of a hyphenated location modifier ("Quetta|-based")."""
    affix = AFFIX.match(text, name.end)
    return affix is not None and affix.group(1).lower() in lexicon.location_affixes
