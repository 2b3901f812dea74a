"""Credit lines and wire datelines → ``Credit`` records, the provenance the copies stage reads.

A standalone credit line ("Source: Reuters, AFP", "(AP)", "Copyright … Associated Press") leaves the text
and credits each outlet it names, but only when every name looks like an outlet (capitalised, short): "Via
diplomatic channels, Seoul protested" is article text. A dateline opening the lead ("WASHINGTON (AP) —")
stays in the text and credits its agency as ``wire``.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.records import Credit
from storyline.stages.clean.lexicon import Lexicon
from storyline.stages.clean.lines import next_kept, word_count

CREDIT_REASON = "credit"
WIRE_KIND = "wire"
# Boilerplate that may still be a credit: "Copyright 2016 The Associated Press" is removed either way, but
# as the agency's credit; so is a database export's "Byline: By JULIE PACE, Associated Press".
CREDIT_BEARING_REASONS = frozenset({"copyright", "export-label"})


def match_credits(line: str, lexicon: Lexicon, at_tail: bool) -> list[Credit]:
    """The credits a standalone line gives ("Source: Reuters, AFP" → two), or none."""
    words = word_count(line)
    # "Source: Harbour Post (translated from the German)" credits the Harbour Post
    credited = lexicon.outlet_note.sub("", line)
    for rule in lexicon.credit_rules:
        if (rule.tail_only and not at_tail) or words > (rule.max_words or lexicon.max_credit_words):
            continue
        for pattern in rule.patterns:
            found = pattern.fullmatch(credited)
            if not found:
                continue
            named = found.groupdict().get("outlet") or rule.outlet or ""
            outlets = [_closed(o.strip()) for o in lexicon.outlet_separators.split(named) if o.strip()]
            if outlets and all(_looks_like_outlet(o, lexicon.max_outlet_words) for o in outlets):
                return [Credit(kind=rule.kind, outlet=outlet, text=line) for outlet in outlets]
    return []


def find_dateline_credits(
    lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon
) -> dict[int, list[Credit]]:
    """A wire dateline opening the lead ("WASHINGTON (AP) —"): the line stays, its agency is credited."""
    number = -1
    for _ in range(lexicon.dateline_lines):
        following = next_kept(lines, number, reasons)
        if following is None:
            break
        number = following
        found = lexicon.dateline.fullmatch(lines[number])
        if found:
            agencies = [a.strip() for a in found.group("outlet").split("/") if a.strip()]
            return {
                number: [Credit(kind=WIRE_KIND, outlet=a, text=found.group("dateline")) for a in agencies]
            }
    return {}


def _looks_like_outlet(outlet: str, max_words: int) -> bool:
    # "Via diplomatic channels, Seoul protested" must not read as a credit to "diplomatic channels".
    return word_count(outlet) <= max_words and (outlet[0].isupper() or outlet[0].isdigit())


def _closed(outlet: str) -> str:
    # The patterns drop trailing punctuation after the outlet, a bracket of its name too: "Fjord Times
    # (English edition)" must not come out as "Fjord Times (English edition".
    return outlet + ")" * (outlet.count("(") - outlet.count(")"))
