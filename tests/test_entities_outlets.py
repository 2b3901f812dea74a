"""The outlet a dateline credits (``entities.outlets``) — on texts written for the tests."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.outlets import dateline_outlets
from tests.test_entities_mentions import mentions_of

TEXT = "KARSK, Nov 26 (Velsund Wire) - Talks went on.\n\nThe mediator told Velsund Wire talks would resume."


def test_the_bracketed_outlet_of_a_dateline_is_an_organisation_named_again_later() -> None:
    later = TEXT.rindex("Velsund Wire")
    names = [Mention("a", later, later + len("Velsund Wire"), "Velsund Wire", "GPE")]
    found = dateline_outlets(TEXT, "a", names)
    assert [(m.text, m.label) for m in found] == [("Velsund Wire", "ORG"), ("Velsund Wire", "ORG")]
    assert all(TEXT[m.start : m.end] == m.text for m in found)


def test_a_bracket_outside_a_dateline_is_no_outlet() -> None:
    text = "The mediator met the Karsk Border Corps (KBC) - and the elders - on Monday."
    assert dateline_outlets(text, "a", []) == []


def test_the_pipeline_finds_the_outlet_of_a_dateline() -> None:
    found = mentions_of(TEXT)
    assert [m.label for m in found if m.text == "Velsund Wire"][:1] == ["ORG"]
