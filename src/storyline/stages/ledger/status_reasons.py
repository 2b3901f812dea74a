"""The words of a status reason (``ledger.status``): who holds a position, as a reader knows them, and how
many sources; which speakers a reason names apart as not counted, and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from storyline.records import Position

# Who a position lists for a claim with no speaker, no outlet voice and no report words (``sides``).
UNATTRIBUTED = "unattributed"


def count_of(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def who_of(positions: Sequence[Position], names: Mapping[str, str], limit: int = 3, sources: int = 0) -> str:
    """The positions' speakers as a reader knows them (entity ids → names), the first ``limit`` of them.
    ``sources``: how many sources the reason counts, when some of them name no speaker (an unnamed
    official, an outlet's own report): "3 independent sources agree (A, B)" would not add up."""
    found = list(dict.fromkeys(names.get(s, s) for position in positions for s in position.speakers))
    more = max(len(found) - limit, sources - len(found), 0)
    return ", ".join(found[:limit]) + (f" and {more} more" if more else "")


def deniers(denying: Sequence[Position], names: Mapping[str, str]) -> str:
    """Who denies, and how many independent sources when more than one ("2 sources (Police, Ministry)"): a
    reader weighs a denial by one voice and by several differently, as the affirming side is counted."""
    sources = sum(position.independent_sources for position in denying)
    named = who_of(denying, names, sources=sources)
    return f"{sources} sources ({named})" if sources > 1 else named


def answer_text(position: Position) -> str:
    return f"{position.value:,g}" if position.value is not None else str(position.stance)


def not_counted_note(
    answers: Sequence[Position],
    names: Mapping[str, str],
    relayers: frozenset[str],
    uncounted: tuple[frozenset[str], frozenset[str], frozenset[str]],
) -> str:
    """What a reason adds of the answers' speakers it does not count: those relaying another's words, those
    the text names no one for (by their words), those telling their own plans and those only allowing it
    with a hedge (``status._uncounted``)."""
    unnamed, intending, hedging = uncounted
    relaying = [replace(p, speakers=tuple(s for s in p.speakers if s in relayers)) for p in answers]
    note = f"; relayed by {who_of(relaying, names)}" if relayers else ""
    if unnamed:
        note += f"; not counted, naming no one: {', '.join(sorted(unnamed))}"
    if intending:
        planning = sorted(names.get(speaker, speaker) for speaker in intending)
        note += f"; not counted, telling their own plans: {', '.join(planning)}"
    if hedging:
        allowing = sorted(names.get(speaker, speaker) for speaker in hedging)
        note += f"; not counted, only allowing it with a hedge: {', '.join(allowing)}"
    return note
