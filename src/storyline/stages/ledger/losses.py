"""Sums of money lost: "a $916 million loss", "lost nearly $916 million", "loses a billion dollars".

A dollar figure alone says nothing of what it measures, so money figures only meet by their words, and
five wordings of one loss stood apart (PolNeAR trump-taxes: "had a net loss of more than $915 million",
"lost nearly $916 million in a single year", "took a massive $916 million loss"). A money figure whose
noun or verb is a loss (``[losses]`` of the ledger lexicon) is a loss of its holder, the person named
nearest before it in its claim ("Donald Trump had a net loss of …"); a loss whose claim names no one ("he
took …", "What kind of genius loses …") is a loss of the one holder the story's losses name, and stays of
no holder when they name several or none. The losses of one holder are one question (``ledger.measures``
keys them as it keys a candidate's poll shares), asked "How much did <holder> lose?", unless they are told
of different years (``YEAR_MARK``: a firm's 2015 and 2016 losses are no dispute).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.counted import Measure, dates_figure
from storyline.stages.ledger.grouping import TOKEN_MARK, WORD, EntitySpans
from storyline.stages.ledger.kinds import year_of
from storyline.stages.quantities import number_type

LOSS = "loss"  # the kind of a money figure that is a sum lost
# The mark of a year a loss is told of ("+year:1995"): one holder's losses of two years are two questions.
YEAR_MARK = "+year:"
# Words the figure's noun may trail it by after "in" ("$1 billion in Trump company losses").
NOUN_AFTER_REACH = 4
# Words a loss word may stand before the figure ("a net loss of more than $915 million": four between).
BEFORE_REACH = 6


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    table = load_lexicon("ledger")["losses"]
    return frozenset(table["nouns"]), frozenset(table["verbs"]), frozenset(table["between"])


def names_loss(claim: Claim, quantity: Quantity) -> bool:
    """Whether a money figure is a sum lost: a loss noun ends its own words ("$916 million loss"), follows
    it after "in" ("$1 billion in company losses"), or a loss word comes right before it but for words of
    approximation and bounds ("a loss of more than", "lost nearly"); or its predicate's verb is "lose"."""
    if number_type(quantity) != "money":
        return False
    nouns, verbs, between = _lexicon()
    own = [word.lower() for word in WORD.findall(quantity.text)]
    if own and own[-1] in nouns:
        return True
    after = [word.lower() for word in WORD.findall(claim.text[quantity.end - claim.start :])]
    if after[:1] == ["in"] and any(word in nouns for word in after[1:NOUN_AFTER_REACH]):
        return True
    before = [word.lower() for word in WORD.findall(claim.text[: max(0, quantity.start - claim.start)])]
    for word in reversed(before[-BEFORE_REACH:]):
        if word in nouns or word in verbs:
            return True
        if word not in between:
            break
    predicate = (quantity.predicate or "").lower().split()
    return bool(predicate) and predicate[-1] in verbs


def mark_losses(measures: Sequence[Measure], spans: EntitySpans, persons: Collection[str]) -> list[Measure]:
    """The story's figures with each sum lost of no other kind marked ``LOSS`` and given its holder
    (``_loser``; else the story's one named holder of losses, see the module doc)."""
    losses = {
        index: _loser(m.claim, m.quantity, spans, persons)
        for index, m in enumerate(measures)
        if m.kind is None and m.holder is None and names_loss(m.claim, m.quantity)
    }
    named = {holder for holder in losses.values() if holder is not None}
    only = next(iter(named)) if len(named) == 1 else None
    return [
        replace(m, kind=LOSS, holder=(losses[index] or only), qualifiers=m.qualifiers | _years(m))
        if index in losses
        else m
        for index, m in enumerate(measures)
    ]


def _years(measure: Measure) -> frozenset[str]:
    """``YEAR_MARK`` with each year the claim names as the figure's time ("a net loss of $915 million in
    1995", "returns from 1995 that showed … lost $916 million": ``counted.dates_figure``)."""
    claim = measure.claim
    return frozenset(
        f"{YEAR_MARK}{year}"
        for time in claim.times
        if (year := year_of(time)) is not None and dates_figure(claim, measure.quantity, time)
    )


def years_agree(qualifiers: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two losses may be of one year: both tell a year and share one, or either tells none."""
    years = {q for q in qualifiers if q.startswith(YEAR_MARK)}
    other_years = {q for q in other if q.startswith(YEAR_MARK)}
    return not years or not other_years or bool(years & other_years)


def _loser(claim: Claim, quantity: Quantity, spans: EntitySpans, persons: Collection[str]) -> str | None:
    """ "@<entity id>" of the person named nearest before the figure in its claim (``person_before``)."""
    return person_before(claim, quantity.start, spans, persons)


def person_before(claim: Claim, offset: int, spans: EntitySpans, persons: Collection[str]) -> str | None:
    """ "@<entity id>" of the person whose mention in the claim ends nearest before ``offset`` (an article
    offset); None when the claim names no one before it."""
    before = [
        (end, entity)
        for start, end, entity in spans.get(claim.article, [])
        if entity in persons and claim.start <= start and end <= offset
    ]
    return TOKEN_MARK + max(before)[1] if before else None


def person_name(holder: str, names: Mapping[str, str]) -> str:
    """A holder's name as a label shows it: its entity's name (the entities stage keeps no quote mark at a
    name's edges, ``entities.mentions.STRAY_END``), else the words that name it, title-cased."""
    name = names.get(holder.removeprefix(TOKEN_MARK)) if holder.startswith(TOKEN_MARK) else None
    return name or holder.removeprefix("name:").title()


def loss_label(holder: str, names: Mapping[str, str]) -> str:
    """ "How much did Donald Trump lose?": the loss question names whose loss it is."""
    return f"How much did {person_name(holder, names)} lose?"
