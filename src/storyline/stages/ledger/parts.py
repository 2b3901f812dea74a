"""A place's count beside the whole's: a part of the count, no rival of it (issue #17).

The generalise storm story's outlet wrote "In the village of Tigbao …, soldiers … have now recovered 27
bodies" on the day the national agency's toll stood at 43: the 27 stood as a side against the agency's
series (16, 29, 43, 51), and the death toll read as contested. Keying every count by a place its clause
names split series and single counts, since sources name a place in some sentences and not in others
("84,300 … across Eastern Visayas" one day, "71,800 …" the next). So the place is read only where a figure
would otherwise be a rival (``series.series_status`` asks): a position is a part of the whole when

- each of its figures' clauses puts the count in a place: a fronted "In (the village of) X, …", "in X" or
  "at X" after the figure in its clause, or "X's" right before it ("across"/"throughout" a place spans a
  whole, and is no part);
- that place is not a country nor a continent (CLDR's names through Babel, and the entity lexicon's), and
  the whole's sentences (the question's other positions' claims) never name it: a place they name is the
  whole's own ground ("most of them from the landslide in Santa Catalina" is the toll's, not a part);
- another source gives a greater value on the same day: a part is less than its whole, and a conflict is
  two values of one day.

Every other reading stays: a figure no sentence places, or placed where the whole is told, is a side.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from functools import cache

from babel import Locale

from storyline.records import Claim, Position, Quantity
from storyline.stages.entities import entity_lexicon, fold_name
from storyline.stages.ledger.shares import CLAUSE_BREAK

# A place's name: capitalised words ("Tigbao", "Santa Catalina"), perhaps after "the" ("the Philippines").
_NAME = r"(?:the\s+)?(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
# A settlement or area word and "of" before a name ("the village of", "the town of").
_AREA = r"(?:the\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+)?"
# A clause opening on the place it tells of ("In the village of Tigbao in the town of …, soldiers …").
FRONTED_PLACE = re.compile(r"^\W*(?:In|At)\s+" + _AREA + _NAME)
# The place right after the figure in its clause, no comma between ("27 bodies were recovered in Tigbao").
PLACE_AFTER = re.compile(r"^[^,;:()]{0,40}?\b(?:in|at)\s+" + _AREA + _NAME)
# A place owning the figure ("Tigbao's 27 dead").
PLACE_OWNING = re.compile(r"\b(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+(?:[a-z]+\s+)?$")
# What follows the first of a list of places: another name after a comma or "and" ("Belgium, France and
# the Netherlands").
PLACE_LISTED = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*(?:the\s+)?[A-Z]")
# Capitalised words after "in" that name a time, not a place ("in March", "on Monday").
_TIME_NAMES = frozenset(
    name.lower() for name in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name) if name
)


def place_parts(positions: Sequence[Position], claims: Sequence[Claim]) -> dict[int, str]:
    """By index in ``positions``, the place each position counting a part of the whole is of."""
    by_id = {claim.id: claim for claim in claims}
    parts: dict[int, str] = {}
    for index, position in enumerate(positions):
        place = _place_of(position, by_id)
        if place is None:
            continue
        whole = [other for other in positions if other is not position]
        named = " ".join(by_id[claim].text for other in whole for claim in other.claims if claim in by_id)
        if not re.search(rf"\b{re.escape(place)}\b", named) and _less_than_same_day(position, whole):
            parts[index] = place
    return parts


def _place_of(position: Position, by_id: dict[str, Claim]) -> str | None:
    """The one place every claim of the position puts its figure in, or None."""
    if position.value is None or position.stance is not None or not position.claims:
        return None
    places = set()
    for claim_id in position.claims:
        claim = by_id.get(claim_id)
        figure = None if claim is None else _figure(claim, position.value)
        place = None if claim is None or figure is None else figure_place(claim, figure)
        if place is None:
            return None
        places.add(place)
    return places.pop() if len(places) == 1 else None


def _figure(claim: Claim, value: float) -> Quantity | None:
    return next((quantity for quantity in claim.quantities if quantity.value == value), None)


def figure_place(claim: Claim, quantity: Quantity, *, countries: bool = False) -> str | None:
    """The place narrower than a country (with ``countries``, or a country) that the figure's clause puts
    the count in, or None. A place opening a list of places ("in Belgium, France and the Netherlands")
    spans them all, as "across" does: no part."""
    offset, end = quantity.start - claim.start, quantity.end - claim.start
    breaks = list(CLAUSE_BREAK.finditer(claim.text))
    first = max((match.end() for match in breaks if match.end() <= offset), default=0)
    last = min((match.start() for match in breaks if match.start() >= end), default=len(claim.text))
    found = (
        FRONTED_PLACE.match(claim.text[first:offset])
        or PLACE_AFTER.match(claim.text[end:last])
        or PLACE_OWNING.search(claim.text[first:offset])
    )
    if found is None:
        return None
    place = found.group("place")
    place_end = found.end("place") + (end if found.re is PLACE_AFTER else first)
    if place.lower() in _TIME_NAMES or PLACE_LISTED.match(claim.text, place_end):
        return None
    return place if countries or fold_name(place) not in _countries() else None


@cache
def _countries() -> frozenset[str]:
    """Every country's and continent's English name (CLDR, through Babel) and the entity lexicon's names of
    countries, folded."""
    lexicon = entity_lexicon()
    names = (*Locale("en").territories.values(), *lexicon.country_aliases)
    return frozenset(fold_name(name) for name in names) | lexicon.countries


def _less_than_same_day(position: Position, whole: Sequence[Position]) -> bool:
    """Whether another source gives a greater value on the position's day (ISO dates, compared by day)."""
    day = (position.earliest or "")[:10]
    if not day[:1].isdigit():
        return False  # a yearless or missing date places the value on no day
    sources = set(position.speakers) | set(position.speaker_texts) or set(position.outlets)
    return any(
        (other.earliest or "")[:10] == day
        and other.value is not None
        and other.value > (position.value or 0.0)
        and not sources & (set(other.speakers) | set(other.speaker_texts) or set(other.outlets))
        for other in whole
    )
