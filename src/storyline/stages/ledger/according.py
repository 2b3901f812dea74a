"""An outlet's own figure that the words after it credit to a counter (``credited_by_tally``).

"… and it has helped 105,000 farmers in East Africa increase their yields, according to the foundation's
tally" (PolNeAR clinton-foundation-donors, issue #14): the claims stage reads the clause as the outlet's
own voice, yet the figure is the foundation's count, which the outlet only passes on. The claim is given
the counter as its speaker, as ``ledger.counters`` does for a counter named before the figure.
"""

from __future__ import annotations

import re

from storyline.records import Claim
from storyline.stages.ledger.counters import counter_lexicon, spoken_by
from storyline.stages.ledger.grouping import EntitySpans

# "according to" right after the content, a comma or spaces between; the counter's name follows.
ACCORDING_TO = re.compile(r"[\s,]*according to\s+", re.IGNORECASE)
# What may follow the counter's name: its possessive and a noun of counting ("'s tally", "’s figures"), or
# the sentence's or clause's end (the name itself is the counter).
COUNT_AFTER_NAME = re.compile(r"(?:['’]s\s+(?P<noun>\w+)|\s*[.,;])")


def credited_by_tally(claim: Claim, spans: EntitySpans, counters: frozenset[str], text: str) -> Claim:
    """``claim`` spoken by the counter that "according to …" right after it names (an entity of
    ``counters``, with its count noun when a possessive: "according to the foundation's tally"), when it is
    an outlet's own sentence holding a figure; otherwise ``claim`` as it is."""
    if not claim.outlet_voice or not claim.quantities:
        return claim
    according = ACCORDING_TO.match(text, claim.end)
    if according is None:
        return claim
    for start, end, entity in spans.get(claim.article, []):
        if start != according.end() or entity not in counters:
            continue
        after = COUNT_AFTER_NAME.match(text, end)
        noun = after["noun"] if after else None
        if after and (noun is None or noun.lower() in counter_lexicon().count_nouns):
            return spoken_by(claim, entity, start, end, text[start:end])
    return claim
