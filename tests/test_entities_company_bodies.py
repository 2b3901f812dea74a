"""A company's governing body, its nationality and a family standing for it or not
(``stages/entities/company_bodies.py``, ``nationalities.py``, ``noise.py``), on sentences written for the
tests (issue #17, generalise thessaloniki-bid)."""

from __future__ import annotations

from test_entities_mentions import mentions_of

from storyline.records import Mention
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.nationalities import is_national_description


def refers(found: list[Mention], surface: str) -> str | None:
    return next((m.refers_to for m in found if m.text == surface and m.label == "ORG"), None)


def test_the_board_of_a_company_is_that_company_and_so_is_the_board_alone_after() -> None:
    found = mentions_of(
        "Korvex Industries made an offer for Maredo Logistics on Monday. The board of Maredo Logistics "
        "rejected it. In a filing to the Lisbon Stock Exchange, the directors said the price was too low, "
        "and the board urged shareholders to wait."
    )
    assert refers(found, "The board") == "Maredo Logistics"
    assert refers(found, "the directors") == "Maredo Logistics"
    assert refers(found, "the board") == "Maredo Logistics"


def test_a_board_is_no_ones_where_the_article_names_the_board_of_two_companies_or_none() -> None:
    two = mentions_of(
        "The board of Maredo Logistics rejected the offer. The board of Korvex Industries met on Tuesday. "
        "Later the board said it would wait."
    )
    assert refers(two, "the board") is None
    none = mentions_of("Korvex Industries made an offer for Maredo Logistics. The board said it would wait.")
    assert refers(none, "The board") is None


def test_a_description_with_a_nationality_is_the_one_company_introduced_with_it() -> None:
    found = mentions_of(
        "The Turkish conglomerate Korvex Industries made an offer for Maredo Logistics, the listed Greek "
        "operator of container terminals. Maredo Logistics rejected it. The Turkish group said it would "
        "wait, and the Greek company said it would fight."
    )
    assert refers(found, "The Turkish group") == "Korvex Industries"
    assert refers(found, "the Greek company") == "Maredo Logistics"


def test_a_description_with_a_nationality_no_company_was_introduced_with_is_none() -> None:
    """The nearest company is as often the other party: "the Turkish group" is never the Greek target."""
    found = mentions_of(
        "Korvex Industries made an offer for Maredo Logistics, the listed Greek operator of container "
        "terminals. The Turkish group said it would wait."
    )
    assert refers(found, "The Turkish group") is None


def test_a_nationality_description_in_apposition_before_a_name_is_that_name() -> None:
    """MEANTIME airbus: "Irish low cost airline, Ryanair, has …" introduces the airline after a comma."""
    found = mentions_of(
        "Irish low cost airline, Ryanair, has ordered five Boeing jets. The Irish airline said."
    )
    assert refers(found, "The Irish airline") == "Ryanair"


def test_a_surname_between_the_and_a_family_noun_is_the_family_not_one_person() -> None:
    found = mentions_of(
        "Pelagos Capital is run by Yiannis Xanthakis and his brother Giorgos Xanthakis. "
        "The question is whether the Xanthakis brothers will pay more."
    )
    family = [m for m in found if m.text == "the Xanthakis brothers"]
    assert [m.label for m in family] == ["ROLE"]
    assert not [m for m in found if m.text == "Xanthakis"]


def test_a_generic_head_qualified_by_a_nationality_is_left_for_the_story_and_a_bare_one_is_not() -> None:
    """ "The Turkish group" in a report introducing no Turkish company keeps its text for the story, where
    another report called one company so; "the group" alone says too little."""
    lexicon = entity_lexicon()
    assert is_national_description("The Turkish group", lexicon)
    assert is_national_description("the Turkish conglomerate", lexicon)
    assert not is_national_description("the group", lexicon)
    assert not is_national_description("the industrial group", lexicon)
    found = mentions_of(
        "Korvex Industries made an offer for Maredo Logistics. The Turkish group said it would wait."
    )
    assert [m.label for m in found if m.text == "The Turkish group"] == ["ROLE"]
