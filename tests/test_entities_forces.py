"""Descriptions of an armed body by its kind (``entities.forces``) — on sentences written for the tests, run
through the real parse."""

from __future__ import annotations

from storyline.records import Mention
from tests.test_entities_mentions import mentions_of


def refers(found: list[Mention], surface: str) -> str | None:
    return next((m.refers_to for m in found if m.text == surface), None)


def test_the_paramilitary_force_is_the_one_corps_named_before() -> None:
    """Issue #17, generalise kalat-hostages: "the paramilitary force" beside an army the rebels named
    themselves after stands for the corps, the one body of that kind."""
    found = mentions_of(
        "The Velsund Liberation Army claimed the attack on the convoy. The Karsk Border Corps set up "
        "checkpoints around the valley. General Arvid Holm, who leads the paramilitary force in the north, "
        "said his men were ready."
    )
    assert refers(found, "the paramilitary force") == "Karsk Border Corps"


def test_a_force_two_armed_bodies_could_be_stays_unresolved() -> None:
    """Precision first: "the force" after an army and a corps could be either."""
    found = mentions_of(
        "The Velsund Liberation Army claimed the attack on the convoy. The Karsk Border Corps set up "
        "checkpoints around the valley. A spokesman said the force would not move."
    )
    assert refers(found, "the force") is None
