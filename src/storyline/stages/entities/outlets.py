"""The news outlet a dateline credits: "QUETTA, Nov 26 (South Asia Wire) - …".

A wire service or paper in brackets between a dateline's place (and date) and its dash is who filed the
report: an organisation, the one the report names again where a source talks to it ("Bugti told South Asia
Wire …"), which the small model, reading an unknown name, tags a place or misses at the dateline. Here the
bracketed name becomes an organisation's mention, and every other mention of the article written the same
way is relabelled an organisation, so the two meet. Only a dateline opening a line, its bracket before the
dash: a bracketed name further on is as often an acronym or a place. Issue #17, generalise kalat-hostages.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.records import Mention
from storyline.stages.entities.lexicon import fold_name

__all__ = ["dateline_outlets"]

# A line opening in capitals (the dateline's place), then at most 40 characters (a country, a date), the
# outlet's capitalised name in brackets, and the dateline's dash.
DATELINE_OUTLET = re.compile(
    r"(?m)^[^\W\d_a-z][^\W\d_a-z /'-]{2,}(?:,[^\n()]{0,40}?)?\s*"
    r"\((?P<outlet>[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,4})\)\s*[-—–]\s"
)


def dateline_outlets(text: str, article_id: str, names: list[Mention]) -> list[Mention]:
    """The names with each dateline's outlet an organisation: its bracketed name a mention (in place of
    any mention the model drew over it) and the article's other mentions of the same name relabelled."""
    outlets = {}
    for match in DATELINE_OUTLET.finditer(text):
        start, end = match.span("outlet")
        outlets[fold_name(match["outlet"])] = Mention(article_id, start, end, match["outlet"], "ORG")
    if not outlets:
        return names
    spans = [(outlet.start, outlet.end) for outlet in outlets.values()]
    kept = [m for m in names if not any(m.start < e and s < m.end for s, e in spans)]
    relabelled = [
        replace(m, label="ORG") if fold_name(m.text) in outlets and m.refers_to is None else m for m in kept
    ]
    return sorted(relabelled + list(outlets.values()), key=lambda m: (m.start, m.end))
