"""Descriptions of an armed body by its kind: "the paramilitary force" after "the Frontier Corps (FC)".

News names a security body once, then calls it by what it is, in words its name does not hold ("force",
"paramilitary"), so no rule matching a description's words against names finds it. Each kind word of the
description gives the name words of bodies of that kind (``armed_force_kinds`` in ``lexicons/entities.toml``:
"paramilitary" → corps, rangers, gendarmerie …); the description stands for the one organisation named
before it whose name holds a word of every kind. Precision first: where two such bodies were named ("the
force" after an army and a corps), it stays unresolved. Issue #17, generalise kalat-hostages.
"""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, described_words, fold_name

__all__ = ["armed_body_antecedent"]


def armed_body_antecedent(
    description: str, start: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The one organisation named before ``start`` whose name fits every kind word of the description (its
    head one of ``armed_force_heads``), at its mention nearest the description; None if none or two."""
    words = described_words(description, lexicon)
    if not words or words[-1] not in lexicon.armed_force_heads:
        return None
    kinds = [lexicon.armed_force_kinds[word] for word in words if word in lexicon.armed_force_kinds]
    fitting = [
        org
        for org in organisations
        if org.end <= start and all(set(fold_name(org.text).split()) & kind for kind in kinds)
    ]
    if len({fold_name(org.text) for org in fitting}) != 1:
        return None
    return max(fitting, key=lambda org: org.start)
