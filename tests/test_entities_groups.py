"""An armed group by its kind and its members (``stages/entities/groups.py``), and the business a "company"
description stands for (``stages/entities/organisation_descriptions.py``), on sentences written for the
tests, through the whole mentions stage (issue #17)."""

from __future__ import annotations

from test_entities_mentions import mentions_of

from storyline.records import Mention


def refers(found: list[Mention], surface: str) -> str | None:
    """The organisation a phrase stands for; None where it is no organisation's mention (or no mention)."""
    return next((m.refers_to for m in found if m.text == surface and m.label == "ORG"), None)


def test_an_indefinite_armed_phrase_before_the_name_and_the_members_stand_for_the_group() -> None:
    found = mentions_of(
        "Gunmen seized a bus near Tarnholm. Responsibility was claimed by a little-known separatist "
        "faction. The group, which calls itself the Orvane Liberation Front, wants money. The minister said "
        "no talks would be held with the militants."
    )
    assert refers(found, "a little-known separatist faction") == "Orvane Liberation Front"
    assert refers(found, "the militants") == "Orvane Liberation Front"


def test_a_group_phrase_in_apposition_is_that_names() -> None:
    found = mentions_of(
        "The Orvane Liberation Front, a small faction that broke away in 2019, said it held 40 people. "
        "The insurgents want money."
    )
    assert refers(found, "a small faction") == "Orvane Liberation Front"
    assert refers(found, "The insurgents") == "Orvane Liberation Front"


def test_members_are_no_groups_where_the_article_ties_none_or_two_armed_groups() -> None:
    none = mentions_of("The militants released 30 passengers on Monday, the Velsund Dockers' Union said.")
    assert refers(none, "The militants") is None
    two = mentions_of(
        "The Orvane Liberation Front, a separatist group, and the Karst Freedom Army, a rebel faction, "
        "both claimed the attack. The militants want money."
    )
    assert refers(two, "The militants") is None


def test_a_rights_group_is_never_the_militants() -> None:
    found = mentions_of(
        "The Tarnholm Rights Watch said the hostages were unharmed. The group urged talks. "
        "The minister said the militants would get nothing."
    )
    assert refers(found, "the militants") is None


def test_the_company_goes_past_a_nearer_body_to_the_one_business_shown() -> None:
    found = mentions_of(
        "Gunmen stopped three coaches of the operator Velsund Star Coaches on Sunday. "
        "The army's media wing, Inter-Services Public Relations, said on Wednesday it had no evidence. "
        "The bus company says 131 people were aboard."
    )
    assert refers(found, "The bus company") == "Velsund Star Coaches"
    assert refers(found, "The army's media wing") == "Inter-Services Public Relations"


def test_no_name_runs_over_a_line_break() -> None:
    found = mentions_of("From our correspondent in Tarnholm\n\nGroup by group, the hostages come down.")
    assert all("\n" not in m.text for m in found)
