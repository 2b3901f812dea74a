"""Figures a clause says in passing, and sums told apart by who pays them or how they are said
(``ledger.figure_asides``, issue #14)."""

from __future__ import annotations

import pytest

from storyline.config import DEFAULT_SETTINGS
from storyline.stages.ledger.counted import make_measures
from storyline.stages.ledger.figure_asides import capacity_not_asserted, counts_an_enumerated_set, payer
from storyline.stages.ledger.measured_questions import _labelled
from storyline.stages.ledger.measures import Measure, group_measures
from storyline.stages.ledger.quantity_labels import says_what_it_sums
from tests.factories import make_article, make_claim, make_quantity, span_of


def _claim_and_figure(content: str, figure: str, value: float, unit: str = "newspaper"):  # type: ignore[no-untyped-def]
    text = f"The editor said {content}"
    quantity = make_quantity(figure, value, within=text, unit=unit)
    return make_claim(content, article=make_article(text), quantities=(quantity,)), quantity


@pytest.mark.parametrize(
    ("content", "figure", "aside"),
    [
        # a capacity denied or supposed counts nothing that is
        ("we don't think there is room for four newspapers in this town.", "four newspapers", True),
        ("there would be space for 300 cars if the lot were paved.", "300 cars", True),
        # a capacity stated is a measure; a count stated is a count
        ("there is room for 300 cars in the new lot.", "300 cars", False),
        ("the town does not have four newspapers any more.", "four newspapers", False),
    ],
)
def test_a_capacity_denied_or_supposed_is_no_count(content: str, figure: str, aside: bool) -> None:
    claim, quantity = _claim_and_figure(content, figure, 4 if "four" in figure else 300)
    assert capacity_not_asserted(claim, quantity) is aside


@pytest.mark.parametrize(
    ("content", "figure", "aside"),
    [
        # the size of a set the sentence names and then lists by name
        (
            "the loudest critics were the mayor's two deputies -- Ana Ruiz of the north ward and Tom Kell.",
            "two deputies",
            True,
        ),
        ("she thanked her three brothers: Paul, Mark and Luke.", "three brothers", True),
        # no possessor or "the": what the clause reports
        ("the king sent two envoys -- Ali Hassan and Omar Said.", "two envoys", False),
        # no list: the count is what the sentence says
        ("the firm survived its six bankruptcies.", "six bankruptcies", False),
    ],
)
def test_the_size_of_a_set_listed_by_name_is_an_aside(content: str, figure: str, aside: bool) -> None:
    value = {"two": 2, "three": 3, "six": 6}[figure.split()[0]]
    claim, quantity = _claim_and_figure(content, figure, value, unit="person")
    assert counts_an_enumerated_set(claim, quantity) is aside


def _sum(article_id: str, content: str, figure: str, payers: dict[str, str]) -> Measure:
    text = f"The paper said that {content}"
    article = make_article(text, id=article_id)
    quantity = make_quantity(figure, 2_000_000, within=text, unit="USD")
    claim = make_claim(content, article=article, id=f"c-{article_id}", quantities=(quantity,))
    spans = {article_id: [(*span_of(text, name), entity) for name, entity in payers.items()]}
    (measure,) = make_measures(claim, frozenset({"charity", "debate"}), spans=spans)
    return measure


def test_sums_paid_by_two_payers_are_two_questions() -> None:
    gazette = _sum(
        "a",
        "he would attend the debate if the Gazette paid $2 million to charity",
        "$2 million",
        {"the Gazette": "e-gazette"},
    )
    herald = _sum(
        "b",
        "he would attend the debate if the Herald paid $2 million to charity",
        "$2 million",
        {"the Herald": "e-herald"},
    )
    assert (gazette.payer, herald.payer) == ("e-gazette", "e-herald")
    assert len(group_measures([gazette, herald], DEFAULT_SETTINGS.ledger)) == 2
    # a payer named in one only, or in neither ("unless he is paid"), keeps the sums together
    passive = _sum(
        "c", "he would attend the debate only if he is paid $2 million for charity", "$2 million", {}
    )
    assert passive.payer is None
    assert payer(passive.claim, passive.quantity, {}) is None
    assert len(group_measures([gazette, passive], DEFAULT_SETTINGS.ledger)) == 1


def test_one_voice_saying_a_value_as_a_floor_and_exactly_tells_two_sums() -> None:
    first_content = "its ad is part of a $2 million charity debate buy"
    second_content = "it has already spent over $2 million on charity debate ads"
    text = f"The group said {first_content}.\nThe group said {second_content}."
    article = make_article(text)
    exact = make_quantity("$2 million", 2_000_000, within=text, unit="USD")
    floor = make_quantity("over $2 million", 2_000_000, within=text, unit="USD")
    first = make_claim(first_content, article=article, id="c1", speaker_text="The group", quantities=(exact,))
    second = make_claim(
        second_content,
        article=article,
        id="c2",
        speaker_text="The group",
        after=text.index("\n"),
        quantities=(floor,),
    )
    measures = [*make_measures(first, frozenset()), *make_measures(second, frozenset())]
    assert len(measures) == 2
    assert len(group_measures(measures, DEFAULT_SETTINGS.ledger)) == 2


def test_a_sum_is_labelled_from_the_first_figure_whose_words_say_what_it_is() -> None:
    bare = "he will not come unless he is paid $2 million"
    said = "he would only come if the Gazette donated $2 million to charity"
    text = f"The paper said {bare}.\nThe paper said {said}."
    article = make_article(text)
    paid = make_quantity("$2 million", 2_000_000, within=text, unit="USD")
    donated = make_quantity("$2 million", 2_000_000, within=text, after=text.index("\n"), unit="USD")
    first = make_claim(bare, article=article, id="c1", quantities=(paid,))
    second = make_claim(said, article=article, id="c2", after=text.index("\n"), quantities=(donated,))
    assert not says_what_it_sums("USD", first, paid)
    assert says_what_it_sums("USD", second, donated)
    measures = [*make_measures(first, frozenset()), *make_measures(second, frozenset())]
    order, label, informative = _labelled(measures)
    assert measures[order[0]].claim.id == "c2"
    assert "charity" in label and informative
