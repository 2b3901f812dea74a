"""Descriptions of a business by what it owns or runs (``entities.owners``) — on sentences written for the
tests, run through the real parse."""

from __future__ import annotations

from storyline.records import Mention
from tests.test_entities_mentions import by_text, mentions_of


def refers(found: list[Mention], surface: str) -> str | None:
    return next((m.refers_to for m in found if m.text == surface), None)


def test_the_operator_and_the_ships_owner_are_the_one_business_of_the_report() -> None:
    """Issue #17, generalise spill: the shipping company was "the operator" and "the tanker's owner"."""
    found = mentions_of(
        "The freighter Lindholm Star, owned by Velsund Bulk Lines, ran aground off Karsk on Friday. "
        "The coast guard said fuel was leaking. Velsund Bulk Lines said the operator had hired salvors. "
        "Later the freighter's owner promised to pay for the clean-up."
    )
    assert refers(found, "the operator") == "Velsund Bulk Lines"
    assert refers(found, "the freighter's owner") == "Velsund Bulk Lines"


def test_an_operator_named_in_apposition_is_that_name() -> None:
    found = mentions_of(
        "The mine operator, the Ostrava Deep Coal Company, said 40 men were below ground. The Norrland "
        "Mining Company disputed the figure."
    )
    assert refers(found, "The mine operator") == "Ostrava Deep Coal Company"


def test_two_businesses_compete_and_the_operator_stays_unresolved() -> None:
    """Precision first: the report names two companies before "the operator"; either could be meant."""
    found = mentions_of(
        "The shipping company Velsund Bulk Lines chartered the vessel from Karsk Ocean Shipping Ltd. A "
        "spokesman said the operator had hired salvors."
    )
    assert refers(found, "the operator") is None


def test_an_owner_of_no_thing_or_of_a_shop_is_no_business() -> None:
    """ "the owner" alone, a shop's owner or a crane's operator is as often a person: only an owner or
    operator of an installation or a vessel is read as the business."""
    found = mentions_of(
        "The shipping company Velsund Bulk Lines said its ships were safe. The owner of the bakery said "
        "sales had fallen, and the owner said the street was empty. The operator of the crane was unhurt."
    )
    assert refers(found, "The operator") is None
    assert refers(found, "The owner") is None
    assert refers(found, "the owner") is None


def test_a_vessel_the_model_tags_an_organisation_is_never_the_company() -> None:
    """Issue #17, generalise spill: "the company" went to the tanker named just before it."""
    found = mentions_of(
        "The tanker Karsk Pioneer belongs to Velsund Bulk Lines. Velsund Bulk Lines denied that the Karsk "
        "Pioneer had been speeding, and a spokesman said the company would pay for the clean-up."
    )
    assert by_text(found, "the company").refers_to == "Velsund Bulk Lines"


def test_a_place_modifying_the_operator_does_not_block_it() -> None:
    """Issue #17, generalise kalat-hostages: "the Quetta-based operator" went to the place."""
    found = mentions_of(
        "The ferries, run by the Karsk-based operator Velsund Bulk Lines, stayed in port on Monday. "
        "Velsund Bulk Lines said the boats were safe."
    )
    assert refers(found, "the Karsk-based operator") == "Velsund Bulk Lines"


def test_the_shipowner_is_the_business_said_to_own_the_ship_among_others() -> None:
    """Issue #17, generalise cable: a report on a ship damaging cables names the cable operators beside the
    ship's owner; "the shipowner" is the one it says owns the ship, wherever it says so."""
    found = mentions_of(
        "The freighter Arvo Star damaged a cable of Kessel Grid Oyj and a pipe of Norrgas AB. The Finnish "
        "government will seek damages from the shipowner. Meridian Bulk Carriers Ltd, which owns the ship, "
        "denied any fault. The shipowner said its crew had done nothing wrong."
    )
    assert refers(found, "the shipowner") == "Meridian Bulk Carriers Ltd"
    assert refers(found, "The shipowner") == "Meridian Bulk Carriers Ltd"


def test_the_shipowner_of_a_report_naming_no_ships_owner_stays_unresolved() -> None:
    """Precision first: the one business named before it runs a cable, not the ship."""
    found = mentions_of(
        "The freighter Arvo Star damaged a data link run by Norrgas AB. The Finnish government will seek "
        "damages from the shipowner."
    )
    assert refers(found, "the shipowner") is None


def test_a_shipowner_titling_a_persons_name_is_that_persons_title() -> None:
    """Issue #17, generalise thessaloniki-bid: "the shipowner" before a name is a person's occupation."""
    found = mentions_of(
        "Meridian Bulk Carriers Ltd, which owns the ship, denied any fault. Behind the rival bid stand the "
        "shipowner Nikos Vardakis and his brother Petros Vardakis."
    )
    assert refers(found, "the shipowner") != "Meridian Bulk Carriers Ltd"
