"""The person a lawyer defends, called "her client" (``entities.clients``) — on sentences written for the
tests, run through the real parse."""

from __future__ import annotations

from storyline.records import Mention
from tests.test_entities_mentions import mentions_of


def clients(found: list[Mention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.refers_to) for m in found if m.text.lower().endswith("client")]


def test_her_client_is_the_person_the_one_lawyer_defends() -> None:
    """Issue #17, steppe-train-collision: "His lawyer, X, denied that her client …"; "My client followed
    the instructions" in the lawyer's quote."""
    found = mentions_of(
        "The dispatcher Tomas Lindqvist went on the counter-attack. His lawyer, Mirela Dusk, denied that her "
        'client had given the train a green light. "My client followed the rules," she said.'
    )
    assert clients(found) == [("her client", "Tomas Lindqvist"), ("My client", "Tomas Lindqvist")]


def test_a_lawyer_named_for_a_person_defends_that_person() -> None:
    found = mentions_of(
        "Arvo Kask and Jonas Berg were charged on Monday. Kask's lawyer, Mirela Dusk, said her client was "
        "innocent."
    )
    assert clients(found) == [("her client", "Arvo Kask")]


def test_two_people_before_his_lawyer_leave_the_client_unsaid() -> None:
    """Precision first: "His lawyer" after two men could be either's."""
    found = mentions_of(
        "Arvo Kask and Jonas Berg were charged on Monday. His lawyer, Mirela Dusk, said her client was "
        "innocent."
    )
    assert clients(found) == []


def test_two_lawyers_leave_the_client_unsaid() -> None:
    found = mentions_of(
        "Arvo Kask was charged. His lawyer, Mirela Dusk, spoke. Jonas Berg was charged too. His lawyer, Lina "
        "Varga, said her client was innocent."
    )
    assert clients(found) == []


def test_a_pronoun_before_the_one_person_named_leaves_his_lawyer_unsaid() -> None:
    """Issue #17, jalal-abad-escape: "accuses him of striking the guard X. His lawyer …": "His" is "him",
    named further back, not the guard."""
    found = mentions_of(
        "Among those caught is Arvo Kask, 24. The ministry accuses him of having struck the guard Jonas "
        'Berg. His lawyer, Mirela Dusk, rejects the charge. "My client was in the infirmary," she said.'
    )
    assert clients(found) == []
