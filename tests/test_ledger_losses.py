"""Sums of money lost are a loss of their holder (``ledger.losses``): the wordings of one loss answer one
question, a sum raised or spent never joins it, and a loss whose claim names no one takes the story's one
named holder of losses, none when the story names several. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim
from storyline.stages.ledger.counted import Measure, make_measures
from storyline.stages.ledger.losses import LOSS, loss_label, mark_losses, names_loss
from storyline.stages.ledger.measures import group_measures
from tests.factories import make_article, make_claim, make_quantity, make_time

NOUN = "Analysts said the airline posted a net loss of more than $40 million in 2019."
VERB = "The paper reported that Jane Roe lost nearly $41 million that year."
OWN = "Critics said she took a $41 million loss on the deal."
AFTER = "Regulators said $40 million in trading losses were hidden."
RAISED = "Aides said the campaign raised $38 million in the spring."


def _claim(text: str, content: str, figure: str, value: float, id: str) -> Claim:
    article = make_article(text, id="a-" + id)
    quantity = make_quantity(figure, value, within=text, unit="USD")
    cue = next(c for c in ("said", "reported") if f" {c} " in text)
    return make_claim(content, article=article, id=id, cue=cue, quantities=(quantity,))


def _claims() -> list[Claim]:
    return [
        _claim(VERB, "Jane Roe lost nearly $41 million that year", "$41 million", 41e6, "c1"),
        _claim(OWN, "she took a $41 million loss on the deal", "$41 million loss", 41e6, "c2"),
        _claim(RAISED, "the campaign raised $38 million in the spring", "$38 million", 38e6, "c3"),
    ]


def _measures(claims: list[Claim]) -> list[Measure]:
    return [m for claim in claims for m in make_measures(claim, frozenset())]


def _roe_spans(claim: Claim) -> dict[str, list[tuple[int, int, str]]]:
    start = claim.start + claim.text.index("Jane Roe")
    return {claim.article: [(start, start + len("Jane Roe"), "roe")]}


def test_a_loss_is_read_from_its_noun_or_its_verb() -> None:
    wordings = [
        (NOUN, "the airline posted a net loss of more than $40 million in 2019", "$40 million"),
        (VERB, "Jane Roe lost nearly $41 million that year", "$41 million"),
        (OWN, "she took a $41 million loss on the deal", "$41 million loss"),
        (AFTER, "$40 million in trading losses were hidden", "$40 million"),
    ]
    for text, content, figure in wordings:
        claim = _claim(text, content, figure, 40e6, "c")
        assert names_loss(claim, claim.quantities[0]), content
    raised = _claims()[2]
    assert not names_loss(raised, raised.quantities[0])


def test_one_holder_s_losses_are_one_question_and_a_sum_raised_stays_apart() -> None:
    claims = _claims()
    marked = mark_losses(_measures(claims), _roe_spans(claims[0]), {"roe"})
    assert [(m.kind, m.holder) for m in marked] == [(LOSS, "@roe"), (LOSS, "@roe"), (None, None)]
    groups = group_measures(marked, DEFAULT_SETTINGS.ledger)
    assert sorted(sorted(m.claim.id for m in group) for group in groups) == [["c1", "c2"], ["c3"]]


def test_an_unnamed_loss_takes_no_holder_when_the_story_names_several() -> None:
    claims = _claims()
    text = "Analysts said Mark Doe posted a net loss of more than $40 million in 2019."
    other = _claim(text, "Mark Doe posted a net loss of more than $40 million", "$40 million", 40e6, "c4")
    doe = other.start + other.text.index("Mark Doe")
    spans = {**_roe_spans(claims[0]), other.article: [(doe, doe + len("Mark Doe"), "doe")]}
    marked = mark_losses(_measures([*claims, other]), spans, {"roe", "doe"})
    assert [m.holder for m in marked] == ["@roe", None, None, "@doe"]


def test_a_loss_is_asked_of_its_holder() -> None:
    # a stray quote mark at a name's edge ("Donald Trump '") is the entities stage's to strip
    # (tests/test_entities_mentions.py, test_a_name_keeps_no_stray_quote_mark_at_its_edges)
    assert loss_label("@roe", {"roe": "Jane Roe"}) == "How much did Jane Roe lose?"


def test_one_holder_s_losses_of_two_years_are_two_questions() -> None:
    texts = [
        "The paper reported that Jane Roe lost $41 million in 2015.",
        "The paper reported that Jane Roe lost $38 million in 2016.",
    ]
    claims = []
    for index, text in enumerate(texts):
        content = text.removeprefix("The paper reported that ").rstrip(".")
        claim = _claim(text, content, " ".join(content.split()[3:5]), 41e6 - 3e6 * index, f"c{index}")
        year = content.split()[-1]
        claims.append(replace(claim, times=(make_time(year, year, "year", within=text),)))
    spans = {claim.article: _roe_spans(claim)[claim.article] for claim in claims}
    marked = mark_losses(_measures(claims), spans, {"roe"})
    assert [m.holder for m in marked] == ["@roe", "@roe"]
    groups = group_measures(marked, DEFAULT_SETTINGS.ledger)
    assert sorted(sorted(m.claim.id for m in group) for group in groups) == [["c0"], ["c1"]]
