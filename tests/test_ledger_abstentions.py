"""Spans of time an event was avoided or not done are measured (``ledger.abstentions``): two wordings of
one span answer one question, decades read in years, a duration no cue or negation governs stays context,
and a span only one claim gives is no question. Sentences written for these tests."""

from __future__ import annotations

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim
from storyline.stages.ledger.abstentions import (
    ABSTAINED,
    abstained_event,
    abstention_label,
    abstention_measures,
    answered_twice,
)
from storyline.stages.ledger.measures import group_measures
from tests.factories import make_article, make_claim, make_quantity

AVOIDED = "Auditors said the firm used the rule to avoid paying royalties for the next 12 years."
NOT_DONE = "Critics said the firm may not have paid royalties for nearly a decade."
CONTEXT = "Officials said the firm paid royalties for 12 years."
LONE = "Neighbours said the miner had not slept for two days."


def _claim(text: str, content: str, figure: str, value: float, unit: str, id: str) -> Claim:
    article = make_article(text, id="a-" + id)
    quantity = make_quantity(figure, value, within=text, unit=unit)
    return make_claim(content, article=article, id=id, cue="said", quantities=(quantity,))


def _avoided() -> Claim:
    content = "the firm used the rule to avoid paying royalties for the next 12 years"
    return _claim(AVOIDED, content, "12 years", 12, "year", "c1")


def _not_done() -> Claim:
    content = "the firm may not have paid royalties for nearly a decade"
    return _claim(NOT_DONE, content, "nearly a decade", 1, "decade", "c2")


def test_the_event_a_duration_spans_is_read_after_its_cue_or_negation() -> None:
    avoided, not_done = _avoided(), _not_done()
    assert abstained_event(avoided, avoided.quantities[0]) == ("paying", ["royalties"])
    assert abstained_event(not_done, not_done.quantities[0]) == ("paid", ["royalties"])
    context = _claim(CONTEXT, "the firm paid royalties for 12 years", "12 years", 12, "year", "c3")
    assert abstained_event(context, context.quantities[0]) is None
    assert abstention_measures(context, frozenset()) == []


def test_two_wordings_of_one_span_are_one_question_in_years() -> None:
    measures = [m for claim in (_avoided(), _not_done()) for m in abstention_measures(claim, frozenset())]
    assert [(m.kind, m.unit, m.quantity.value) for m in measures] == [
        (ABSTAINED + "pay", "year", 12.0),
        (ABSTAINED + "pay", "year", 10.0),
    ]
    groups = group_measures(answered_twice(measures), DEFAULT_SETTINGS.ledger)
    assert [sorted(m.claim.id for m in group) for group in groups] == [["c1", "c2"]]
    assert abstention_label(measures[0]) == "For how many years without paying royalties?"
    assert abstention_label(measures[0], "Jane Roe") == (
        "For how many years did Jane Roe go without paying royalties?"
    )


def test_a_span_only_one_claim_gives_is_no_question() -> None:
    lone = _claim(LONE, "the miner had not slept for two days", "two days", 2, "day", "c4")
    measures = abstention_measures(lone, frozenset())
    assert [m.kind for m in measures] == [ABSTAINED + "sleep"]
    assert answered_twice(measures) == []
