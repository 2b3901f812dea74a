"""Organisation descriptions in apposition with a name (``entities.descriptions``) — on sentences written for
the tests, run through the real parse."""

from __future__ import annotations

from storyline.records import Mention
from tests.test_entities_mentions import mentions_of


def refers(found: list[Mention], surface: str) -> str | None:
    return next((m.refers_to for m in found if m.text == surface), None)


def test_a_body_owned_by_the_military_in_apposition_is_the_name() -> None:
    """Issue #17, kalat-hostages: "ISPR, the military's media wing" — "military" heads no description, and
    the small model parses the phrase as no apposition."""
    found = mentions_of(
        "In Tarnholm, Inter-Services Public Relations (ISPR), the military's media wing, stated that "
        "there was no evidence of foreign support."
    )
    assert refers(found, "the military's media wing") == "Inter-Services Public Relations"


def test_the_military_alone_is_no_organisation() -> None:
    found = mentions_of("The military's budget grew, and the military said it would recruit more.")
    assert all(m.label != "ORG" for m in found)
