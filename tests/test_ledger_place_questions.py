"""A source's count of one place beside its count of the whole is another question (issue #17,
``ledger.place_questions``): an agency's cases in one country leave the question of all its cases."""

from __future__ import annotations

from datetime import date

from factories import make_article, make_claim, make_quantity

from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.parts import figure_place
from storyline.stages.ledger.place_questions import split_place_parts


def measure(
    sentence: str, figure: str, value: float, day: str, speaker: str, kind: str = "infected"
) -> Measure:
    """The figure of "<sentence>, <speaker> said." as a measure of ``kind`` on ``day``."""
    text = f"{sentence}, {speaker} said."
    quantity = make_quantity(figure, value, within=text, unit="case")
    claim = make_claim(
        sentence,
        article=make_article(text, id=f"a-{value:g}-{day}"),
        id=f"c-{value:g}-{day}",
        speaker=speaker,
        quantities=(quantity,),
    )
    return Measure(
        claim, quantity, "case", frozenset(), frozenset(), kind, False, day=date.fromisoformat(day)
    )


def values(groups: list[list[Measure]]) -> list[list[float]]:
    return [[m.quantity.value for m in group] for group in groups]


def test_one_sources_count_of_a_country_beside_its_whole_is_another_question() -> None:
    group = [
        measure("The agency has counted 40 cases of measles", "40", 40, "2026-03-02", "e-agency"),
        measure("The agency has counted 55 cases of measles", "55", 55, "2026-03-04", "e-agency"),
        measure("The agency lists 9 cases in Portugal", "9", 9, "2026-03-05", "e-agency"),
        measure("Health officials report 14 cases in Portugal", "14", 14, "2026-03-05", "e-officials"),
    ]
    assert values(split_place_parts(group)) == [[40, 55], [9, 14]]


def test_a_place_no_source_counts_beside_its_own_whole_stays() -> None:
    # the officials' count in a place is theirs alone: no source says it is a part of a greater count
    group = [
        measure("The agency has counted 40 cases of measles", "40", 40, "2026-03-02", "e-agency"),
        measure("Health officials report 14 cases in Portugal", "14", 14, "2026-03-05", "e-officials"),
    ]
    assert values(split_place_parts(group)) == [[40, 14]]


def test_a_stocks_lower_place_figure_of_a_later_day_stays() -> None:
    # a stock may fall: 30 in hospital in Lisbon two days after 45 in hospital may be the count moving
    group = [
        measure("45 patients are in hospital", "45", 45, "2026-03-02", "e-agency", kind="in_hospital"),
        measure(
            "30 patients are in hospital in Lisbon", "30", 30, "2026-03-04", "e-agency", kind="in_hospital"
        ),
    ]
    assert values(split_place_parts(group)) == [[45, 30]]


def test_a_place_opening_a_list_of_places_spans_them_all() -> None:
    text = "Some 50 people in Spain, Portugal and Italy have fallen ill, the agency said."
    content = "Some 50 people in Spain, Portugal and Italy have fallen ill"
    quantity = make_quantity("50 people", 50, within=text)
    claim = make_claim(content, article=make_article(text), quantities=(quantity,))
    assert figure_place(claim, quantity, countries=True) is None
    text = "Some 50 people in Spain have fallen ill, the agency said."
    quantity = make_quantity("50 people", 50, within=text)
    claim = make_claim(
        "Some 50 people in Spain have fallen ill", article=make_article(text), quantities=(quantity,)
    )
    assert figure_place(claim, quantity, countries=True) == "Spain"
    assert figure_place(claim, quantity) is None  # a country is no part of a national toll
