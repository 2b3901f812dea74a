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


def test_an_occupation_stands_for_the_one_person_just_written_about() -> None:
    """Issue #17, kalat-hostages: "The retired teacher says he sleeps badly" after a sentence about one
    freed passenger, whose occupation this report never gave."""
    found = mentions_of(
        "The talks went on. Freed on Monday, Arvid Holmberg, 64, has returned to his home in Karsk. The "
        "retired teacher says he sleeps badly."
    )
    person = next(m for m in found if m.text == "The retired teacher")
    assert person.label == "PERSON" and person.refers_to == "Arvid Holmberg"


def test_an_occupation_no_person_explains_is_no_mention() -> None:
    """Not an office: "the teacher" of one report is no one the role index may find in another."""
    found = mentions_of("Arvid Holmberg and Tomas Berg met on Monday. The teacher said the school was shut.")
    assert all(m.text != "The teacher" for m in found)
